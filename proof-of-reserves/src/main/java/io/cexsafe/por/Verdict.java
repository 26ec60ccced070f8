package io.cexsafe.por;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The result of verifying one proof.
 *
 * @param schemeId the scheme that judged the proof ({@code unknown} when none matched)
 * @param status included, not included or malformed
 * @param strength the scheme's proof-strength class
 * @param breakingLevel where the check failed, in the scheme's own level numbering (height, level
 *     or depth as the file states it); {@code null} when included or when no level applies
 * @param reason why, in one sentence
 * @param userBalances the user's balances as the proof states them, by asset (sorted by key)
 * @param rootTotals the root's totals per asset where the scheme carries sums (sorted by key);
 *     empty for plain hash trees and zk proofs (whose sums stay inside the circuit)
 * @param rootHash the published root, as printed, or empty when the proof did not get that far
 * @param findings modifiers worth recording beside the class: truncated digests, negative sums,
 *     unconfirmed encodings, checks this verifier cannot make
 */
public record Verdict(
    String schemeId,
    VerificationStatus status,
    ProofStrength strength,
    Integer breakingLevel,
    String reason,
    Map<String, BigDecimal> userBalances,
    Map<String, BigDecimal> rootTotals,
    String rootHash,
    List<String> findings) {

  public Verdict {
    Objects.requireNonNull(schemeId, "schemeId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(strength, "strength");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(rootHash, "rootHash");
    if (status == VerificationStatus.INCLUDED && breakingLevel != null) {
      throw new IllegalArgumentException("an included proof has no breaking level");
    }
    userBalances = sortedCopy(userBalances);
    rootTotals = sortedCopy(rootTotals);
    findings = List.copyOf(findings);
  }

  public static Verdict malformed(
      String schemeId, ProofStrength strength, Integer breakingLevel, String reason) {
    return new Verdict(
        schemeId,
        VerificationStatus.MALFORMED,
        strength,
        breakingLevel,
        reason,
        Map.of(),
        Map.of(),
        "",
        List.of());
  }

  public boolean isIncluded() {
    return status == VerificationStatus.INCLUDED;
  }

  public OptionalInt breakingLevelIfAny() {
    return breakingLevel == null ? OptionalInt.empty() : OptionalInt.of(breakingLevel);
  }

  private static Map<String, BigDecimal> sortedCopy(Map<String, BigDecimal> source) {
    Objects.requireNonNull(source, "balances");
    TreeMap<String, BigDecimal> copy = new TreeMap<>();
    source.forEach(
        (asset, amount) ->
            copy.put(
                Objects.requireNonNull(asset, "asset"), Objects.requireNonNull(amount, asset)));
    return Collections.unmodifiableSortedMap(copy);
  }
}
