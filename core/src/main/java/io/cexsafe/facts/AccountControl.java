package io.cexsafe.facts;

/** Account-level security controls a platform may offer. */
public enum AccountControl {
  /** Two-factor authentication required for withdrawals. */
  WITHDRAWAL_2FA,
  /** Time-based one-time passwords from an authenticator app. */
  TOTP,
  /** SMS one-time codes (weaker). */
  SMS_2FA,
  /** Email confirmation codes. */
  EMAIL_2FA,
  PASSKEYS,
  HARDWARE_SECURITY_KEYS,
  BIOMETRIC_LOGIN,
  WITHDRAWAL_WHITELIST,
  /** A waiting period before a newly whitelisted address can receive funds. */
  NEW_ADDRESS_LOCK,
  ANTI_PHISHING_CODE,
  DEVICE_MANAGEMENT,
  /** A self-service control that freezes the account at once. */
  ACCOUNT_LOCK,
  API_KEY_SCOPING,
  API_IP_ALLOWLIST,
  SUB_ACCOUNTS
}
