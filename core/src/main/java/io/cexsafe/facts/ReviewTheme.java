package io.cexsafe.facts;

/** What app reviews talk about. */
public enum ReviewTheme {
  /** Identity checks that take long or stall. */
  KYC_DELAYS,
  /** Withdrawals that fail, hang or are blocked. */
  WITHDRAWAL_FAILURES,
  /** Users locked out of their accounts. */
  LOGIN_LOCKS,
  /** Support that does not answer. */
  SUPPORT_NO_RESPONSE,
  /** The app crashing or misbehaving. */
  CRASHES_BUGS,
  /** Balances or prices that are wrong or out of date. */
  STALE_BALANCES,
  /** Fees and limits. */
  FEES_LIMITS,
  /** Scams and phishing aimed at users. */
  SCAMS_PHISHING,
  /** How easy the app is to use. */
  EASE_OF_USE,
  /** The exchange's payment card. */
  CARD
}
