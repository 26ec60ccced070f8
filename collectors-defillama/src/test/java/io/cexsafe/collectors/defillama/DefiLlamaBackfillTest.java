package io.cexsafe.collectors.defillama;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Config;
import io.cexsafe.Evidence;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.http.HttpSettings;
import io.cexsafe.http.HttpSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefiLlamaBackfillTest {
  private static final ExchangeCatalog CATALOG = ExchangeCatalog.bundled();
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private MockWebServer server;
  private HttpSupport http;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    http =
        HttpSupport.create(
            HttpSettings.builder()
                .maxAttempts(1)
                // a failed answer pauses its host for a backoff: keep it short here
                .backoff(Duration.ofMillis(5), Duration.ofMillis(10))
                .noCache()
                .callTimeout(Duration.ofSeconds(2))
                .build());
  }

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  private DefiLlamaBackfill backfill(Map<String, String> more) {
    java.util.Map<String, String> settings = new java.util.HashMap<>(more);
    settings.put("base-url", server.url("/api").toString());
    settings.put("web-url", "https://defillama.com");
    return DefiLlamaBackfill.fromConfig(Config.of(settings));
  }

  private static String fixture(String name) {
    try (InputStream in =
        DefiLlamaBackfillTest.class.getResourceAsStream("/fixtures/defillama/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private ReconstructedHistory cryptoCom(DefiLlamaBackfill backfill) {
    return backfill.reconstruct(CATALOG.get("crypto-com"), CATALOG, http, NOW);
  }

  @Test
  void everyDayOfTheHistoryBecomesOneReconstructedReserveSnapshot() throws Exception {
    server.enqueue(json(200, fixture("hacks.json")));
    server.enqueue(json(200, fixture("protocol-history-crypto-com.json")));

    ReconstructedHistory past = cryptoCom(backfill(Map.of()));

    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/hacks");
    RecordedRequest protocol = server.takeRequest();
    assertThat(protocol.getTarget()).isEqualTo("/api/protocol/crypto-com");
    List<LocalDate> days =
        past.reserves().stream()
            .map(e -> LocalDate.ofInstant(e.provenance().observedAt(), java.time.ZoneOffset.UTC))
            .toList();
    // 2026-12-01 .. 2026-12-05: the unrepresentable total of 12-03 drops only that point
    assertThat(days)
        .containsExactly(
            LocalDate.parse("2026-12-01"),
            LocalDate.parse("2026-12-02"),
            LocalDate.parse("2026-12-04"),
            LocalDate.parse("2026-12-05"));
    ReserveSnapshot first = (ReserveSnapshot) past.reserves().get(0).fact();
    assertThat(first.totalUsd()).isEqualByComparingTo("1000");
    assertThat(first.ownTokenUsd()).isEqualByComparingTo("100");
    assertThat(first.cleanAssetsUsd()).isEqualByComparingTo("900");
    // the day's last point wins: 12:00 over 00:00, with the token breakdown of that point
    Evidence second = past.reserves().get(1);
    assertThat(second.provenance().observedAt()).isEqualTo(Instant.parse("2026-12-02T12:00:00Z"));
    assertThat(((ReserveSnapshot) second.fact()).totalUsd()).isEqualByComparingTo("1150");
    assertThat(((ReserveSnapshot) second.fact()).ownTokenUsd()).isEqualByComparingTo("200");
    // a breakdown with an unrepresentable value gives a total without own or clean figures
    ReserveSnapshot fourth = (ReserveSnapshot) past.reserves().get(2).fact();
    assertThat(fourth.totalUsd()).isEqualByComparingTo("800");
    assertThat(fourth.ownTokenUsd()).isNull();
    assertThat(fourth.cleanAssetsUsd()).isNull();
    // milliseconds are read as such
    assertThat(past.reserves().get(3).provenance().observedAt())
        .isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));

    for (Evidence e : past.evidence()) {
      assertThat(DefiLlamaBackfill.isReconstructed(e)).isTrue();
      assertThat(e.provenance().retrievedAt()).isEqualTo(NOW);
      assertThat(e.provenance().observedAt()).isBefore(NOW);
      assertThat(e.provenance().collectorId()).isEqualTo("defillama");
    }
    assertThat(past.reserves().get(0).provenance().sourceUrl().toString())
        .isEqualTo("https://defillama.com/cex/crypto-com");
    assertThat(past.reserves().get(0).provenance().note())
        .startsWith("reconstructed by backfill: the total of 2026-12-01 in the history of");

    assertThat(past.incidents()).hasSize(1);
    Incident incident = (Incident) past.incidents().get(0).fact();
    assertThat(incident.date()).isEqualTo(LocalDate.parse("2022-01-17"));
    assertThat(incident.lossUsd()).isEqualByComparingTo(new BigDecimal("30000000"));

    assertThat(past.problems())
        .extracting(Problem::reason)
        .containsOnly(ReasonCode.MALFORMED_RESPONSE);
    assertThat(past.problems())
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("1 point of the totals history"))
        .anyMatch(m -> m.contains("1 day(s) of the token breakdown"));
    assertThat(past.failed()).isFalse();
  }

  @Test
  void malformedOrNonObjectPayloadsAreProblemsAndTheOtherListStillCounts() {
    server.enqueue(json(200, "{\"message\": \"not a list\"}"));
    server.enqueue(json(200, "{\"tvl\": [ {\"date\": 1796083200, "));

    ReconstructedHistory past = cryptoCom(backfill(Map.of()));

    assertThat(past.evidence()).isEmpty();
    assertThat(past.failed()).isTrue();
    assertThat(past.problems())
        .extracting(Problem::reason)
        .containsExactly(ReasonCode.MALFORMED_RESPONSE, ReasonCode.MALFORMED_RESPONSE);
    assertThat(past.problems().get(0).message()).contains("/protocol answer for 'crypto-com'");
    assertThat(past.problems().get(1).message()).contains("/hacks answer is not a JSON array");
  }

  @Test
  void rateLimitsServerErrorsAndTimeoutsAreProblemsNotExceptions() {
    server.enqueue(json(500, "{}"));
    server.enqueue(json(429, "{}").newBuilder().setHeader("Retry-After", "0").build());

    ReconstructedHistory past = cryptoCom(backfill(Map.of()));
    assertThat(past.problems())
        .extracting(Problem::reason)
        .containsExactly(ReasonCode.RATE_LIMITED, ReasonCode.HTTP_SERVER_ERROR);
    assertThat(past.failed()).isTrue();

    server.enqueue(json(200, "[]"));
    server.enqueue(
        json(200, fixture("protocol-history-crypto-com.json"))
            .newBuilder()
            .headersDelay(1, java.util.concurrent.TimeUnit.SECONDS)
            .build());
    try (HttpSupport impatient =
        HttpSupport.create(
            HttpSettings.builder()
                .maxAttempts(1)
                // a failed answer pauses its host for a backoff: keep it short here
                .backoff(Duration.ofMillis(5), Duration.ofMillis(10))
                .noCache()
                .callTimeout(Duration.ofMillis(300))
                .build())) {
      ReconstructedHistory stalled =
          backfill(Map.of()).reconstruct(CATALOG.get("crypto-com"), CATALOG, impatient, NOW);
      assertThat(stalled.problems().get(0).reason()).isEqualTo(ReasonCode.TIMEOUT);
      assertThat(stalled.reserves()).isEmpty();
    }
  }

  @Test
  void aHugePayloadIsRefusedAndAnUntrackedExchangeSaysSo() {
    server.enqueue(json(200, "[]"));
    server.enqueue(json(200, fixture("protocol-history-crypto-com.json")));
    server.enqueue(json(200, "[]"));
    ReconstructedHistory past = cryptoCom(backfill(Map.of("protocol.max-body-bytes", "100")));
    assertThat(past.problems().get(0).reason()).isEqualTo(ReasonCode.BODY_TOO_LARGE);

    Exchange noSlug = Exchange.of("nowhere", "Nowhere Exchange");
    ReconstructedHistory none = backfill(Map.of()).reconstruct(noSlug, CATALOG, http, NOW);
    assertThat(none.problems().get(0).reason()).isEqualTo(ReasonCode.NO_IDENTIFIER);
  }
}
