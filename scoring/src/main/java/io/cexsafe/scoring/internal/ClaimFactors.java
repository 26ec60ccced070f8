package io.cexsafe.scoring.internal;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Claims earn less than verification. A rule that credits facts by evidence class multiplies its
 * points by the factor of the least trusted evidence it relied on: the same statement earns its
 * full points when a primary source confirms it and a fraction when only the exchange (or a third
 * party repeating it) says so. The least trusted, not the most, so that a verified fact about one
 * part of a rule never lends its credibility to a claim about another.
 */
public final class ClaimFactors {
  private ClaimFactors() {}

  private static final Map<EvidenceClass, Double> FACTORS = factors();

  private static Map<EvidenceClass, Double> factors() {
    Map<EvidenceClass, Double> factors = new EnumMap<>(EvidenceClass.class);
    factors.put(EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED, 1.0);
    factors.put(EvidenceClass.REGULATOR_REGISTER, 1.0);
    factors.put(EvidenceClass.INDEPENDENT_ATTESTATION, 0.9);
    factors.put(EvidenceClass.EXCHANGE_DISCLOSURE, 0.7);
    factors.put(EvidenceClass.THIRD_PARTY_REPORT, 0.6);
    factors.put(EvidenceClass.USER_REPORTS, 0.4);
    return factors;
  }

  /** Why each factor is what it is (for the generated methodology document). */
  public static final Map<EvidenceClass, String> REASONS =
      Map.of(
          EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED,
          "checked by cexsafe itself: nothing to discount",
          EvidenceClass.REGULATOR_REGISTER,
          "the regulator's own record (or a regulator-required filing), which carries legal"
              + " liability for misstatement",
          EvidenceClass.INDEPENDENT_ATTESTATION,
          "an accountant or auditor looked, within a scope that may leave gaps",
          EvidenceClass.EXCHANGE_DISCLOSURE,
          "the exchange's word: FTX's terms promised segregation; a promise is worth somewhat"
              + " more than silence, but much less than proof",
          EvidenceClass.THIRD_PARTY_REPORT,
          "a press or analyst account, usually repeating the exchange",
          EvidenceClass.USER_REPORTS,
          "anecdotes from users: a signal, not a statement of fact");

  public static double of(EvidenceClass evidenceClass) {
    return FACTORS.get(evidenceClass);
  }

  /** The factor of the least trusted evidence in {@code used}; 1 when nothing was used. */
  public static double weakest(Collection<Evidence> used) {
    return used.stream().mapToDouble(e -> of(e.evidenceClass())).min().orElse(1.0);
  }

  public static Map<EvidenceClass, Double> all() {
    return new EnumMap<>(FACTORS);
  }
}
