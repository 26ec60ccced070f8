package io.cexsafe.protection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A claim that meets every minimum condition of the bundled Crypto.com programme, as a JSON tree
 * that tests change one field at a time. The first transaction happens on Tuesday 2026-03-10 in
 * Paris; the claim is judged on Monday 2026-05-04.
 */
final class ClaimFixtures {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A clock that must never be consulted when the claim states its own evaluation date. */
  static final Clock UNUSED_CLOCK =
      Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

  private ClaimFixtures() {}

  static ObjectNode eligibleClaim() {
    ObjectNode claim = JSON.createObjectNode();
    claim.put("programme", "crypto-com-app");
    claim.put("evaluatedOn", "2026-05-04");
    claim.put("timeZone", "Europe/Paris");
    claim.put("country", "FR");
    claim.put("kycCompleted", true);
    claim.put("accountInGoodStanding", true);
    claim.put("pendingInvestigation", false);
    claim.put("cause", "PHISHING");
    ArrayNode transactions = claim.putArray("transactions");
    transactions.add(transaction("2026-03-10T14:03:00Z", "DIGITAL_ASSET_WITHDRAWAL", "BTC", "0.5"));
    ObjectNode mfa = claim.putObject("mfa");
    mfa.put("enabled", true);
    mfa.put("enabledOn", "2026-01-05");
    mfa.put("allTransactionTypes", true);
    ObjectNode apc = claim.putObject("antiPhishingCode");
    apc.put("enabled", true);
    apc.put("enabledOn", "2026-01-05");
    claim.put("withdrawalLock24h", true);
    claim.put("jailbrokenDevice", false);
    ObjectNode report = claim.putObject("policeReport");
    report.put("filed", true);
    report.put("filedOn", "2026-03-11");
    report.put("language", "fr");
    report.put("englishTranslationProvided", true);
    claim.put("securityQuestionnaireCompleted", true);
    ObjectNode contact = claim.putObject("supportContact");
    contact.put("contacted", true);
    contact.put("contactedOn", "2026-03-12");
    ObjectNode valuation = claim.putObject("valuation");
    valuation.put("paymentDate", "2026-05-20");
    valuation.putArray("prices").add(price("asset", "BTC", "2026-05-20", "60000"));
    valuation.putArray("fxRates");
    return claim;
  }

  static ObjectNode transaction(String time, String type, String asset, String amount) {
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

  static ObjectNode price(String key, String asset, String date, String usdPerUnit) {
    ObjectNode price = JSON.createObjectNode();
    price.put(key, asset);
    price.put("date", date);
    price.put("usdPerUnit", usdPerUnit);
    return price;
  }

  static Claim parse(ObjectNode json) {
    return Claim.fromJson(json.toString(), "claim.json", UNUSED_CLOCK);
  }

  static ClaimAssessment evaluate(ObjectNode json) {
    return ClaimEvaluator.forProgramme(ProtectionProgrammes.cryptoComApp()).evaluate(parse(json));
  }
}
