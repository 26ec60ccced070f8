package io.cexsafe.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Provenance;
import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.AppStore;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.ReviewThemes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {
  private static <T extends Fact> Item<T> item(T fact) {
    Instant t = Instant.parse("2026-11-01T00:00:00Z");
    return new Item<>(
        fact,
        Evidence.of(
            "okx",
            fact,
            Provenance.builder("reviews")
                .source("https://example.com/", "x")
                .observedAt(t)
                .retrievedAt(t)
                .evidenceClass(EvidenceClass.USER_REPORTS)
                .build()));
  }

  private static AppRating rating(AppStore store, String storefront) {
    return new AppRating(store, storefront, "app", new BigDecimal("4.0"), 100, null, null, null);
  }

  private static ReviewThemes themes(AppStore store, String storefront) {
    return new ReviewThemes(store, storefront, 100, 10, List.of(), null, null);
  }

  @Test
  void storefrontRatingsWinOverTheirStoresAggregate() {
    var us = item(rating(AppStore.APPLE, "US"));
    var gb = item(rating(AppStore.APPLE, "GB"));
    var appleGlobal = item(rating(AppStore.APPLE, "GLOBAL"));
    var playGlobal = item(rating(AppStore.GOOGLE_PLAY, "GLOBAL"));
    assertThat(Samples.ratings(List.of(us, appleGlobal, gb, playGlobal)))
        .containsExactly(us, gb, playGlobal);
    assertThat(Samples.ratings(List.of(appleGlobal))).containsExactly(appleGlobal);
  }

  @Test
  void thePooledThemeSampleWinsOverTheSamplesItContains() {
    var pooled = item(themes(null, "GLOBAL"));
    var apple = item(themes(AppStore.APPLE, "GLOBAL"));
    var appleUs = item(themes(AppStore.APPLE, "US"));
    var playGlobal = item(themes(AppStore.GOOGLE_PLAY, "GLOBAL"));
    assertThat(Samples.themes(List.of(appleUs, apple, playGlobal, pooled))).containsExactly(pooled);
    assertThat(Samples.themes(List.of(appleUs, apple, playGlobal)))
        .containsExactly(apple, playGlobal);
    assertThat(Samples.themes(List.of(appleUs))).containsExactly(appleUs);
  }
}
