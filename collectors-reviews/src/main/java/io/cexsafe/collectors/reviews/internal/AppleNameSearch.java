package io.cexsafe.collectors.reviews.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.SourceException;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.HttpFetcher;
import io.cexsafe.identity.IdentityCandidate;
import io.cexsafe.identity.NameField;
import io.cexsafe.spi.IdentityLookup;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Apple's search API ({@code /search?term=<name>&entity=software}) as identity candidates: each app
 * with its title, its seller (the publisher's legal name) and its track id and bundle id. One call
 * per name, in one storefront.
 */
public final class AppleNameSearch implements IdentityLookup {
  /** Apps per search; Apple's default is 50, its maximum 200. */
  static final int LIMIT = 25;

  private static final Pattern TRACK_ID = Pattern.compile("\\d{1,12}");

  private final ReviewsSettings.SourceSettings apple;
  private final String storefront;

  /**
   * A search of Apple's API at the lookup source's base URL.
   *
   * @param apple the {@code apple-lookup} source settings (base URL)
   * @param storefront the storefront to search, ISO alpha-2 in lower case
   */
  public AppleNameSearch(ReviewsSettings.SourceSettings apple, String storefront) {
    this.apple = apple;
    this.storefront = storefront;
  }

  @Override
  public String source() {
    return "apple";
  }

  @Override
  public List<IdentityCandidate> search(String name, HttpFetcher http) throws SourceException {
    URI uri =
        apple.resolve(
            "/search?term="
                + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "&country="
                + storefront
                + "&entity=software&limit="
                + LIMIT);
    JsonNode root =
        Payloads.json(http.fetch(FetchRequest.builder(uri).build()), "Apple search " + storefront);
    JsonNode results = root.path("results");
    if (!results.isArray()) {
      throw Payloads.malformed(
          "Apple search " + storefront + ": no \"results\" array", uri.toString());
    }
    List<IdentityCandidate> candidates = new ArrayList<>();
    for (JsonNode app : results) {
      String kind = Payloads.text(app.path("wrapperType"));
      String trackId = Payloads.text(app.path("trackId"));
      String title = Payloads.text(app.path("trackName"));
      if (!"software".equals(kind) || trackId == null || !TRACK_ID.matcher(trackId).matches()) {
        continue;
      }
      String seller = Payloads.text(app.path("sellerName"));
      List<NameField> names = new ArrayList<>();
      if (title != null) {
        names.add(new NameField("trackName", title));
      }
      if (seller != null) {
        names.add(new NameField("sellerName", seller));
      }
      if (names.isEmpty()) {
        continue;
      }
      List<ExchangeIdentifier> identifiers = new ArrayList<>();
      identifiers.add(new ExchangeIdentifier("apple.id", trackId, seller, null));
      String bundle = Payloads.text(app.path("bundleId"));
      if (bundle != null) {
        identifiers.add(new ExchangeIdentifier("apple.bundle", bundle.strip(), seller, null));
      }
      String page = Payloads.text(app.path("trackViewUrl"));
      candidates.add(
          new IdentityCandidate(
              source(),
              page != null ? page : uri.toString(),
              names,
              identifiers,
              null,
              Payloads.text(app.path("primaryGenreName"))));
    }
    return candidates;
  }
}
