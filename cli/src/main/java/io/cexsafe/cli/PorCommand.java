package io.cexsafe.cli;

import io.cexsafe.InputFiles;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.ProofScheme;
import io.cexsafe.por.ProofVerifier;
import io.cexsafe.por.Verdict;
import io.cexsafe.reports.TextTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cexsafe por}: verify an exchange's Proof-of-Reserves inclusion proof, or list the formats.
 * Exit codes of {@code verify}: 0 verified, 1 not verified, 2 bad input.
 */
@Command(
    name = "por",
    description = "Verify Proof-of-Reserves inclusion proofs.",
    mixinStandardHelpOptions = true,
    subcommands = {PorCommand.Verify.class, PorCommand.Formats.class})
final class PorCommand implements Runnable {
  /** Exit code of {@code verify}: the proof was checked and does not hold. */
  static final int NOT_VERIFIED = 1;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  @Command(
      name = "verify",
      description = "Check that a proof's leaf hashes up to its published root.",
      mixinStandardHelpOptions = true)
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--format",
        paramLabel = "<id>",
        description = "Proof format (see 'cexsafe por formats'); detected when omitted.")
    String format;

    @Parameters(index = "0", paramLabel = "<proof-file>", description = "The user's proof file.")
    Path proofFile;

    @Parameters(
        index = "1",
        arity = "0..1",
        paramLabel = "<tree-file>",
        completionCandidates = TreeFormatIds.class,
        description =
            "The published full tree, for formats that publish one (${COMPLETION-CANDIDATES}).")
    Path treeFile;

    @Option(
        names = "--max-tree-size",
        paramLabel = "<size>",
        description =
            "Largest tree file accepted, e.g. 128G (default: 64G; binary units K, M, G, T).")
    String maxTreeSize;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      ProofVerifier verifier = ProofVerifier.standard();
      long maxTreeBytes;
      try {
        maxTreeBytes =
            maxTreeSize == null
                ? ProofInput.DEFAULT_MAX_TREE_BYTES
                : InputFiles.parseSize(maxTreeSize);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--max-tree-size: " + e.getMessage());
      }
      ProofInput input;
      try {
        input = ProofInput.fromFiles(proofFile, treeFile, maxTreeBytes);
      } catch (IOException e) {
        throw new BadInputException("cannot read " + describe(e));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
      // an unknown or undetectable format is an InvalidInputException: Main reports it, exit 2
      Verdict verdict = format == null ? verifier.verify(input) : verifier.verify(format, input);
      print(verdict, out);
      return switch (verdict.status()) {
        case INCLUDED -> Main.OK;
        case NOT_INCLUDED -> NOT_VERIFIED;
        case MALFORMED -> throw new BadInputException(proofFile + ": " + verdict.reason());
      };
    }

    private static String describe(IOException e) {
      return e instanceof java.nio.file.NoSuchFileException
          ? e.getMessage() + " (no such file)"
          : e.getMessage();
    }

    /**
     * Built by concatenation rather than {@code printf}: the verdict needs no formatting, and the
     * first {@code java.util.Formatter} use of a run costs about 13 ms of main-thread CPU on a cold
     * JVM (it is paid later only if something else in the run formats).
     */
    private static void print(Verdict verdict, PrintWriter out) {
      String newline = System.lineSeparator();
      StringBuilder text = new StringBuilder(512);
      text.append("format:   ")
          .append(verdict.schemeId())
          .append(" (")
          .append(strength(verdict.strength()))
          .append(')')
          .append(newline);
      text.append("status:   ").append(verdict.status()).append(newline);
      text.append("reason:   ").append(verdict.reason()).append(newline);
      if (verdict.breakingLevel() != null) {
        text.append("breaks at level: ").append(verdict.breakingLevel().intValue()).append(newline);
      }
      if (!verdict.rootHash().isEmpty()) {
        text.append("root:     ").append(verdict.rootHash()).append(newline);
      }
      if (!verdict.userBalances().isEmpty()) {
        text.append("balances: ").append(amounts(verdict.userBalances())).append(newline);
      }
      if (!verdict.rootTotals().isEmpty()) {
        text.append("root totals: ").append(amounts(verdict.rootTotals())).append(newline);
      }
      for (String finding : verdict.findings()) {
        text.append("note:     ").append(finding).append(newline);
      }
      out.print(text);
      out.flush();
    }

    private static String amounts(Map<String, BigDecimal> amounts) {
      StringJoiner joined = new StringJoiner(", ");
      amounts.forEach((asset, value) -> joined.add(asset + " " + value.toPlainString()));
      return joined.toString();
    }
  }

  static String strength(ProofStrength strength) {
    return strength.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  @Command(
      name = "formats",
      description = "List the proof formats cexsafe verifies.",
      mixinStandardHelpOptions = true)
  static final class Formats implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      TextTable table = new TextTable("FORMAT", "STRENGTH", "PUBLISHED BY", "DESCRIPTION");
      for (ProofScheme scheme : ProofVerifier.standard().schemes()) {
        String publishers =
            scheme.publishers().isEmpty()
                ? "-"
                : String.join(",", new TreeSet<>(scheme.publishers()));
        table.row(scheme.id(), strength(scheme.strength()), publishers, scheme.description());
      }
      table.print(spec.commandLine().getOut());
      return Main.OK;
    }
  }
}
