package io.cexsafe.protection.internal.claim;

import static io.cexsafe.protection.internal.TestInputs.claim;
import static io.cexsafe.protection.internal.TestInputs.claimCase;
import static io.cexsafe.protection.internal.TestInputs.price;
import static io.cexsafe.protection.internal.TestInputs.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.AssetKind;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ClaimAssessment.MissingInformation;
import io.cexsafe.protection.ClaimAssessment.RecoveryEstimate;
import io.cexsafe.protection.ClaimAssessment.TransactionRecovery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryEstimatorTest {
  private static final RecoveryEstimator CAP_250K =
      RecoveryEstimator.withCapUsd(new BigDecimal("250000"));

  private static ConditionResult result(ConditionStatus status, List<Integer> failing) {
    return new ConditionResult(1, "c", "text", status, List.of(), failing, List.of());
  }

  private static final List<ConditionResult> ALL_MET =
      List.of(result(ConditionStatus.MET, List.of()));

  private static ObjectNode btcClaim(String amount) {
    ObjectNode claim = claim();
    ((ObjectNode) claim.get("transactions").get(0)).put("amount", amount);
    return claim;
  }

  @Test
  void valuesTheLossOnThePaymentDateUnderTheCap() {
    RecoveryEstimate estimate = CAP_250K.estimate(claimCase(claim()), ALL_MET).orElseThrow();

    assertThat(estimate.paymentDate()).isEqualTo(LocalDate.of(2026, 5, 20));
    assertThat(estimate.complete()).isTrue();
    assertThat(estimate.lossUsd()).isEqualByComparingTo("30000");
    assertThat(estimate.recoverableUsd()).isEqualByComparingTo("30000");
    assertThat(estimate.capReached()).isFalse();
    TransactionRecovery row = estimate.transactions().get(0);
    assertThat(row.kind()).isEqualTo(AssetKind.DIGITAL_ASSET);
    assertThat(row.recoverableAmount()).isEqualByComparingTo("0.5");
    assertThat(row.limitedByCap()).isFalse();
    assertThat(estimate.basis()).contains("the cap of USD 250000 applied across the claim");
  }

  @Test
  void exactlyTheCapIsNotCut() {
    RecoveryEstimate estimate =
        RecoveryEstimator.withCapUsd(new BigDecimal("30000"))
            .estimate(claimCase(claim()), ALL_MET)
            .orElseThrow();

    assertThat(estimate.capReached()).isFalse();
    assertThat(estimate.transactions().get(0).limitedByCap()).isFalse();
  }

  @Test
  void theCapCutsAnAssetToEightDecimalsRoundingDown() {
    RecoveryEstimate estimate = CAP_250K.estimate(claimCase(btcClaim("10")), ALL_MET).orElseThrow();

    TransactionRecovery row = estimate.transactions().get(0);
    assertThat(row.limitedByCap()).isTrue();
    assertThat(row.recoverableAmount()).isEqualTo(new BigDecimal("4.16666666"));
    assertThat(estimate.lossUsd()).isEqualByComparingTo("600000");
    assertThat(estimate.recoverableUsd()).isEqualByComparingTo("249999.9996");
    assertThat(estimate.capReached()).isTrue();
  }

  @Test
  void theCapIsSpentInTimeOrderNotClaimOrder() {
    ObjectNode claim = btcClaim("4");
    claim
        .withArray("transactions")
        .add(transaction("2026-03-09T10:00:00Z", "DIGITAL_ASSET_WITHDRAWAL", "BTC", "4"));

    RecoveryEstimate estimate = CAP_250K.estimate(claimCase(claim), ALL_MET).orElseThrow();

    assertThat(estimate.transactions())
        .extracting(TransactionRecovery::index)
        .containsExactly(1, 0);
    assertThat(estimate.transactions().get(0).limitedByCap()).isFalse();
    assertThat(estimate.transactions().get(1).limitedByCap()).isTrue();
    assertThat(estimate.transactions().get(1).recoverableAmount())
        .isEqualTo(new BigDecimal("0.16666666"));
  }

  @Test
  void fiatIsCutToTheCurrencysMinorUnit() {
    ObjectNode claim = claim();
    claim
        .putArray("transactions")
        .add(transaction("2026-03-10T14:03:00Z", "FIAT_BANK_TRANSFER", "EUR", "300000"));
    ((ObjectNode) claim.get("valuation"))
        .putArray("fxRates")
        .add(price("currency", "EUR", "2026-05-20", "1.1"));

    RecoveryEstimate estimate = CAP_250K.estimate(claimCase(claim), ALL_MET).orElseThrow();

    assertThat(estimate.transactions().get(0).kind()).isEqualTo(AssetKind.FIAT);
    assertThat(estimate.transactions().get(0).recoverableAmount())
        .isEqualTo(new BigDecimal("227272.72"));
  }

  @Test
  void aMissingPriceLeavesTheTotalsOpenAndSaysWhichPrice() {
    ObjectNode claim = claim();
    ((ObjectNode) claim.get("valuation")).putArray("prices");

    RecoveryEstimate estimate = CAP_250K.estimate(claimCase(claim), ALL_MET).orElseThrow();

    assertThat(estimate.complete()).isFalse();
    assertThat(estimate.lossUsd()).isNull();
    assertThat(estimate.recoverableUsd()).isNull();
    assertThat(estimate.missingPrices())
        .containsExactly(
            new MissingInformation(
                "$.valuation.prices", "no USD price for BTC on the payment date 2026-05-20"));
    assertThat(estimate.transactions().get(0).usdPerUnit()).isNull();
  }

  @Test
  void noEstimateWithoutValuationOrWhenTheClaimFailsAsAWhole() {
    ObjectNode noValuation = claim();
    noValuation.remove("valuation");
    assertThat(CAP_250K.estimate(claimCase(noValuation), ALL_MET)).isEmpty();

    assertThat(
            CAP_250K.estimate(
                claimCase(claim()), List.of(result(ConditionStatus.NOT_MET, List.of()))))
        .isEmpty();
  }

  @Test
  void transactionsFailingAConditionAreLeftOut() {
    ObjectNode claim = claim();
    claim
        .withArray("transactions")
        .add(transaction("2026-03-11T10:00:00Z", "DIGITAL_ASSET_WITHDRAWAL", "BTC", "1"));

    RecoveryEstimate estimate =
        CAP_250K
            .estimate(claimCase(claim), List.of(result(ConditionStatus.NOT_MET, List.of(0))))
            .orElseThrow();
    assertThat(estimate.transactions()).extracting(TransactionRecovery::index).containsExactly(1);

    assertThat(
            CAP_250K.estimate(
                claimCase(claim), List.of(result(ConditionStatus.NOT_MET, List.of(0, 1)))))
        .isEmpty();
  }

  @Test
  void outstandingOrUnknownConditionsDoNotRemoveTransactions() {
    assertThat(
            CAP_250K.estimate(
                claimCase(claim()),
                List.of(
                    result(ConditionStatus.OUTSTANDING, List.of()),
                    result(ConditionStatus.UNKNOWN, List.of()))))
        .isPresent();
  }

  @Test
  void rejectsACapThatIsNotPositive() {
    assertThatThrownBy(() -> RecoveryEstimator.withCapUsd(BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> RecoveryEstimator.withCapUsd(null))
        .isInstanceOf(NullPointerException.class);
  }
}
