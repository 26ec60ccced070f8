package io.cexsafe.cli;

import io.cexsafe.AssessmentListener;
import io.cexsafe.Assessor;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Config;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.Json;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Pillar;
import io.cexsafe.spi.CollectorRegistry;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Collects evidence about one or more exchanges and reports it. */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    description = {
      "Collect sourced evidence about exchanges and report it by pillar, with each collector's outcome.",
      "Collectors that cannot reach their source are reported as failed; bundled evidence still counts."
    })
final class AssessCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(
      arity = "1..*",
      paramLabel = "<exchange>",
      description = "Exchange ids, names or aliases (see 'cexsafe exchanges').")
  List<String> exchanges;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--offline", description = "Use no network: only bundled and local evidence.")
  boolean offline;

  @Option(
      names = "--as-of",
      paramLabel = "<date>",
      description = "Evaluation date (YYYY-MM-DD), so that a run can be reproduced. Default: now.")
  String asOf;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show progress on stderr (default: only when attached to a terminal).")
  Boolean progress;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Config config = common.config();
    ExchangeCatalog catalog = common.catalog();
    List<Exchange> selected = new ArrayList<>();
    for (String name : new LinkedHashSet<>(exchanges)) {
      Exchange exchange = catalog.get(name);
      if (!selected.contains(exchange)) {
        selected.add(exchange);
      }
    }
    Instant evaluation = parseAsOf(asOf);
    CollectorRegistry registry =
        CollectorRegistry.builder()
            .config(config)
            .discover(AssessCommand.class.getClassLoader())
            .build();
    PrintWriter err = spec.commandLine().getErr();
    registry.problems().forEach(problem -> err.println("cexsafe: warning: " + problem));
    if (registry.collectors().isEmpty()) {
      err.println("cexsafe: warning: no collectors are installed; the report will be empty");
    }
    List<EvidenceBundle> bundles;
    boolean showProgress = progress != null ? progress : ProgressDisplay.stderrIsTerminal();
    try (ProgressDisplay display =
            showProgress
                ? ProgressDisplay.onTerminal(err, selected.size() * registry.collectors().size())
                : null;
        Assessor assessor =
            Assessor.builder()
                .catalog(catalog)
                .collectors(registry)
                .config(config)
                .offline(offline)
                .asOf(evaluation)
                .listener(display != null ? display : AssessmentListener.NONE)
                .build()) {
      bundles = assessor.assessAll(selected);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      out.print(bundles.size() == 1 ? bundles.get(0).toJson() : Json.writePretty(bundles));
      return Main.OK;
    }
    for (int i = 0; i < bundles.size(); i++) {
      if (i > 0) {
        out.println();
      }
      printBundle(out, selected.get(i), bundles.get(i));
    }
    return Main.OK;
  }

  static Instant parseAsOf(String value) {
    if (value == null) {
      return null;
    }
    try {
      // the end of the given day, so that facts published on that day count
      return LocalDate.parse(value.trim())
          .plusDays(1)
          .atStartOfDay(ZoneOffset.UTC)
          .toInstant()
          .minusSeconds(1);
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          "invalid --as-of '" + value + "': expected a date such as 2026-11-21");
    }
  }

  private static void printBundle(PrintWriter out, Exchange exchange, EvidenceBundle bundle) {
    out.println(exchange.name() + " (" + exchange.id() + "), evidence as of " + bundle.asOf());
    out.println();
    out.println("Collectors:");
    TextTable outcomes = new TextTable("COLLECTOR", "STATUS", "EVIDENCE", "DETAIL");
    for (CollectorOutcome outcome : bundle.outcomes()) {
      outcomes.row(
          outcome.collectorId(),
          outcome.status().id()
              + (outcome.status() == OutcomeStatus.OK ? "" : " (" + outcome.reason().id() + ")"),
          String.valueOf(outcome.evidenceCount()),
          outcome.message() == null ? "" : outcome.message());
    }
    outcomes.print(out, "  ");
    for (Map.Entry<Pillar, List<Evidence>> entry : bundle.byPillar().entrySet()) {
      Pillar pillar = entry.getKey();
      List<Evidence> evidence = entry.getValue();
      out.println();
      out.println(
          pillar.displayName()
              + " (weight "
              + pillar.defaultWeight()
              + "): "
              + (evidence.isEmpty()
                  ? "no evidence, unknown"
                  : evidence.size() + " pieces of evidence"));
      for (Evidence e : evidence) {
        out.println(
            "  - "
                + e.fact().summary()
                + " ["
                + e.evidenceClass().id()
                + ", observed "
                + e.provenance().observedAt().atOffset(ZoneOffset.UTC).toLocalDate()
                + (e.provenance().isStaleAt(bundle.asOf()) ? ", STALE" : "")
                + "]");
        out.println(
            "      " + e.provenance().sourceTitle() + " <" + e.provenance().sourceUrl() + ">");
      }
    }
  }
}
