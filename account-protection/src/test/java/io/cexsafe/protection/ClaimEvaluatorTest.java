package io.cexsafe.protection;

import static io.cexsafe.protection.ClaimFixtures.eligibleClaim;
import static io.cexsafe.protection.ClaimFixtures.evaluate;
import static io.cexsafe.protection.ClaimFixtures.price;
import static io.cexsafe.protection.ClaimFixtures.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.InvalidInputException;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ClaimAssessment.Outcome;
import io.cexsafe.protection.ClaimAssessment.ReasonKind;
import io.cexsafe.protection.ClaimAssessment.RecoveryEstimate;
import io.cexsafe.protection.ClaimAssessment.TransactionRecovery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ClaimEvaluatorTest {

  @Test
  void eligibleClaimMeetsEveryConditionAndSaysReliefIsDiscretionary() {
    ClaimAssessment result = evaluate(eligibleClaim());

    assertThat(result.outcome()).isEqualTo(Outcome.MEETS_MINIMUM_CONDITIONS);
    assertThat(result.conditions())
        .hasSize(9)
        .allSatisfy(c -> assertThat(c.status()).isEqualTo(ConditionStatus.MET));
    assertThat(result.summary()).contains("discretion");
    assertThat(result.discretionNote()).contains("at our discretion").contains("goodwill");
    assertThat(result.notCovered()).isEmpty();
    assertThat(result.informationNeeded()).isEmpty();
    assertThat(result.transactions().get(0).coveredEventId())
        .isEqualTo("unauthorised-digital-asset-withdrawal");
    assertThat(result.recovery().recoverableUsd()).isEqualByComparingTo("30000");
    assertThat(result.deadline().occurredOn()).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(result.deadline().lastDay()).isEqualTo(LocalDate.of(2026, 4, 21));
  }

  @Nested
  class CoveredEvents {
    @ParameterizedTest
    @CsvSource({
      "HACK, DIGITAL_ASSET_WITHDRAWAL, BTC, unauthorised-digital-asset-withdrawal",
      "PHISHING, DIGITAL_ASSET_WITHDRAWAL, BTC, unauthorised-digital-asset-withdrawal",
      "HACK, FIAT_PURCHASE_THEN_WITHDRAWAL, EUR, unauthorised-fiat-withdrawal",
      "PHISHING, FIAT_PURCHASE_THEN_WITHDRAWAL, EUR, unauthorised-fiat-withdrawal",
      "HACK, FIAT_BANK_TRANSFER, EUR, unauthorised-fiat-withdrawal",
      "PHISHING, FIAT_BANK_TRANSFER, EUR, unauthorised-fiat-withdrawal",
    })
    void eachCoveredEventIsRecognised(String cause, String type, String asset, String eventId) {
      ObjectNode claim = eligibleClaim();
      claim.put("cause", cause);
      claim.putArray("transactions").add(transaction("2026-03-10T14:03:00Z", type, asset, "1000"));
      ((ArrayNode) claim.withObjectProperty("valuation").get("fxRates"))
          .add(price("currency", "EUR", "2026-05-20", "1.10"));

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.MEETS_MINIMUM_CONDITIONS);
      assertThat(result.transactions().get(0).coveredEventId()).isEqualTo(eventId);
      assertThat(result.recovery().transactions().get(0).kind())
          .isEqualTo(asset.equals("BTC") ? AssetKind.DIGITAL_ASSET : AssetKind.FIAT);
    }
  }

  @Nested
  class Exclusions {
    @ParameterizedTest
    @CsvSource({
      "DECEIVED_INTO_AUTHORISING, deceived-into-authorising",
      "BEFRIENDED_ONLINE, deceived-into-authorising",
      "MISTAKEN_AUTHORISATION, mistaken-authorisation",
      "WRONG_ADDRESS, mistaken-authorisation",
      "CLAIMANT_FRAUD_OR_ABUSE, fraud-or-abuse",
      "ACCESS_GRANTED_TO_THIRD_PARTY, third-party-access-granted",
    })
    void eachExcludedCauseMakesTheClaimNotCovered(String cause, String exclusionId) {
      ObjectNode claim = eligibleClaim();
      claim.put("cause", cause);

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.NOT_COVERED);
      assertThat(result.notCovered()).hasSize(1);
      assertThat(result.notCovered().get(0).kind()).isEqualTo(ReasonKind.EXCLUSION);
      assertThat(result.notCovered().get(0).id()).isEqualTo(exclusionId);
      assertThat(result.notCovered().get(0).transactionIndex()).isNull();
      assertThat(result.conditions()).isEmpty();
      assertThat(result.recovery()).isNull();
      assertThat(result.summary()).contains(exclusionId);
    }

    @Test
    void aConversionInsideTheAccountIsNotCovered() {
      ObjectNode claim = eligibleClaim();
      claim.put("cause", "HACK");
      claim
          .putArray("transactions")
          .add(transaction("2026-03-10T14:03:00Z", "INTERNAL_CONVERSION", "CRO", "50000"));

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.NOT_COVERED);
      assertThat(result.notCovered())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.id()).isEqualTo("no-external-transfer");
                assertThat(r.transactionIndex()).isZero();
              });
    }

    @Test
    void aConversionBesideAWithdrawalIsLeftOutWhileTheWithdrawalIsJudged() {
      ObjectNode claim = eligibleClaim();
      ((ArrayNode) claim.get("transactions"))
          .insert(0, transaction("2026-03-10T13:00:00Z", "INTERNAL_CONVERSION", "CRO", "50000"));

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.MEETS_MINIMUM_CONDITIONS);
      assertThat(result.notCovered())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.id()).isEqualTo("no-external-transfer");
                assertThat(r.transactionIndex()).isZero();
              });
      assertThat(result.recovery().transactions())
          .extracting(TransactionRecovery::index)
          .containsExactly(1);
    }
  }

  @Nested
  class Prerequisites {
    @ParameterizedTest
    @CsvSource({"US", "GB", "CA", "JP"})
    void aCountryOutsideTheListIsNotCovered(String country) {
      ObjectNode claim = eligibleClaim();
      claim.put("country", country);

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.NOT_COVERED);
      assertThat(result.notCovered())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.kind()).isEqualTo(ReasonKind.PREREQUISITE);
                assertThat(r.id()).isEqualTo("country-not-covered");
                assertThat(r.detail()).isEqualTo(country + " is not one of them");
                assertThat(r.title()).contains("26 countries");
              });
    }

    @ParameterizedTest
    @CsvSource({"ae", "HK", "TR", "ZA", "CH"})
    void countriesOnTheListAreCoveredWhateverTheirCase(String country) {
      ObjectNode claim = eligibleClaim();
      claim.put("country", country);

      assertThat(evaluate(claim).outcome()).isEqualTo(Outcome.MEETS_MINIMUM_CONDITIONS);
    }

    @Test
    void withoutKycTheClaimIsNotCovered() {
      ObjectNode claim = eligibleClaim();
      claim.put("kycCompleted", false);

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.NOT_COVERED);
      assertThat(result.notCovered().get(0).id()).isEqualTo("kyc-not-completed");
    }

    @Test
    void anExclusionIsDecisiveEvenWhenOtherFactsAreUnknown() {
      ObjectNode claim = eligibleClaim();
      claim.putNull("country");
      claim.putNull("mfa");
      claim.put("cause", "WRONG_ADDRESS");

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.NOT_COVERED);
      assertThat(result.informationNeeded()).extracting(m -> m.path()).containsExactly("$.country");
    }
  }

  @Nested
  class MinimumConditions {
    static Stream<Arguments> singleFailures() {
      return Stream.of(
          failure(
              1, ConditionStatus.NOT_MET, c -> c.withObjectProperty("mfa").put("enabled", false)),
          failure(
              1,
              ConditionStatus.NOT_MET,
              c -> c.withObjectProperty("mfa").put("allTransactionTypes", false)),
          failure(
              1,
              ConditionStatus.NOT_MET,
              c -> c.withObjectProperty("mfa").put("enabledOn", "2026-03-01")),
          failure(
              2,
              ConditionStatus.NOT_MET,
              c -> c.withObjectProperty("antiPhishingCode").put("enabled", false)),
          failure(
              2,
              ConditionStatus.NOT_MET,
              c -> c.withObjectProperty("antiPhishingCode").put("enabledOn", "2026-03-09")),
          failure(3, ConditionStatus.NOT_MET, c -> c.put("withdrawalLock24h", false)),
          failure(4, ConditionStatus.NOT_MET, c -> c.put("jailbrokenDevice", true)),
          failure(
              5,
              ConditionStatus.OUTSTANDING,
              c -> c.withObjectProperty("policeReport").put("filed", false)),
          failure(
              5,
              ConditionStatus.OUTSTANDING,
              c ->
                  c.withObjectProperty("policeReport")
                      .put("language", "de")
                      .put("englishTranslationProvided", false)),
          failure(
              6, ConditionStatus.OUTSTANDING, c -> c.put("securityQuestionnaireCompleted", false)),
          failure(
              7,
              ConditionStatus.NOT_MET,
              c -> c.withObjectProperty("supportContact").put("contactedOn", "2026-04-22")),
          failure(
              7,
              ConditionStatus.NOT_MET,
              c ->
                  c.withObjectProperty("supportContact")
                      .put("contacted", false)
                      .remove("contactedOn")),
          failure(8, ConditionStatus.NOT_MET, c -> c.put("accountInGoodStanding", false)),
          failure(8, ConditionStatus.NOT_MET, c -> c.put("pendingInvestigation", true)),
          failure(
              9,
              ConditionStatus.NOT_MET,
              c -> ((ObjectNode) c.get("transactions").get(0)).put("returnedAmount", "0.5")));
    }

    private static Arguments failure(
        int number, ConditionStatus status, Consumer<ObjectNode> change) {
      return Arguments.of(number, status, change);
    }

    @ParameterizedTest(name = "[{index}] condition {0} alone fails")
    @MethodSource("singleFailures")
    void eachConditionFailingAloneIsReportedAndNothingElse(
        int number, ConditionStatus status, Consumer<ObjectNode> change) {
      ObjectNode claim = eligibleClaim();
      change.accept(claim);

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.CONDITIONS_NOT_MET);
      assertThat(result.condition(number).status()).isEqualTo(status);
      assertThat(result.condition(number).details()).isNotEmpty();
      assertThat(result.conditions())
          .filteredOn(c -> c.number() != number)
          .allSatisfy(c -> assertThat(c.status()).isEqualTo(ConditionStatus.MET));
      assertThat(result.summary()).contains(number + " (" + result.condition(number).id());
    }

    @Test
    void aPoliceReportInEnglishNeedsNoTranslation() {
      ObjectNode claim = eligibleClaim();
      claim
          .withObjectProperty("policeReport")
          .put("language", "en")
          .putNull("englishTranslationProvided");

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.MEETS_MINIMUM_CONDITIONS);
      assertThat(result.condition(5).details().get(0)).contains("in English");
    }

    @Test
    void supportNotContactedYetIsOutstandingWithTheLastDay() {
      ObjectNode claim = eligibleClaim();
      claim.put("evaluatedOn", "2026-04-01");
      claim.withObjectProperty("supportContact").put("contacted", false).remove("contactedOn");

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.CONDITIONS_NOT_MET);
      ConditionResult contact = result.condition(7);
      assertThat(contact.status()).isEqualTo(ConditionStatus.OUTSTANDING);
      assertThat(contact.details())
          .singleElement()
          .asString()
          .contains("contact support by 2026-04-21");
      assertThat(result.deadline().passed()).isFalse();
      assertThat(result.recovery()).as("still estimated while the step is open").isNotNull();
    }

    @Test
    void aClaimWideFailureLeavesNoRecoveryEstimate() {
      ObjectNode claim = eligibleClaim();
      claim.put("jailbrokenDevice", true);

      assertThat(evaluate(claim).recovery()).isNull();
    }
  }

  @Nested
  class TwentyOneDays {
    @ParameterizedTest
    @CsvSource({
      "mfa, 2026-02-17, MET",
      "mfa, 2026-02-18, NOT_MET",
      "antiPhishingCode, 2026-02-17, MET",
      "antiPhishingCode, 2026-02-18, NOT_MET",
    })
    void day21BeforeTheTransactionIsEnoughAndDay20IsNot(
        String control, String enabledOn, ConditionStatus expected) {
      ObjectNode claim = eligibleClaim();
      claim.withObjectProperty(control).put("enabledOn", enabledOn);

      ClaimAssessment result = evaluate(claim);

      int number = control.equals("mfa") ? 1 : 2;
      assertThat(result.condition(number).status()).isEqualTo(expected);
      if (expected == ConditionStatus.NOT_MET) {
        assertThat(result.condition(number).details())
            .singleElement()
            .asString()
            .contains("transactions[0] on 2026-03-10")
            .contains("enabled on 2026-02-18, 20 day(s) before")
            .contains("on or before 2026-02-17");
        assertThat(result.condition(number).failingTransactions()).containsExactly(0);
      }
    }

    @Test
    void theTransactionDateIsTakenInTheClaimantsTimeZone() {
      ObjectNode claim = eligibleClaim();
      // 23:30 UTC on 9 March is 00:30 on 10 March in Paris: day 21 after 17 February.
      ((ObjectNode) claim.get("transactions").get(0)).put("time", "2026-03-09T23:30:00Z");
      claim.withObjectProperty("mfa").put("enabledOn", "2026-02-17");

      assertThat(evaluate(claim).condition(1).status()).isEqualTo(ConditionStatus.MET);

      claim.put("timeZone", "UTC");
      assertThat(evaluate(claim).condition(1).status()).isEqualTo(ConditionStatus.NOT_MET);
    }

    @Test
    void enabledAfterTheTransactionIsReportedAsSuch() {
      ObjectNode claim = eligibleClaim();
      claim.withObjectProperty("mfa").put("enabledOn", "2026-03-12");

      assertThat(evaluate(claim).condition(1).details().get(0))
          .contains("2 day(s) after the transaction");
    }
  }

  @Nested
  class ThirtyWorkingDays {
    // Transaction on Tuesday 2026-03-10. Without holidays working day 30 is Tuesday 2026-04-21.
    @ParameterizedTest
    @CsvSource({
      "2026-04-21, MET",
      "2026-04-22, NOT_MET",
      // the weekend after working day 29 (Mon 20 Apr) does not count; Sat 18 Apr is still day 28
      "2026-04-18, MET",
    })
    void workingDay30IsInTimeAndWorkingDay31IsNot(String contactedOn, ConditionStatus expected) {
      ObjectNode claim = eligibleClaim();
      claim.withObjectProperty("supportContact").put("contactedOn", contactedOn);

      ClaimAssessment result = evaluate(claim);

      assertThat(result.condition(7).status()).isEqualTo(expected);
      if (expected == ConditionStatus.NOT_MET) {
        assertThat(result.condition(7).details())
            .singleElement()
            .asString()
            .contains("working day 31")
            .contains("the last day was 2026-04-21 (working day 30)");
      }
    }

    @ParameterizedTest
    @CsvSource({"2026-04-23, MET", "2026-04-24, NOT_MET"})
    void holidaysPushTheDeadlineBack(String contactedOn, ConditionStatus expected) {
      ObjectNode claim = eligibleClaim();
      claim.withObjectProperty("supportContact").put("contactedOn", contactedOn);
      claim.putObject("calendar").putArray("holidays").add("2026-04-03").add("2026-04-06");

      ClaimAssessment result = evaluate(claim);

      assertThat(result.condition(7).status()).isEqualTo(expected);
      assertThat(result.deadline().lastDay()).isEqualTo(LocalDate.of(2026, 4, 23));
    }

    @Test
    void withoutTheHolidaysTheSameContactIsLate() {
      ObjectNode claim = eligibleClaim();
      claim.withObjectProperty("supportContact").put("contactedOn", "2026-04-23");

      assertThat(evaluate(claim).condition(7).status()).isEqualTo(ConditionStatus.NOT_MET);
    }

    @Test
    void aDifferentWeekendIsHonoured() {
      ObjectNode claim = eligibleClaim();
      claim.put("country", "AE");
      claim.put("timeZone", "Asia/Dubai");
      // a holiday on Sunday 15 March only matters where Sunday is a working day
      ObjectNode calendar = claim.putObject("calendar");
      calendar.putArray("holidays").add("2026-03-15");

      assertThat(evaluate(claim).deadline().lastDay()).isEqualTo(LocalDate.of(2026, 4, 21));

      calendar.putArray("weekend").add("FRIDAY").add("SATURDAY");

      assertThat(evaluate(claim).deadline().lastDay()).isEqualTo(LocalDate.of(2026, 4, 22));
    }
  }

  @Nested
  class Recovery {
    @Test
    void aDigitalAssetLossOverTheCapIsCutInUnitsOfTheAsset() {
      ObjectNode claim = eligibleClaim();
      ((ObjectNode) claim.get("transactions").get(0)).put("amount", "5");

      RecoveryEstimate estimate = evaluate(claim).recovery();

      assertThat(estimate.lossUsd()).isEqualByComparingTo("300000");
      assertThat(estimate.capReached()).isTrue();
      TransactionRecovery row = estimate.transactions().get(0);
      assertThat(row.limitedByCap()).isTrue();
      // 250000 / 60000 = 4.1666666666..., cut down to 8 decimals
      assertThat(row.recoverableAmount()).isEqualTo(new BigDecimal("4.16666666"));
      assertThat(row.recoverableUsd()).isEqualByComparingTo("249999.9996");
      assertThat(estimate.recoverableUsd()).isEqualByComparingTo("249999.9996");
      assertThat(estimate.recoverableUsd()).isLessThanOrEqualTo(estimate.capUsd());
    }

    @Test
    void aLossExactlyAtTheCapIsPaidInFull() {
      ObjectNode claim = eligibleClaim();
      ((ObjectNode) claim.get("transactions").get(0)).put("amount", "2.5");
      claim
          .withObjectProperty("valuation")
          .putArray("prices")
          .add(price("asset", "BTC", "2026-05-20", "100000"));

      RecoveryEstimate estimate = evaluate(claim).recovery();

      assertThat(estimate.recoverableUsd()).isEqualByComparingTo("250000");
      assertThat(estimate.capReached()).isFalse();
      assertThat(estimate.transactions().get(0).limitedByCap()).isFalse();
      assertThat(estimate.transactions().get(0).recoverableAmount()).isEqualByComparingTo("2.5");
    }

    @Test
    void aFiatLossInAnotherCurrencyIsCappedAtTheUsdEquivalentOnThePaymentDate() {
      ObjectNode claim = eligibleClaim();
      claim
          .putArray("transactions")
          .add(transaction("2026-03-10T14:03:00Z", "FIAT_BANK_TRANSFER", "EUR", "300000"));
      ((ArrayNode) claim.withObjectProperty("valuation").get("fxRates"))
          .add(price("currency", "EUR", "2026-03-10", "1.20"))
          .add(price("currency", "EUR", "2026-05-20", "1.08"));

      RecoveryEstimate estimate = evaluate(claim).recovery();

      TransactionRecovery row = estimate.transactions().get(0);
      assertThat(row.usdPerUnit()).isEqualByComparingTo("1.08");
      assertThat(row.lossUsd()).isEqualByComparingTo("324000");
      // 250000 / 1.08 = 231481.4814..., cut to cents
      assertThat(row.recoverableAmount()).isEqualTo(new BigDecimal("231481.48"));
      assertThat(row.recoverableUsd()).isEqualByComparingTo("249999.9984");
    }

    @Test
    void aUsdLossIsCappedAtExactly250000() {
      ObjectNode claim = eligibleClaim();
      claim
          .putArray("transactions")
          .add(transaction("2026-03-10T14:03:00Z", "FIAT_BANK_TRANSFER", "USD", "312345.67"));

      RecoveryEstimate estimate = evaluate(claim).recovery();

      assertThat(estimate.transactions().get(0).recoverableAmount())
          .isEqualTo(new BigDecimal("250000.00"));
      assertThat(estimate.recoverableUsd()).isEqualByComparingTo("250000");
      assertThat(estimate.lossUsd()).isEqualByComparingTo("312345.67");
    }

    @Test
    void pricesAreTakenOnThePaymentDateNotTheTransactionDate() {
      ObjectNode claim = eligibleClaim();
      ((ArrayNode) claim.withObjectProperty("valuation").get("prices"))
          .add(price("asset", "BTC", "2026-03-10", "80000"));

      RecoveryEstimate estimate = evaluate(claim).recovery();

      assertThat(estimate.paymentDate()).isEqualTo(LocalDate.of(2026, 5, 20));
      assertThat(estimate.transactions().get(0).usdPerUnit()).isEqualByComparingTo("60000");
      assertThat(estimate.recoverableUsd()).isEqualByComparingTo("30000");
    }

    @Test
    void aMissingPriceOnThePaymentDateLeavesTheTotalOpenAndNamesIt() {
      ObjectNode claim = eligibleClaim();
      claim
          .withObjectProperty("valuation")
          .putArray("prices")
          .add(price("asset", "BTC", "2026-03-10", "80000"));

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.MEETS_MINIMUM_CONDITIONS);
      RecoveryEstimate estimate = result.recovery();
      assertThat(estimate.complete()).isFalse();
      assertThat(estimate.recoverableUsd()).isNull();
      assertThat(estimate.missingPrices())
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.path()).isEqualTo("$.valuation.prices");
                assertThat(m.reason())
                    .isEqualTo("no USD price for BTC on the payment date 2026-05-20");
              });
    }

    @Test
    void withoutValuationThereIsNoEstimate() {
      ObjectNode claim = eligibleClaim();
      claim.remove("valuation");

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.MEETS_MINIMUM_CONDITIONS);
      assertThat(result.recovery()).isNull();
    }

    @Test
    void returnedFundsAreNotCountedAsLost() {
      ObjectNode claim = eligibleClaim();
      ((ObjectNode) claim.get("transactions").get(0)).put("returnedAmount", "0.2");

      RecoveryEstimate estimate = evaluate(claim).recovery();

      assertThat(estimate.transactions().get(0).lostAmount()).isEqualByComparingTo("0.3");
      assertThat(estimate.recoverableUsd()).isEqualByComparingTo("18000");
    }
  }

  @Nested
  class SeveralTransactions {
    private ObjectNode threeTransactions() {
      ObjectNode claim = eligibleClaim();
      claim
          .putArray("transactions")
          // listed out of time order on purpose: the cap is applied in time order
          .add(transaction("2026-03-10T15:30:00Z", "FIAT_BANK_TRANSFER", "EUR", "50000"))
          .add(transaction("2026-03-10T14:03:00Z", "DIGITAL_ASSET_WITHDRAWAL", "BTC", "2"))
          .add(transaction("2026-03-10T14:10:00Z", "DIGITAL_ASSET_WITHDRAWAL", "ETH", "30"));
      ((ArrayNode) claim.withObjectProperty("valuation").get("prices"))
          .add(price("asset", "ETH", "2026-05-20", "3000"));
      ((ArrayNode) claim.withObjectProperty("valuation").get("fxRates"))
          .add(price("currency", "EUR", "2026-05-20", "1.1"));
      return claim;
    }

    @Test
    void theCapIsSharedAcrossTransactionsInTimeOrder() {
      RecoveryEstimate estimate = evaluate(threeTransactions()).recovery();

      assertThat(estimate.transactions())
          .extracting(TransactionRecovery::index)
          .containsExactly(1, 2, 0);
      assertThat(estimate.lossUsd()).isEqualByComparingTo("265000");
      assertThat(estimate.transactions().get(0).recoverableUsd()).isEqualByComparingTo("120000");
      assertThat(estimate.transactions().get(1).recoverableUsd()).isEqualByComparingTo("90000");
      TransactionRecovery last = estimate.transactions().get(2);
      assertThat(last.limitedByCap()).isTrue();
      // 40000 USD left; 40000 / 1.1 = 36363.6363... EUR, cut to cents
      assertThat(last.recoverableAmount()).isEqualTo(new BigDecimal("36363.63"));
      assertThat(last.recoverableUsd()).isEqualByComparingTo("39999.993");
      assertThat(estimate.recoverableUsd()).isEqualByComparingTo("249999.993");
      assertThat(estimate.capReached()).isTrue();
    }

    @Test
    void aConditionFailingForOneTransactionOnlyNamesItAndLeavesTheOthersInTheEstimate() {
      ObjectNode claim = threeTransactions();
      ((ObjectNode) claim.get("transactions").get(0)).put("time", "2026-04-02T09:00:00Z");
      // enabled 21 days before 2 April but only 3 days before 10 March
      claim.withObjectProperty("mfa").put("enabledOn", "2026-03-07");

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.CONDITIONS_NOT_MET);
      assertThat(result.condition(1).failingTransactions()).containsExactly(1, 2);
      assertThat(result.condition(1).details()).hasSize(2);
      assertThat(result.recovery().transactions())
          .extracting(TransactionRecovery::index)
          .containsExactly(0);
      assertThat(result.recovery().recoverableUsd()).isEqualByComparingTo("55000");
    }

    @Test
    void theDeadlineRunsFromTheFirstTransaction() {
      ObjectNode claim = threeTransactions();
      ((ObjectNode) claim.get("transactions").get(0)).put("time", "2026-03-20T09:00:00Z");

      ClaimAssessment result = evaluate(claim);

      assertThat(result.deadline().occurredOn()).isEqualTo(LocalDate.of(2026, 3, 10));
    }
  }

  @Nested
  class InformationNeeded {
    @Test
    void unknownFactsAreListedByJsonPath() {
      ObjectNode claim = eligibleClaim();
      claim.putNull("mfa");
      claim.putNull("jailbrokenDevice");
      claim.withObjectProperty("policeReport").putNull("englishTranslationProvided");
      claim.putNull("cause");

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.INFORMATION_NEEDED);
      assertThat(result.informationNeeded())
          .extracting(m -> m.path())
          .containsExactly(
              "$.cause",
              "$.mfa",
              "$.jailbrokenDevice",
              "$.policeReport.englishTranslationProvided");
      assertThat(result.condition(1).status()).isEqualTo(ConditionStatus.UNKNOWN);
      assertThat(result.summary()).contains("4 facts are still needed");
    }

    @Test
    void aFailingConditionOutranksUnknownFacts() {
      ObjectNode claim = eligibleClaim();
      claim.putNull("mfa");
      claim.put("withdrawalLock24h", false);

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.CONDITIONS_NOT_MET);
      assertThat(result.informationNeeded()).extracting(m -> m.path()).containsExactly("$.mfa");
    }

    @Test
    void unknownEnablingDateAndCountryAreNeeded() {
      ObjectNode claim = eligibleClaim();
      claim.withObjectProperty("antiPhishingCode").putNull("enabledOn");
      claim.putNull("country");
      claim.putNull("kycCompleted");

      ClaimAssessment result = evaluate(claim);

      assertThat(result.outcome()).isEqualTo(Outcome.INFORMATION_NEEDED);
      assertThat(result.informationNeeded())
          .extracting(m -> m.path())
          .containsExactly("$.kycCompleted", "$.country", "$.antiPhishingCode.enabledOn");
    }
  }

  @Test
  void aClaimForAnotherProgrammeIsRejected() {
    ObjectNode claim = eligibleClaim();
    claim.put("programme", "other-app");
    Claim parsed = ClaimFixtures.parse(claim);

    assertThatThrownBy(
            () -> ClaimEvaluator.forProgramme(ProtectionProgrammes.cryptoComApp()).evaluate(parsed))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("claim: $.programme: claim is for \"other-app\"");
  }
}
