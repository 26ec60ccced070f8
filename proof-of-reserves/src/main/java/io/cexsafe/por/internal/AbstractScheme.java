package io.cexsafe.por.internal;

import io.cexsafe.facts.ProofStrength;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.ProofScheme;
import io.cexsafe.por.Verdict;
import io.cexsafe.por.VerificationStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Shared plumbing: what a scheme is (id, description, strength, who publishes it and whether a tree
 * file goes with it) is declared once in its constructor, and malformed input becomes a verdict,
 * never an exception.
 */
abstract class AbstractScheme implements ProofScheme {
  /** For {@code takesTree}: the format publishes a tree file that goes with a user's proof. */
  static final boolean TAKES_TREE = true;

  /** For {@code takesTree}: a user's proof is all there is. */
  static final boolean NO_TREE = false;

  private final String id;
  private final String description;
  private final ProofStrength strength;
  private final Set<String> publishers;
  private final boolean takesTree;

  /**
   * @param publishers catalogue ids of the exchanges known to publish this format (exchanges
   *     outside the bundled catalogue by the ids a user catalogue would give them)
   * @param takesTree {@link #TAKES_TREE} or {@link #NO_TREE}
   */
  AbstractScheme(
      String id,
      String description,
      ProofStrength strength,
      Set<String> publishers,
      boolean takesTree) {
    this.id = Objects.requireNonNull(id, "id");
    this.description = Objects.requireNonNull(description, "description");
    this.strength = Objects.requireNonNull(strength, "strength");
    this.publishers = Set.copyOf(publishers);
    this.takesTree = takesTree;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final ProofStrength strength() {
    return strength;
  }

  @Override
  public final Set<String> publishers() {
    return publishers;
  }

  @Override
  public final boolean takesTree() {
    return takesTree;
  }

  @Override
  public final boolean detects(ProofInput input) {
    try {
      return recognises(input);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public final Verdict verify(ProofInput input) {
    try {
      return check(input);
    } catch (MalformedProofException e) {
      return Verdict.malformed(id, strength, e.level(), e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      return Verdict.malformed(id, strength, null, "cannot read input: " + e.getMessage());
    } catch (ArithmeticException | NumberFormatException e) {
      // a scheme missed a bound: still bad input, never a crash (other exceptions are bugs)
      return Verdict.malformed(
          id,
          strength,
          null,
          "a number in the input is out of range or unreadable ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + Texts.quote(e.getMessage()))
              + ")");
    }
  }

  abstract boolean recognises(ProofInput input);

  abstract Verdict check(ProofInput input) throws IOException;

  final Verdict included(
      String reason,
      Map<String, BigDecimal> userBalances,
      Map<String, BigDecimal> rootTotals,
      String rootHash,
      List<String> findings) {
    return new Verdict(
        id,
        VerificationStatus.INCLUDED,
        strength,
        null,
        reason,
        userBalances,
        rootTotals,
        rootHash,
        findings);
  }

  /**
   * Why a root total is not printed exactly as the format prints the recomputed sum, or null when
   * every one is. Compared as text, not by value: a sum is the format's own output, so "007.000" is
   * not what it prints for 7.
   *
   * @param where the JSON path of the root's balances object
   */
  static String misprintedTotal(
      Iterable<String> assets,
      Map<String, BigDecimal> sums,
      Map<String, String> printed,
      Function<BigDecimal, String> format,
      String where) {
    for (String asset : assets) {
      String expected = format.apply(sums.get(asset));
      if (!expected.equals(printed.get(asset))) {
        return "root "
            + asset
            + " total '"
            + printed.get(asset)
            + "' at "
            + where
            + "."
            + asset
            + " != recomputed '"
            + expected
            + "'";
      }
    }
    return null;
  }

  final Verdict notIncluded(
      Integer level,
      String reason,
      Map<String, BigDecimal> userBalances,
      Map<String, BigDecimal> rootTotals,
      String rootHash,
      List<String> findings) {
    return new Verdict(
        id,
        VerificationStatus.NOT_INCLUDED,
        strength,
        level,
        reason,
        userBalances,
        rootTotals,
        rootHash,
        findings);
  }

  @Override
  public String toString() {
    return id;
  }
}
