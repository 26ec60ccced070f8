package io.cexsafe.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The kinds of red flag that cap a grade whatever the pillars say, each with its cap. Signs that
 * customers may already be losing access to their money (a halt, an insolvency filing, a run) cap
 * the grade at CCC: "substantial risk". The others cap it at BB: "speculative", below every
 * investment-grade letter, because each alone has preceded collapses but also been survived.
 */
public enum RedFlagKind {
  /** Withdrawals halted or paused: caps at CCC. */
  WITHDRAWALS_HALTED(Grade.CCC, "withdrawals halted or paused"),
  /** An insolvency or bankruptcy filing: caps at CCC. */
  INSOLVENCY(Grade.CCC, "an insolvency or bankruptcy filing"),
  /** Reserves down more than half in a week: caps at CCC. */
  RESERVES_COLLAPSE(Grade.CCC, "reserves down more than half in a week"),
  /** A licence revoked or lapsed, or a regulator's enforcement or warning: caps at BB. */
  REGULATORY_ACTION(
      Grade.BB,
      "a licence revoked or lapsed, or a regulator's enforcement or warning against the exchange"),
  /** The exchange's own token above 30 % of reserves: caps at BB. */
  OWN_TOKEN_RESERVES(Grade.BB, "own-token share of reserves above 30 %"),
  /** An affiliate holding, borrowing or trading customer assets: caps at BB. */
  AFFILIATE_USE_OF_CUSTOMER_ASSETS(
      Grade.BB, "an affiliate holding, borrowing or trading customer assets"),
  /** An unreimbursed loss above 5 % of reserves in the last two years: caps at BB. */
  UNREIMBURSED_LOSS(Grade.BB, "an unreimbursed loss above 5 % of reserves in the last two years"),
  /** A proof of reserves that failed verification: caps at BB. */
  FAILED_PROOF(Grade.BB, "a proof of reserves that failed verification"),
  /** A spike of reviews about failed or delayed withdrawals: caps at BB. */
  WITHDRAWAL_COMPLAINTS_SPIKE(Grade.BB, "a spike of reviews about failed or delayed withdrawals");

  private final Grade cap;
  private final String description;

  RedFlagKind(Grade cap, String description) {
    this.cap = cap;
    this.description = description;
  }

  /** {@return the best grade an exchange with this flag can get} */
  public Grade cap() {
    return cap;
  }

  /** {@return what raises it, in a few words} */
  public String description() {
    return description;
  }

  /** {@return the stable kebab-case id used in JSON} */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Reads a kind from its id.
   *
   * @param id the kind's id, e.g. {@code withdrawals-halted}
   * @return the kind
   * @throws IllegalArgumentException when no kind has that id
   */
  @JsonCreator
  public static RedFlagKind fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
