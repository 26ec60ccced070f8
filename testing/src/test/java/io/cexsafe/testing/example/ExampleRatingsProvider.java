package io.cexsafe.testing.example;

import io.cexsafe.Config;
import io.cexsafe.SettingKey;
import io.cexsafe.spi.EvidenceCollector;
import io.cexsafe.spi.EvidenceCollectorProvider;
import java.net.URI;
import java.util.List;

/**
 * Provider of the example collector; its base URL is the {@code example-ratings.base-url} setting.
 */
public final class ExampleRatingsProvider implements EvidenceCollectorProvider {
  @Override
  public String id() {
    return "example-ratings";
  }

  static final SettingKey<URI> BASE_URL =
      SettingKey.url("base-url", "where the ratings are read")
          .withDefault(URI.create("https://ratings.example.com/"));

  @Override
  public List<SettingKey<?>> settings() {
    return List.of(BASE_URL);
  }

  @Override
  public EvidenceCollector create(Config settings) {
    return new ExampleRatingsCollector(settings.get(BASE_URL));
  }
}
