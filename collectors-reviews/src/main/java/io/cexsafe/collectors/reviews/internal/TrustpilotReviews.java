package io.cexsafe.collectors.reviews.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.ReasonCode;
import io.cexsafe.Secret;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.reviews.internal.ReviewsSettings.SourceSettings;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.FetchResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Trustpilot's official Business Units API (header {@code apikey}): finds the business unit by
 * domain, then reads its newest public reviews. Off unless an API key is configured; the public
 * review pages are not scraped (WAF-protected, and disallowed by robots.txt).
 */
final class TrustpilotReviews {
  static final String NAME = "trustpilot";

  private final SourceSettings source;
  private final Secret apiKey;

  TrustpilotReviews(SourceSettings source, Secret apiKey) {
    this.source = source;
    this.apiKey = apiKey;
  }

  List<Review> run(Harvest harvest, String domain, int maxPages) {
    List<Review> reviews = new ArrayList<>();
    try {
      URI find = source.resolve("/v1/business-units/find?name=" + encode(domain));
      FetchResponse found = harvest.context().http().fetch(request(find).accept(404).build());
      if (found.status() == 404) {
        harvest.problem(
            NAME,
            ReasonCode.NOT_LISTED,
            "no Trustpilot business unit for " + domain,
            find.toString());
        return reviews;
      }
      String unit = Payloads.text(Payloads.json(found, "Trustpilot business unit").get("id"));
      if (unit == null || !unit.matches("[A-Za-z0-9]+")) {
        throw Payloads.malformed("Trustpilot business unit without a usable id", find.toString());
      }
      for (int page = 1; page <= maxPages; page++) {
        URI uri =
            source.resolve(
                "/v1/business-units/"
                    + unit
                    + "/reviews?orderBy=createdat.desc&perPage=100&page="
                    + page);
        JsonNode root =
            Payloads.json(
                harvest.context().http().fetch(request(uri).build()), "Trustpilot reviews");
        JsonNode list = root.get("reviews");
        if (list == null || !list.isArray()) {
          throw Payloads.malformed("Trustpilot reviews: no reviews list", uri.toString());
        }
        for (JsonNode r : list) {
          String id = Payloads.text(r.get("id"));
          JsonNode stars = r.path("stars");
          if (id == null || !stars.isIntegralNumber() || stars.asInt() < 1 || stars.asInt() > 5) {
            continue;
          }
          reviews.add(
              new Review(
                  null,
                  "global",
                  id,
                  stars.asInt(),
                  Payloads.text(r.get("title")),
                  Payloads.text(r.get("text")),
                  null,
                  instant(Payloads.text(r.get("createdAt"))),
                  Payloads.text(r.get("language")),
                  URI.create("https://www.trustpilot.com/reviews/" + encode(id))));
        }
        if (list.size() < 100) {
          break;
        }
      }
    } catch (SourceException e) {
      harvest.problem(NAME, e);
    }
    return reviews;
  }

  private FetchRequest.Builder request(URI uri) {
    return FetchRequest.builder(uri).secretHeader("apikey", apiKey);
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
