package io.cexsafe.cli;

import io.cexsafe.protection.Claim;
import io.cexsafe.protection.ClaimAssessment;
import io.cexsafe.protection.ClaimEvaluator;
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

/** Account-protection programmes: check a claim's eligibility. */
@Command(
    name = "protection",
    mixinStandardHelpOptions = true,
    description = "Account-protection programmes (e.g. Crypto.com's APP).",
    subcommands = {ProtectionCommand.Check.class})
final class ProtectionCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: check)");
  }

  /** {@code cexsafe protection check <claim.json>}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Check a claim against a protection programme: covered or not, each minimum condition,"
            + " what is still needed, the deadline to contact support and a recovery estimate.",
        "Input format: docs/account-protection.md. Exit code 0 whatever the outcome; 2 for bad"
            + " input."
      })
  static final class Check implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<claim.json>", description = "The claim (JSON).")
    Path claimFile;

    @Option(
        names = "--programme",
        paramLabel = "<file>",
        description = "A programme description (JSON) instead of the bundled one the claim names.")
    Path programmeFile;

    @Option(
        names = "--format",
        defaultValue = "table",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--verbose", description = "Show stack traces on errors.")
    boolean verbose;

    @Spec CommandLine.Model.CommandSpec spec;

    /** Dates a claim without {@code evaluatedOn}: today in the claim's time zone. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
      Claim claim = Claim.fromJson(ProtectionInputs.read(claimFile), claimFile.toString(), clock);
      ProtectionProgramme programme =
          ProtectionInputs.programme(programmeFile, claim.programmeId(), claimFile);
      ClaimAssessment assessment = ClaimEvaluator.forProgramme(programme).evaluate(claim);
      PrintWriter out = spec.commandLine().getOut();
      out.print(
          format == OutputFormat.JSON
              ? ReportEnvelope.of("protection-claim", Main.runId(spec), null).pretty(assessment)
              : ProtectionReports.text(assessment));
      out.flush();
      return Main.OK;
    }
  }
}
