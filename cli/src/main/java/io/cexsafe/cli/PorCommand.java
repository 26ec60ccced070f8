package io.cexsafe.cli;

import io.cexsafe.InvalidInputException;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.ProofScheme;
import io.cexsafe.por.ProofVerifier;
import io.cexsafe.por.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
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
public final class PorCommand implements Callable<Integer> {
  static final int VERIFIED = 0;
  static final int NOT_VERIFIED = 1;
  static final int BAD_INPUT = 2;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return BAD_INPUT;
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
        description = "The published full tree, for formats that publish one (okx-v2, bitmex).")
    Path treeFile;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      ProofVerifier verifier = ProofVerifier.standard();
      Verdict verdict;
      try {
        ProofInput input = ProofInput.fromFiles(proofFile, treeFile);
        verdict = format == null ? verifier.verify(input) : verifier.verify(format, input);
      } catch (IOException e) {
        err.println("cexsafe: cannot read " + describe(e));
        return BAD_INPUT;
      } catch (InvalidInputException | IllegalArgumentException e) {
        err.println("cexsafe: " + e.getMessage());
        return BAD_INPUT;
      }
      print(verdict, out);
      return switch (verdict.status()) {
        case INCLUDED -> VERIFIED;
        case NOT_INCLUDED -> NOT_VERIFIED;
        case MALFORMED -> {
          err.println("cexsafe: " + proofFile + ": " + verdict.reason());
          yield BAD_INPUT;
        }
      };
    }

    private static String describe(IOException e) {
      return e instanceof java.nio.file.NoSuchFileException
          ? e.getMessage() + " (no such file)"
          : e.getMessage();
    }

    private static void print(Verdict verdict, PrintWriter out) {
      out.printf(
          Locale.ROOT,
          "format:   %s (%s)%n",
          verdict.schemeId(),
          verdict.strength().name().toLowerCase(Locale.ROOT).replace('_', ' '));
      out.printf(Locale.ROOT, "status:   %s%n", verdict.status());
      out.printf(Locale.ROOT, "reason:   %s%n", verdict.reason());
      if (verdict.breakingLevel() != null) {
        out.printf(Locale.ROOT, "breaks at level: %d%n", verdict.breakingLevel());
      }
      if (!verdict.rootHash().isEmpty()) {
        out.printf(Locale.ROOT, "root:     %s%n", verdict.rootHash());
      }
      if (!verdict.userBalances().isEmpty()) {
        out.printf(Locale.ROOT, "balances: %s%n", amounts(verdict.userBalances()));
      }
      if (!verdict.rootTotals().isEmpty()) {
        out.printf(Locale.ROOT, "root totals: %s%n", amounts(verdict.rootTotals()));
      }
      for (String finding : verdict.findings()) {
        out.printf(Locale.ROOT, "note:     %s%n", finding);
      }
    }

    private static String amounts(Map<String, BigDecimal> amounts) {
      StringJoiner joined = new StringJoiner(", ");
      amounts.forEach((asset, value) -> joined.add(asset + " " + value.toPlainString()));
      return joined.toString();
    }
  }

  @Command(
      name = "formats",
      description = "List the proof formats cexsafe verifies.",
      mixinStandardHelpOptions = true)
  static final class Formats implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (ProofScheme scheme : ProofVerifier.standard().schemes()) {
        out.printf(
            Locale.ROOT,
            "%-22s %-30s %s%n",
            scheme.id(),
            scheme.strength().name().toLowerCase(Locale.ROOT),
            scheme.description());
      }
      return VERIFIED;
    }
  }
}
