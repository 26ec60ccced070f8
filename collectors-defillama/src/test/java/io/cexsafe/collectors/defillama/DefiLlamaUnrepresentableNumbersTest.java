package io.cexsafe.collectors.defillama;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Assessor;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Config;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.IncidentRecordCheck;
import io.cexsafe.facts.NetFlow;
import io.cexsafe.facts.PorDashboard;
import io.cexsafe.facts.ReserveComposition;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.facts.ReserveTrend;
import io.cexsafe.spi.CollectorRegistry;
import io.cexsafe.testing.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A number DeFiLlama sends that cannot be represented ({@code 1e999999}, {@code NaN}, an exponent
 * no {@link java.math.BigDecimal} can hold, 400 digits) drops the one fact built on it, with a
 * problem; every other fact survives, well-formed hacks included.
 */
class DefiLlamaUnrepresentableNumbersTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final Instant LATEST_POINT = Instant.parse("2026-11-21T11:00:00Z");

  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<String> unrepresentable() {
    return Stream.of(
        "1e999999",
        "-1e999999",
        "1e9999999999",
        "NaN",
        "Infinity",
        "-Infinity",
        "9".repeat(400),
        "0." + "1".repeat(399),
        "1e-999999");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unrepresentable")
  void aCurrentTvlThatCannotBeRepresentedDropsOnlyTheListSnapshot(String bad) throws Exception {
    Map<String, MockResponse> routes = DefiLlamaFixtures.cryptoComRoutes();
    routes.put("/cexs", Fixtures.json(cexs().replace("4200000000.5", bad)));
    server.setDispatcher(routes(routes));

    EvidenceBundle bundle = assess("crypto-com");

    // the /cexs figure is gone; the snapshot comes from the dated /protocol point instead
    Evidence snapshot = only(bundle, ReserveSnapshot.class);
    assertThat(((ReserveSnapshot) snapshot.fact()).totalUsd()).isEqualByComparingTo("4200000000");
    assertThat(snapshot.provenance().observedAt()).isEqualTo(LATEST_POINT);
    assertThat(evidenceOf(bundle, NetFlow.class)).hasSize(3);
    assertThat(evidenceOf(bundle, ReserveComposition.class)).hasSize(1);
    assertThat(evidenceOf(bundle, ReserveTrend.class)).hasSize(1);
    assertThat(evidenceOf(bundle, PorDashboard.class)).hasSize(1);
    assertThat(evidenceOf(bundle, Incident.class)).hasSize(1);
    CollectorOutcome outcome = outcome(bundle);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
              assertThat(p.message()).contains("Crypto.com", "currentTvl", "cannot be represented");
              assertThat(p.message()).hasSizeLessThan(300);
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unrepresentable")
  void aHackAmountThatCannotBeRepresentedDropsThatIncidentOnly(String bad) throws Exception {
    Map<String, MockResponse> routes = DefiLlamaFixtures.cryptoComRoutes();
    routes.put(
        "/hacks", Fixtures.json(hacks().replace("\"amount\": 30000000", "\"amount\": " + bad)));
    server.setDispatcher(routes(routes));

    EvidenceBundle cryptoCom = assess("crypto-com");

    assertThat(evidenceOf(cryptoCom, Incident.class)).isEmpty();
    // the search did find a row: it must not read as "no incident on record"
    IncidentRecordCheck check =
        (IncidentRecordCheck) only(cryptoCom, IncidentRecordCheck.class).fact();
    assertThat(check.incidentsFound()).isEqualTo(1);
    assertThat(evidenceOf(cryptoCom, ReserveSnapshot.class)).hasSize(1);
    assertThat(evidenceOf(cryptoCom, NetFlow.class)).hasSize(3);
    assertThat(outcome(cryptoCom).problems())
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .contains("/hacks row for Crypto.com", "amount", "left out");

    // another exchange's well-formed hack in the same list is untouched
    EvidenceBundle bitfinex = assess("bitfinex");
    Incident hack = (Incident) only(bitfinex, Incident.class).fact();
    assertThat(hack.date()).isEqualTo(LocalDate.of(2016, 8, 2));
    assertThat(hack.lossUsd()).isEqualByComparingTo("70000000");
    assertThat(outcome(bitfinex).problems())
        .noneSatisfy(p -> assertThat(p.message()).contains("cannot be represented"));
  }

  @Test
  void anUnrepresentableFlowDropsThatWindowOnly() throws Exception {
    Map<String, MockResponse> routes = DefiLlamaFixtures.binanceRoutes();
    routes.put(
        "/inflows/binance-cex/1795176000",
        Fixtures.json(
            Fixtures.fixture("defillama/inflows-binance-24h.json")
                .replace("-150000000.5", "1e999999")));
    server.setDispatcher(routes(routes));

    EvidenceBundle bundle = assess("binance");

    assertThat(evidenceOf(bundle, NetFlow.class))
        .extracting(e -> ((NetFlow) e.fact()).windowHours())
        .containsExactlyInAnyOrder(168, 720);
    assertThat(evidenceOf(bundle, ReserveSnapshot.class)).hasSize(1);
    assertThat(evidenceOf(bundle, Incident.class)).hasSize(1);
    assertThat(outcome(bundle).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
              assertThat(p.message()).contains("24 h", "outflows", "cannot be represented");
            });
  }

  @Test
  void theStreamedProtocolLosesOnlyThePointOrBreakdownHoldingTheValue() throws Exception {
    // the latest point's total cannot be represented; that point's breakdowns are absent too
    ProtocolHistory history =
        ProtocolHistory.daily(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 20))
            .latest(LATEST_POINT, "1e999999");
    Map<String, MockResponse> routes = DefiLlamaFixtures.cryptoComRoutes();
    routes.put("/protocol/crypto-com", Fixtures.json(history.json()));
    server.setDispatcher(routes(routes));

    EvidenceBundle bundle = assess("crypto-com");

    // /cexs still gives the snapshot; the breakdown and trend come from the last usable day
    assertThat(((ReserveSnapshot) only(bundle, ReserveSnapshot.class).fact()).totalUsd())
        .isEqualByComparingTo("4200000000.5");
    Instant lastDay = Instant.parse("2026-11-20T00:00:00Z");
    assertThat(only(bundle, ReserveComposition.class).provenance().observedAt()).isEqualTo(lastDay);
    assertThat(only(bundle, ReserveTrend.class).provenance().observedAt()).isEqualTo(lastDay);
    assertThat(evidenceOf(bundle, NetFlow.class)).hasSize(3);
    assertThat(evidenceOf(bundle, Incident.class)).hasSize(1);
    assertThat(outcome(bundle).problems())
        .extracting(Problem::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("/protocol/crypto-com", "1 point of the totals history")
                    .contains(LATEST_POINT.toString()))
        // today's currentChainTvls is {} here; a 1e999999 in it is covered by the parser tests
        .hasSize(1);
  }

  @Test
  void anUnrepresentableTokenValueDropsTheTokenSharesNotTheSnapshot() throws Exception {
    String protocol =
        Fixtures.fixture("defillama/protocol-crypto-com.json")
            .replace(
                "\"DOGE\":50000000,\"DUST\":7.5e-09}}],\"tokens\":[{\"date\":1794873600",
                "\"DOGE\":1e999999,\"DUST\":7.5e-09}}],\"tokens\":[{\"date\":1794873600");
    assertThat(protocol).contains("1e999999");
    Map<String, MockResponse> routes = DefiLlamaFixtures.cryptoComRoutes();
    routes.put("/protocol/crypto-com", Fixtures.json(protocol));
    server.setDispatcher(routes(routes));

    EvidenceBundle bundle = assess("crypto-com");

    // the chain mix survives; every share taken from tokens is unknown, never a partial sum
    ReserveComposition mix = (ReserveComposition) only(bundle, ReserveComposition.class).fact();
    assertThat(mix.chainHhi()).isNotNull();
    assertThat(mix.ownTokenShare()).isNull();
    assertThat(mix.stablecoinShare()).isNull();
    assertThat(mix.tokenHhi()).isNull();
    assertThat(mix.topHoldings()).isEmpty();
    ReserveSnapshot snapshot = (ReserveSnapshot) only(bundle, ReserveSnapshot.class).fact();
    assertThat(snapshot.totalUsd()).isEqualByComparingTo("4200000000.5");
    // without a usable breakdown the own-token value is DeFiLlama's own difference
    assertThat(snapshot.ownTokenUsd()).isEqualByComparingTo("600000000.25");
    assertThat(evidenceOf(bundle, ReserveTrend.class)).hasSize(1);
    assertThat(evidenceOf(bundle, NetFlow.class)).hasSize(3);
    assertThat(outcome(bundle).problems())
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .contains("token breakdown", "DOGE 1e999999", "no composition from it");
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static String cexs() {
    return Fixtures.fixture("defillama/cexs.json");
  }

  private static String hacks() {
    return Fixtures.fixture("defillama/hacks.json");
  }

  private EvidenceBundle assess(String exchange) {
    Config config =
        Config.builder()
            .set("http.max-attempts", "1")
            .set("http.read-timeout", "2s")
            .set("http.call-timeout", "5s")
            .set("defillama.base-url", server.url("/").toString())
            .set("defillama.stablecoins-url", server.url("/").toString())
            .build();
    try (Assessor assessor =
        Assessor.builder()
            .collectors(
                CollectorRegistry.builder()
                    .config(config)
                    .register(new DefiLlamaCollectorProvider())
                    .build())
            .config(config)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .collectorTimeout(Duration.ofSeconds(20))
            .build()) {
      return assessor.assess(exchange);
    }
  }

  private static Dispatcher routes(Map<String, MockResponse> routes) {
    Map<String, MockResponse> copy = new LinkedHashMap<>(routes);
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String target = request.getTarget();
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        MockResponse response = copy.get(path);
        return response != null
            ? response
            : new MockResponse.Builder().code(404).body("Not found").build();
      }
    };
  }

  private static CollectorOutcome outcome(EvidenceBundle bundle) {
    assertThat(bundle.outcomes()).hasSize(1);
    return bundle.outcomes().get(0);
  }

  private static List<Evidence> evidenceOf(EvidenceBundle bundle, Class<? extends Fact> type) {
    return bundle.evidence().stream().filter(e -> type.isInstance(e.fact())).toList();
  }

  private static Evidence only(EvidenceBundle bundle, Class<? extends Fact> type) {
    List<Evidence> found = evidenceOf(bundle, type);
    assertThat(found).as("%s evidence in %s", type.getSimpleName(), bundle.outcomes()).hasSize(1);
    return found.get(0);
  }
}
