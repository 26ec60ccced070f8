package io.cexsafe.scoring.internal;

import java.util.SplittableRandom;

/**
 * Draws weight vectors from a Dirichlet distribution centred on given weights: component k has
 * parameter {@code concentration x w_k / sum(w)}; zero weights stay zero. Results are rescaled to
 * the same total as the input. Deterministic for a seed.
 */
public final class WeightSampler {
  private final double[] alphas;
  private final double total;
  private final SplittableRandom random;

  public WeightSampler(double[] weights, double concentration, long seed) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("weights must have a positive sum");
    }
    this.total = sum;
    this.alphas = new double[weights.length];
    for (int k = 0; k < weights.length; k++) {
      alphas[k] = concentration * weights[k] / sum;
    }
    this.random = new SplittableRandom(seed);
  }

  /** Fills {@code out} with the next draw. */
  public void next(double[] out) {
    double sum = 0;
    for (int k = 0; k < alphas.length; k++) {
      out[k] = alphas[k] > 0 ? gamma(alphas[k]) : 0;
      sum += out[k];
    }
    if (sum <= 0) {
      // vanishingly unlikely underflow: fall back to the centre
      for (int k = 0; k < alphas.length; k++) {
        out[k] = alphas[k];
        sum += alphas[k];
      }
    }
    for (int k = 0; k < alphas.length; k++) {
      out[k] = out[k] / sum * total;
    }
  }

  /** Marsaglia and Tsang's method; shape below 1 is boosted by U^(1/shape). */
  double gamma(double shape) {
    if (shape < 1) {
      double u = random.nextDouble();
      return gamma(shape + 1) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = normal();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      double x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) {
        return d * v;
      }
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  /** Standard normal by the polar method. */
  private double normal() {
    while (true) {
      double u = 2 * random.nextDouble() - 1;
      double v = 2 * random.nextDouble() - 1;
      double s = u * u + v * v;
      if (s > 0 && s < 1) {
        return u * Math.sqrt(-2 * Math.log(s) / s);
      }
    }
  }
}
