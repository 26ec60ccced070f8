package io.cexsafe.testing.example;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.Json;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.AppStore;
import io.cexsafe.http.FetchResponse;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A minimal collector written the way the README describes: read an identifier from the catalogue,
 * fetch through the context, validate the payload, map it to a fact with provenance, and report
 * every failure as data.
 */
final class ExampleRatingsCollector implements EvidenceCollector {
  private final URI baseUrl;

  ExampleRatingsCollector(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  @Override
  public String id() {
    return "example-ratings";
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.USER_EXPERIENCE);
  }

  @Override
  public CollectionResult collect(Exchange exchange, CollectorContext context) {
    Optional<String> appId = exchange.identifier("apple.id");
    if (appId.isEmpty()) {
      return CollectionResult.skipped(ReasonCode.NO_IDENTIFIER, "no apple.id in the catalogue");
    }
    URI url = baseUrl.resolve("/ratings/" + appId.get());
    try {
      FetchResponse response = context.http().get(url);
      AppRating rating = parse(response, appId.get(), url);
      Instant now = context.clock().instant();
      return CollectionResult.builder()
          .add(
              Evidence.of(
                  exchange.id(),
                  rating,
                  Provenance.builder(id())
                      .source(url, "Example ratings for " + exchange.name())
                      .observedAt(now)
                      .retrievedAt(now)
                      .staleAfter(now.plus(Duration.ofDays(30)))
                      .evidenceClass(EvidenceClass.USER_REPORTS)
                      .build()))
          .build();
    } catch (SourceException e) {
      return CollectionResult.failed(e);
    }
  }

  private static AppRating parse(FetchResponse response, String appId, URI url)
      throws SourceException {
    JsonNode root;
    try {
      root = Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new SourceException(
          ReasonCode.MALFORMED_RESPONSE, "not JSON: " + originalMessage(e), url.toString());
    }
    if (root == null || !root.path("rating").isNumber() || !root.path("count").canConvertToLong()) {
      throw new SourceException(
          ReasonCode.MALFORMED_RESPONSE, "expected numeric 'rating' and 'count'", url.toString());
    }
    return new AppRating(
        AppStore.APPLE,
        "US",
        appId,
        new BigDecimal(root.get("rating").asText()),
        root.get("count").asLong(),
        null,
        null,
        null);
  }

  private static String originalMessage(IOException e) {
    return e.getMessage();
  }
}
