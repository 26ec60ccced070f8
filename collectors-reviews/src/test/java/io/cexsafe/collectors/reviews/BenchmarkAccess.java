package io.cexsafe.collectors.reviews;

import io.cexsafe.collectors.reviews.internal.ThemeLexicon;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Lets the benchmarks module (through this test-jar) use the regex baseline and the corpus
 * generator.
 */
public final class BenchmarkAccess {
  private BenchmarkAccess() {}

  public static ToIntFunction<String> regexBaseline(ThemeLexicon lexicon) {
    return new RegexThemeClassifier(lexicon)::matchBits;
  }

  public static List<String> corpus(ThemeLexicon lexicon, long seed, int reviews) {
    return new ReviewCorpus(lexicon, seed).take(reviews);
  }
}
