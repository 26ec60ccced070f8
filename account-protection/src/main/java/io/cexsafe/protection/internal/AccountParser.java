package io.cexsafe.protection.internal;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.AccountSettings.ApiKey;
import io.cexsafe.protection.AccountSettings.ApiPermission;
import io.cexsafe.protection.AccountSettings.Device;
import io.cexsafe.protection.AccountSettings.Email;
import io.cexsafe.protection.AccountSettings.LastReviews;
import io.cexsafe.protection.AccountSettings.Passkey;
import io.cexsafe.protection.AccountSettings.Password;
import io.cexsafe.protection.AccountSettings.TwoFactor;
import io.cexsafe.protection.AccountSettings.TwoFactorMethod;
import io.cexsafe.protection.AccountSettings.Whitelist;
import io.cexsafe.protection.AccountSettings.WhitelistedAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads the account-settings JSON format; see {@code docs/account-protection.md}. */
public final class AccountParser {
  private AccountParser() {}

  public static AccountSettings parse(String json, Clock clock) {
    JsonInput root =
        JsonInput.parseObject(json)
            .allowOnly(
                "programme",
                "evaluatedOn",
                "country",
                "kycCompleted",
                "accountInGoodStanding",
                "twoFactor",
                "passkeys",
                "antiPhishingCode",
                "withdrawalLock24h",
                "withdrawalWhitelist",
                "devices",
                "apiKeys",
                "subAccounts",
                "password",
                "email",
                "lastReviews");
    String programme = root.string("programme");
    LocalDate today =
        root.has("evaluatedOn")
            ? root.date("evaluatedOn")
            : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Dates dates = new Dates(today);

    String country = root.nullableString("country");
    if (country != null) {
      country = Codes.country(root.path("country"), country);
    }

    JsonInput tf = root.object("twoFactor").allowOnly("method", "enabledOn", "allTransactionTypes");
    TwoFactorMethod method = tf.enumValue("method", TwoFactorMethod.class);
    TwoFactor twoFactor =
        method == TwoFactorMethod.NONE
            ? new TwoFactor(method, null, null)
            : new TwoFactor(
                method, dates.nullable(tf, "enabledOn"), tf.nullableBool("allTransactionTypes"));

    List<Passkey> passkeys = new ArrayList<>();
    for (JsonInput p : root.array("passkeys")) {
      p.asObject().allowOnly("name", "hardwareKey", "addedOn");
      passkeys.add(
          new Passkey(p.string("name"), p.bool("hardwareKey"), dates.optional(p, "addedOn")));
    }

    JsonInput apcNode =
        root.object("antiPhishingCode").allowOnly("enabled", "enabledOn", "lastChangedOn");
    boolean apcEnabled = apcNode.bool("enabled");
    AccountSettings.AntiPhishingCode apc =
        apcEnabled
            ? new AccountSettings.AntiPhishingCode(
                true,
                dates.nullable(apcNode, "enabledOn"),
                dates.optional(apcNode, "lastChangedOn"))
            : new AccountSettings.AntiPhishingCode(false, null, null);

    JsonInput wl = root.object("withdrawalWhitelist").allowOnly("enabled", "addresses");
    List<WhitelistedAddress> addresses = new ArrayList<>();
    for (JsonInput a : wl.array("addresses")) {
      a.asObject().allowOnly("label", "addedOn", "zeroValueTestDone");
      addresses.add(
          new WhitelistedAddress(
              a.string("label"),
              dates.nullable(a, "addedOn"),
              a.nullableBool("zeroValueTestDone")));
    }

    List<Device> devices = new ArrayList<>();
    for (JsonInput d : root.array("devices")) {
      d.asObject().allowOnly("name", "trusted", "recognised", "jailbroken", "lastUsedOn");
      devices.add(
          new Device(
              d.string("name"),
              d.bool("trusted"),
              d.bool("recognised"),
              d.nullableBool("jailbroken"),
              dates.nullable(d, "lastUsedOn")));
    }

    List<String> subAccounts = new ArrayList<>();
    for (JsonInput s : root.array("subAccounts")) {
      subAccounts.add(s.asString());
    }

    List<ApiKey> apiKeys = new ArrayList<>();
    for (JsonInput k : root.array("apiKeys")) {
      apiKeys.add(apiKey(k.asObject(), dates, subAccounts));
    }

    JsonInput pw =
        root.object("password").allowOnly("lastChangedOn", "inPasswordManager", "length");
    Integer length = pw.isNull("length") ? null : pw.positiveInt("length");
    Password password =
        new Password(
            dates.nullable(pw, "lastChangedOn"), pw.nullableBool("inPasswordManager"), length);

    JsonInput mail = root.object("email").allowOnly("twoFactorEnabled", "dedicatedAddress");
    Email email =
        new Email(mail.nullableBool("twoFactorEnabled"), mail.nullableBool("dedicatedAddress"));

    JsonInput rv =
        root.object("lastReviews")
            .allowOnly(
                "devices", "securitySettingsHistory", "zeroValueTests", "passkeys", "apiKeys");
    LastReviews reviews =
        new LastReviews(
            dates.nullable(rv, "devices"),
            dates.nullable(rv, "securitySettingsHistory"),
            dates.nullable(rv, "zeroValueTests"),
            dates.nullable(rv, "passkeys"),
            dates.nullable(rv, "apiKeys"));

    return new AccountSettings(
        programme,
        today,
        country,
        root.nullableBool("kycCompleted"),
        root.nullableBool("accountInGoodStanding"),
        twoFactor,
        passkeys,
        apc,
        root.nullableBool("withdrawalLock24h"),
        new Whitelist(wl.bool("enabled"), addresses),
        devices,
        apiKeys,
        subAccounts,
        password,
        email,
        reviews);
  }

  private static ApiKey apiKey(JsonInput k, Dates dates, List<String> subAccounts) {
    k.allowOnly(
        "label",
        "permissions",
        "ipAllowList",
        "createdOn",
        "lastRotatedOn",
        "lastUsedOn",
        "subAccount");
    Set<ApiPermission> permissions = EnumSet.noneOf(ApiPermission.class);
    List<JsonInput> permissionNodes = k.array("permissions");
    if (permissionNodes.isEmpty()) {
      throw new JsonPathException(k.path("permissions"), "needs at least one permission");
    }
    for (JsonInput p : permissionNodes) {
      permissions.add(p.asEnum(ApiPermission.class));
    }
    List<String> allowList = new ArrayList<>();
    for (JsonInput ip : k.array("ipAllowList")) {
      allowList.add(ip.asString());
    }
    LocalDate created = dates.required(k, "createdOn");
    LocalDate rotated = dates.nullable(k, "lastRotatedOn");
    if (rotated != null && rotated.isBefore(created)) {
      throw new JsonPathException(
          k.path("lastRotatedOn"), rotated + " is before createdOn " + created);
    }
    String subAccount = k.nullableString("subAccount");
    if (subAccount != null && !subAccounts.contains(subAccount)) {
      throw new JsonPathException(
          k.path("subAccount"), "\"" + subAccount + "\" is not listed in $.subAccounts");
    }
    return new ApiKey(
        k.string("label"),
        permissions,
        allowList,
        created,
        rotated,
        dates.nullable(k, "lastUsedOn"),
        subAccount);
  }

  /** Reads dates that must not lie after the audit date. */
  private record Dates(LocalDate today) {
    LocalDate required(JsonInput node, String key) {
      return check(node, key, node.date(key));
    }

    LocalDate nullable(JsonInput node, String key) {
      return check(node, key, node.nullableDate(key));
    }

    LocalDate optional(JsonInput node, String key) {
      return check(node, key, node.optionalDate(key));
    }

    private LocalDate check(JsonInput node, String key, LocalDate value) {
      if (value != null && value.isAfter(today)) {
        throw new JsonPathException(node.path(key), value + " is after evaluatedOn " + today);
      }
      return value;
    }
  }
}
