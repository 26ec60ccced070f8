package io.cexsafe.cli;

import io.cexsafe.Exchange;
import io.cexsafe.reports.ReportRenderer;
import io.cexsafe.store.EvidenceStore;
import io.cexsafe.store.HistoryPoint;
import io.cexsafe.store.RunHistory;
import io.cexsafe.store.Snapshot;
import io.cexsafe.store.StoreException;
import io.cexsafe.store.diff.SnapshotDiff;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows what changed for an exchange between two stored runs. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show what changed for an exchange since a date or a run, from the store: facts added,",
      "removed and changed (matched by what they are about), score, grade and confidence before",
      "and after, red flags raised or cleared, and the rules that moved the score. Compares the",
      "latest stored run (or --to) with the latest run at or before --since. See docs/alerts.md."
    })
final class DiffCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "<exchange>", description = "Exchange id, name or alias.")
  String exchange;

  @Option(
      names = "--since",
      required = true,
      paramLabel = "<date|run>",
      description =
          "The earlier side: a date (YYYY-MM-DD: the latest run at or before the end of that"
              + " day, UTC) or a run id.")
  String since;

  @Option(
      names = "--to",
      paramLabel = "<run>",
      description = "The later side: a run id (default: the latest stored run of the exchange).")
  String to;

  @Mixin StoreAccess storeAccess;

  @Mixin ReportOutput report;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String format = formatId(report);
    Exchange resolved = common.catalog().get(exchange);
    String id = resolved.id();
    SnapshotDiff diff;
    try (EvidenceStore store = storeAccess.openExisting()) {
      RunHistory history = store.history();
      List<HistoryPoint> points = history.points(id);
      if (points.isEmpty()) {
        throw new BadInputException(
            "the store "
                + store.location().describe()
                + " has no run of "
                + id
                + "; record one with 'cexsafe assess "
                + id
                + " --store …'");
      }
      Snapshot later =
          to == null
              ? snapshot(history, id, points.get(points.size() - 1).runId())
              : snapshot(history, id, to);
      Snapshot earlier = earlier(history, id, points);
      diff = SnapshotDiff.between(earlier, later);
    } catch (StoreException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("cexsafe: error: " + e.getMessage());
      return Main.STORE_FAILED;
    }
    SnapshotDiff done = diff;
    report.write(
        spec.commandLine().getOut(), out -> DiffReport.write(format, done, Main.runId(spec), out));
    return Main.OK;
  }

  private Snapshot earlier(RunHistory history, String id, List<HistoryPoint> points) {
    LocalDate date = asDate(since);
    if (date == null) {
      return snapshot(history, id, since);
    }
    AssessCommand.parseDate("--since", since);
    Instant endOfDay = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
    return history
        .latestAtOrBefore(id, endOfDay)
        .orElseThrow(
            () ->
                new BadInputException(
                    "no stored run of "
                        + id
                        + " at or before "
                        + date
                        + "; the oldest is "
                        + points.get(0).runId()
                        + " ("
                        + points.get(0).asOf()
                        + ")"));
  }

  private static Snapshot snapshot(RunHistory history, String id, String runId) {
    return history
        .snapshot(id, runId)
        .orElseThrow(
            () ->
                new BadInputException("no stored run '" + runId + "' of " + id + " in the store"));
  }

  private static LocalDate asDate(String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The --format id, once it is known to render a diff. */
  static String formatId(ReportOutput report) {
    ReportRenderer renderer = report.format;
    String id = renderer == null ? "table" : renderer.id();
    if (!DiffReport.FORMATS.contains(id)) {
      throw new BadInputException(
          "report format '"
              + id
              + "' cannot render a diff; formats that can: "
              + String.join(", ", DiffReport.FORMATS));
    }
    return id;
  }
}
