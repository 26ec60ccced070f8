package io.cexsafe.collectors.reviews.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.Exchange;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.reviews.internal.ReviewsSettings.SourceSettings;
import io.cexsafe.facts.AppAvailability;
import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.AppStore;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.FetchResponse;
import io.cexsafe.spi.SharedDataset;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Apple's iTunes Lookup API, once per storefront for the whole run (the ids of every exchange of
 * the run in one comma-separated list, in chunks of {@value #MAX_IDS_PER_LOOKUP}): rating, rating
 * count, current-version rating, version and release date. An app not sold in a storefront comes
 * back as {@code resultCount: 0}; that is reported as an {@link AppAvailability} fact, not as an
 * error.
 */
final class AppleLookup {
  static final String NAME = "apple-lookup";

  /**
   * Track ids per lookup call. Apple documents the comma-separated list but no maximum; 100 keeps
   * the URL near 1 KB and a full answer (every app record carries its description) near a megabyte,
   * well inside the body limit.
   */
  static final int MAX_IDS_PER_LOOKUP = 100;

  private static final Pattern TRACK_ID = Pattern.compile("\\d+");
  private static final BigDecimal FIVE = BigDecimal.valueOf(5);

  private final SourceSettings source;

  AppleLookup(SourceSettings source) {
    this.source = source;
  }

  /** One storefront's answer: the app's track id and rating, or not offered there. */
  record Storefront(
      String storefront, boolean available, String trackId, BigDecimal rating, long count) {}

  /**
   * Looks the app up in every storefront. The first failure that concerns the source rather than
   * the storefront (rate limit, block, timeout, server error) ends the round: Apple's limit is
   * about 20 calls a minute, and hammering it only makes things worse.
   */
  List<Storefront> run(Harvest harvest, String trackId, String bundleId, List<String> storefronts) {
    List<Storefront> found = new ArrayList<>();
    for (int i = 0; i < storefronts.size(); i++) {
      String storefront = storefronts.get(i);
      if (harvest.context().isCancelled()) {
        harvest.problem(
            NAME, ReasonCode.CANCELLED, "cancelled before storefront " + storefront, null);
        break;
      }
      try {
        Storefront result;
        if (trackId != null) {
          List<String> batch = batch(trackId, harvest.context().runExchanges());
          URI uri = uri(String.join(",", batch), null, storefront);
          JsonNode root = harvest.context().shared(lookup(uri, storefront));
          JsonNode mine = batch.size() == 1 ? root : only(root, trackId, storefront, uri);
          result = parse(harvest, mine, trackId, null, storefront, uri);
        } else {
          URI uri = uri(null, bundleId, storefront);
          FetchResponse response =
              harvest.context().http().fetch(FetchRequest.builder(uri).build());
          result =
              parse(
                  harvest,
                  Payloads.json(response, "Apple lookup " + storefront),
                  null,
                  bundleId,
                  storefront,
                  uri);
        }
        found.add(result);
      } catch (SourceException e) {
        harvest.problem(NAME, e);
        if (endsRound(e.reason())) {
          List<String> rest = storefronts.subList(i + 1, storefronts.size());
          if (!rest.isEmpty()) {
            harvest.problem(
                NAME,
                e.reason(),
                "storefronts " + String.join(",", rest) + " not looked up after that failure",
                null);
          }
          break;
        }
      }
    }
    return found;
  }

  /**
   * The track ids looked up together with {@code trackId}: those of the run's exchanges, each once
   * in run order, cut into chunks of {@value #MAX_IDS_PER_LOOKUP}; the chunk holding {@code
   * trackId}. Alone when the run does not list its exchange (a context made outside the assessor).
   */
  static List<String> batch(String trackId, List<Exchange> runExchanges) {
    List<String> ids = new ArrayList<>();
    for (Exchange exchange : runExchanges) {
      exchange
          .identifier("apple.id")
          .map(String::trim)
          .filter(id -> TRACK_ID.matcher(id).matches() && !ids.contains(id))
          .ifPresent(ids::add);
    }
    int at = ids.indexOf(trackId);
    if (at < 0) {
      return List.of(trackId);
    }
    int from = at / MAX_IDS_PER_LOOKUP * MAX_IDS_PER_LOOKUP;
    return List.copyOf(ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_LOOKUP)));
  }

  /** One storefront's lookup of a batch of ids, asked once per run whoever asks first. */
  private SharedDataset<JsonNode> lookup(URI uri, String storefront) {
    return SharedDataset.of(
        "reviews:apple-lookup:" + uri,
        context ->
            Payloads.json(
                context.http().fetch(FetchRequest.builder(uri).build()),
                "Apple lookup " + storefront));
  }

  /**
   * The part of a batch answer about {@code trackId}, shaped as if it had been asked alone: its
   * results, counted. A batch answer of the wrong shape is malformed for every exchange in it.
   */
  static JsonNode only(JsonNode root, String trackId, String storefront, URI uri)
      throws SourceException {
    JsonNode count = root.get("resultCount");
    JsonNode results = root.get("results");
    if (count == null || !count.isIntegralNumber() || results == null || !results.isArray()) {
      throw Payloads.malformed(
          "Apple lookup " + storefront + ": no resultCount and results", uri.toString());
    }
    ObjectNode mine = Payloads.MAPPER.createObjectNode();
    ArrayNode kept = Payloads.MAPPER.createArrayNode();
    for (JsonNode result : results) {
      if (trackId.equals(result.path("trackId").asText())) {
        kept.add(result);
      }
    }
    mine.put("resultCount", kept.size());
    mine.set("results", kept);
    return mine;
  }

  static boolean endsRound(ReasonCode reason) {
    return reason == ReasonCode.RATE_LIMITED
        || reason == ReasonCode.BLOCKED
        || reason == ReasonCode.TIMEOUT
        || reason == ReasonCode.NETWORK_ERROR
        || reason == ReasonCode.HTTP_SERVER_ERROR
        || reason == ReasonCode.DEADLINE_EXCEEDED
        || reason == ReasonCode.CANCELLED;
  }

  private URI uri(String trackIds, String bundleId, String storefront) {
    String key = trackIds != null ? "id=" + trackIds : "bundleId=" + encode(bundleId);
    return source.resolve("/lookup?" + key + "&country=" + storefront + "&entity=software");
  }

  static Storefront parse(
      Harvest harvest, JsonNode root, String trackId, String bundleId, String storefront, URI uri)
      throws SourceException {
    String where = "Apple lookup " + storefront;
    JsonNode count = root.get("resultCount");
    JsonNode results = root.get("results");
    if (count == null || !count.isIntegralNumber() || results == null || !results.isArray()) {
      throw Payloads.malformed(where + ": no resultCount and results", uri.toString());
    }
    String appId = trackId != null ? trackId : bundleId;
    String cc = storefront.toUpperCase(Locale.ROOT);
    JsonNode app = null;
    for (JsonNode result : results) {
      boolean software =
          "software".equals(result.path("wrapperType").asText())
              || "software".equals(result.path("kind").asText());
      boolean same =
          trackId != null
              ? trackId.equals(result.path("trackId").asText())
              : bundleId.equals(result.path("bundleId").asText());
      if (software && same) {
        app = result;
        break;
      }
    }
    URI page =
        URI.create(
            "https://apps.apple.com/" + storefront + "/app/id" + (trackId != null ? trackId : ""));
    if (app == null) {
      if (count.asInt() != 0 || results.size() != 0) {
        throw Payloads.malformed(where + ": results do not contain app " + appId, uri.toString());
      }
      URI search =
          trackId != null ? page : URI.create("https://apps.apple.com/" + storefront + "/");
      harvest.add(
          new AppAvailability(AppStore.APPLE, cc, appId, false),
          search,
          "App Store " + cc + ": app " + appId + " (iTunes Lookup API)",
          null,
          "Apple's lookup returned no result for this storefront: the app is not sold there");
      return new Storefront(storefront, false, trackId, null, 0);
    }
    String foundTrackId = app.path("trackId").asText(null);
    if (foundTrackId == null || !foundTrackId.matches("\\d+")) {
      throw Payloads.malformed(where + ": result has no numeric trackId", uri.toString());
    }
    URI appPage = URI.create("https://apps.apple.com/" + storefront + "/app/id" + foundTrackId);
    String name = Payloads.text(app.get("trackName"));
    String title = "App Store " + cc + ": " + (name == null ? "app " + foundTrackId : name);
    harvest.add(
        new AppAvailability(AppStore.APPLE, cc, foundTrackId, true), appPage, title, null, null);
    BigDecimal rating = stars(app.get("averageUserRating"), where, uri);
    JsonNode ratingCount = app.get("userRatingCount");
    if (rating == null || ratingCount == null || !ratingCount.canConvertToLong()) {
      return new Storefront(storefront, true, foundTrackId, null, 0);
    }
    long ratings = ratingCount.asLong();
    if (ratings < 0) {
      throw Payloads.malformed(where + ": negative userRatingCount", uri.toString());
    }
    if (ratings == 0) {
      return new Storefront(storefront, true, foundTrackId, null, 0);
    }
    BigDecimal currentRating = stars(app.get("averageUserRatingForCurrentVersion"), where, uri);
    JsonNode currentCount = app.get("userRatingCountForCurrentVersion");
    String version = Payloads.text(app.get("version"));
    Instant released = instant(Payloads.text(app.get("currentVersionReleaseDate")));
    harvest.add(
        new AppRating(
            AppStore.APPLE,
            cc,
            foundTrackId,
            rating,
            ratings,
            version,
            currentRating,
            currentCount != null && currentCount.canConvertToLong() ? currentCount.asLong() : null),
        appPage,
        title,
        null,
        released == null
            ? null
            : "current version " + (version == null ? "" : version + " ") + "released " + released);
    return new Storefront(storefront, true, foundTrackId, rating, ratings);
  }

  private static BigDecimal stars(JsonNode node, String where, URI uri) throws SourceException {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isNumber()) {
      throw Payloads.malformed(where + ": rating is not a number", uri.toString());
    }
    BigDecimal value = node.decimalValue();
    if (value.signum() < 0 || value.compareTo(FIVE) > 0) {
      throw Payloads.malformed(where + ": rating outside 0..5: " + value, uri.toString());
    }
    return value.setScale(5, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
