package io.cexsafe.cli;

import io.cexsafe.Exchange;
import io.cexsafe.store.EvidenceStore;
import io.cexsafe.store.HistoryPoint;
import io.cexsafe.store.StoreException;
import io.cexsafe.store.StoreLocation;
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
      "'assess --store', oldest first. HTML adds a line chart of the score and its range."
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

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
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
    Exchange chosenExchange = common.catalog().get(exchange);
    StoreLocation location = StoreSession.location(store);
    if (location.isSqlite() && !Files.exists(location.file())) {
      throw new BadInputException(
          "no store at " + location.describe() + " (record runs with 'cexsafe assess --store')");
    }
    List<HistoryPoint> points;
    try (EvidenceStore opened = StoreSession.openOrRefuse(location)) {
      points = opened.history().points(chosenExchange.id(), from, to);
    } catch (StoreException e) {
      spec.commandLine().getErr().println("cexsafe: error: " + e.getMessage());
      return Main.STORE_FAILED;
    }
    ReportOutput sink = new ReportOutput();
    sink.output = output;
    sink.write(
        spec.commandLine().getOut(),
        out -> HistoryReport.write(chosen, chosenExchange, points, Main.runId(spec), out));
    return Main.OK;
  }
}
