package io.cexsafe.cli;

import io.cexsafe.CexsafeException;
import io.cexsafe.ConfigurationException;
import io.cexsafe.InvalidInputException;
import io.cexsafe.UnknownExchangeException;
import io.cexsafe.Version;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cexsafe} command. */
@Command(
    name = "cexsafe",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description =
        "Judge how safe it is to keep money on a centralized crypto exchange, with evidence.",
    subcommands = {
      ExchangesCommand.class,
      MethodologyCommand.class,
      AssessCommand.class,
      CompareCommand.class,
      ProtectionCommand.class,
      PostureCommand.class,
      PorCommand.class,
      LicencesCommand.class,
      LicensedInCommand.class,
      BacktestCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code: done (partial evidence included). */
  public static final int OK = 0;

  /** Exit code: an unexpected failure (a bug, an I/O error writing output). */
  public static final int FAILURE = 1;

  /** Exit code: bad input or usage. */
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(
        (ex, arguments) -> {
          CommandLine failed = ex.getCommandLine();
          failed.getErr().println("cexsafe: " + ex.getMessage());
          if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, failed.getErr())) {
            failed
                .getErr()
                .println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
          }
          return BAD_INPUT;
        });
    commandLine.setExecutionExceptionHandler(
        (ex, failed, parseResult) -> {
          boolean verbose = parseResult.hasMatchedOption("--verbose") || hasVerbose(parseResult);
          PrintWriter errors = failed.getErr();
          if (isBadInput(ex)) {
            errors.println("cexsafe: error: " + ex.getMessage());
            if (verbose) {
              ex.printStackTrace(errors);
            }
            return BAD_INPUT;
          }
          errors.println(
              "cexsafe: unexpected failure: "
                  + ex
                  + (verbose ? "" : " (run with --verbose for details)"));
          if (verbose) {
            ex.printStackTrace(errors);
          }
          return FAILURE;
        });
    return commandLine.execute(args);
  }

  static boolean isBadInput(Throwable e) {
    return e instanceof UnknownExchangeException
        || e instanceof InvalidInputException
        || e instanceof ConfigurationException
        || e instanceof BadInputException
        || (e instanceof CexsafeException && e.getCause() instanceof InvalidInputException);
  }

  private static boolean hasVerbose(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult sub = parseResult;
    while (sub != null) {
      if (sub.hasMatchedOption("--verbose")) {
        return true;
      }
      sub = sub.subcommand();
    }
    return false;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  /** Reports cexsafe's version. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"cexsafe " + Version.current()};
    }
  }
}
