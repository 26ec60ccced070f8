package io.cexsafe.por;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Provenance;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.facts.ProofVerification;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The result of verifying one proof.
 *
 * @param schemeId the scheme that judged the proof
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

  /** The collector id under which verified proofs become evidence. */
  public static final String COLLECTOR_ID = "proof-of-reserves";

  /**
   * Validates the components, copying lists and turning null ones empty.
   *
   * @param schemeId the scheme that judged the proof
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

  /**
   * A verdict on a proof that could not be checked: not evidence of anything.
   *
   * @param schemeId the scheme that judged the proof
   * @param strength the scheme's proof-strength class
   * @param breakingLevel where the proof broke, or null
   * @param reason why, in one sentence
   * @return the malformed verdict
   */
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

  /**
   * This verdict as Proof-of-Reserves evidence: a {@link ProofVerification} fact, known
   * cryptographically because cexsafe recomputed the proof itself.
   *
   * @param exchangeId the exchange the proof is about
   * @param provenance where the proof came from, cryptographically verified
   * @param snapshotDate the snapshot the proof belongs to, when known; may be null
   * @return the evidence
   * @throws IllegalStateException for a malformed proof, which establishes nothing
   * @throws IllegalArgumentException unless the provenance's class is {@link
   *     EvidenceClass#CRYPTOGRAPHICALLY_VERIFIED}
   */
  public Evidence toEvidence(String exchangeId, Provenance provenance, LocalDate snapshotDate) {
    if (status == VerificationStatus.MALFORMED) {
      throw new IllegalStateException("a malformed proof is not evidence: " + reason);
    }
    if (provenance.evidenceClass() != EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED) {
      throw new IllegalArgumentException(
          "a recomputed proof is cryptographically verified evidence, not "
              + provenance.evidenceClass().id());
    }
    ProofVerification fact =
        new ProofVerification(
            schemeId,
            strength,
            isIncluded(),
            rootHash.isEmpty() ? null : rootHash,
            snapshotDate,
            rootTotals,
            isIncluded() ? null : reason);
    return Evidence.of(exchangeId, fact, provenance);
  }

  /**
   * The usual provenance for a proof the user verified from a file.
   *
   * @param source where the proof file is, as a URL
   * @param title the proof's title
   * @param observedAt when the proof's snapshot was taken
   * @param retrievedAt when the proof was read
   * @return a cryptographically verified provenance
   */
  public static Provenance provenance(
      java.net.URI source,
      String title,
      java.time.Instant observedAt,
      java.time.Instant retrievedAt) {
    return Provenance.builder(COLLECTOR_ID)
        .source(source, title)
        .observedAt(observedAt)
        .retrievedAt(retrievedAt)
        .evidenceClass(EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED)
        .build();
  }

  /** {@return whether the proof shows the user's balances included} */
  public boolean isIncluded() {
    return status == VerificationStatus.INCLUDED;
  }

  /** {@return where the check failed, in the scheme's level numbering, or empty} */
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
