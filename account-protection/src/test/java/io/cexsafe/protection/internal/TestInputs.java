package io.cexsafe.protection.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.Claim;
import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.ProtectionProgramme;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;
import io.cexsafe.protection.ProtectionProgrammes;
import io.cexsafe.protection.internal.conditions.ClaimCase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Claims, accounts and conditions for the tests of the internal types, as JSON trees that tests
 * change one field at a time. The claim's only transaction is on Tuesday 2026-03-10 in Paris and it
 * is judged on Monday 2026-05-04; the account is audited on 2026-05-04 and follows every step.
 */
public final class TestInputs {
  public static final ObjectMapper JSON = new ObjectMapper();

  /** A clock that must never be consulted: every input states its own evaluation date. */
  public static final Clock UNUSED_CLOCK =
      Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

  private TestInputs() {}

  public static ObjectNode claim() {
    ObjectNode claim = JSON.createObjectNode();
    claim.put("programme", "crypto-com-app");
    claim.put("evaluatedOn", "2026-05-04");
    claim.put("timeZone", "Europe/Paris");
    claim.put("country", "FR");
    claim.put("kycCompleted", true);
    claim.put("accountInGoodStanding", true);
    claim.put("pendingInvestigation", false);
    claim.put("cause", "PHISHING");
    claim
        .putArray("transactions")
        .add(transaction("2026-03-10T14:03:00Z", "DIGITAL_ASSET_WITHDRAWAL", "BTC", "0.5"));
    claim
        .putObject("mfa")
        .put("enabled", true)
        .put("enabledOn", "2026-01-05")
        .put("allTransactionTypes", true);
    claim.putObject("antiPhishingCode").put("enabled", true).put("enabledOn", "2026-01-05");
    claim.put("withdrawalLock24h", true);
    claim.put("jailbrokenDevice", false);
    claim
        .putObject("policeReport")
        .put("filed", true)
        .put("filedOn", "2026-03-11")
        .put("language", "fr")
        .put("englishTranslationProvided", true);
    claim.put("securityQuestionnaireCompleted", true);
    claim.putObject("supportContact").put("contacted", true).put("contactedOn", "2026-03-12");
    ObjectNode valuation = claim.putObject("valuation");
    valuation.put("paymentDate", "2026-05-20");
    valuation.putArray("prices").add(price("asset", "BTC", "2026-05-20", "60000"));
    valuation.putArray("fxRates");
    return claim;
  }

  public static ObjectNode transaction(String time, String type, String asset, String amount) {
    ObjectNode tx = JSON.createObjectNode();
    tx.put("time", time);
    tx.put("type", type);
    tx.put("asset", asset);
    tx.put("amount", amount);
    tx.put(
        "destination",
        type.startsWith("FIAT_BANK") ? "IBAN DE89 3704 0044 0532 0130 00" : "bc1qattacker");
    return tx;
  }

  public static ObjectNode price(String key, String asset, String date, String usdPerUnit) {
    ObjectNode price = JSON.createObjectNode();
    price.put(key, asset);
    price.put("date", date);
    price.put("usdPerUnit", usdPerUnit);
    return price;
  }

  public static Claim parseClaim(ObjectNode json) {
    return Claim.fromJson(json.toString(), "claim.json", UNUSED_CLOCK);
  }

  /** The claim with every transaction a candidate for the conditions. */
  public static ClaimCase claimCase(ObjectNode json) {
    Claim claim = parseClaim(json);
    return new ClaimCase(claim, IntStream.range(0, claim.transactions().size()).boxed().toList());
  }

  public static ObjectNode account() {
    ObjectNode a = JSON.createObjectNode();
    a.put("programme", "crypto-com-app");
    a.put("evaluatedOn", "2026-05-04");
    a.put("country", "SG");
    a.put("kycCompleted", true);
    a.put("accountInGoodStanding", true);
    a.putObject("twoFactor")
        .put("method", "TOTP")
        .put("enabledOn", "2025-11-02")
        .put("allTransactionTypes", true);
    ArrayNode passkeys = a.putArray("passkeys");
    passkeys
        .addObject()
        .put("name", "phone")
        .put("hardwareKey", false)
        .put("addedOn", "2026-01-15");
    passkeys
        .addObject()
        .put("name", "YubiKey")
        .put("hardwareKey", true)
        .put("addedOn", "2026-01-15");
    a.putObject("antiPhishingCode")
        .put("enabled", true)
        .put("enabledOn", "2025-11-02")
        .put("lastChangedOn", "2026-04-20");
    a.put("withdrawalLock24h", true);
    a.putObject("withdrawalWhitelist")
        .put("enabled", true)
        .putArray("addresses")
        .addObject()
        .put("label", "Ledger")
        .put("addedOn", "2026-01-20")
        .put("zeroValueTestDone", true);
    a.putArray("devices")
        .addObject()
        .put("name", "phone")
        .put("trusted", true)
        .put("recognised", true)
        .put("jailbroken", false)
        .put("lastUsedOn", "2026-05-03");
    ObjectNode key = a.putArray("apiKeys").addObject();
    key.put("label", "tax tool");
    key.putArray("permissions").add("READ");
    key.putArray("ipAllowList");
    key.put("createdOn", "2026-01-10");
    key.putNull("lastRotatedOn");
    key.put("lastUsedOn", "2026-05-01");
    key.putNull("subAccount");
    a.putArray("subAccounts");
    a.putObject("password")
        .put("lastChangedOn", "2026-03-01")
        .put("inPasswordManager", true)
        .put("length", 24);
    a.putObject("email").put("twoFactorEnabled", true).put("dedicatedAddress", true);
    a.putObject("lastReviews")
        .put("devices", "2026-04-20")
        .put("securitySettingsHistory", "2026-04-20")
        .put("zeroValueTests", "2026-04-20")
        .put("passkeys", "2026-03-01")
        .put("apiKeys", "2026-03-01");
    return a;
  }

  public static AccountSettings parseAccount(ObjectNode json) {
    return AccountSettings.fromJson(json.toString(), "account.json", UNUSED_CLOCK);
  }

  /** The bundled programme's condition for this check. */
  public static MinimumCondition bundled(ConditionCheck check) {
    return ProtectionProgrammes.cryptoComApp().minimumConditions().stream()
        .filter(c -> c.check() == check)
        .findFirst()
        .orElseThrow();
  }

  /** A condition for {@code check} that is not the bundled one, with the given parameters. */
  public static MinimumCondition condition(
      ConditionCheck check, Integer days, Integer workingDays) {
    return new MinimumCondition(
        42, "test-condition", "A test condition.", check, days, workingDays);
  }

  /** The bundled programme with only these conditions. */
  public static ProtectionProgramme programmeWith(List<MinimumCondition> conditions) {
    ProtectionProgramme p = ProtectionProgrammes.cryptoComApp();
    return new ProtectionProgramme(
        p.id(),
        p.version(),
        p.exchangeId(),
        p.name(),
        p.source(),
        p.issuers(),
        p.termsPrevail(),
        p.discretionary(),
        p.discretionNote(),
        p.kycRequired(),
        p.countries(),
        p.capUsd(),
        p.coveredEvents(),
        p.exclusions(),
        conditions,
        p.recoveryRules(),
        p.reliefTerms(),
        p.howToClaim());
  }
}
