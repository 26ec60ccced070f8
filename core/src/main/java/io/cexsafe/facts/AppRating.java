package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * An app's star rating in one store and storefront.
 *
 * @param store which store
 * @param storefront ISO alpha-2 storefront, or {@code GLOBAL}
 * @param appId the store's id of the app
 * @param rating average stars (0 to 5)
 * @param ratingCount number of ratings behind the average
 * @param version current version, or null
 * @param currentVersionRating average for the current version, or null
 * @param currentVersionRatingCount ratings for the current version, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("app-rating")
public record AppRating(
    AppStore store,
    String storefront,
    String appId,
    BigDecimal rating,
    long ratingCount,
    String version,
    BigDecimal currentVersionRating,
    Long currentVersionRatingCount)
    implements Fact {
  private static final BigDecimal FIVE = BigDecimal.valueOf(5);

  /**
   * Validates the components.
   *
   * @param store which store
   * @param storefront ISO alpha-2 storefront, or {@code GLOBAL}
   * @param appId the store's id of the app
   * @param rating average stars (0 to 5)
   * @param ratingCount number of ratings behind the average
   * @param version current version, or null
   * @param currentVersionRating average for the current version, or null
   * @param currentVersionRatingCount ratings for the current version, or null
   */
  public AppRating {
    Checks.required(store, "store");
    storefront = Checks.country(storefront, "storefront");
    appId = Checks.text(appId, "appId");
    stars(Checks.required(rating, "rating"), "rating");
    if (ratingCount < 0) {
      throw new IllegalArgumentException("ratingCount must not be negative: " + ratingCount);
    }
    version = Checks.optionalText(version);
    if (currentVersionRating != null) {
      stars(currentVersionRating, "currentVersionRating");
    }
  }

  private static void stars(BigDecimal value, String name) {
    if (value.signum() < 0 || value.compareTo(FIVE) > 0) {
      throw new IllegalArgumentException(name + " must be within [0, 5]: " + value);
    }
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.USER_EXPERIENCE);
  }

  @Override
  public String summary() {
    return (store == AppStore.APPLE ? "App Store " : "Google Play ")
        + storefront
        + ": "
        + rating.stripTrailingZeros().toPlainString()
        + " stars from "
        + String.format(Locale.ROOT, "%,d", ratingCount)
        + " ratings";
  }
}
