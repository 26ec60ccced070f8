package io.cexsafe.collectors.reviews.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.Config;
import io.cexsafe.ConfigurationException;
import io.cexsafe.collectors.reviews.internal.BayesianRating.Sample;
import io.cexsafe.facts.AppStore;
import io.cexsafe.facts.ReviewTheme;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final ReviewAnalysis ANALYSIS =
      new ReviewAnalysis(ThemeMatcher.compile(ThemeLexicon.bundled()), 2);

  private static Review review(String id, int stars, String text, Instant date) {
    return new Review(
        AppStore.APPLE,
        "us",
        id,
        stars,
        null,
        text,
        null,
        date,
        null,
        URI.create("https://x/" + id));
  }

  @Test
  void bayesianRatingShrinksSmallSamplesTowardsThePrior() {
    BayesianRating bayes = BayesianRating.of(new BigDecimal("3.84"), 500);
    assertThat(bayes.combine(List.of(new Sample(new BigDecimal("5"), 10))))
        .isEqualByComparingTo("3.8627"); // (3.84*500 + 50) / 510
    assertThat(bayes.combine(List.of(new Sample(new BigDecimal("4.5"), 1_000_000))).doubleValue())
        .isBetween(4.499, 4.5);
    assertThat(bayes.combine(List.of())).isNull();
    assertThat(bayes.combine(List.of(new Sample(new BigDecimal("4"), 0)))).isNull();
    assertThat(
            BayesianRating.weightedMean(
                List.of(new Sample(new BigDecimal("4"), 3), new Sample(new BigDecimal("2"), 1))))
        .isEqualByComparingTo("3.5");
    assertThatThrownBy(() -> BayesianRating.of(new BigDecimal("6"), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sharesCountEachReviewOnceAndNegativesSeparately() {
    List<Review> sample =
        List.of(
            review("1", 1, "withdrawal stuck, support useless", NOW.minusSeconds(3600)),
            review("1", 1, "withdrawal stuck, support useless", NOW.minusSeconds(3600)),
            review("2", 5, "easy to use", NOW.minusSeconds(86400L * 200)),
            review("3", 2, "withdraw fee too high", NOW.minusSeconds(86400L * 10)),
            review("4", 4, "Sehr gut", NOW.minusSeconds(86400L * 10)));
    var result = ANALYSIS.analyse(AppStore.APPLE, "US", sample, NOW);
    var themes = result.themes();
    assertThat(result.reviewsRead()).isEqualTo(4);
    assertThat(themes.reviewsAnalysed()).isEqualTo(4);
    assertThat(themes.negativeReviews()).isEqualTo(2);
    assertThat(themes.theme(ReviewTheme.WITHDRAWAL_FAILURES).count()).isEqualTo(2);
    assertThat(themes.theme(ReviewTheme.WITHDRAWAL_FAILURES).shareOfNegative()).isEqualTo(1.0);
    assertThat(themes.theme(ReviewTheme.WITHDRAWAL_FAILURES).shareOfAll()).isEqualTo(0.5);
    assertThat(themes.theme(ReviewTheme.WITHDRAWAL_FAILURES).examples()).hasSize(2);
    assertThat(themes.recentRating())
        .isCloseTo(7 / 3.0, org.assertj.core.api.Assertions.within(0.001));
    assertThat(themes.olderRating()).isEqualTo(5.0);
    assertThat(result.newest()).isEqualTo(NOW.minusSeconds(3600));
  }

  @Test
  void quotesAreCappedAndLongTextIsCutAtAWord() {
    List<Review> sample = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sample.add(review("r" + i, 1, "crash " + "word ".repeat(100), NOW));
    }
    var share =
        ANALYSIS
            .analyse(AppStore.APPLE, "US", sample, NOW)
            .themes()
            .theme(ReviewTheme.CRASHES_BUGS);
    assertThat(share.examples()).hasSize(2);
    assertThat(share.examples().get(0).text()).hasSizeLessThanOrEqualTo(281).endsWith("…");
  }

  @Test
  void readabilityLooksAtLanguageTagsAndScripts() {
    assertThat(ReviewAnalysis.readable(null, "Great app")).isTrue();
    assertThat(ReviewAnalysis.readable("en-GB", "Great app")).isTrue();
    assertThat(ReviewAnalysis.readable("de", "Great app")).isFalse();
    assertThat(ReviewAnalysis.readable(null, "出金できません")).isFalse();
    assertThat(ReviewAnalysis.readable(null, "😀😀")).isFalse();
    assertThat(ReviewAnalysis.readable(null, "")).isFalse();
    assertThat(ReviewAnalysis.readable(null, "Çok iyi uygulama")).isTrue();
  }

  @Test
  void nothingReadableGivesNoFact() {
    var result = ANALYSIS.analyse(null, "GLOBAL", List.of(review("1", 1, "Приложение", NOW)), NOW);
    assertThat(result.themes()).isNull();
    assertThat(result.notAnalysed()).isEqualTo(1);
  }

  @Test
  void settingsHaveDocumentedDefaultsAndRejectBadValues() {
    ReviewsSettings defaults = ReviewsSettings.from(Config.empty());
    assertThat(defaults.appleStorefronts()).containsExactly("us", "gb", "ca", "au", "sg", "de");
    assertThat(defaults.appleReviewStorefronts()).containsExactly("us", "gb");
    assertThat(defaults.appleReviewPages()).isEqualTo(5);
    assertThat(defaults.trustpilot().enabled()).isFalse();
    assertThat(defaults.appleLookup().baseUrl()).isEqualTo(URI.create("https://itunes.apple.com"));
    assertThat(
            ReviewsSettings.from(Config.of(Map.of("trustpilot.api-key", "k")))
                .trustpilot()
                .enabled())
        .isTrue();
    assertThat(
            ReviewsSettings.from(Config.of(Map.of("apple.storefronts", "US, Gb")))
                .appleStorefronts())
        .containsExactly("us", "gb");
    assertThatThrownBy(() -> ReviewsSettings.from(Config.of(Map.of("apple.storefronts", "usa"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("usa");
    assertThatThrownBy(
            () -> ReviewsSettings.from(Config.of(Map.of("apple-reviews.max-pages", "11"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("[1, 10]");
    assertThatThrownBy(() -> ReviewsSettings.from(Config.of(Map.of("bayes.prior-weight", "-1"))))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> ReviewsSettings.from(Config.of(Map.of("play.language", "english!"))))
        .isInstanceOf(ConfigurationException.class);
  }
}
