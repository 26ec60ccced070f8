package io.cexsafe.cli;

import io.cexsafe.Config;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.RunId;
import io.cexsafe.collectors.defillama.DefiLlamaBackfill;
import io.cexsafe.collectors.defillama.DefiLlamaCollector;
import io.cexsafe.collectors.defillama.ReconstructedHistory;
import io.cexsafe.http.HttpSupport;
import io.cexsafe.spi.CollectorRegistry;
import io.cexsafe.store.BackfillOutcome;
import io.cexsafe.store.EvidenceStore;
import io.cexsafe.store.HistoryPoint;
import io.cexsafe.store.StoreException;
import io.cexsafe.store.StoreLocation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows an exchange's stored scores over time. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Show an exchange's score, grade, range, confidence and pillars over the runs stored with",
      "'assess --store', oldest first. HTML adds a line chart of the score and its range.",
      "With --backfill, first reconstruct past daily reserves and incidents from DeFiLlama's dated",
      "history and store them (marked reconstructed; never a score), so trends and alerts work",
      "from the first day. See docs/store.md."
    })
final class HistoryCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(
      paramLabel = "<exchange>",
      description = "Exchange id, name or alias (see 'cexsafe exchanges').")
  String exchange;

  @Option(
      names = "--store",
      paramLabel = "<path|jdbc-url>",
      description =
          "The store: an SQLite file or a jdbc:postgresql:// URL (default:"
              + " $XDG_DATA_HOME/cexsafe/store.db).")
  String store;

  @Option(
      names = "--since",
      paramLabel = "<date>",
      description = "Only runs evaluated on or after this date (YYYY-MM-DD).")
  String since;

  @Option(
      names = "--until",
      paramLabel = "<date>",
      description = "Only runs evaluated on or before this date (YYYY-MM-DD).")
  String until;

  @Option(
      names = "--format",
      paramLabel = "<format>",
      completionCandidates = HistoryReport.Formats.class,
      description = "${COMPLETION-CANDIDATES} (default: table).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "<file>",
      description =
          "Write the report to this file (UTF-8) instead of stdout; it is replaced only once the"
              + " report is complete.")
  Path output;

  @Option(
      names = "--backfill",
      description =
          "First read DeFiLlama's dated reserve history and hacks list (online), store the"
              + " reconstructed days in the store (created when missing), then show the history.")
  boolean backfill;

  @Option(
      names = "--offline",
      description = "Use no network. History alone never does; --backfill needs it and is refused.")
  boolean offline;

  @Mixin PipelineOptions pipeline;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunId runId = pipeline.start(spec);
    HistoryReport.Format chosen = HistoryReport.Format.of(format == null ? "table" : format);
    Instant from =
        since == null
            ? null
            : AssessCommand.parseDate("--since", since).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to =
        until == null
            ? null
            : AssessCommand.parseDate("--until", until)
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .minusMillis(1);
    if (from != null && to != null && from.isAfter(to)) {
      throw new BadInputException("--since " + since + " is after --until " + until);
    }
    if (backfill && offline) {
      throw new BadInputException(
          "--backfill reads DeFiLlama's history online; it cannot run with --offline");
    }
    ExchangeCatalog catalog = common.catalog();
    Exchange chosenExchange = catalog.get(exchange);
    StoreLocation location = StoreSession.location(store);
    if (!backfill && location.isSqlite() && !Files.exists(location.file())) {
      throw new BadInputException(
          "no store at " + location.describe() + " (record runs with 'cexsafe assess --store')");
    }
    PrintWriter err = spec.commandLine().getErr();
    ReconstructedHistory reconstructed = null;
    if (backfill) {
      reconstructed = reconstruct(catalog, chosenExchange);
      reconstructed
          .problems()
          .forEach(problem -> err.println("cexsafe: warning: backfill: " + problem.message()));
    }
    List<HistoryPoint> points;
    try (EvidenceStore opened = StoreSession.openOrRefuse(location)) {
      if (reconstructed != null) {
        BackfillOutcome outcome =
            opened.recordReconstructed(
                runId.value(), chosenExchange.id(), reconstructed.evidence());
        err.println(
            "cexsafe: backfill of "
                + chosenExchange.id()
                + " from DeFiLlama: "
                + reconstructed.reserves().size()
                + " days of reserves and "
                + reconstructed.incidents().size()
                + " incidents reconstructed; "
                + outcome.recorded()
                + " stored, "
                + outcome.alreadyStored()
                + " already stored, "
                + outcome.coveredByRuns()
                + " left to assessed runs of the same day");
      }
      points = opened.history().points(chosenExchange.id(), from, to);
    } catch (StoreException e) {
      err.println("cexsafe: error: " + e.getMessage());
      return Main.STORE_FAILED;
    }
    ReportOutput sink = new ReportOutput();
    sink.output = output;
    sink.write(
        spec.commandLine().getOut(),
        out -> HistoryReport.write(chosen, chosenExchange, points, runId, out));
    if (pipeline.strict && reconstructed != null && !reconstructed.problems().isEmpty()) {
      return Main.SOURCE_FAILED;
    }
    return Main.OK;
  }

  /** Reads DeFiLlama's dated history of the exchange with the run's settings. */
  private ReconstructedHistory reconstruct(ExchangeCatalog catalog, Exchange chosen) {
    Config config = common.config();
    Config defillama = config.scoped(DefiLlamaCollector.ID);
    if (!defillama.get(CollectorRegistry.ENABLED)) {
      throw new BadInputException(
          "--backfill reads DeFiLlama, which is switched off (defillama.enabled=false)");
    }
    DefiLlamaBackfill backfill = DefiLlamaBackfill.fromConfig(defillama);
    try (HttpSupport http = IdentitySources.http(config)) {
      return backfill.reconstruct(chosen, catalog, http, Instant.now());
    }
  }
}
