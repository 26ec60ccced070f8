package io.cexsafe.collectors.reviews.internal;

import io.cexsafe.Config;
import io.cexsafe.Secret;
import io.cexsafe.SettingKey;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
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
  private static final Pattern COUNTRY = Pattern.compile("[a-z]{2}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2})?");

  public static final URI APPLE = URI.create("https://itunes.apple.com");
  public static final URI PLAY = URI.create("https://play.google.com");
  public static final URI TRUSTPILOT = URI.create("https://api.trustpilot.com");
  public static final List<String> DEFAULT_STOREFRONTS =
      List.of("us", "gb", "ca", "au", "sg", "de");
  public static final List<String> DEFAULT_REVIEW_STOREFRONTS = List.of("us", "gb");

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

  /** The names of the sources, each with a {@code <name>.base-url} and {@code .enabled}. */
  public static final List<String> SOURCES =
      List.of("apple-lookup", "apple-reviews", "play-details", "play-reviews", "trustpilot");

  public static final SettingKey<Secret> TRUSTPILOT_API_KEY =
      SettingKey.secret("trustpilot.api-key", "Trustpilot API key; Trustpilot is read with it");
  public static final SettingKey<List<String>> APPLE_STOREFRONTS =
      countries("apple.storefronts", "App Store storefronts looked up", DEFAULT_STOREFRONTS);
  public static final SettingKey<List<String>> APPLE_REVIEW_STOREFRONTS =
      countries(
          "apple-reviews.storefronts",
          "storefronts whose review feeds are read",
          DEFAULT_REVIEW_STOREFRONTS);
  public static final SettingKey<Integer> APPLE_REVIEW_PAGES =
      SettingKey.integer("apple-reviews.max-pages", "review feed pages per storefront")
          .withDefault(5)
          .within(1, 10);
  public static final SettingKey<String> PLAY_LANGUAGE =
      SettingKey.string("play.language", "Google Play language, e.g. en or pt-BR")
          .withDefault("en")
          .check(v -> LANGUAGE.matcher(v).matches(), "a language code such as en or pt-BR");
  public static final SettingKey<String> PLAY_COUNTRY =
      SettingKey.string("play.country", "Google Play country, ISO alpha-2")
          .withDefault("us")
          .check(v -> COUNTRY.matcher(v).matches(), "a lower-case ISO alpha-2 country code");
  public static final SettingKey<Integer> PLAY_REVIEW_PAGES =
      SettingKey.integer("play-reviews.max-pages", "Google Play review pages")
          .withDefault(2)
          .within(1, 20);
  public static final SettingKey<Integer> PLAY_REVIEW_PAGE_SIZE =
      SettingKey.integer("play-reviews.page-size", "Google Play reviews per page")
          .withDefault(150)
          .within(1, 200);
  public static final SettingKey<Integer> TRUSTPILOT_PAGES =
      SettingKey.integer("trustpilot.max-pages", "Trustpilot review pages")
          .withDefault(1)
          .within(1, 10);
  public static final SettingKey<Double> PRIOR_MEAN =
      SettingKey.number("bayes.prior-mean", "rating prior mean (stars)")
          .withDefault(3.84)
          .within(1.0, 5.0);
  public static final SettingKey<Long> PRIOR_WEIGHT =
      SettingKey.longInteger("bayes.prior-weight", "rating prior weight (ratings)")
          .withDefault(BayesianRating.DEFAULT_PRIOR_WEIGHT)
          .check(w -> w >= 0, "an integer that is not negative");
  public static final SettingKey<Integer> QUOTES_PER_THEME =
      SettingKey.integer("themes.quotes-per-theme", "quotes kept per review theme")
          .withDefault(3)
          .within(0, 10);

  /** Every setting, relative to {@code reviews.}. */
  public static List<SettingKey<?>> settings() {
    List<SettingKey<?>> keys = new ArrayList<>();
    for (String source : SOURCES) {
      keys.add(baseUrl(source));
      keys.add(enabled(source));
    }
    keys.addAll(
        List.of(
            TRUSTPILOT_API_KEY,
            APPLE_STOREFRONTS,
            APPLE_REVIEW_STOREFRONTS,
            APPLE_REVIEW_PAGES,
            PLAY_LANGUAGE,
            PLAY_COUNTRY,
            PLAY_REVIEW_PAGES,
            PLAY_REVIEW_PAGE_SIZE,
            TRUSTPILOT_PAGES,
            PRIOR_MEAN,
            PRIOR_WEIGHT,
            QUOTES_PER_THEME));
    return List.copyOf(keys);
  }

  /** The base URL of a source. */
  public static SettingKey<URI> baseUrl(String source) {
    return SettingKey.url(source + ".base-url", "base URL of " + source)
        .withDefault(
            source.startsWith("apple") ? APPLE : source.startsWith("play") ? PLAY : TRUSTPILOT);
  }

  /** The switch of a source; Trustpilot's defaults to whether an API key is given. */
  public static SettingKey<Boolean> enabled(String source) {
    SettingKey<Boolean> key =
        SettingKey.bool(
            source + ".enabled",
            "read " + source + (source.equals("trustpilot") ? " (default: with an api-key)" : ""));
    return source.equals("trustpilot") ? key : key.withDefault(true);
  }

  public static ReviewsSettings from(Config config) {
    Optional<Secret> apiKey = config.find(TRUSTPILOT_API_KEY);
    return new ReviewsSettings(
        source(config, "apple-lookup"),
        source(config, "apple-reviews"),
        source(config, "play-details"),
        source(config, "play-reviews"),
        new SourceSettings(
            "trustpilot",
            config.get(baseUrl("trustpilot")),
            config.find(enabled("trustpilot")).orElse(apiKey.isPresent())),
        lowerCase(config.get(APPLE_STOREFRONTS)),
        lowerCase(config.get(APPLE_REVIEW_STOREFRONTS)),
        config.get(APPLE_REVIEW_PAGES),
        config.get(PLAY_LANGUAGE),
        config.get(PLAY_COUNTRY),
        config.get(PLAY_REVIEW_PAGES),
        config.get(PLAY_REVIEW_PAGE_SIZE),
        apiKey,
        config.get(TRUSTPILOT_PAGES),
        BigDecimal.valueOf(config.get(PRIOR_MEAN)),
        config.get(PRIOR_WEIGHT),
        config.get(QUOTES_PER_THEME));
  }

  private static SourceSettings source(Config config, String name) {
    return new SourceSettings(name, config.get(baseUrl(name)), config.get(enabled(name)));
  }

  private static SettingKey<List<String>> countries(String key, String doc, List<String> defaults) {
    return SettingKey.list(key, doc)
        .withDefault(defaults)
        .check(
            values ->
                values.stream()
                    .allMatch(v -> COUNTRY.matcher(v.toLowerCase(Locale.ROOT)).matches()),
            "ISO alpha-2 country codes separated by commas, e.g. us,gb");
  }

  private static List<String> lowerCase(List<String> values) {
    return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).distinct().toList();
  }
}
