package io.cexsafe.collectors.reviews.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * A count-weighted mean of star ratings, shrunk towards a prior: {@code (C·m + Σ rᵢ·nᵢ) / (C + Σ
 * nᵢ)} with prior mean {@code m} and prior weight {@code C} (in ratings). Storefronts with many
 * ratings dominate; a storefront with a handful of ratings barely moves the figure.
 */
public final class BayesianRating {
  /** The published average of crypto apps on Google Play (3.84 stars, IMFI 22(1), 2025). */
  public static final BigDecimal DEFAULT_PRIOR_MEAN = new BigDecimal("3.84");

  /** The prior's weight in ratings. */
  public static final long DEFAULT_PRIOR_WEIGHT = 500;

  private final BigDecimal priorMean;
  private final long priorWeight;

  private BayesianRating(BigDecimal priorMean, long priorWeight) {
    if (priorMean.signum() < 0 || priorMean.compareTo(BigDecimal.valueOf(5)) > 0) {
      throw new IllegalArgumentException("prior mean must be within [0, 5]: " + priorMean);
    }
    if (priorWeight < 0) {
      throw new IllegalArgumentException("prior weight must not be negative: " + priorWeight);
    }
    this.priorMean = priorMean;
    this.priorWeight = priorWeight;
  }

  public static BayesianRating of(BigDecimal priorMean, long priorWeight) {
    return new BayesianRating(priorMean, priorWeight);
  }

  public BigDecimal priorMean() {
    return priorMean;
  }

  public long priorWeight() {
    return priorWeight;
  }

  /** A rating and the number of ratings behind it. */
  public record Sample(BigDecimal rating, long count) {}

  /** The shrunk mean, to four decimals; null when there is nothing to average. */
  public BigDecimal combine(List<Sample> samples) {
    BigDecimal sum = priorMean.multiply(BigDecimal.valueOf(priorWeight));
    long count = priorWeight;
    long observed = 0;
    for (Sample sample : samples) {
      sum = sum.add(sample.rating().multiply(BigDecimal.valueOf(sample.count())));
      count += sample.count();
      observed += sample.count();
    }
    if (observed == 0) {
      return null;
    }
    return sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64)
        .setScale(4, RoundingMode.HALF_UP);
  }

  /** The plain count-weighted mean, to four decimals; null when there are no ratings. */
  public static BigDecimal weightedMean(List<Sample> samples) {
    return of(BigDecimal.ZERO, 0).combine(samples);
  }
}
