package io.cexsafe.collectors.reviews.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.reviews.internal.ReviewsSettings.SourceSettings;
import io.cexsafe.facts.AppStore;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.FetchResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Google Play's written reviews through the {@code batchexecute} endpoint (RPC {@code UsvDTd},
 * newest first), following the page token. Play filters reviews by language, not by country.
 * Throttling arrives as HTTP 200 with {@code PlayGatewayError} in the body.
 */
final class PlayReviews {
  static final String NAME = "play-reviews";
  static final String RPC = "UsvDTd";
  private static final int SORT_NEWEST = 2;

  private final SourceSettings source;

  PlayReviews(SourceSettings source) {
    this.source = source;
  }

  record Page(List<Review> reviews, String nextToken, int malformed) {}

  List<Review> run(
      Harvest harvest, String pkg, String language, String country, int maxPages, int pageSize) {
    URI uri =
        source.resolve(
            "/_/PlayStoreUi/data/batchexecute?rpcids="
                + RPC
                + "&hl="
                + language
                + "&gl="
                + country);
    List<Review> reviews = new ArrayList<>();
    String token = null;
    for (int page = 1; page <= maxPages; page++) {
      if (harvest.context().isCancelled()) {
        harvest.problem(NAME, ReasonCode.CANCELLED, "cancelled before page " + page, null);
        break;
      }
      try {
        FetchRequest request =
            FetchRequest.builder(uri)
                .post(
                    "application/x-www-form-urlencoded;charset=UTF-8",
                    formBody(pkg, pageSize, token))
                .build();
        FetchResponse response = harvest.context().http().fetch(request);
        Page result = parse(response, pkg, uri.toString());
        if (page == 1 && result.reviews().isEmpty()) {
          harvest.problem(
              NAME,
              ReasonCode.NOT_LISTED,
              "Google Play returned no reviews for " + pkg + " in language " + language,
              uri.toString());
          break;
        }
        reviews.addAll(result.reviews());
        token = result.nextToken();
        if (token == null || result.reviews().isEmpty()) {
          break;
        }
      } catch (SourceException e) {
        harvest.problem(NAME, e);
        break;
      }
    }
    return reviews;
  }

  static String formBody(String pkg, int count, String token) {
    ArrayNode paging = Payloads.MAPPER.createArrayNode().add(count).addNull();
    if (token == null) {
      paging.addNull();
    } else {
      paging.add(token);
    }
    ArrayNode inner = Payloads.MAPPER.createArrayNode();
    inner.addNull().addNull();
    inner.addArray().add(2).add(SORT_NEWEST).add(paging).addNull().addArray();
    inner.addArray().add(pkg).add(7);
    try {
      String innerJson = Payloads.MAPPER.writeValueAsString(inner);
      ArrayNode call =
          Payloads.MAPPER.createArrayNode().add(RPC).add(innerJson).addNull().add("generic");
      ArrayNode request = Payloads.MAPPER.createArrayNode();
      request.addArray().add(call);
      return "f.req="
          + URLEncoder.encode(Payloads.MAPPER.writeValueAsString(request), StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Page parse(FetchResponse response, String pkg, String source) throws SourceException {
    String body = response.text();
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
    JsonNode frame = frame(body, source);
    JsonNode payloadText = frame.get(2);
    if (payloadText == null || !payloadText.isTextual()) {
      throw Payloads.malformed(
          "the " + RPC + " frame carries no payload (an error on Google's side)", source);
    }
    JsonNode payload = Payloads.parse(payloadText.asText(), "the " + RPC + " payload", source);
    if (!payload.isArray()) {
      throw Payloads.malformed("the " + RPC + " payload is not a list", source);
    }
    if (payload.isEmpty()) {
      return new Page(List.of(), null, 0);
    }
    JsonNode list = payload.get(0);
    if (!list.isArray()) {
      throw Payloads.malformed("the " + RPC + " payload has no review list", source);
    }
    List<Review> reviews = new ArrayList<>();
    int malformed = 0;
    for (JsonNode r : list) {
      String id = Payloads.text(r.path(0));
      JsonNode stars = r.path(2);
      if (id == null || !stars.isIntegralNumber() || stars.asInt() < 1 || stars.asInt() > 5) {
        malformed++;
        continue;
      }
      JsonNode seconds = r.path(5).path(0);
      reviews.add(
          new Review(
              AppStore.GOOGLE_PLAY,
              "global",
              id,
              stars.asInt(),
              null,
              Payloads.text(r.path(4)),
              Payloads.text(r.path(10)),
              seconds.canConvertToLong() ? Instant.ofEpochSecond(seconds.asLong()) : null,
              null,
              URI.create(
                  "https://play.google.com/store/apps/details?id="
                      + URLEncoder.encode(pkg, StandardCharsets.UTF_8)
                      + "&reviewId="
                      + URLEncoder.encode(id, StandardCharsets.UTF_8))));
    }
    if (reviews.isEmpty() && malformed > 0) {
      throw Payloads.malformed(
          "none of the " + malformed + " reviews has the expected shape (layout changed?)", source);
    }
    String token = Payloads.text(payload.path(1).path(1));
    return new Page(reviews, token, malformed);
  }

  /**
   * The {@code ["wrb.fr", RPC, payload, …]} frame. The body starts with {@code )]}'}; chunked
   * answers interleave length lines, so each line that parses as a list is tried.
   */
  static JsonNode frame(String body, String source) throws SourceException {
    int start = body.indexOf('[');
    if (start < 0) {
      throw Payloads.malformed("not a batchexecute answer", source);
    }
    String rest = body.substring(start);
    List<JsonNode> candidates = new ArrayList<>();
    try {
      candidates.add(Payloads.MAPPER.readTree(rest));
    } catch (JsonProcessingException e) {
      for (String line : rest.split("\n")) {
        String trimmed = line.strip();
        if (trimmed.startsWith("[")) {
          try {
            candidates.add(Payloads.MAPPER.readTree(trimmed));
          } catch (JsonProcessingException ignored) {
            // a length line or a partial chunk
          }
        }
      }
    }
    for (JsonNode candidate : candidates) {
      if (candidate == null || !candidate.isArray()) {
        continue;
      }
      for (JsonNode frame : candidate) {
        if (frame.isArray()
            && "wrb.fr".equals(frame.path(0).asText())
            && RPC.equals(frame.path(1).asText())) {
          return frame;
        }
      }
    }
    throw Payloads.malformed("no " + RPC + " frame in the batchexecute answer", source);
  }
}
