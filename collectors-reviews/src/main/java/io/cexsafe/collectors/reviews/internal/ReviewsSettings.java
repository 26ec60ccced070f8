package io.cexsafe.collectors.reviews.internal;

import io.cexsafe.Config;
import io.cexsafe.ConfigurationException;
import io.cexsafe.Secret;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The collector's settings, read from the keys under {@code reviews.} (see
 * docs/collectors/reviews.md for the list and defaults).
 */
public record ReviewsSettings(
    SourceSettings appleLookup,
    SourceSettings appleReviews,
    SourceSettings playDetails,
    SourceSettings playReviews,
    SourceSettings trustpilot,
    List<String> appleStorefronts,
    List<String> appleReviewStorefronts,
    int appleReviewPages,
    String playLanguage,
    String playCountry,
    int playReviewPages,
    int playReviewPageSize,
    Optional<Secret> trustpilotApiKey,
    int trustpilotPages,
    BigDecimal priorMean,
    long priorWeight,
    int quotesPerTheme) {
  public static final URI APPLE = URI.create("https://itunes.apple.com");
  public static final URI PLAY = URI.create("https://play.google.com");
  public static final URI TRUSTPILOT = URI.create("https://api.trustpilot.com");
  public static final List<String> DEFAULT_STOREFRONTS =
      List.of("us", "gb", "ca", "au", "sg", "de");
  public static final List<String> DEFAULT_REVIEW_STOREFRONTS = List.of("us", "gb");

  private static final Pattern COUNTRY = Pattern.compile("[a-z]{2}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2})?");

  /** Base URL and switch of one source. */
  public record SourceSettings(String name, URI baseUrl, boolean enabled) {
    /** {@code path} appended to the base URL (which may itself carry a path). */
    public URI resolve(String pathAndQuery) {
      String base = baseUrl.toString();
      if (base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
      return URI.create(base + pathAndQuery);
    }
  }

  public static ReviewsSettings from(Config config) {
    Optional<Secret> apiKey = config.secret("trustpilot.api-key");
    return new ReviewsSettings(
        source(config, "apple-lookup", APPLE, true),
        source(config, "apple-reviews", APPLE, true),
        source(config, "play-details", PLAY, true),
        source(config, "play-reviews", PLAY, true),
        source(config, "trustpilot", TRUSTPILOT, apiKey.isPresent()),
        countries(config, "apple.storefronts", DEFAULT_STOREFRONTS),
        countries(config, "apple-reviews.storefronts", DEFAULT_REVIEW_STOREFRONTS),
        range(config, "apple-reviews.max-pages", 5, 1, 10),
        matching(config, "play.language", "en", LANGUAGE),
        matching(config, "play.country", "us", COUNTRY),
        range(config, "play-reviews.max-pages", 2, 1, 20),
        range(config, "play-reviews.page-size", 150, 1, 200),
        apiKey,
        range(config, "trustpilot.max-pages", 1, 1, 10),
        prior(config),
        priorWeight(config),
        range(config, "themes.quotes-per-theme", 3, 0, 10));
  }

  private static SourceSettings source(Config config, String name, URI base, boolean enabled) {
    return new SourceSettings(
        name,
        config.getUri(name + ".base-url", base),
        config.getBoolean(name + ".enabled", enabled));
  }

  private static List<String> countries(Config config, String key, List<String> defaults) {
    List<String> values =
        config.getList(key, defaults).stream()
            .map(v -> v.toLowerCase(Locale.ROOT))
            .distinct()
            .toList();
    for (String value : values) {
      if (!COUNTRY.matcher(value).matches()) {
        throw new ConfigurationException(
            "invalid storefront '" + value + "' in reviews." + key + ": use ISO alpha-2 codes");
      }
    }
    return values;
  }

  private static int range(Config config, String key, int defaultValue, int min, int max) {
    int value = config.getInt(key, defaultValue);
    if (value < min || value > max) {
      throw new ConfigurationException(
          "reviews." + key + " must be within [" + min + ", " + max + "], was " + value);
    }
    return value;
  }

  private static String matching(Config config, String key, String defaultValue, Pattern form) {
    String value = config.get(key, defaultValue);
    if (!form.matcher(value).matches()) {
      throw new ConfigurationException("invalid value '" + value + "' for reviews." + key);
    }
    return value;
  }

  private static long priorWeight(Config config) {
    long weight = config.getLong("bayes.prior-weight", BayesianRating.DEFAULT_PRIOR_WEIGHT);
    if (weight < 0) {
      throw new ConfigurationException(
          "reviews.bayes.prior-weight must not be negative: " + weight);
    }
    return weight;
  }

  private static BigDecimal prior(Config config) {
    double mean = config.getDouble("bayes.prior-mean", 3.84);
    if (mean < 1 || mean > 5) {
      throw new ConfigurationException("reviews.bayes.prior-mean must be within [1, 5]: " + mean);
    }
    return BigDecimal.valueOf(mean);
  }
}
