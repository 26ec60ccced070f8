package io.cexsafe.collectors.reviews.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.reviews.internal.ReviewsSettings.SourceSettings;
import io.cexsafe.facts.AppStore;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.FetchResponse;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apple's customer-review feed (JSON), newest first, up to 10 pages of 50 per storefront. Every
 * scalar is wrapped as {@code {"label": …}}; {@code feed.entry} is an array, a single object, or
 * absent on an empty or past-the-end page; per-entry {@code updated} is optional.
 */
final class AppleReviewFeed {
  static final String NAME = "apple-reviews";
  private static final Pattern LAST_PAGE = Pattern.compile("[/?&]page=(\\d+)");

  private final SourceSettings source;

  AppleReviewFeed(SourceSettings source) {
    this.source = source;
  }

  /**
   * The reviews of one storefront; failures are recorded on the harvest.
   *
   * @param stopRound true when a failure concerns the source (rate limit, block, timeout, server
   *     error), so that the other storefronts should not be tried either
   */
  record Fetched(List<Review> reviews, boolean stopRound) {}

  Fetched run(Harvest harvest, String trackId, String storefront, int maxPages) {
    List<Review> reviews = new ArrayList<>();
    boolean stop = false;
    int lastPage = maxPages;
    for (int page = 1; page <= lastPage; page++) {
      if (harvest.context().isCancelled()) {
        harvest.problem(
            NAME, ReasonCode.CANCELLED, "cancelled at " + storefront + " page " + page, null);
        break;
      }
      try {
        Page result = fetch(harvest, trackId, storefront, page, false);
        if (page == 1 && result.entries() == 0) {
          // Some networks get empty feeds from one URL form and not from the other.
          result = fetch(harvest, trackId, storefront, page, true);
          if (result.entries() == 0) {
            harvest.problem(
                NAME,
                ReasonCode.NOT_LISTED,
                "the review feed of storefront "
                    + storefront
                    + " is empty: no written reviews there, or the feed is withheld from this"
                    + " network",
                result.uri().toString());
            break;
          }
        }
        reviews.addAll(result.reviews());
        if (result.entries() == 0) {
          break;
        }
        if (result.lastPage() != null) {
          lastPage = Math.min(lastPage, result.lastPage());
        }
      } catch (SourceException e) {
        harvest.problem(NAME, e);
        stop = AppleLookup.endsRound(e.reason());
        break;
      }
    }
    return new Fetched(reviews, stop);
  }

  record Page(URI uri, int entries, List<Review> reviews, Integer lastPage) {}

  private Page fetch(Harvest harvest, String trackId, String storefront, int page, boolean altForm)
      throws SourceException {
    String path =
        altForm
            ? "/"
                + storefront
                + "/rss/customerreviews/id="
                + trackId
                + "/sortBy=mostRecent/page="
                + page
                + "/json"
            : "/"
                + storefront
                + "/rss/customerreviews/page="
                + page
                + "/id="
                + trackId
                + "/sortby=mostrecent/json";
    URI uri = source.resolve(path);
    FetchResponse response = harvest.context().http().fetch(FetchRequest.builder(uri).build());
    return parse(
        Payloads.json(response, "Apple review feed " + storefront), trackId, storefront, uri);
  }

  static Page parse(JsonNode root, String trackId, String storefront, URI uri)
      throws SourceException {
    JsonNode feed = root.get("feed");
    if (feed == null || !feed.isObject()) {
      throw Payloads.malformed(
          "Apple review feed " + storefront + ": no feed object", uri.toString());
    }
    Integer lastPage = null;
    for (JsonNode link : feed.path("link")) {
      JsonNode attributes = link.path("attributes");
      if ("last".equals(attributes.path("rel").asText())) {
        Matcher m = LAST_PAGE.matcher(attributes.path("href").asText());
        // a page number too long for an int is no page Apple serves: ignore it, keep the entries
        if (m.find() && m.group(1).length() <= 6) {
          lastPage = Integer.parseInt(m.group(1));
        }
      }
    }
    JsonNode entry = feed.get("entry");
    List<JsonNode> entries = new ArrayList<>();
    if (entry != null && entry.isArray()) {
      entry.forEach(entries::add);
    } else if (entry != null && entry.isObject()) {
      entries.add(entry);
    } else if (entry != null && !entry.isNull()) {
      throw Payloads.malformed(
          "Apple review feed " + storefront + ": entry is neither list nor object", uri.toString());
    }
    URI appReviews =
        URI.create(
            "https://apps.apple.com/" + storefront + "/app/id" + trackId + "?see-all=reviews");
    List<Review> reviews = new ArrayList<>();
    for (JsonNode e : entries) {
      String rating = Payloads.text(e.path("im:rating").get("label"));
      String id = Payloads.text(e.path("id").get("label"));
      if (rating == null || id == null || !rating.matches("[1-5]")) {
        continue; // app-metadata entries (im:name, no im:rating) and broken entries
      }
      reviews.add(
          new Review(
              AppStore.APPLE,
              storefront,
              id,
              Integer.parseInt(rating),
              Payloads.text(e.path("title").get("label")),
              Payloads.text(e.path("content").get("label")),
              Payloads.text(e.path("im:version").get("label")),
              instant(Payloads.text(e.path("updated").get("label"))),
              null,
              appReviews));
    }
    return new Page(uri, entries.size(), reviews, lastPage);
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
}
