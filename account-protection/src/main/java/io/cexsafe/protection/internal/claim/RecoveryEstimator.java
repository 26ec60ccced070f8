package io.cexsafe.protection.internal.claim;

import io.cexsafe.protection.AssetKind;
import io.cexsafe.protection.Claim;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ClaimAssessment.MissingInformation;
import io.cexsafe.protection.ClaimAssessment.RecoveryEstimate;
import io.cexsafe.protection.ClaimAssessment.TransactionRecovery;
import io.cexsafe.protection.internal.Codes;
import io.cexsafe.protection.internal.Money;
import io.cexsafe.protection.internal.conditions.ClaimCase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Estimates what a programme could pay back: each eligible transaction's unrecovered amount valued
 * on the payment date, and the cap applied across the claim in time order.
 */
public final class RecoveryEstimator {
  /** Digital-asset quantities cut by the cap keep at least this many decimals. */
  static final int MIN_ASSET_SCALE = 8;

  private final BigDecimal capUsd;

  private RecoveryEstimator(BigDecimal capUsd) {
    this.capUsd = Objects.requireNonNull(capUsd, "capUsd");
    if (capUsd.signum() <= 0) {
      throw new IllegalArgumentException("the cap must be positive, was " + capUsd.toPlainString());
    }
  }

  /** An estimator for a programme that pays at most {@code capUsd} per claim. */
  public static RecoveryEstimator withCapUsd(BigDecimal capUsd) {
    return new RecoveryEstimator(capUsd);
  }

  /**
   * The estimate, or empty when there is no valuation, when a condition fails for the claim as a
   * whole, or when every candidate transaction fails a condition.
   *
   * @param conditions the results of the programme's minimum conditions for this claim
   */
  public Optional<RecoveryEstimate> estimate(
      ClaimCase claimCase, List<ConditionResult> conditions) {
    Claim claim = claimCase.claim();
    Claim.Valuation valuation = claim.valuation();
    if (valuation == null) {
      return Optional.empty();
    }
    boolean failsForWholeClaim =
        conditions.stream()
            .anyMatch(
                c -> c.status() == ConditionStatus.NOT_MET && c.failingTransactions().isEmpty());
    if (failsForWholeClaim) {
      return Optional.empty();
    }
    Set<Integer> failingTx = new LinkedHashSet<>();
    conditions.stream()
        .filter(c -> c.status() == ConditionStatus.NOT_MET)
        .forEach(c -> failingTx.addAll(c.failingTransactions()));
    List<Integer> eligible =
        claimCase.candidates().stream()
            .filter(i -> !failingTx.contains(i))
            .sorted(
                Comparator.comparing((Integer i) -> claimCase.transaction(i).time())
                    .thenComparing(Comparator.naturalOrder()))
            .toList();
    if (eligible.isEmpty()) {
      return Optional.empty();
    }

    List<MissingInformation> missingPrices = new ArrayList<>();
    List<TransactionRecovery> rows = new ArrayList<>();
    BigDecimal remaining = capUsd;
    BigDecimal lossUsd = BigDecimal.ZERO;
    for (int index : eligible) {
      Claim.Transaction tx = claimCase.transaction(index);
      AssetKind kind = tx.type().assetKind();
      BigDecimal lost = tx.unrecoveredAmount();
      Optional<BigDecimal> price = valuation.usdPerUnit(tx.asset(), kind);
      if (price.isEmpty()) {
        String path = kind == AssetKind.FIAT ? "$.valuation.fxRates" : "$.valuation.prices";
        missingPrices.add(
            new MissingInformation(
                path,
                "no USD "
                    + (kind == AssetKind.FIAT ? "rate" : "price")
                    + " for "
                    + tx.asset()
                    + " on the payment date "
                    + valuation.paymentDate()));
        rows.add(
            new TransactionRecovery(index, tx.asset(), kind, lost, null, null, null, null, false));
        continue;
      }
      BigDecimal usdPerUnit = price.get();
      BigDecimal txLossUsd = lost.multiply(usdPerUnit);
      lossUsd = lossUsd.add(txLossUsd);
      BigDecimal amount;
      BigDecimal usd;
      boolean limited;
      if (txLossUsd.compareTo(remaining) <= 0) {
        amount = lost;
        usd = txLossUsd;
        limited = false;
      } else {
        int scale =
            kind == AssetKind.FIAT
                ? Codes.fractionDigits(tx.asset())
                : Math.max(lost.scale(), MIN_ASSET_SCALE);
        amount = remaining.divide(usdPerUnit, scale, RoundingMode.DOWN);
        usd = amount.multiply(usdPerUnit);
        limited = true;
      }
      remaining = remaining.subtract(usd);
      rows.add(
          new TransactionRecovery(
              index, tx.asset(), kind, lost, usdPerUnit, txLossUsd, amount, usd, limited));
    }
    boolean complete = missingPrices.isEmpty();
    return Optional.of(
        new RecoveryEstimate(
            valuation.paymentDate(),
            capUsd,
            rows,
            complete ? lossUsd : null,
            complete ? capUsd.subtract(remaining) : null,
            complete && lossUsd.compareTo(capUsd) > 0,
            missingPrices,
            "Each eligible transaction's unrecovered amount valued at the USD price or rate on the"
                + " payment date "
                + valuation.paymentDate()
                + "; the cap of USD "
                + Money.plain(capUsd)
                + " applied across the claim in time order. An estimate: the exchange decides what"
                + " it pays."));
  }
}
