package io.cexsafe.testing.naive;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Config;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.Json;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
import io.cexsafe.SettingKey;
import io.cexsafe.SourceException;
import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.AppStore;
import io.cexsafe.http.FetchResponse;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import io.cexsafe.spi.EvidenceCollectorProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The mistake the contract kit exists to catch: a collector that reads every answer it cannot use
 * (an HTML page, an empty body, a broken connection) as "the exchange is not listed". It handles
 * the happy path well and would pass a kit whose faults were all JSON-shaped.
 */
final class NaiveRatingsCollector implements EvidenceCollector {
  static final String ID = "naive-ratings";
  private final URI baseUrl;

  NaiveRatingsCollector(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.USER_EXPERIENCE);
  }

  @Override
  public CollectionResult collect(Exchange exchange, CollectorContext context) {
    String appId = exchange.identifier("apple.id").orElse(null);
    if (appId == null) {
      return CollectionResult.skipped(ReasonCode.NO_IDENTIFIER, "no apple.id");
    }
    URI url = baseUrl.resolve("/ratings/" + appId);
    JsonNode root;
    try {
      FetchResponse response = context.http().get(url);
      root = Json.mapper().readTree(response.body());
    } catch (SourceException | IOException e) {
      return CollectionResult.skipped(ReasonCode.NOT_LISTED, "no rating for " + appId);
    }
    if (root == null || !root.path("rating").isNumber()) {
      return CollectionResult.skipped(ReasonCode.NOT_LISTED, "no rating for " + appId);
    }
    Instant now = context.clock().instant();
    return CollectionResult.of(
        java.util.List.of(
            Evidence.of(
                exchange.id(),
                new AppRating(
                    AppStore.APPLE,
                    "US",
                    appId,
                    new BigDecimal(root.get("rating").asText()),
                    root.path("count").asLong(),
                    null,
                    null,
                    null),
                Provenance.builder(ID)
                    .source(url, "Naive ratings")
                    .observedAt(now)
                    .retrievedAt(now)
                    .staleAfter(now.plus(Duration.ofDays(30)))
                    .evidenceClass(EvidenceClass.USER_REPORTS)
                    .build())));
  }

  /** Its provider, outside the service registry: only the kit's self-test runs it. */
  static final class Provider implements EvidenceCollectorProvider {
    @Override
    public String id() {
      return ID;
    }

    static final SettingKey<URI> BASE_URL =
        SettingKey.url("base-url", "where the ratings are read")
            .withDefault(URI.create("https://ratings.example.com/"));

    @Override
    public List<SettingKey<?>> settings() {
      return List.of(BASE_URL);
    }

    @Override
    public EvidenceCollector create(Config settings) {
      return new NaiveRatingsCollector(settings.get(BASE_URL));
    }
  }
}
