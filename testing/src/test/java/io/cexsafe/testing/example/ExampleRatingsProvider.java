package io.cexsafe.testing.example;

import io.cexsafe.Config;
import io.cexsafe.spi.EvidenceCollector;
import io.cexsafe.spi.EvidenceCollectorProvider;
import java.net.URI;

/**
 * Provider of the example collector; its base URL is the {@code example-ratings.base-url} setting.
 */
public final class ExampleRatingsProvider implements EvidenceCollectorProvider {
  @Override
  public String id() {
    return "example-ratings";
  }

  @Override
  public EvidenceCollector create(Config settings) {
    return new ExampleRatingsCollector(
        settings.getUri("base-url", URI.create("https://ratings.example.com/")));
  }
}
