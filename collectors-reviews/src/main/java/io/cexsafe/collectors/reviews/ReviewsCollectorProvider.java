package io.cexsafe.collectors.reviews;

import io.cexsafe.Config;
import io.cexsafe.SettingKey;
import io.cexsafe.SettingKey.Type;
import io.cexsafe.spi.EvidenceCollector;
import io.cexsafe.spi.EvidenceCollectorProvider;
import java.util.List;

/** Creates the {@link ReviewsCollector}; registered for {@link java.util.ServiceLoader}. */
public final class ReviewsCollectorProvider implements EvidenceCollectorProvider {
  @Override
  public String id() {
    return ReviewsCollector.ID;
  }

  @Override
  public EvidenceCollector create(Config settings) {
    return ReviewsCollector.create(settings);
  }

  @Override
  public List<SettingKey> settings() {
    List<SettingKey> keys = new java.util.ArrayList<>();
    for (String source :
        List.of("apple-lookup", "apple-reviews", "play-details", "play-reviews", "trustpilot")) {
      keys.add(SettingKey.of(source + ".base-url", Type.URI, null, "base URL of " + source));
      keys.add(SettingKey.of(source + ".enabled", Type.BOOLEAN, "true", "read " + source));
    }
    keys.add(SettingKey.secret("trustpilot.api-key", "Trustpilot API key"));
    keys.add(SettingKey.of("apple.storefronts", Type.LIST, "us,gb,ca,au,sg,de", "App Store"));
    keys.add(SettingKey.of("apple-reviews.storefronts", Type.LIST, "us,gb", "review feeds"));
    keys.add(SettingKey.of("apple-reviews.max-pages", Type.INT, "5", "pages per feed"));
    keys.add(SettingKey.of("play.language", Type.STRING, "en", "Play language"));
    keys.add(SettingKey.of("play.country", Type.STRING, "us", "Play country"));
    keys.add(SettingKey.of("play-reviews.max-pages", Type.INT, "2", "Play review pages"));
    keys.add(SettingKey.of("play-reviews.page-size", Type.INT, "150", "Play reviews per page"));
    keys.add(SettingKey.of("trustpilot.max-pages", Type.INT, "1", "Trustpilot pages"));
    keys.add(SettingKey.of("bayes.prior-mean", Type.DOUBLE, "3.84", "rating prior mean"));
    keys.add(SettingKey.of("bayes.prior-weight", Type.LONG, null, "rating prior weight"));
    keys.add(SettingKey.of("themes.quotes-per-theme", Type.INT, "3", "quotes kept per theme"));
    return List.copyOf(keys);
  }
}
