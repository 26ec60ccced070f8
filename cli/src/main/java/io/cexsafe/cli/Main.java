package io.cexsafe.cli;

import io.cexsafe.CexsafeException;
import io.cexsafe.ConfigurationException;
import io.cexsafe.InvalidInputException;
import io.cexsafe.UnknownExchangeException;
import io.cexsafe.Version;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
      CatalogCommand.class,
      SettingsCommand.class,
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
    // straight to the file descriptors: System.out is a PrintStream, which hides write errors
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8)),
            true);
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    int code = run(out, err, args);
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line with the given output streams and returns the exit code. Output that
   * could not be written (disk full, closed pipe) turns success into {@link #FAILURE}.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    int code;
    try {
      code = commandLine(out, err).execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // errors escape picocli's handler; they still get one plain line
      err.println(
          "cexsafe: unexpected failure: "
              + (e instanceof OutOfMemoryError ? "out of memory" : "the input is nested too deeply")
              + (List.of(args).contains("--verbose") ? "" : " (run with --verbose for details)"));
      if (List.of(args).contains("--verbose")) {
        e.printStackTrace(err);
      }
      code = FAILURE;
    }
    out.flush();
    if (out.checkError()) {
      err.println(
          "cexsafe: error: could not write the output (the disk is full or the reader closed the"
              + " pipe)");
      return code == OK ? FAILURE : code;
    }
    return code;
  }

  private static CommandLine commandLine(PrintWriter out, PrintWriter err) {
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
          int code;
          if (isBadInput(ex)) {
            errors.println("cexsafe: error: " + ex.getMessage());
            code = BAD_INPUT;
          } else if (ex instanceof OutputFailedException
              || ex instanceof SourceUnavailableException) {
            errors.println("cexsafe: error: " + ex.getMessage());
            code = FAILURE;
          } else if (ioFailure(ex) != null) {
            errors.println(
                "cexsafe: error: input or output failed: "
                    + ioFailure(ex)
                    + (verbose ? "" : " (run with --verbose for details)"));
            code = FAILURE;
          } else {
            // a bug: a plain sentence; the Java details only with --verbose
            errors.println(
                "cexsafe: unexpected failure, probably a bug in cexsafe"
                    + (verbose ? "" : " (run with --verbose for details)"));
            code = FAILURE;
          }
          if (verbose) {
            ex.printStackTrace(errors);
          }
          return code;
        });
    return commandLine;
  }

  static boolean isBadInput(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownExchangeException
          || t instanceof InvalidInputException
          || t instanceof ConfigurationException
          || t instanceof BadInputException) {
        return true;
      }
      if (!(t instanceof CexsafeException)) {
        return false;
      }
    }
    return false;
  }

  /** The message of an I/O failure behind {@code e}, or null. */
  private static String ioFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io.getMessage() == null ? "an I/O error" : io.getMessage();
      }
    }
    return null;
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
