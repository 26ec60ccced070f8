package io.cexsafe.scoring.internal;

/**
 * Small samples shrink toward a prior, as the store rating already does: a share measured on {@code
 * n} reviews counts as if {@link #PSEUDO_REVIEWS} more reviews had shown the prior share. Ten
 * reviews barely move the result; ten thousand decide it.
 */
final class Shrinkage {
  private Shrinkage() {}

  /** How many reviews' worth of weight the prior carries. */
  static final double PSEUDO_REVIEWS = 100;

  /**
   * A rule's result measured on {@code n} reviews, as a fraction of its maximum, shrunk toward the
   * prior for unknown rules: a sample of none is exactly unknown, a small one barely more.
   */
  static double toPrior(double fraction, double n) {
    if (n <= 0) {
      return UNKNOWN_PRIOR;
    }
    return (fraction * n + UNKNOWN_PRIOR * PSEUDO_REVIEWS) / (n + PSEUDO_REVIEWS);
  }

  static final double UNKNOWN_PRIOR = io.cexsafe.scoring.Scorer.UNKNOWN_PRIOR;

  /** Prior share of reviews about failed withdrawals at an exchange without a problem. */
  static final double WITHDRAWAL_PRIOR_SHARE = 0.02;

  /** {@code share} measured on {@code n} reviews, shrunk toward {@code prior}. */
  static double share(double share, double n, double prior) {
    if (n <= 0) {
      return prior;
    }
    return (share * n + prior * PSEUDO_REVIEWS) / (n + PSEUDO_REVIEWS);
  }
}
