package io.cexsafe.protection;

import static io.cexsafe.protection.ClaimFixtures.eligibleClaim;
import static io.cexsafe.protection.ClaimFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.InvalidInputException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ClaimParsingTest {

  private static void assertRejected(Consumer<ObjectNode> change, String message) {
    ObjectNode claim = eligibleClaim();
    change.accept(claim);
    assertThatThrownBy(() -> parse(claim))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("claim.json: " + message);
  }

  @Test
  void aMissingFieldIsNamedByItsJsonPath() {
    assertRejected(
        c -> {
          ArrayNode txs = (ArrayNode) c.get("transactions");
          txs.add(txs.get(0).deepCopy());
          txs.add(txs.get(0).deepCopy());
          ((ObjectNode) txs.get(2)).remove("amount");
        },
        "$.transactions[2].amount: missing");
    assertRejected(c -> c.remove("jailbrokenDevice"), "$.jailbrokenDevice: missing");
    assertRejected(
        c -> c.withObjectProperty("mfa").remove("enabledOn"), "$.mfa.enabledOn: missing");
  }

  @Test
  void anUnknownFieldIsRejectedSoATypoLosesNothing() {
    assertRejected(
        c -> ((ObjectNode) c.get("transactions").get(0)).put("ammount", "1"),
        "$.transactions[0].ammount: unknown field (expected one of: time, type, asset, amount,"
            + " destination, returnedAmount)");
    assertRejected(
        c -> c.put("withdrawalLock", true),
        "$.withdrawalLock: unknown field"
            + " (expected one of: programme, evaluatedOn, timeZone, country, kycCompleted,"
            + " accountInGoodStanding, pendingInvestigation, cause, transactions, mfa,"
            + " antiPhishingCode, withdrawalLock24h, jailbrokenDevice, policeReport,"
            + " securityQuestionnaireCompleted, supportContact, valuation, calendar)");
  }

  @Test
  void malformedValuesAreNamed() {
    assertRejected(
        c -> ((ObjectNode) c.get("transactions").get(0)).put("amount", "0.5 BTC"),
        "$.transactions[0].amount: not a decimal number: \"0.5 BTC\"");
    assertRejected(
        c -> ((ObjectNode) c.get("transactions").get(0)).put("amount", "-1"),
        "$.transactions[0].amount: must be positive, was -1");
    assertRejected(
        c -> ((ObjectNode) c.get("transactions").get(0)).put("returnedAmount", "0.6"),
        "$.transactions[0].returnedAmount: must be between 0 and amount 0.5, was 0.6");
    assertRejected(
        c -> ((ObjectNode) c.get("transactions").get(0)).put("time", "2026-03-10 14:03"),
        "$.transactions[0].time: not a date-time with offset (expected e.g. 2026-03-10T14:03:00Z"
            + " or 2026-03-10T15:03:00+01:00): \"2026-03-10 14:03\"");
    assertRejected(
        c -> ((ObjectNode) c.get("transactions").get(0)).put("type", "WITHDRAWAL"),
        "$.transactions[0].type: unknown value \"WITHDRAWAL\" (expected one of:"
            + " DIGITAL_ASSET_WITHDRAWAL, FIAT_PURCHASE_THEN_WITHDRAWAL, FIAT_BANK_TRANSFER,"
            + " INTERNAL_CONVERSION)");
    assertRejected(
        c -> c.put("withdrawalLock24h", "yes"),
        "$.withdrawalLock24h: expected true or false, found a string");
    assertRejected(
        c -> c.put("evaluatedOn", "04/05/2026"),
        "$.evaluatedOn: not a date (expected YYYY-MM-DD, e.g. 2026-03-10): \"04/05/2026\"");
    assertRejected(
        c -> c.put("country", "France"),
        "$.country: not an ISO 3166-1 alpha-2 country code (e.g. FR, SG, AE): \"France\"");
    assertRejected(
        c -> c.put("timeZone", "Paris"),
        "$.timeZone: not a time-zone id (expected e.g. Europe/Paris or UTC): \"Paris\"");
    assertRejected(
        c -> c.withObjectProperty("policeReport").put("language", "french"),
        "$.policeReport.language: not an ISO 639 language code (e.g. en, fr, pt): \"french\"");
    assertRejected(
        c -> c.putArray("transactions"), "$.transactions: needs at least one transaction");
    assertRejected(c -> c.putNull("timeZone"), "$.timeZone: must not be null");
  }

  @Test
  void hugeNumbersAndFarDatesAreRefusedBeforeAnyArithmetic() {
    assertRejected(
        c -> ((ObjectNode) c.get("transactions").get(0)).put("amount", "1e999999"),
        "$.transactions[0].amount: the number is out of range (about 1e999999); numbers must lie"
            + " between 1e-60 and 1e60");
    assertRejected(
        c ->
            ((ObjectNode) c.get("transactions").get(0))
                .put("amount", new java.math.BigDecimal("1e-999999")),
        "$.transactions[0].amount: the number is out of range (about 1e-999999); numbers must"
            + " lie between 1e-60 and 1e60");
    assertRejected(
        c -> ((ObjectNode) c.get("transactions").get(0)).put("amount", "9".repeat(300)),
        "$.transactions[0].amount: a number of 300 characters is too long");
    assertRejected(
        c -> ((ObjectNode) c.get("transactions").get(0)).put("amount", "1." + "1".repeat(80)),
        "$.transactions[0].amount: the number has 81 significant digits; at most 60");
    assertRejected(
        c -> c.put("evaluatedOn", "+999999999-12-31"),
        "$.evaluatedOn: date out of range (years 1900 to 9999): \"+999999999-12-31\"");
    assertRejected(
        c -> ((ObjectNode) c.get("transactions").get(0)).put("time", "+999999999-03-10T14:03:00Z"),
        "$.transactions[0].time: date out of range (years 1900 to 9999):"
            + " \"+999999999-03-10T14:03:00Z\"");
  }

  @Test
  void fiatTransactionsNeedACurrencyCode() {
    assertRejected(
        c -> {
          ObjectNode tx = (ObjectNode) c.get("transactions").get(0);
          tx.put("type", "FIAT_BANK_TRANSFER");
          tx.put("asset", "EURO");
        },
        "$.transactions[0].asset: not an ISO 4217 currency code (e.g. USD, EUR, AUD): \"EURO\"");
  }

  @Test
  void datesAfterTheEvaluationDateAreRejected() {
    assertRejected(
        c -> ((ObjectNode) c.get("transactions").get(0)).put("time", "2026-05-05T09:00:00Z"),
        "$.transactions[0].time: is after evaluatedOn 2026-05-04 (in Europe/Paris)");
    assertRejected(
        c -> c.withObjectProperty("supportContact").put("contactedOn", "2026-05-05"),
        "$.supportContact.contactedOn: 2026-05-05 is after evaluatedOn 2026-05-04");
  }

  @Test
  void duplicatePricesAndKeysAreRejected() {
    assertRejected(
        c ->
            ((ArrayNode) c.withObjectProperty("valuation").get("prices"))
                .add(ClaimFixtures.price("asset", "btc", "2026-05-20", "1")),
        "$.valuation.prices[1]: second entry for BTC on 2026-05-20");
    assertThatThrownBy(
            () ->
                Claim.fromJson(
                    "{\"programme\": \"a\", \"programme\": \"b\"}",
                    "dup.json",
                    ClaimFixtures.UNUSED_CLOCK))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("dup.json: $: malformed JSON at line 1")
        .hasMessageContaining("Duplicate field 'programme'");
  }

  @Test
  void malformedJsonSaysWhere() {
    assertThatThrownBy(
            () ->
                Claim.fromJson("{\n  \"programme\": ,\n}", "bad.json", ClaimFixtures.UNUSED_CLOCK))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("bad.json: $: malformed JSON at line 2, column");
    assertThatThrownBy(() -> Claim.fromJson("[]", "list.json", ClaimFixtures.UNUSED_CLOCK))
        .hasMessage("list.json: $: expected a JSON object, found an array");
    assertThatThrownBy(() -> Claim.fromJson("", "empty.json", ClaimFixtures.UNUSED_CLOCK))
        .hasMessage("empty.json: $: empty document, expected a JSON object");
  }

  @Test
  void amountsKeepEveryDigitWhetherGivenAsStringOrNumber() {
    ObjectNode claim = eligibleClaim();
    ((ObjectNode) claim.get("transactions").get(0))
        .put("amount", new BigDecimal("0.100000000000000000000001"));

    Claim parsed = parse(claim);

    assertThat(parsed.transactions().get(0).amount())
        .isEqualTo(new BigDecimal("0.100000000000000000000001"));
  }

  @Test
  void withoutEvaluatedOnTheClockGivesTheDateInTheClaimantsZone() {
    ObjectNode claim = eligibleClaim();
    claim.remove("evaluatedOn");
    claim.put("timeZone", "Pacific/Auckland");
    // 20:00 UTC on 4 May is already 5 May in Auckland
    Clock clock = Clock.fixed(Instant.parse("2026-05-04T20:00:00Z"), ZoneOffset.UTC);

    Claim parsed = Claim.fromJson(claim.toString(), "claim.json", clock);

    assertThat(parsed.evaluatedOn()).isEqualTo(LocalDate.of(2026, 5, 5));
  }

  @Test
  void explicitNullsAreUnknownsWhileFalseIsAnAnswer() {
    ObjectNode claim = eligibleClaim();
    claim.putNull("policeReport");
    claim.putObject("supportContact").put("contacted", false);

    Claim parsed = parse(claim);

    assertThat(parsed.policeReport()).isNull();
    assertThat(parsed.supportContact().contacted()).isFalse();
  }
}
