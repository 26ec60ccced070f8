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
  /** Passkeys (WebAuthn credentials synced or bound to a device). */
  PASSKEYS,
  /** Hardware security keys such as FIDO2 tokens. */
  HARDWARE_SECURITY_KEYS,
  /** Fingerprint or face unlock in the app. */
  BIOMETRIC_LOGIN,
  /** Withdrawals only to addresses the user listed beforehand. */
  WITHDRAWAL_WHITELIST,
  /** A waiting period before a newly whitelisted address can receive funds. */
  NEW_ADDRESS_LOCK,
  /** A code of the user's choosing shown in genuine emails from the exchange. */
  ANTI_PHISHING_CODE,
  /** A list of signed-in devices the user can review and revoke. */
  DEVICE_MANAGEMENT,
  /** A self-service control that freezes the account at once. */
  ACCOUNT_LOCK,
  /** API keys limited to chosen permissions, e.g. no withdrawals. */
  API_KEY_SCOPING,
  /** API keys usable only from listed IP addresses. */
  API_IP_ALLOWLIST,
  /** Sub-accounts that keep funds and keys apart. */
  SUB_ACCOUNTS
}
