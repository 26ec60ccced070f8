package io.cexsafe.facts;

/** What app reviews talk about. */
public enum ReviewTheme {
  KYC_DELAYS,
  WITHDRAWAL_FAILURES,
  LOGIN_LOCKS,
  SUPPORT_NO_RESPONSE,
  CRASHES_BUGS,
  STALE_BALANCES,
  FEES_LIMITS,
  SCAMS_PHISHING,
  EASE_OF_USE,
  CARD
}
