package io.cexsafe.protection.internal;

/**
 * Steps from the account hardening checklist, maintenance calendar and compromise steps of the 2025
 * Crypto.com safety review ({@link #SOURCE}), in our words.
 */
public enum ChecklistStep {
  TOTP_2FA(
      "Turn on TOTP 2FA with an authenticator app (App → Settings → Security → 2FA); it is required"
          + " for withdrawals, fiat outflows and whitelisting. Avoid SMS, which is vulnerable to SIM"
          + " swaps."),
  MFA_ALL_TRANSACTIONS(
      "Require 2FA for every transaction type that offers it (withdrawals, fiat outflows,"
          + " whitelisting)."),
  PASSKEYS(
      "Add passkeys (Exchange Web → Profile → Security → Account Password & 2FA → Add Passkey):"
          + " they are phishing-resistant and cannot be replayed like passwords. Up to 10 keys across"
          + " App and Exchange."),
  HARDWARE_KEY(
      "Store at least one passkey on a hardware security key (e.g. a YubiKey) kept offline, as a"
          + " fallback if your phone is compromised."),
  BACKUP_PASSKEY("Keep at least one backup passkey on a separate device."),
  ANTI_PHISHING_CODE(
      "Set an Anti-Phishing Code under Settings → Security → Anti-Phishing Code; it appears in every"
          + " official email, so phishing attempts stand out."),
  REFRESH_ANTI_PHISHING_CODE(
      "Refresh the Anti-Phishing Code monthly. Keep the code enabled while changing it: the"
          + " programme counts from when it was enabled, and the policy does not say whether a change"
          + " restarts that count."),
  WITHDRAWAL_LOCK(
      "Enable the 24-Hour Withdrawal Lock and keep it enabled at all times; it stops attackers from"
          + " moving funds at once even if they compromise your login. Disabling it takes 24 hours."),
  WHITELIST(
      "Create a withdrawal whitelist (Wallet → Deposit & Withdrawal → Withdrawal Whitelist) and only"
          + " send to whitelisted addresses you control."),
  ZERO_VALUE_TEST(
      "Run a $0 (dust) test transfer to each new whitelisted address before larger amounts."),
  TRUST_DEVICE("Under Settings → Security → Devices, mark your own phone as Trusted."),
  REMOVE_UNRECOGNISED_DEVICE(
      "Remove every unrecognised device under Settings → Security → Devices. If you suspect"
          + " compromise, hit One-Button Lock first and contact support via in-app chat."),
  REMOVE_UNUSED_DEVICE("Remove unused devices from Trusted Devices."),
  NO_JAILBROKEN_DEVICE(
      "Never use rooted or jailbroken devices for logins: they bypass the app's security"
          + " requirements. Remove them from the account."),
  API_READ_ONLY(
      "Create API keys as read-only by default; give trading or withdrawal only where needed."),
  API_IP_ALLOW_LIST("Restrict every key that can trade or withdraw to an IP allow-list."),
  API_ROTATE("Rotate API keys after audits."),
  API_DELETE_UNUSED("Delete API keys you no longer use."),
  SUB_ACCOUNTS(
      "Segment funds with sub-accounts and give each its own API keys, so one compromised key or"
          + " account has a smaller blast radius."),
  PASSWORD_MANAGER("Store a unique password of 20 or more characters in a password manager."),
  EMAIL_2FA(
      "Enable 2FA on the mailbox behind the account: whoever controls the email can reset the"
          + " exchange account."),
  EMAIL_ALIAS(
      "Use a unique email alias for the account, with a recovery email hosted at a different"
          + " provider."),
  REVIEW_DEVICES("Review the Devices list; remove anything unfamiliar."),
  SCAN_SECURITY_HISTORY(
      "Scan Security Settings History and recent emails for whitelist or lock changes."),
  RERUN_ZERO_VALUE_TESTS("Re-run a $0 test on any new whitelisted address you plan to use."),
  ROTATE_PASSWORD(
      "Rotate the account password; confirm your password manager has a current entry."),
  VALIDATE_PASSKEYS(
      "Re-validate passkeys and check that your hardware key still works; keep at least one backup"
          + " passkey on a separate device."),
  AUDIT_API_KEYS(
      "Audit API keys: delete unused ones, re-confirm IP allow-lists, make sure permissions are"
          + " minimal."),
  APP_ELIGIBILITY(
      "Check the programme's prerequisites (KYC, country of residence, account in good standing)"
          + " with the exchange's support.");

  /** The document the steps come from. */
  public static final String SOURCE =
      "Crypto.com security review 2025: account hardening checklist, maintenance calendar and"
          + " compromise steps (cexsafe source document 000)";

  private final String text;

  ChecklistStep(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
