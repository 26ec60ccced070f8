package io.cexsafe.protection;

/**
 * The closed vocabulary of checks a programme's minimum conditions map to. A programme describes
 * each of its conditions in its own words and names one of these checks with its parameters (for
 * example the number of days), so that other exchanges' programmes can reuse the evaluator.
 */
public enum ConditionCheck {
  /**
   * MFA enabled for every transaction type that offers it, at least {@code days} before each
   * transaction.
   */
  MFA_ENABLED_BEFORE_TRANSACTION(true, false),
  /** An anti-phishing code enabled at least {@code days} before each transaction. */
  ANTI_PHISHING_CODE_ENABLED_BEFORE_TRANSACTION(true, false),
  /** The withdrawal lock for newly whitelisted addresses (24 hours at Crypto.com) was enabled. */
  WITHDRAWAL_LOCK_ENABLED(false, false),
  /** The device used with the account was not jailbroken or rooted. */
  DEVICE_NOT_JAILBROKEN(false, false),
  /** A police report was filed, with an English translation when it is in another language. */
  POLICE_REPORT_FILED(false, false),
  /** The exchange's security questionnaire was completed. */
  SECURITY_QUESTIONNAIRE_COMPLETED(false, false),
  /** Support was contacted within {@code workingDays} working days of each transaction. */
  SUPPORT_CONTACTED_WITHIN_WORKING_DAYS(false, true),
  /** The account is in good standing, with no pending investigation. */
  ACCOUNT_IN_GOOD_STANDING(false, false),
  /** Some of the claimant's funds actually left the account and were not returned. */
  LOSS_FROM_TRANSFER_OUT(false, false);

  private final boolean needsDays;
  private final boolean needsWorkingDays;

  ConditionCheck(boolean needsDays, boolean needsWorkingDays) {
    this.needsDays = needsDays;
    this.needsWorkingDays = needsWorkingDays;
  }

  /** {@return whether the check needs a number of days before each transaction} */
  public boolean needsDays() {
    return needsDays;
  }

  /** {@return whether the check needs a number of working days after each transaction} */
  public boolean needsWorkingDays() {
    return needsWorkingDays;
  }
}
