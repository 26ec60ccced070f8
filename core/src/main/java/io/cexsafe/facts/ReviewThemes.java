package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.List;
import java.util.Set;

/**
 * Themes found in a sample of app reviews.
 *
 * @param store the store, or null when reviews from several stores were pooled
 * @param storefront ISO alpha-2 storefront, or {@code GLOBAL}
 * @param reviewsAnalysed how many reviews were read
 * @param negativeReviews how many of them were negative (1-2 stars)
 * @param themes theme shares
 * @param recentRating mean stars of the last 90 days' reviews, or null
 * @param olderRating mean stars of older reviews, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("review-themes")
public record ReviewThemes(
    AppStore store,
    String storefront,
    int reviewsAnalysed,
    int negativeReviews,
    List<ThemeShare> themes,
    Double recentRating,
    Double olderRating)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param store the store, or null when reviews from several stores were pooled
   * @param storefront ISO alpha-2 storefront, or {@code GLOBAL}
   * @param reviewsAnalysed how many reviews were read
   * @param negativeReviews how many of them were negative (1-2 stars)
   * @param themes theme shares
   * @param recentRating mean stars of the last 90 days' reviews, or null
   * @param olderRating mean stars of older reviews, or null
   */
  public ReviewThemes {
    storefront = Checks.country(storefront, "storefront");
    if (reviewsAnalysed < 0 || negativeReviews < 0 || negativeReviews > reviewsAnalysed) {
      throw new IllegalArgumentException(
          "need 0 <= negativeReviews <= reviewsAnalysed: "
              + negativeReviews
              + ", "
              + reviewsAnalysed);
    }
    themes = Checks.list(themes);
    Checks.finite(recentRating, "recentRating");
    Checks.finite(olderRating, "olderRating");
  }

  /**
   * Finds the share entry for one theme.
   *
   * @param theme the theme
   * @return its share entry, or null when the theme was not measured
   */
  public ThemeShare theme(ReviewTheme theme) {
    return themes.stream().filter(t -> t.theme() == theme).findFirst().orElse(null);
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.USER_EXPERIENCE, Pillar.SUPPORT);
  }

  @Override
  public String summary() {
    return "themes of "
        + reviewsAnalysed
        + " reviews ("
        + negativeReviews
        + " negative)"
        + (store == null ? "" : " on " + store)
        + " "
        + storefront;
  }
}
