package io.cexsafe.cli;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.RunId;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * What a scheduler needs from every command that runs collectors ({@code assess}, {@code compare},
 * {@code watch}, {@code licences}, {@code licensed-in}, {@code history --backfill}): --strict for
 * an exit code that says a source failed, --run-id to carry the scheduler's own id, and
 * --log-format json for log lines a log pipeline can parse. One mixin, so the options mean the same
 * everywhere. Without them, stdout is what it always was; a run with failed or partial sources adds
 * one summary line on stderr either way.
 */
public final class PipelineOptions {
  /** How many failed or partial runs the stderr summary names before it says "and N more". */
  static final int NAMED_IN_SUMMARY = 3;

  @Option(
      names = "--strict",
      description =
          "Exit with "
              + Main.SOURCE_FAILED
              + " when any collector failed or was partial (the report is still written).")
  boolean strict;

  @Option(
      names = "--run-id",
      paramLabel = "<id>",
      converter = RunIdConverter.class,
      description =
          "Id of this run in the JSON envelope and the logs, e.g. the scheduler's run id"
              + " (default: a new time-ordered UUID).")
  RunId runId;

  @Option(
      names = "--log-format",
      paramLabel = "<format>",
      defaultValue = "text",
      converter = LogFormatConverter.class,
      description =
          "text or json: JSON log lines on stderr carry the run id and, from a collector, the"
              + " exchange and collector (default: ${DEFAULT-VALUE}).")
  LogFormat logFormat = LogFormat.TEXT;

  /** The formats of log lines. */
  enum LogFormat {
    TEXT,
    JSON
  }

  /**
   * The run id of this invocation: --run-id when given, otherwise the one {@link Main} generated.
   * Also switches logging to JSON when asked and puts the run id in the logging context. Call it
   * before reading the settings, which set the log levels for the chosen log format.
   */
  RunId start(CommandSpec spec) {
    RunId id = runId != null ? runId : Main.runId(spec);
    if (logFormat == LogFormat.JSON) {
      LoggingStart.useJsonLines();
    }
    LoggingStart.putRunId(id.value());
    return id;
  }

  /**
   * Prints one line on stderr when any collector failed or was partial, and returns the exit code:
   * {@link Main#SOURCE_FAILED} under --strict when one did, otherwise {@link Main#OK}.
   */
  int finish(List<EvidenceBundle> bundles, PrintWriter err) {
    String summary = summary(bundles);
    if (summary == null) {
      return Main.OK;
    }
    err.println("cexsafe: " + (strict ? "error: " : "warning: ") + summary);
    err.flush();
    return strict ? Main.SOURCE_FAILED : Main.OK;
  }

  /** "2 of 14 collector runs failed or were partial: ...", or null when none did. */
  static String summary(List<EvidenceBundle> bundles) {
    int runs = 0;
    List<String> troubled = new ArrayList<>();
    for (EvidenceBundle bundle : bundles) {
      for (CollectorOutcome outcome : bundle.outcomes()) {
        runs++;
        if (outcome.status() == OutcomeStatus.FAILED || outcome.status() == OutcomeStatus.PARTIAL) {
          troubled.add(
              outcome.collectorId()
                  + " "
                  + outcome.status().id()
                  + " for "
                  + bundle.exchangeId()
                  + " ("
                  + outcome.reason().id()
                  + ")");
        }
      }
    }
    if (troubled.isEmpty()) {
      return null;
    }
    StringBuilder line =
        new StringBuilder()
            .append(troubled.size())
            .append(" of ")
            .append(runs)
            .append(runs == 1 ? " collector run" : " collector runs")
            .append(troubled.size() == 1 ? " failed or was partial: " : " failed or were partial: ")
            .append(
                String.join(
                    ", ", troubled.subList(0, Math.min(NAMED_IN_SUMMARY, troubled.size()))));
    if (troubled.size() > NAMED_IN_SUMMARY) {
      line.append(" and ").append(troubled.size() - NAMED_IN_SUMMARY).append(" more");
    }
    return line.toString();
  }

  /** Turns --run-id into a {@link RunId}; a malformed one is a usage error. */
  static final class RunIdConverter implements ITypeConverter<RunId> {
    @Override
    public RunId convert(String value) {
      try {
        return RunId.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Reads --log-format case-insensitively, naming the choices when the value is none of them. */
  static final class LogFormatConverter implements ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
      try {
        return LogFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("invalid --log-format '" + value + "': use text or json");
      }
    }
  }
}
