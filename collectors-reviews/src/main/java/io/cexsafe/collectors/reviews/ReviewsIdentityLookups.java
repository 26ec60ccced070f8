package io.cexsafe.collectors.reviews;

import io.cexsafe.Config;
import io.cexsafe.collectors.reviews.internal.AppleNameSearch;
import io.cexsafe.collectors.reviews.internal.ReviewsSettings;
import io.cexsafe.spi.IdentityLookup;
import java.util.List;

/**
 * The app stores' search by name, for identity resolution: Apple's search API ({@code apple}),
 * giving each app's track id and bundle id, in the first storefront of {@code
 * reviews.apple.storefronts}. It reads the {@code reviews} collector's settings ({@code
 * reviews.apple-lookup.base-url}) and is left out when {@code reviews.apple-lookup.enabled} is
 * false.
 */
public final class ReviewsIdentityLookups {
  private ReviewsIdentityLookups() {}

  /**
   * The lookups, from the settings under {@code reviews.} (given without the prefix, as {@link
   * Config#scoped(String)} gives them).
   *
   * @param settings the settings under {@code reviews.}, with the prefix removed
   * @return the Apple name search, or an empty list when {@code reviews.apple-lookup.enabled} is
   *     false
   * @throws io.cexsafe.ConfigurationException when a setting is invalid
   */
  public static List<IdentityLookup> fromConfig(Config settings) {
    ReviewsSettings parsed = ReviewsSettings.from(settings);
    if (!parsed.appleLookup().enabled()) {
      return List.of();
    }
    return List.of(new AppleNameSearch(parsed.appleLookup(), parsed.appleStorefronts().get(0)));
  }
}
