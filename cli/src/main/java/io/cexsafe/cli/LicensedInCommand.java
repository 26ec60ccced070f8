package io.cexsafe.cli;

import io.cexsafe.Config;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.RunId;
import io.cexsafe.collectors.regulators.LicenceView;
import io.cexsafe.reports.ReportEnvelope;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Lists the catalogue's exchanges with a licence or registration in one country. */
@Command(
    name = "licensed-in",
    mixinStandardHelpOptions = true,
    description = {
      "Which exchanges hold a licence or registration in a country, as the registers show it.",
      "MiCA authorisations count in every EU/EEA state they are passported to.",
      "Exit 1 when nothing could be verified (offline, or every register failed); with --strict,",
      "exit 3 when a register failed or answered in part for some exchange."
    })
final class LicensedInCommand implements Callable<Integer> {
  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "<country>", description = "ISO 3166 two-letter code, e.g. GB, FR, SG.")
  String country;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = "--offline",
      description = "Do not contact the registers (nothing can be verified).")
  boolean offline;

  @Mixin PipelineOptions pipeline;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunId runId = pipeline.start(spec);
    String code;
    try {
      code = LicenceView.country(country);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    if (!ISO_COUNTRIES.contains(code)) {
      // ZZ and other unassigned codes would query every register for nothing
      throw new BadInputException(
          "'" + country + "' is not an assigned ISO 3166 country code (e.g. GB, FR, SG)");
    }
    Config config = common.config();
    ExchangeCatalog catalog = common.catalog();
    PrintWriter out = spec.commandLine().getOut();
    if (offline) {
      spec.commandLine()
          .getErr()
          .println(
              "cexsafe: "
                  + RegisterCheck.OFFLINE_MESSAGE.replace(
                      "; below are the catalogue's unverified claims", ""));
      return Main.FAILURE;
    }
    List<EvidenceBundle> bundles = RegisterCheck.run(runId, config, catalog, catalog.all());
    List<LicenceView.Row> rows = LicenceView.licensedIn(code, bundles);
    boolean anyChecked =
        bundles.stream().anyMatch(b -> RegisterCheck.anyChecked(LicenceView.coverage(b)));
    if (format == OutputFormat.JSON) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("country", code);
      json.put("licences", rows);
      Map<String, Object> registers = new LinkedHashMap<>();
      bundles.forEach(b -> registers.put(b.exchangeId(), LicenceView.coverage(b)));
      json.put("registers", registers);
      Map<String, Object> outcomes = new LinkedHashMap<>();
      bundles.forEach(b -> outcomes.put(b.exchangeId(), b.outcomes()));
      json.put("outcomes", outcomes);
      out.println(
          ReportEnvelope.of("licensed-in", runId, bundles.isEmpty() ? null : bundles.get(0).asOf())
              .pretty(json));
    } else {
      out.println(
          "Licences and registrations in "
              + code
              + (bundles.isEmpty() ? "" : ", checked " + RegisterCheck.asOf(bundles.get(0))));
      out.println();
      if (!rows.isEmpty()) {
        RegisterCheck.printRows(out, rows, true);
      } else if (anyChecked) {
        out.println(
            "  No exchange in the catalogue is listed for "
                + code
                + " by the registers that answered.");
      } else {
        out.println("  Nothing could be verified: no register answered.");
      }
      if (bundles.stream().anyMatch(b -> b.outcomes().stream().anyMatch(o -> !o.isOk()))) {
        out.println();
        out.println("Not fully checked:");
        RegisterCheck.printOutcomes(out, bundles);
      }
    }
    out.flush();
    int sources = pipeline.finish(bundles, spec.commandLine().getErr());
    // nothing verified (1) outranks --strict's source failure (3): docs/limits.md
    boolean verifiedNothing = rows.isEmpty() && !anyChecked;
    return verifiedNothing ? Main.FAILURE : sources;
  }
}
