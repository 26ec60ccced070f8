package io.cexsafe.collectors.reviews.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.reviews.internal.ReviewsSettings.SourceSettings;
import io.cexsafe.facts.AppAvailability;
import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.AppStore;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.FetchResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Google Play details page: score, rating count, star histogram and written-review count from
 * the page's {@code AF_initDataCallback} script data.
 *
 * <p>The block is located, never assumed: first the blocks the page's {@code
 * AF_dataServiceRequests} maps to the details RPC ({@code Ws7gDc}), then {@code ds:5}, then every
 * other block; a block is accepted only when its app record is an array of more than 100 fields
 * whose rating field has the expected shape. A layout nothing matches is a failure naming the
 * parser version, never a zero.
 */
final class PlayDetails {
  static final String NAME = "play-details";
  static final String PARSER_VERSION = "play-details/2026.11";
  static final String DETAILS_RPC = "Ws7gDc";
  static final int RATING_FIELD = 51;

  // One script element at a time: the content may not run into the next <script (a truncated or
  // broken block must not swallow its neighbour).
  private static final Pattern SCRIPT =
      Pattern.compile(
          "<script\\b[^>]*>\\s*AF_initDataCallback\\(((?:(?!<script\\b).)*?)\\);?\\s*</script",
          Pattern.DOTALL);
  private static final Pattern KEY = Pattern.compile("key:\\s*'(ds:\\d+)'");
  private static final Pattern RPC =
      Pattern.compile("'(ds:\\d+)'\\s*:\\s*\\{\\s*id:\\s*'([A-Za-z0-9_]+)'");

  private final SourceSettings source;

  PlayDetails(SourceSettings source) {
    this.source = source;
  }

  /** The parsed rating data of the page. */
  record Details(
      String title,
      BigDecimal score,
      long ratings,
      long[] histogram,
      Long writtenReviews,
      String blockKey,
      int ratingIndex) {}

  /** Reads the page; returns the rating fact it added, or null. */
  AppRating run(Harvest harvest, String pkg, String language, String country) {
    String cc = country.toUpperCase(Locale.ROOT);
    URI uri =
        source.resolve(
            "/store/apps/details?id=" + encode(pkg) + "&hl=" + language + "&gl=" + country);
    try {
      FetchResponse response =
          harvest.context().http().fetch(FetchRequest.builder(uri).accept(404).build());
      String body = response.text();
      if (response.status() == 404) {
        if (!response.contentType().toLowerCase(Locale.ROOT).contains("html")) {
          throw new SourceException(
              ReasonCode.HTTP_CLIENT_ERROR,
              "HTTP 404 that is not Play's own not-found page from " + uri,
              uri.toString(),
              404,
              null);
        }
        harvest.add(
            new AppAvailability(AppStore.GOOGLE_PLAY, cc, pkg, false),
            uri,
            "Google Play " + cc + ": " + pkg,
            null,
            "Google Play answered 404 for this package and country: not offered there");
        return null;
      }
      Details details = parse(response, body, uri.toString());
      StringBuilder note = new StringBuilder("histogram 1-5 stars: ");
      for (int i = 0; i < 5; i++) {
        note.append(i == 0 ? "" : ", ").append(details.histogram()[i]);
      }
      if (details.writtenReviews() != null) {
        note.append("; written reviews: ").append(details.writtenReviews());
      }
      note.append("; read from ").append(details.blockKey());
      if (details.ratingIndex() != RATING_FIELD) {
        note.append(" field ")
            .append(details.ratingIndex())
            .append(" (moved from ")
            .append(RATING_FIELD)
            .append(")");
      }
      note.append(" by ").append(PARSER_VERSION);
      harvest.add(
          new AppAvailability(AppStore.GOOGLE_PLAY, cc, pkg, true),
          uri,
          "Google Play " + cc + ": " + details.title(),
          null,
          null);
      AppRating rating =
          new AppRating(
              AppStore.GOOGLE_PLAY, cc, pkg, details.score(), details.ratings(), null, null, null);
      harvest.add(rating, uri, "Google Play " + cc + ": " + details.title(), null, note.toString());
      return rating;
    } catch (SourceException e) {
      harvest.problem(NAME, e);
      return null;
    }
  }

  static Details parse(FetchResponse response, String body, String source) throws SourceException {
    if (Payloads.isPlayThrottle(body)) {
      throw new SourceException(
          ReasonCode.RATE_LIMITED,
          "Google Play throttled the request (PlayGatewayError in HTTP 200)",
          source);
    }
    if (Payloads.isGoogleBlockPage(response, body)) {
      throw new SourceException(
          ReasonCode.BLOCKED, "Google answered with a consent or captcha page", source);
    }
    if (!body.contains("AF_initDataCallback")) {
      throw Payloads.malformed(
          "the details page has no AF_initDataCallback script data (" + PARSER_VERSION + ")",
          source);
    }
    Map<String, String> blocks = blocks(body);
    Map<String, String> rpcs = rpcs(body);
    List<String> order = new ArrayList<>();
    rpcs.forEach(
        (key, rpc) -> {
          if (rpc.equals(DETAILS_RPC) && blocks.containsKey(key)) {
            order.add(key);
          }
        });
    if (blocks.containsKey("ds:5") && !order.contains("ds:5")) {
      order.add("ds:5");
    }
    for (String key : blocks.keySet()) {
      if (!order.contains(key)) {
        order.add(key);
      }
    }
    for (String key : order) {
      JsonNode data;
      try {
        data = Payloads.parse(blocks.get(key), "Play " + key, source);
      } catch (SourceException e) {
        continue; // a block in another notation cannot be the one we want
      }
      Details details = validate(data, key);
      if (details != null) {
        return details;
      }
    }
    throw Payloads.malformed(
        "Google Play's page layout is not recognised: no script block has an app record with a"
            + " rating of the expected shape ("
            + PARSER_VERSION
            + ", "
            + blocks.size()
            + " blocks read)",
        source);
  }

  static Map<String, String> blocks(String body) {
    Map<String, String> blocks = new LinkedHashMap<>();
    Matcher m = SCRIPT.matcher(body);
    while (m.find()) {
      String call = m.group(1);
      Matcher key = KEY.matcher(call);
      int data = call.indexOf("data:");
      int end = call.lastIndexOf(", sideChannel:");
      if (key.find() && data >= 0 && end > data) {
        blocks.putIfAbsent(key.group(1), call.substring(data + 5, end));
      }
    }
    return blocks;
  }

  static Map<String, String> rpcs(String body) {
    Map<String, String> rpcs = new LinkedHashMap<>();
    int at = body.indexOf("AF_dataServiceRequests");
    if (at < 0) {
      return rpcs;
    }
    Matcher m = RPC.matcher(body);
    m.region(at, body.length());
    while (m.find()) {
      rpcs.putIfAbsent(m.group(1), m.group(2));
    }
    return rpcs;
  }

  /** The details when {@code data[1][2]} is an app record with a rating field; else null. */
  static Details validate(JsonNode data, String key) {
    JsonNode record = data.path(1).path(2);
    if (!record.isArray() || record.size() <= 100) {
      return null;
    }
    String title = Payloads.text(record.path(0).path(0));
    if (title == null) {
      return null;
    }
    Details details = rating(record.get(RATING_FIELD), title, key, RATING_FIELD);
    if (details != null) {
      return details;
    }
    // The field moved within the record: accept exactly one other field of the rating shape.
    Details found = null;
    for (int i = 0; i < record.size(); i++) {
      Details candidate = rating(record.get(i), title, key, i);
      if (candidate != null) {
        if (found != null) {
          return null;
        }
        found = candidate;
      }
    }
    return found;
  }

  /**
   * A rating field: {@code [[text, score], [null, [text, n1], … [text, n5]], [text, ratings],
   * [text, writtenReviews]?, …]}.
   */
  static Details rating(JsonNode field, String title, String key, int index) {
    if (field == null || !field.isArray() || field.size() < 3) {
      return null;
    }
    JsonNode score = field.path(0).path(1);
    JsonNode histogram = field.path(1);
    JsonNode ratings = field.path(2).path(1);
    if (!score.isNumber()
        || !histogram.isArray()
        || histogram.size() != 6
        || !ratings.isIntegralNumber()) {
      return null;
    }
    BigDecimal value = score.decimalValue();
    if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(5)) > 0 || ratings.asLong() < 0) {
      return null;
    }
    long[] buckets = new long[5];
    for (int star = 1; star <= 5; star++) {
      JsonNode bucket = histogram.path(star).path(1);
      if (!bucket.isIntegralNumber() || bucket.asLong() < 0) {
        return null;
      }
      buckets[star - 1] = bucket.asLong();
    }
    if (ratings.asLong() == 0 || value.signum() == 0) {
      return null; // an unrated app has no rating to report; a zero is not a rating
    }
    JsonNode reviews = field.path(3).path(1);
    return new Details(
        title,
        value.setScale(5, RoundingMode.HALF_UP).stripTrailingZeros(),
        ratings.asLong(),
        buckets,
        reviews.isIntegralNumber() ? reviews.asLong() : null,
        key,
        index);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
