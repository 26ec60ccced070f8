package io.cexsafe.cli;

import io.cexsafe.Config;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.RunId;
import io.cexsafe.collectors.regulators.LicenceView;
import io.cexsafe.reports.ReportEnvelope;
import io.cexsafe.reports.TextTable;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows an exchange's licences and registrations as the registers report them. */
@Command(
    name = "licences",
    aliases = "licenses",
    mixinStandardHelpOptions = true,
    description = {
      "Check an exchange's licences and registrations in the public registers, by country.",
      "Identifier matches (FRN, LEI, ABN, licence number) come first; name-only matches are labelled.",
      "Exit 1 when nothing could be verified (offline, or every register failed); with --strict,",
      "exit 3 when a register failed or answered in part."
    })
final class LicencesCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "<exchange>", description = "Exchange id, name or alias.")
  String exchange;

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
    Config config = common.config();
    ExchangeCatalog catalog = common.catalog();
    Exchange selected = catalog.get(exchange);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (offline) {
      err.println("cexsafe: " + RegisterCheck.OFFLINE_MESSAGE);
      printClaims(out, selected, runId);
      return Main.FAILURE;
    }
    EvidenceBundle bundle = RegisterCheck.run(runId, config, catalog, List.of(selected)).get(0);
    List<LicenceView.Row> rows = LicenceView.rows(bundle);
    List<LicenceView.RegisterCoverage> coverage = LicenceView.coverage(bundle);
    boolean anyChecked = RegisterCheck.anyChecked(coverage);
    if (format == OutputFormat.JSON) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("exchange", selected.id());
      json.put("licences", rows);
      json.put("registers", coverage);
      json.put("outcomes", bundle.outcomes());
      out.println(ReportEnvelope.of("licences", runId, bundle.asOf()).pretty(json));
    } else {
      out.println(
          selected.name()
              + " ("
              + selected.id()
              + "): licences and registrations, checked "
              + RegisterCheck.asOf(bundle));
      out.println();
      if (!rows.isEmpty()) {
        RegisterCheck.printRows(out, rows, false);
      } else if (anyChecked) {
        out.println("  No register that answered lists this exchange's entities.");
      } else {
        out.println("  Nothing could be verified: no register answered for this exchange.");
      }
      out.println();
      RegisterCheck.printCoverage(out, coverage, false);
      if (bundle.outcomes().stream().anyMatch(o -> !o.isOk())) {
        out.println();
        out.println("Not fully checked:");
        RegisterCheck.printOutcomes(out, List.of(bundle));
      }
    }
    out.flush();
    int sources = pipeline.finish(List.of(bundle), spec.commandLine().getErr());
    // nothing verified (1) outranks --strict's source failure (3): docs/limits.md
    boolean verifiedNothing = rows.isEmpty() && !anyChecked;
    return verifiedNothing ? Main.FAILURE : sources;
  }

  private void printClaims(PrintWriter out, Exchange selected, RunId runId) {
    List<ExchangeIdentifier> claims =
        selected.identifiers().stream()
            .filter(
                i ->
                    List.of("fca", "esma", "fincen", "vara", "austrac", "mas", "fintrac")
                        .contains(i.scheme().substring(0, i.scheme().indexOf('.'))))
            .toList();
    if (format == OutputFormat.JSON) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("exchange", selected.id());
      json.put("verified", false);
      json.put("message", RegisterCheck.OFFLINE_MESSAGE);
      json.put("claims", claims);
      out.println(ReportEnvelope.of("licence-claims", runId, null).pretty(json));
      return;
    }
    TextTable table = new TextTable("SCHEME", "IDENTIFIER", "ENTITY", "STATUS");
    for (ExchangeIdentifier claim : claims) {
      table.row(
          claim.scheme(),
          claim.value(),
          claim.entity() == null ? "" : claim.entity(),
          "claimed, not verified");
    }
    table.print(out, "  ");
  }
}
