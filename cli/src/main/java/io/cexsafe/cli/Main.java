package io.cexsafe.cli;

import io.cexsafe.CexsafeException;
import io.cexsafe.ConfigurationException;
import io.cexsafe.InvalidInputException;
import io.cexsafe.RunId;
import io.cexsafe.UnknownExchangeException;
import io.cexsafe.Version;
import io.cexsafe.http.HttpSupport;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cexsafe} command. */
@Command(
    name = "cexsafe",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description =
        "Judge how safe it is to keep money on a centralized crypto exchange, with evidence.")
public final class Main implements Runnable {
  /**
   * The subcommands' names in the order help lists them. A command line naming a subcommand builds
   * only that one's model (see {@link #commandLine}); {@code help} and anything else get them all.
   * The models are built in code ({@link CommandModels}, generated from the annotations of the
   * classes {@link #newSubcommand} names): picocli's reflection over the annotations cost more than
   * a quarter of a short command's start-up even for one subcommand.
   */
  static final List<String> SUBCOMMANDS =
      List.of(
          "exchanges",
          "methodology",
          "assess",
          "compare",
          "protection",
          "posture",
          "por",
          "licences",
          "licensed-in",
          "backtest",
          "catalog",
          "history",
          "diff",
          "watch",
          "settings",
          "help");

  /** Other names of subcommands: alias to name, as their {@code @Command} annotations declare. */
  private static final Map<String, String> ALIASES = Map.of("licenses", "licences");

  /**
   * A new instance of a subcommand's annotated class: the source {@link CommandModels} is generated
   * from (by {@code CommandModelGenerator}, a test), not used at run time.
   */
  static Object newSubcommand(String name) {
    return switch (name) {
      case "exchanges" -> new ExchangesCommand();
      case "methodology" -> new MethodologyCommand();
      case "assess" -> new AssessCommand();
      case "compare" -> new CompareCommand();
      case "protection" -> new ProtectionCommand();
      case "posture" -> new PostureCommand();
      case "por" -> new PorCommand();
      case "licences" -> new LicencesCommand();
      case "licensed-in" -> new LicensedInCommand();
      case "backtest" -> new BacktestCommand();
      case "catalog" -> new CatalogCommand();
      case "history" -> new HistoryCommand();
      case "diff" -> new DiffCommand();
      case "watch" -> new WatchCommand();
      case "settings" -> new SettingsCommand();
      case "help" -> new CommandLine.HelpCommand();
      default -> throw new IllegalArgumentException("no subcommand " + name);
    };
  }

  /** Exit code: done (partial evidence included). */
  public static final int OK = 0;

  /** Exit code: an unexpected failure (a bug, an I/O error writing output). */
  public static final int FAILURE = 1;

  /** Exit code: bad input or usage. */
  public static final int BAD_INPUT = 2;

  /**
   * Exit code: with {@code --strict}, a collector failed or was partial (the report was still
   * written).
   */
  public static final int SOURCE_FAILED = 3;

  /** Exit code: the store failed; the assessment was still printed. */
  public static final int STORE_FAILED = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** One per invocation: the JSON envelope, the logs and a stored run share it. */
  private final RunId runId = RunId.generate();

  /**
   * The run id of the invocation a command belongs to; a fresh one for a command run outside {@link
   * Main} (as some tests do).
   */
  static RunId runId(CommandLine.Model.CommandSpec spec) {
    return spec.root().userObject() instanceof Main main ? main.runId : RunId.generate();
  }

  /**
   * Runs the {@code cexsafe} command and exits with its code (docs/limits.md lists them).
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    LoggingStart.select();
    if (fetchesFirst(args)) {
      HttpSupport.prepareInBackground();
    }
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

  /** The commands whose online runs start by fetching: assessments. */
  private static final List<String> FETCHING = List.of("assess", "compare");

  /**
   * Whether the command line is an online assessment ({@code assess} or {@code compare} without
   * {@code --offline}, help or version), whose first requests wait on the HTTP client: then {@link
   * #main} has the client's TLS set-up built on another core while settings, catalogue and
   * collectors load. A command that may fetch later or rarely (an identity look-up, a webhook) does
   * not pay for it on the other core.
   */
  static boolean fetchesFirst(String... args) {
    if (args.length == 0 || !FETCHING.contains(args[0])) {
      return false;
    }
    for (String argument : args) {
      switch (argument) {
        case "--offline", "--help", "-h", "--version", "-V" -> {
          return false;
        }
        default -> {}
      }
    }
    return true;
  }

  /**
   * Runs the command line with the given output streams and returns the exit code. Output that
   * could not be written (disk full, closed pipe) turns success into {@link #FAILURE}.
   *
   * @param out where results go
   * @param err where errors and progress go
   * @param args the command line
   * @return the exit code
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    int code;
    try {
      code = commandLine(out, err, args).execute(args);
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
    } finally {
      // a process (a test, an embedding) may run several command lines: nothing carries over
      LoggingStart.clear();
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

  /**
   * The command line for {@code args}: with only the subcommand that {@code args} start with, else
   * (no arguments, an option, {@code help}, an unknown word) with every subcommand, so that help,
   * errors and suggestions list them all. Subcommands are added before any setting, which picocli
   * applies to the subcommands present when it is set.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(CommandModels.root(new Main()));
    String first = args.length == 0 ? "" : ALIASES.getOrDefault(args[0], args[0]);
    if (SUBCOMMANDS.contains(first) && !first.equals("help")) {
      commandLine.addSubcommand(CommandModels.subcommand(first));
    } else {
      for (String name : SUBCOMMANDS) {
        commandLine.addSubcommand(CommandModels.subcommand(name));
      }
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(new ParameterFailure());
    commandLine.setExecutionExceptionHandler(new ExecutionFailure());
    return commandLine;
  }

  // The two handlers are classes, not lambdas: a lambda implementing one of picocli's interfaces
  // (Java 5 class files) is never kept in the launcher's class-data archive, so each run generated
  // its class, and with it started the JDK's class generator, for every command.

  /** Bad usage: the message, a suggestion or the usage hint, exit code 2. */
  private static final class ParameterFailure implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] arguments) {
      CommandLine failed = ex.getCommandLine();
      failed.getErr().println("cexsafe: " + ex.getMessage());
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, failed.getErr())) {
        failed
            .getErr()
            .println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
      }
      return BAD_INPUT;
    }
  }

  /** A command failed: one line by the kind of failure, the stack trace with --verbose. */
  private static final class ExecutionFailure implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception ex, CommandLine failed, CommandLine.ParseResult parseResult) {
      boolean verbose = parseResult.hasMatchedOption("--verbose") || hasVerbose(parseResult);
      PrintWriter errors = failed.getErr();
      int code;
      if (isBadInput(ex)) {
        errors.println("cexsafe: error: " + ex.getMessage());
        code = BAD_INPUT;
      } else if (ex instanceof OutputFailedException
          || ex instanceof SelectionFailedException
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
    }
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
