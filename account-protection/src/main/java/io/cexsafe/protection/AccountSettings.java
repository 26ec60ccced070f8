package io.cexsafe.protection;

import io.cexsafe.InvalidInputException;
import io.cexsafe.protection.internal.AccountParser;
import io.cexsafe.protection.internal.JsonPathException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A user's own account settings, as input to the posture audit. A {@code null} component means "not
 * known"; the audit says what it could not check. The JSON format is documented in {@code
 * docs/account-protection.md}.
 *
 * @param programmeId the protection programme to check readiness against, e.g. {@code
 *     crypto-com-app}
 * @param evaluatedOn the date of the audit
 * @param country ISO 3166-1 alpha-2 code of the country of residence, or null
 * @param kycCompleted whether KYC is complete, or null
 * @param accountInGoodStanding whether the account is in good standing, or null
 * @param twoFactor the account's second factor
 * @param passkeys registered passkeys, hardware keys included
 * @param antiPhishingCode the anti-phishing code
 * @param withdrawalLockEnabled whether the 24-hour withdrawal lock is on, or null
 * @param whitelist the withdrawal address whitelist
 * @param devices devices signed in to the account
 * @param apiKeys API keys
 * @param subAccounts names of sub-accounts
 * @param password the account password
 * @param email the account's email address
 * @param lastReviews when the maintenance checks were last done
 */
public record AccountSettings(
    String programmeId,
    LocalDate evaluatedOn,
    String country,
    Boolean kycCompleted,
    Boolean accountInGoodStanding,
    TwoFactor twoFactor,
    List<Passkey> passkeys,
    AntiPhishingCode antiPhishingCode,
    Boolean withdrawalLockEnabled,
    Whitelist whitelist,
    List<Device> devices,
    List<ApiKey> apiKeys,
    List<String> subAccounts,
    Password password,
    Email email,
    LastReviews lastReviews) {

  /**
   * Validates the components, copying its lists.
   *
   * @param programmeId the protection programme to check readiness against, e.g. {@code
   *     crypto-com-app}
   * @param evaluatedOn the date of the audit
   * @param country ISO 3166-1 alpha-2 code of the country of residence, or null
   * @param kycCompleted whether KYC is complete, or null
   * @param accountInGoodStanding whether the account is in good standing, or null
   * @param twoFactor the account's second factor
   * @param passkeys registered passkeys, hardware keys included
   * @param antiPhishingCode the anti-phishing code
   * @param withdrawalLockEnabled whether the 24-hour withdrawal lock is on, or null
   * @param whitelist the withdrawal address whitelist
   * @param devices devices signed in to the account
   * @param apiKeys API keys
   * @param subAccounts names of sub-accounts
   * @param password the account password
   * @param email the account's email address
   * @param lastReviews when the maintenance checks were last done
   */
  public AccountSettings {
    Objects.requireNonNull(programmeId, "programmeId");
    Objects.requireNonNull(evaluatedOn, "evaluatedOn");
    country = country == null ? null : country.toUpperCase(Locale.ROOT);
    Objects.requireNonNull(twoFactor, "twoFactor");
    passkeys = List.copyOf(passkeys);
    Objects.requireNonNull(antiPhishingCode, "antiPhishingCode");
    Objects.requireNonNull(whitelist, "whitelist");
    devices = List.copyOf(devices);
    apiKeys = List.copyOf(apiKeys);
    subAccounts = List.copyOf(subAccounts);
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(lastReviews, "lastReviews");
  }

  /**
   * Parses account settings in the documented JSON format; without {@code evaluatedOn} the audit
   * date is today in UTC according to {@code clock}.
   *
   * @param json the settings document
   * @param source names the document in error messages, e.g. its file name
   * @param clock gives today's date when the document has none
   * @return the settings
   * @throws InvalidInputException naming the source, the JSON path and the problem
   */
  public static AccountSettings fromJson(String json, String source, Clock clock) {
    Objects.requireNonNull(source, "source");
    try {
      return AccountParser.parse(json, clock);
    } catch (JsonPathException e) {
      throw e.in(source);
    }
  }

  /** The second factor used for sign-in and transactions. */
  public enum TwoFactorMethod {
    /** An authenticator app (time-based one-time passwords). */
    TOTP,
    /** A passkey (WebAuthn) on a phone or computer. */
    PASSKEY,
    /** A hardware security key. */
    HARDWARE_KEY,
    /** Codes by SMS: exposed to SIM swaps. */
    SMS,
    /** Codes by email: only as strong as the mailbox. */
    EMAIL,
    /** No second factor. */
    NONE
  }

  /**
   * @param method the second factor
   * @param enabledOn when it was enabled, or null when not known (ignored for {@code NONE})
   * @param allTransactionTypes whether it is required for every transaction type that offers it, or
   *     null
   */
  public record TwoFactor(
      TwoFactorMethod method, LocalDate enabledOn, Boolean allTransactionTypes) {
    /**
     * Validates the components.
     *
     * @param method the second factor
     * @param enabledOn when it was enabled, or null when not known (ignored for {@code NONE})
     * @param allTransactionTypes whether it is required for every transaction type that offers it,
     *     or null
     */
    public TwoFactor {
      Objects.requireNonNull(method, "method");
    }

    /** {@return whether any second factor is on} */
    public boolean enabled() {
      return method != TwoFactorMethod.NONE;
    }
  }

  /**
   * @param name a label
   * @param hardwareKey whether it lives on a hardware security key
   * @param addedOn when it was registered, or null
   */
  public record Passkey(String name, boolean hardwareKey, LocalDate addedOn) {}

  /**
   * @param enabled whether a code is set
   * @param enabledOn when it was first set, or null
   * @param lastChangedOn when the code was last changed, or null
   */
  public record AntiPhishingCode(boolean enabled, LocalDate enabledOn, LocalDate lastChangedOn) {}

  /**
   * @param enabled whether withdrawals are limited to whitelisted addresses
   * @param addresses the whitelisted addresses
   */
  public record Whitelist(boolean enabled, List<WhitelistedAddress> addresses) {
    /**
     * Normalises the components, copying its lists.
     *
     * @param enabled whether withdrawals are limited to whitelisted addresses
     * @param addresses the whitelisted addresses
     */
    public Whitelist {
      addresses = List.copyOf(addresses);
    }
  }

  /**
   * @param label a label
   * @param addedOn when it was added, or null
   * @param zeroValueTestDone whether a $0 test transfer to it was made, or null
   */
  public record WhitelistedAddress(String label, LocalDate addedOn, Boolean zeroValueTestDone) {}

  /**
   * @param name a label
   * @param trusted whether it is marked trusted
   * @param recognised whether the user recognises it
   * @param jailbroken whether it is jailbroken or rooted, or null when not known
   * @param lastUsedOn when it was last used, or null
   */
  public record Device(
      String name, boolean trusted, boolean recognised, Boolean jailbroken, LocalDate lastUsedOn) {}

  /** What an API key may do. */
  public enum ApiPermission {
    /** Reading balances and history. */
    READ,
    /** Placing and cancelling orders. */
    TRADE,
    /** Moving funds between the account's own sub-accounts. */
    TRANSFER,
    /** Sending funds out of the account. */
    WITHDRAW
  }

  /**
   * @param label a label
   * @param permissions what it may do
   * @param ipAllowList IP addresses or ranges it is restricted to; empty when unrestricted
   * @param createdOn when it was created
   * @param lastRotatedOn when it was last replaced, or null
   * @param lastUsedOn when it was last used, or null when never or not known
   * @param subAccount the sub-account it belongs to, or null for the main account
   */
  public record ApiKey(
      String label,
      Set<ApiPermission> permissions,
      List<String> ipAllowList,
      LocalDate createdOn,
      LocalDate lastRotatedOn,
      LocalDate lastUsedOn,
      String subAccount) {
    /**
     * Validates the components, copying its lists.
     *
     * @param label a label
     * @param permissions what it may do
     * @param ipAllowList IP addresses or ranges it is restricted to; empty when unrestricted
     * @param createdOn when it was created
     * @param lastRotatedOn when it was last replaced, or null
     * @param lastUsedOn when it was last used, or null when never or not known
     * @param subAccount the sub-account it belongs to, or null for the main account
     */
    public ApiKey {
      permissions = Set.copyOf(permissions);
      ipAllowList = List.copyOf(ipAllowList);
      Objects.requireNonNull(createdOn, "createdOn");
    }

    /** {@return whether the key may only read} */
    public boolean readOnly() {
      return permissions.equals(Set.of(ApiPermission.READ));
    }

    /** {@return when the key was last replaced, or created when never rotated} */
    public LocalDate ageFrom() {
      return lastRotatedOn != null ? lastRotatedOn : createdOn;
    }
  }

  /**
   * @param lastChangedOn when it was last changed, or null
   * @param inPasswordManager whether it is stored in a password manager, or null
   * @param length its length in characters, or null
   */
  public record Password(LocalDate lastChangedOn, Boolean inPasswordManager, Integer length) {}

  /**
   * @param twoFactorEnabled whether the mailbox itself has 2FA, or null
   * @param dedicatedAddress whether the address (or alias) is used for this account only, or null
   */
  public record Email(Boolean twoFactorEnabled, Boolean dedicatedAddress) {}

  /**
   * When the maintenance checks were last done; null means never or not known.
   *
   * @param devices the devices list was reviewed
   * @param securitySettingsHistory the security settings history and emails were scanned
   * @param zeroValueTests $0 tests were re-run on whitelisted addresses about to be used
   * @param passkeys passkeys and the hardware key were re-validated
   * @param apiKeys API keys were audited
   */
  public record LastReviews(
      LocalDate devices,
      LocalDate securitySettingsHistory,
      LocalDate zeroValueTests,
      LocalDate passkeys,
      LocalDate apiKeys) {}
}
