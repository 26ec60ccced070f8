package io.cexsafe.scoring;

import io.cexsafe.Pillar;
import io.cexsafe.scoring.internal.WeightSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How stable a ranking is when the weights move. Draws many weight vectors around a methodology
 * from a Dirichlet distribution with parameters {@code concentration x weight / 100} (so the mean
 * draw is the methodology itself and a larger concentration keeps draws closer to it), re-weights
 * each exchange's pillar estimates with every draw and ranks them.
 *
 * <p>Only re-weighting happens per draw: pillar estimates come from the scorecards, so a run over
 * 100 exchanges and 10,000 draws takes milliseconds. The run is deterministic given the seed.
 */
public final class Sensitivity {
  /** The number of weight draws by default. */
  public static final int DEFAULT_DRAWS = 10_000;

  /**
   * The Dirichlet concentration by default: higher draws stay closer to the methodology's weights.
   */
  public static final double DEFAULT_CONCENTRATION = 100;

  /** The random seed by default, so that a run is reproducible. */
  public static final long DEFAULT_SEED = 20_261_121L;

  private final Methodology methodology;
  private final int draws;
  private final double concentration;
  private final long seed;

  private Sensitivity(Methodology methodology, int draws, double concentration, long seed) {
    this.methodology = Objects.requireNonNull(methodology, "methodology");
    if (draws < 1) {
      throw new IllegalArgumentException("draws must be positive: " + draws);
    }
    if (!(concentration > 0) || Double.isInfinite(concentration)) {
      throw new IllegalArgumentException("concentration must be positive: " + concentration);
    }
    this.draws = draws;
    this.concentration = concentration;
    this.seed = seed;
  }

  /**
   * Sensitivity around {@code methodology} with the default draws, concentration and seed.
   *
   * @param methodology the methodology whose weights are varied
   * @return the analysis, ready to run
   */
  public static Sensitivity around(Methodology methodology) {
    return new Sensitivity(methodology, DEFAULT_DRAWS, DEFAULT_CONCENTRATION, DEFAULT_SEED);
  }

  /**
   * Sets the number of weight draws.
   *
   * @param draws the number of draws
   * @return a new analysis with that number
   */
  public Sensitivity draws(int draws) {
    return new Sensitivity(methodology, draws, concentration, seed);
  }

  /**
   * Sets how close the drawn weights stay to the methodology's.
   *
   * @param concentration the Dirichlet concentration
   * @return a new analysis with that concentration
   */
  public Sensitivity concentration(double concentration) {
    return new Sensitivity(methodology, draws, concentration, seed);
  }

  /**
   * Sets the random seed.
   *
   * @param seed the seed
   * @return a new analysis with that seed
   */
  public Sensitivity seed(long seed) {
    return new Sensitivity(methodology, draws, concentration, seed);
  }

  /**
   * Runs the draws over the scorecards. Exchanges that are not rated (too little evidence for a
   * grade) cannot be ranked and are listed as unrated.
   *
   * @param scorecards the scorecards to rank
   * @return how often each exchange takes each rank, and how stable its grade is
   */
  public SensitivityReport run(List<Scorecard> scorecards) {
    Pillar[] pillars = Pillar.values();
    int p = pillars.length;
    List<Scorecard> rated = new ArrayList<>();
    List<String> unrated = new ArrayList<>();
    for (Scorecard card : scorecards) {
      if (card.estimate() == null || !card.rated()) {
        unrated.add(card.exchangeId());
      } else {
        rated.add(card);
      }
    }
    rated.sort(Comparator.comparing(Scorecard::exchangeId));
    unrated.sort(Comparator.naturalOrder());
    int n = rated.size();
    double[] estimates = new double[n * p];
    boolean[] covered = new boolean[n * p];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < p; k++) {
        Double estimate = rated.get(i).pillar(pillars[k]).estimate();
        covered[i * p + k] = estimate != null;
        estimates[i * p + k] = estimate == null ? 0 : estimate;
      }
    }
    double[] base = new double[p];
    for (int k = 0; k < p; k++) {
      base[k] = methodology.weight(pillars[k]);
    }
    double[] baseScores = new double[n];
    scoreAll(estimates, covered, base, baseScores, n, p);
    int[] baseRanks = ranks(baseScores, new double[n]);

    int[][] rankCounts = new int[n][n];
    double[] weights = new double[p];
    double[] scores = new double[n];
    double[] sorted = new double[n];
    WeightSampler sampler = new WeightSampler(base, concentration, seed);
    for (int draw = 0; draw < draws; draw++) {
      sampler.next(weights);
      scoreAll(estimates, covered, weights, scores, n, p);
      int[] ranks = ranks(scores, sorted);
      for (int i = 0; i < n; i++) {
        rankCounts[i][ranks[i] - 1]++;
      }
    }
    List<SensitivityReport.ExchangeStability> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int[] counts = rankCounts[i];
      results.add(
          new SensitivityReport.ExchangeStability(
              rated.get(i).exchangeId(),
              rated.get(i).estimate(),
              baseRanks[i],
              round4((double) counts[0] / draws),
              percentile(counts, draws, 0),
              percentile(counts, draws, 0.05),
              percentile(counts, draws, 0.5),
              percentile(counts, draws, 0.95),
              percentile(counts, draws, 1)));
    }
    results.sort(
        Comparator.comparingInt(SensitivityReport.ExchangeStability::baseRank)
            .thenComparing(SensitivityReport.ExchangeStability::exchangeId));
    return new SensitivityReport(
        methodology.id(), methodology.version(), draws, concentration, seed, results, unrated);
  }

  private static void scoreAll(
      double[] estimates, boolean[] covered, double[] weights, double[] out, int n, int p) {
    for (int i = 0; i < n; i++) {
      double sum = 0;
      double weight = 0;
      int row = i * p;
      for (int k = 0; k < p; k++) {
        if (covered[row + k]) {
          sum += weights[k] * estimates[row + k];
          weight += weights[k];
        }
      }
      out[i] = weight > 0 ? sum / weight : 0;
    }
  }

  /** Rank 1 is best; exchanges with equal scores share the better rank. */
  private static int[] ranks(double[] scores, double[] scratch) {
    int n = scores.length;
    System.arraycopy(scores, 0, scratch, 0, n);
    Arrays.sort(scratch);
    int[] ranks = new int[n];
    for (int i = 0; i < n; i++) {
      int lo = 0;
      int hi = n;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (scratch[mid] <= scores[i]) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      ranks[i] = 1 + (n - lo);
    }
    return ranks;
  }

  /** The smallest rank r such that at least q of the draws ranked r or better. */
  private static int percentile(int[] counts, int draws, double q) {
    if (q <= 0) {
      for (int r = 0; r < counts.length; r++) {
        if (counts[r] > 0) {
          return r + 1;
        }
      }
    }
    long needed = (long) Math.ceil(q * draws);
    long cumulative = 0;
    for (int r = 0; r < counts.length; r++) {
      cumulative += counts[r];
      if (cumulative >= needed && cumulative > 0) {
        return r + 1;
      }
    }
    return counts.length;
  }

  private static double round4(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
