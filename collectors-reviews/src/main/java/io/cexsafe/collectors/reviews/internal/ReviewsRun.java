package io.cexsafe.collectors.reviews.internal;

import io.cexsafe.Exchange;
import io.cexsafe.ReasonCode;
import io.cexsafe.collectors.reviews.internal.BayesianRating.Sample;
import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.AppStore;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** One collection for one exchange: runs the sources that apply, then aggregates. */
public final class ReviewsRun {
  private final ReviewsSettings settings;
  private final ReviewAnalysis analysis;
  private final BayesianRating bayes;
  private final String lexiconVersion;

  public ReviewsRun(ReviewsSettings settings, ThemeMatcher matcher) {
    this.settings = settings;
    this.analysis = new ReviewAnalysis(matcher, settings.quotesPerTheme());
    this.bayes = BayesianRating.of(settings.priorMean(), settings.priorWeight());
    this.lexiconVersion = matcher.lexiconVersion();
  }

  /**
   * The requests a run over {@code exchanges} makes per host when every source answers: Apple's
   * lookup once per storefront and chunk of ids for the whole run, and per exchange the review feed
   * pages, the Play page and review pages, and Trustpilot's search and pages (with a key).
   */
  public Map<String, Integer> planned(List<Exchange> exchanges) {
    Map<String, Integer> perHost = new LinkedHashMap<>();
    List<String> trackIds = new ArrayList<>();
    for (Exchange exchange : exchanges) {
      String appleId = exchange.identifier("apple.id").orElse(null);
      String bundle = exchange.identifier("apple.bundle").orElse(null);
      String pkg = exchange.identifier("play.package").orElse(null);
      String domain = exchange.identifier("trustpilot.domain").orElse(websiteDomain(exchange));
      List<String> batch = appleId == null ? List.of() : AppleLookup.batch(appleId, exchanges);
      if (appleId != null && settings.appleLookup().enabled()) {
        batch.stream().filter(id -> !trackIds.contains(id)).forEach(trackIds::add);
        if (!batch.contains(appleId)) {
          // an id the lookup cannot batch is asked alone in every storefront
          add(perHost, settings.appleLookup(), settings.appleStorefronts().size());
        }
      } else if (bundle != null && settings.appleLookup().enabled()) {
        add(perHost, settings.appleLookup(), settings.appleStorefronts().size());
      }
      if ((appleId != null || bundle != null) && settings.appleReviews().enabled()) {
        add(
            perHost,
            settings.appleReviews(),
            settings.appleReviewStorefronts().size() * settings.appleReviewPages());
      }
      if (pkg != null) {
        if (settings.playDetails().enabled()) {
          add(perHost, settings.playDetails(), 1);
        }
        if (settings.playReviews().enabled()) {
          add(perHost, settings.playReviews(), settings.playReviewPages());
        }
      }
      if (domain != null
          && settings.trustpilot().enabled()
          && settings.trustpilotApiKey().isPresent()) {
        add(perHost, settings.trustpilot(), 1 + settings.trustpilotPages());
      }
    }
    if (!trackIds.isEmpty()) {
      int chunks =
          (trackIds.size() + AppleLookup.MAX_IDS_PER_LOOKUP - 1) / AppleLookup.MAX_IDS_PER_LOOKUP;
      add(perHost, settings.appleLookup(), chunks * settings.appleStorefronts().size());
    }
    return perHost;
  }

  private static void add(
      Map<String, Integer> perHost, ReviewsSettings.SourceSettings source, int requests) {
    perHost.merge(source.baseUrl().getHost(), requests, Integer::sum);
  }

  public CollectionResult collect(Exchange exchange, CollectorContext context) {
    String appleId = exchange.identifier("apple.id").orElse(null);
    String bundle = exchange.identifier("apple.bundle").orElse(null);
    String pkg = exchange.identifier("play.package").orElse(null);
    String domain = exchange.identifier("trustpilot.domain").orElse(websiteDomain(exchange));

    boolean appleEnabled = settings.appleLookup().enabled() || settings.appleReviews().enabled();
    boolean playEnabled = settings.playDetails().enabled() || settings.playReviews().enabled();
    boolean trustpilotEnabled = settings.trustpilot().enabled();
    boolean runApple = appleEnabled && (appleId != null || bundle != null);
    boolean runPlay = playEnabled && pkg != null;
    boolean runTrustpilot =
        trustpilotEnabled && settings.trustpilotApiKey().isPresent() && domain != null;
    if (!appleEnabled && !playEnabled && !trustpilotEnabled) {
      return CollectionResult.skipped(ReasonCode.DISABLED, "every reviews source is switched off");
    }
    if (!runApple && !runPlay && !runTrustpilot) {
      if (trustpilotEnabled
          && settings.trustpilotApiKey().isEmpty()
          && !appleEnabled
          && !playEnabled) {
        return CollectionResult.skipped(
            ReasonCode.MISSING_CREDENTIALS,
            "Trustpilot needs an API key (reviews.trustpilot.api-key)");
      }
      return CollectionResult.skipped(
          ReasonCode.NO_IDENTIFIER,
          "the catalogue has no apple.id, apple.bundle or play.package for " + exchange.id());
    }

    Harvest harvest = new Harvest(exchange, context);
    boolean past = asOfInPast(context);
    if (trustpilotEnabled && settings.trustpilotApiKey().isEmpty()) {
      harvest.problem(
          TrustpilotReviews.NAME,
          ReasonCode.MISSING_CREDENTIALS,
          "switched on but no API key is configured (reviews.trustpilot.api-key)",
          null);
    }
    Map<String, Sample> samples = new LinkedHashMap<>(); // "APPLE us" -> rating sample
    List<Sample> appleSamples = new ArrayList<>();
    List<Sample> playSamples = new ArrayList<>();
    List<Review> playReviews = List.of();
    List<Review> trustpilotReviews = List.of();
    Map<String, List<Review>> appleReviews = new LinkedHashMap<>();
    String trackId = appleId;

    if (runPlay) {
      if (settings.playDetails().enabled()) {
        AppRating rating =
            past
                ? keptOut(harvest, PlayDetails.NAME, "the Google Play rating")
                : Isolated.run(
                    harvest,
                    PlayDetails.NAME,
                    null,
                    () ->
                        new PlayDetails(settings.playDetails())
                            .run(harvest, pkg, settings.playLanguage(), settings.playCountry()));
        if (rating != null) {
          Sample sample = new Sample(rating.rating(), rating.ratingCount());
          playSamples.add(sample);
          samples.put("Google Play " + rating.storefront(), sample);
        }
      }
      if (settings.playReviews().enabled()) {
        playReviews =
            asOf(
                harvest,
                PlayReviews.NAME,
                Isolated.run(
                    harvest,
                    PlayReviews.NAME,
                    List.<Review>of(),
                    () ->
                        new PlayReviews(settings.playReviews())
                            .run(
                                harvest,
                                pkg,
                                settings.playLanguage(),
                                settings.playCountry(),
                                settings.playReviewPages(),
                                settings.playReviewPageSize())));
      }
    }
    if (runTrustpilot) {
      trustpilotReviews =
          asOf(
              harvest,
              TrustpilotReviews.NAME,
              Isolated.run(
                  harvest,
                  TrustpilotReviews.NAME,
                  List.<Review>of(),
                  () ->
                      new TrustpilotReviews(
                              settings.trustpilot(), settings.trustpilotApiKey().get())
                          .run(harvest, domain, settings.trustpilotPages())));
    }
    if (runApple) {
      List<String> notSold = new ArrayList<>();
      if (settings.appleLookup().enabled() && past) {
        keptOut(harvest, AppleLookup.NAME, "App Store ratings and availability");
      } else if (settings.appleLookup().enabled()) {
        for (AppleLookup.Storefront storefront :
            Isolated.run(
                harvest,
                AppleLookup.NAME,
                List.<AppleLookup.Storefront>of(),
                () ->
                    new AppleLookup(settings.appleLookup())
                        .run(
                            harvest,
                            appleId,
                            appleId == null ? bundle : null,
                            settings.appleStorefronts()))) {
          if (!storefront.available()) {
            notSold.add(storefront.storefront());
          }
          if (trackId == null && storefront.trackId() != null) {
            trackId = storefront.trackId();
          }
          if (storefront.rating() != null) {
            Sample sample = new Sample(storefront.rating(), storefront.count());
            appleSamples.add(sample);
            samples.put("App Store " + storefront.storefront().toUpperCase(Locale.ROOT), sample);
          }
        }
      }
      if (settings.appleReviews().enabled()) {
        if (trackId == null) {
          harvest.problem(
              AppleReviewFeed.NAME,
              ReasonCode.NO_IDENTIFIER,
              "no apple.id in the catalogue and the lookup did not resolve bundle " + bundle,
              null);
        } else {
          AppleReviewFeed feed = new AppleReviewFeed(settings.appleReviews());
          List<String> storefronts = settings.appleReviewStorefronts();
          for (int i = 0; i < storefronts.size(); i++) {
            String storefront = storefronts.get(i);
            if (notSold.contains(storefront)) {
              continue;
            }
            String id = trackId;
            AppleReviewFeed.Fetched fetched =
                Isolated.run(
                    harvest,
                    AppleReviewFeed.NAME,
                    new AppleReviewFeed.Fetched(List.of(), true),
                    () -> feed.run(harvest, id, storefront, settings.appleReviewPages()));
            appleReviews.put(
                storefront,
                asOf(harvest, AppleReviewFeed.NAME + " " + storefront, fetched.reviews()));
            if (fetched.stopRound() && i + 1 < storefronts.size()) {
              harvest.problem(
                  AppleReviewFeed.NAME,
                  harvest.problems().get(harvest.problems().size() - 1).reason(),
                  "review feeds of "
                      + String.join(",", storefronts.subList(i + 1, storefronts.size()))
                      + " not read after that failure",
                  null);
              break;
            }
          }
        }
      }
    }

    String overall = overall(samples);
    if (!appleSamples.isEmpty()) {
      emitGlobalRating(
          harvest,
          AppStore.APPLE,
          trackId,
          appleSamples,
          samples,
          "App Store",
          overall,
          URI.create(
              "https://apps.apple.com/"
                  + settings.appleStorefronts().get(0)
                  + "/app/id"
                  + trackId));
    }
    if (!playSamples.isEmpty()) {
      emitGlobalRating(
          harvest,
          AppStore.GOOGLE_PLAY,
          pkg,
          playSamples,
          samples,
          "Google Play",
          overall,
          playPage(pkg));
    }

    List<Review> allApple = new ArrayList<>();
    List<String> withReviews = new ArrayList<>();
    for (Map.Entry<String, List<Review>> entry : appleReviews.entrySet()) {
      allApple.addAll(entry.getValue());
      if (!entry.getValue().isEmpty()) {
        withReviews.add(entry.getKey());
        themes(
            harvest,
            AppStore.APPLE,
            entry.getKey(),
            entry.getValue(),
            appleReviewPage(entry.getKey(), trackId),
            "App Store " + entry.getKey().toUpperCase(Locale.ROOT) + ": newest reviews");
      }
    }
    if (!allApple.isEmpty()) {
      themes(
          harvest,
          AppStore.APPLE,
          "GLOBAL",
          allApple,
          appleReviewPage(withReviews.get(0), trackId),
          "App Store: newest reviews of storefronts " + String.join(", ", withReviews));
    }
    if (!playReviews.isEmpty()) {
      themes(
          harvest,
          AppStore.GOOGLE_PLAY,
          "GLOBAL",
          playReviews,
          playPage(pkg),
          "Google Play: newest reviews in language " + settings.playLanguage());
    }
    List<Review> pooled = new ArrayList<>(allApple);
    pooled.addAll(playReviews);
    pooled.addAll(trustpilotReviews);
    if (!pooled.isEmpty()) {
      URI page =
          !allApple.isEmpty()
              ? appleReviewPage(withReviews.get(0), trackId)
              : !playReviews.isEmpty()
                  ? playPage(pkg)
                  : URI.create("https://www.trustpilot.com/review/" + domain);
      boolean readAny =
          themes(
              harvest,
              null,
              "GLOBAL",
              pooled,
              page,
              "Newest reviews pooled from "
                  + pooledSources(allApple, playReviews, trustpilotReviews));
      if (!readAny) {
        harvest.problem(
            "themes",
            ReasonCode.INVALID_DATA,
            "none of the "
                + pooled.size()
                + " reviews is in a language the English theme lexicon reads"
                + " (themes not analysed, which is not the same as no complaints)",
            null);
      }
    }
    CollectionResult.Builder builder = CollectionResult.builder().addAll(harvest.evidence());
    harvest.problems().forEach(builder::problem);
    return builder.build();
  }

  /** How far before the clock an as-of must lie to count as a replay of the past. */
  static final Duration PAST_AS_OF = Duration.ofDays(1);

  static boolean asOfInPast(CollectorContext context) {
    return context.asOf().isBefore(context.clock().instant().minus(PAST_AS_OF));
  }

  /** Notes that a source without history is not read for a past as-of; returns null. */
  private static <T> T keptOut(Harvest harvest, String source, String what) {
    harvest.problem(
        source,
        ReasonCode.NO_HISTORY,
        "kept out: as of "
            + harvest.context().asOf().atZone(ZoneOffset.UTC).toLocalDate()
            + " "
            + what
            + " cannot be read (the store shows only its current state)",
        null);
    return null;
  }

  /**
   * The reviews knowable at as-of: those dated on or before it. In a replay of the past, undated
   * reviews are left out too, and a source whose newest reviews all postdate as-of says so (the
   * feeds give only the newest reviews).
   */
  private static List<Review> asOf(Harvest harvest, String source, List<Review> reviews) {
    Instant asOf = harvest.context().asOf();
    boolean past = asOfInPast(harvest.context());
    List<Review> kept = new ArrayList<>();
    for (Review review : reviews) {
      if (review.date() != null ? !review.date().isAfter(asOf) : !past) {
        kept.add(review);
      }
    }
    if (past && kept.isEmpty() && !reviews.isEmpty()) {
      harvest.problem(
          source,
          ReasonCode.NO_HISTORY,
          "none of the "
              + reviews.size()
              + " reviews read is dated on or before "
              + asOf.atZone(ZoneOffset.UTC).toLocalDate()
              + " (the source gives only its newest reviews)",
          null);
    }
    return kept;
  }

  private boolean themes(
      Harvest harvest,
      AppStore store,
      String storefront,
      List<Review> reviews,
      URI page,
      String title) {
    ReviewAnalysis.Result result =
        analysis.analyse(
            store, storefront.toUpperCase(Locale.ROOT), reviews, harvest.context().asOf());
    if (result.themes() == null) {
      return false;
    }
    String note =
        "lexicon "
            + lexiconVersion
            + "; "
            + result.reviewsRead()
            + " reviews read, "
            + result.themes().reviewsAnalysed()
            + " analysed"
            + (result.notAnalysed() > 0
                ? ", " + result.notAnalysed() + " not analysed (not English or no text)"
                : "")
            + "; negative = 1-2 stars; recent = the 90 days before "
            + harvest.context().asOf();
    harvest.add(result.themes(), page, title, result.newest(), note);
    return true;
  }

  private void emitGlobalRating(
      Harvest harvest,
      AppStore store,
      String appId,
      List<Sample> storeSamples,
      Map<String, Sample> all,
      String label,
      String overall,
      URI page) {
    BigDecimal rating = bayes.combine(storeSamples);
    long count = storeSamples.stream().mapToLong(Sample::count).sum();
    StringJoiner parts = new StringJoiner(", ");
    all.forEach(
        (key, sample) -> {
          if (key.startsWith(label)) {
            parts.add(
                key.substring(label.length()).trim()
                    + " "
                    + sample.rating().toPlainString()
                    + " ("
                    + sample.count()
                    + ")");
          }
        });
    String note =
        "GLOBAL is cexsafe's count-weighted Bayesian mean over the storefronts read, not a rating the"
            + " store publishes: "
            + parts
            + "; prior "
            + bayes.priorMean().toPlainString()
            + " stars weighted as "
            + bayes.priorWeight()
            + " ratings; plain count-weighted mean "
            + BayesianRating.weightedMean(storeSamples).toPlainString()
            + "; "
            + overall;
    harvest.add(
        new AppRating(store, "GLOBAL", appId, rating, count, null, null, null),
        page,
        label + ": Bayesian rating over " + storeSamples.size() + " storefront(s)",
        null,
        note);
  }

  private String overall(Map<String, Sample> samples) {
    List<Sample> all = new ArrayList<>(samples.values());
    BigDecimal rating = bayes.combine(all);
    if (rating == null) {
      return "no overall rating";
    }
    long count = all.stream().mapToLong(Sample::count).sum();
    return "overall across stores " + rating.toPlainString() + " from " + count + " ratings";
  }

  private static String pooledSources(
      List<Review> apple, List<Review> play, List<Review> trustpilot) {
    StringJoiner joiner = new StringJoiner(", ");
    if (!apple.isEmpty()) {
      joiner.add("App Store (" + apple.size() + ")");
    }
    if (!play.isEmpty()) {
      joiner.add("Google Play (" + play.size() + ")");
    }
    if (!trustpilot.isEmpty()) {
      joiner.add("Trustpilot (" + trustpilot.size() + ")");
    }
    return joiner.toString();
  }

  private URI playPage(String pkg) {
    return URI.create(
        "https://play.google.com/store/apps/details?id="
            + URLEncoder.encode(pkg, StandardCharsets.UTF_8)
            + "&hl="
            + settings.playLanguage()
            + "&gl="
            + settings.playCountry());
  }

  private static URI appleReviewPage(String storefront, String trackId) {
    return URI.create(
        "https://apps.apple.com/" + storefront + "/app/id" + trackId + "?see-all=reviews");
  }

  static String websiteDomain(Exchange exchange) {
    if (exchange.website() == null || exchange.website().getHost() == null) {
      return null;
    }
    String host = exchange.website().getHost().toLowerCase(Locale.ROOT);
    return host.startsWith("www.") ? host.substring(4) : host;
  }
}
