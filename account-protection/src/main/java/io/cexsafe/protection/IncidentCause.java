package io.cexsafe.protection;

/**
 * How the loss came about, as the claimant describes it. A programme's covered events and
 * exclusions refer to these values, so the same claim can be judged against any programme described
 * as data.
 */
public enum IncidentCause {
  /** Someone broke into the account (use this when it is not known how they got in). */
  HACK,
  /**
   * Credentials or codes were taken through a phishing page, message or call, then used by someone
   * else.
   */
  PHISHING,
  /** The claimant was talked into sending funds themselves and later found it was a fraud. */
  DECEIVED_INTO_AUTHORISING,
  /** The claimant befriended someone online who persuaded them to send funds. */
  BEFRIENDED_ONLINE,
  /** The claimant authorised a transaction by mistake. */
  MISTAKEN_AUTHORISATION,
  /** The claimant pasted or typed a wrong destination address. */
  WRONG_ADDRESS,
  /** The claimant committed or attempted fraud or abuse. */
  CLAIMANT_FRAUD_OR_ABUSE,
  /** The claimant gave a third party access to their funds or account. */
  ACCESS_GRANTED_TO_THIRD_PARTY
}
