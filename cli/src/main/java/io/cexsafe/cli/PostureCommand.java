package io.cexsafe.cli;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.PostureAuditor;
import io.cexsafe.protection.PostureReport;
import io.cexsafe.protection.ProtectionProgramme;
import io.cexsafe.protection.ProtectionReports;
import io.cexsafe.reports.ReportEnvelope;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cexsafe posture <account.json>}: audit one's own account settings. */
@Command(
    name = "posture",
    mixinStandardHelpOptions = true,
    description = {
      "Audit your own account's security settings: findings with the recommended step, readiness"
          + " for the protection programme, and the maintenance tasks due.",
      "Input format: docs/account-protection.md. Exit code 0 whatever the findings; 2 for bad"
          + " input."
    })
final class PostureCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "<account.json>", description = "Account settings (JSON).")
  Path accountFile;

  @Option(
      names = "--programme",
      paramLabel = "<file>",
      description = "A programme description (JSON) instead of the bundled one the file names.")
  Path programmeFile;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--verbose", description = "Show stack traces on errors.")
  boolean verbose;

  @Spec CommandLine.Model.CommandSpec spec;

  /** Dates an audit without {@code evaluatedOn}: today in UTC. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    AccountSettings account =
        AccountSettings.fromJson(ProtectionInputs.read(accountFile), accountFile.toString(), clock);
    ProtectionProgramme programme =
        ProtectionInputs.programme(programmeFile, account.programmeId(), accountFile);
    PostureReport report = PostureAuditor.forProgramme(programme).audit(account);
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        format == OutputFormat.JSON
            ? ReportEnvelope.of("posture", Main.runId(spec), null).pretty(report)
            : ProtectionReports.text(report));
    out.flush();
    return Main.OK;
  }
}
