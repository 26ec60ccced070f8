package io.cexsafe.scoring.internal;

/** Piecewise-linear scoring curves. All return a fraction in [0, 1]. */
public final class Curves {
  private Curves() {}

  /** 1 up to {@code fullUntil}, 0 from {@code zeroAt}, linear in between (lower is better). */
  public static double declining(double x, double fullUntil, double zeroAt) {
    if (x <= fullUntil) {
      return 1;
    }
    if (x >= zeroAt) {
      return 0;
    }
    return (zeroAt - x) / (zeroAt - fullUntil);
  }

  /** 0 up to {@code zeroUntil}, 1 from {@code fullAt}, linear in between (higher is better). */
  public static double rising(double x, double zeroUntil, double fullAt) {
    if (x <= zeroUntil) {
      return 0;
    }
    if (x >= fullAt) {
      return 1;
    }
    return (x - zeroUntil) / (fullAt - zeroUntil);
  }

  public static double clamp(double x, double min, double max) {
    return Math.max(min, Math.min(max, x));
  }

  /** Rounds half up to two decimals; monotone, so it keeps orderings between values. */
  public static double round2(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
