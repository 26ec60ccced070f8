package io.cexsafe.facts;

/**
 * How often one theme appears.
 *
 * @param theme the theme
 * @param count reviews mentioning it
 * @param shareOfAll count divided by all reviews analysed
 * @param shareOfNegative share among negative (1-2 star) reviews
 * @param examples a few example quotes
 */
public record ThemeShare(
    ReviewTheme theme,
    int count,
    double shareOfAll,
    double shareOfNegative,
    java.util.List<ReviewQuote> examples) {
  /**
   * Validates the components.
   *
   * @param theme the theme
   * @param count reviews mentioning it
   * @param shareOfAll count divided by all reviews analysed
   * @param shareOfNegative share among negative (1-2 star) reviews
   * @param examples a few example quotes
   */
  public ThemeShare {
    Checks.required(theme, "theme");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    Checks.share(shareOfAll, "shareOfAll");
    Checks.share(shareOfNegative, "shareOfNegative");
    examples = Checks.list(examples);
  }
}
