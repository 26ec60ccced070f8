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
  WITHDRAWALS_HALTED(Grade.CCC, "withdrawals halted or paused"),
  INSOLVENCY(Grade.CCC, "an insolvency or bankruptcy filing"),
  RESERVES_COLLAPSE(Grade.CCC, "reserves down more than half in a week"),
  REGULATORY_ACTION(
      Grade.BB,
      "a licence revoked or lapsed, or a regulator's enforcement or warning against the exchange"),
  OWN_TOKEN_RESERVES(Grade.BB, "own-token share of reserves above 30 %"),
  AFFILIATE_USE_OF_CUSTOMER_ASSETS(
      Grade.BB, "an affiliate holding, borrowing or trading customer assets"),
  UNREIMBURSED_LOSS(Grade.BB, "an unreimbursed loss above 5 % of reserves in the last two years"),
  FAILED_PROOF(Grade.BB, "a proof of reserves that failed verification"),
  WITHDRAWAL_COMPLAINTS_SPIKE(Grade.BB, "a spike of reviews about failed or delayed withdrawals");

  private final Grade cap;
  private final String description;

  RedFlagKind(Grade cap, String description) {
    this.cap = cap;
    this.description = description;
  }

  /** The best grade an exchange with this flag can get. */
  public Grade cap() {
    return cap;
  }

  /** What raises it, in a few words. */
  public String description() {
    return description;
  }

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @JsonCreator
  public static RedFlagKind fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
