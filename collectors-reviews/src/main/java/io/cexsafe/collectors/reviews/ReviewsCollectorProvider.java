package io.cexsafe.collectors.reviews;

import io.cexsafe.Config;
import io.cexsafe.SettingKey;
import io.cexsafe.collectors.reviews.internal.ReviewsSettings;
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
  public List<SettingKey<?>> settings() {
    return ReviewsSettings.settings();
  }
}
