package io.cexsafe.collectors.reviews;

import io.cexsafe.Config;
import io.cexsafe.ConfigurationException;
import io.cexsafe.Exchange;
import io.cexsafe.Pillar;
import io.cexsafe.collectors.reviews.internal.ReviewsRun;
import io.cexsafe.collectors.reviews.internal.ReviewsSettings;
import io.cexsafe.collectors.reviews.internal.ThemeLexicon;
import io.cexsafe.collectors.reviews.internal.ThemeMatcher;
import io.cexsafe.http.HostPolicy;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * App-store ratings, written reviews and what users complain about: Apple's iTunes Lookup API and
 * customer-review feed per storefront, Google Play's details page and review endpoint, and
 * Trustpilot's API when a key is configured. Feeds the User Experience and Support pillars with
 * {@code AppRating}, {@code AppAvailability} and {@code ReviewThemes} facts (evidence class
 * user-reports). Settings and the meaning of every fact: docs/collectors/reviews.md.
 */
public final class ReviewsCollector implements EvidenceCollector {
  /** The collector id and settings prefix. */
  public static final String ID = "reviews";

  /** Apple documents about 20 lookup calls a minute; its review feed shares the host. */
  static final HostPolicy APPLE_POLICY = HostPolicy.perMinute(20);

  /** Play is scraped politely: one request at a time, one a second. */
  static final HostPolicy PLAY_POLICY = new HostPolicy(1, 1.0);

  private final ReviewsSettings settings;

  /** Made on first use: an offline run or one without this collector never reads the lexicon. */
  private volatile ReviewsRun run;

  private ReviewsCollector(ReviewsSettings settings) {
    this.settings = settings;
  }

  /**
   * The run, with the bundled lexicon read and compiled on first use: reading and compiling it
   * costs 10-20 ms of a cold CLI start, which an offline assessment never needs.
   */
  private ReviewsRun run() {
    ReviewsRun current = run;
    if (current == null) {
      synchronized (this) {
        current = run;
        if (current == null) {
          current = new ReviewsRun(settings, ThemeMatcher.compile(ThemeLexicon.bundled()));
          run = current;
        }
      }
    }
    return current;
  }

  /**
   * A collector from its settings.
   *
   * @param settings the settings under {@code reviews.}, with the prefix removed
   * @return the collector
   * @throws ConfigurationException for an invalid setting, naming it
   */
  public static ReviewsCollector create(Config settings) {
    ReviewsSettings parsed = ReviewsSettings.from(settings);
    return new ReviewsCollector(parsed);
  }

  /** {@return a collector with the default settings} */
  public static ReviewsCollector withDefaults() {
    return create(Config.empty());
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.USER_EXPERIENCE, Pillar.SUPPORT);
  }

  @Override
  public String description() {
    return "App Store and Google Play ratings per storefront, recent reviews and their themes"
        + " (Trustpilot with an API key)";
  }

  @Override
  public Map<String, HostPolicy> hostPolicies() {
    return Map.of(
        ReviewsSettings.APPLE.getHost(), APPLE_POLICY, ReviewsSettings.PLAY.getHost(), PLAY_POLICY);
  }

  @Override
  public Optional<Map<String, Integer>> plannedRequests(List<Exchange> exchanges) {
    return Optional.of(run().planned(exchanges));
  }

  @Override
  public CollectionResult collect(Exchange exchange, CollectorContext context) {
    return run().collect(exchange, context);
  }
}
