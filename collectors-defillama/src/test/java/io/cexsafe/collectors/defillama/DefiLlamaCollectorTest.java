package io.cexsafe.collectors.defillama;

import static io.cexsafe.collectors.defillama.DefiLlamaFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cexsafe.Assessor;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Config;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.AttestorIndependence;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.IncidentRecordCheck;
import io.cexsafe.facts.NetFlow;
import io.cexsafe.facts.PorAttestation;
import io.cexsafe.facts.PorCadence;
import io.cexsafe.facts.PorDashboard;
import io.cexsafe.facts.PorMethod;
import io.cexsafe.facts.ReserveComposition;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.facts.ReserveTrend;
import io.cexsafe.facts.SearchRecord;
import io.cexsafe.facts.SearchTopic;
import io.cexsafe.facts.TokenHolding;
import io.cexsafe.spi.CollectorRegistry;
import io.cexsafe.testing.Fixtures;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefiLlamaCollectorTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final Instant LATEST_POINT = Instant.parse("2026-11-21T11:00:00Z");
  private static final ExchangeCatalog CATALOG = ExchangeCatalog.bundled();

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

  // ---- happy paths --------------------------------------------------------------------------

  @Test
  void cryptoComGetsReservesMixTrendFlowsPorPointerAndIncidents() throws Exception {
    server.setDispatcher(routes(DefiLlamaFixtures.cryptoComRoutes()));

    EvidenceBundle bundle = assess("crypto-com");

    assertThat(outcome(bundle).status()).as("%s", outcome(bundle)).isEqualTo(OutcomeStatus.OK);
    Evidence snapshotEvidence = only(bundle, ReserveSnapshot.class);
    ReserveSnapshot snapshot = (ReserveSnapshot) snapshotEvidence.fact();
    assertThat(snapshot.totalUsd()).isEqualByComparingTo("4200000000.5");
    assertThat(snapshot.cleanAssetsUsd()).isEqualByComparingTo("3600000000.25");
    // recomputed from the breakdown with the catalogue's own token and its wrapped form
    assertThat(snapshot.ownTokenUsd()).isEqualByComparingTo("650000000");
    assertThat(snapshot.trackedOnChain()).isTrue();
    assertThat(snapshotEvidence.provenance().sourceUrl())
        .isEqualTo(URI.create("https://defillama.com/cex/crypto-com"));
    assertThat(snapshotEvidence.provenance().observedAt()).isEqualTo(NOW);
    assertThat(snapshotEvidence.provenance().retrievedAt()).isEqualTo(NOW);
    assertThat(snapshotEvidence.provenance().staleAfter()).isEqualTo(NOW.plus(Duration.ofDays(2)));
    assertThat(snapshotEvidence.evidenceClass()).isEqualTo(EvidenceClass.THIRD_PARTY_REPORT);

    Evidence compositionEvidence = only(bundle, ReserveComposition.class);
    ReserveComposition mix = (ReserveComposition) compositionEvidence.fact();
    assertThat(mix.ownTokenShare()).isCloseTo(650.0 / 4200, within(1e-12));
    assertThat(mix.stablecoinShare()).isCloseTo(1000.0 / 4200, within(1e-12));
    assertThat(mix.majorAssetShare()).isCloseTo(3400.0 / 4200, within(1e-12));
    assertThat(mix.longTailShare()).isCloseTo(800.0 / 4200, within(1e-12));
    assertThat(mix.tokenHhi()).isCloseTo(3_855_000.0 / 17_640_000, within(1e-12));
    assertThat(mix.chainHhi()).isCloseTo(6.74 / 17.64, within(1e-12));
    assertThat(mix.topHoldings()).hasSize(10);
    TokenHolding largest = mix.topHoldings().get(0);
    assertThat(largest.symbol()).isEqualTo("BTC");
    assertThat(largest.usd()).isEqualByComparingTo("1500000000");
    assertThat(largest.share()).isCloseTo(1500.0 / 4200, within(1e-12));
    assertThat(mix.topHoldings())
        .extracting(TokenHolding::symbol)
        .startsWith("BTC", "ETH", "USDT", "CRO", "USDC")
        .doesNotContain("XYZ");
    assertThat(compositionEvidence.provenance().observedAt()).isEqualTo(LATEST_POINT);
    assertThat(compositionEvidence.provenance().sourceUrl())
        .isEqualTo(URI.create("https://defillama.com/cex/assets/crypto-com"));
    assertThat(compositionEvidence.provenance().note()).contains("CRO, WCRO", "USDC, USDT");

    Evidence trendEvidence = only(bundle, ReserveTrend.class);
    ReserveTrend trend = (ReserveTrend) trendEvidence.fact();
    assertThat(trend.windowDays()).isEqualTo(30);
    assertThat(trend.change()).isCloseTo(0.05, within(1e-9));
    assertThat(trend.maxDrawdown()).isCloseTo(0.1, within(1e-9));
    assertThat(trendEvidence.provenance().observedAt()).isEqualTo(LATEST_POINT);

    Map<Integer, NetFlow> flows = flows(bundle);
    BigDecimal clean = new BigDecimal("3600000000.25");
    assertThat(flows).containsOnlyKeys(24, 168, 720);
    assertFlow(flows.get(24), "-12000000.5", clean);
    assertFlow(flows.get(168), "36000000", clean);
    assertFlow(flows.get(720), "-360000000", clean);
    assertThat(flows.get(720).shareOfReserves()).isCloseTo(-1 / 11.0, within(1e-9));

    PorDashboard dashboard = (PorDashboard) only(bundle, PorDashboard.class).fact();
    assertThat(dashboard.url())
        .isEqualTo(URI.create("https://crypto.com/document/proof-of-reserves"));
    assertThat(dashboard.liveOnChain()).isFalse();
    assertThat(facts(bundle, PorAttestation.class)).isEmpty();

    Evidence incidentEvidence = only(bundle, Incident.class);
    Incident incident = (Incident) incidentEvidence.fact();
    assertThat(incident.date()).isEqualTo(LocalDate.of(2022, 1, 17));
    assertThat(incident.lossUsd()).isEqualByComparingTo("30000000");
    assertThat(incident.technique()).isEqualTo("2FA Bypass");
    assertThat(incident.returnedUsd()).isNull();
    assertThat(incident.summaryText()).contains("Infrastructure", "Ethereum, Bitcoin");
    assertThat(incidentEvidence.provenance().observedAt())
        .isEqualTo(Instant.parse("2022-01-17T00:00:00Z"));
    assertThat(incidentEvidence.provenance().staleAfter()).isNull();
    assertThat(incidentEvidence.provenance().sourceUrl())
        .isEqualTo(URI.create("https://defillama.com/hacks"));

    List<RecordedRequest> requests = requests();
    assertThat(requests)
        .extracting(RecordedRequest::getTarget)
        .containsExactlyInAnyOrder("/cexs", "/protocol/crypto-com", "/stablecoins", "/hacks");
    assertThat(requests)
        .allSatisfy(
            r -> {
              assertThat(r.getMethod()).isEqualTo("GET");
              assertThat(r.getHeaders().get("User-Agent")).startsWith("cexsafe/");
              assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
            });
    assertThat(EvidenceBundle.fromJson(bundle.toJson())).isEqualTo(bundle);
  }

  @Test
  void binanceFlowsComeFromInflowsBecauseCexsHidesThem() throws Exception {
    server.setDispatcher(routes(DefiLlamaFixtures.binanceRoutes()));

    EvidenceBundle bundle = assess("binance");

    assertThat(outcome(bundle).status()).as("%s", outcome(bundle)).isEqualTo(OutcomeStatus.OK);
    BigDecimal clean = new BigDecimal("85000000000.5");
    Map<Integer, NetFlow> flows = flows(bundle);
    assertFlow(flows.get(24), "-150000000.5", clean);
    assertFlow(flows.get(168), "2500000000", clean);
    assertFlow(flows.get(720), "-9000000000.25", clean);
    assertThat(evidenceOf(bundle, NetFlow.class))
        .allSatisfy(e -> assertThat(e.provenance().observedAt()).isEqualTo(LATEST_POINT));

    ReserveSnapshot snapshot = (ReserveSnapshot) only(bundle, ReserveSnapshot.class).fact();
    assertThat(snapshot.ownTokenUsd()).isEqualByComparingTo("16000000000");
    ReserveComposition mix = (ReserveComposition) only(bundle, ReserveComposition.class).fact();
    assertThat(mix.ownTokenShare()).isCloseTo(0.16, within(1e-12));
    assertThat(mix.stablecoinShare()).isCloseTo(0.24, within(1e-12));
    assertThat(mix.majorAssetShare()).isCloseTo(0.84, within(1e-12));
    assertThat(mix.longTailShare()).isCloseTo(0.16, within(1e-12));
    assertThat(mix.chainHhi()).isCloseTo(0.52, within(1e-12));
    ReserveTrend trend = (ReserveTrend) only(bundle, ReserveTrend.class).fact();
    assertThat(trend.windowDays()).isEqualTo(1);
    assertThat(trend.change()).isCloseTo(100.0 / 99 - 1, within(1e-12));

    Incident incident = (Incident) only(bundle, Incident.class).fact();
    assertThat(incident.date()).isEqualTo(LocalDate.of(2023, 11, 14)); // given in milliseconds
    assertThat(incident.returnedUsd()).isEqualByComparingTo("0");

    assertThat(requests())
        .extracting(RecordedRequest::getTarget)
        .contains(
            "/protocol/binance-cex",
            "/inflows/binance-cex/1795176000?end=1795262400&tokensToExclude=BNB",
            "/inflows/binance-cex/1794657600?end=1795262400&tokensToExclude=BNB",
            "/inflows/binance-cex/1792670400?end=1795262400&tokensToExclude=BNB")
        .hasSize(7);
  }

  @Test
  void aNullFlowInCexsIsFetchedWhileThePresentOnesAreUsed() throws Exception {
    Map<String, MockResponse> routes = new LinkedHashMap<>();
    routes.put("/cexs", json("cexs.json"));
    routes.put("/hacks", json("hacks.json"));
    routes.put("/inflows/bybit/1794657600", json("inflows-binance-7d.json"));
    server.setDispatcher(routes(routes));

    EvidenceBundle bundle = assess("bybit", "protocol.enabled=false");

    Map<Integer, NetFlow> flows = flows(bundle);
    assertThat(flows.get(24).netUsd()).isEqualByComparingTo("27000000.5");
    assertThat(flows.get(168).netUsd()).isEqualByComparingTo("2500000000");
    assertThat(flows.get(720).netUsd()).isEqualByComparingTo("-1300000000");
    ReserveSnapshot snapshot = (ReserveSnapshot) only(bundle, ReserveSnapshot.class).fact();
    assertThat(snapshot.ownTokenUsd()).isEqualByComparingTo("1100000000.75");
    assertThat(requests())
        .extracting(RecordedRequest::getTarget)
        .containsExactlyInAnyOrder(
            "/cexs", "/hacks", "/inflows/bybit/1794657600?end=1795262400&tokensToExclude=BIT,MNT");
  }

  @Test
  void aRowWithoutFiguresTakesTheTotalFromTheProtocolNeverZero() throws Exception {
    Map<String, MockResponse> routes = DefiLlamaFixtures.cryptoComRoutes();
    routes.put("/protocol/gemini", json("protocol-crypto-com.json"));
    routes.put("/inflows/gemini/1795176000", json("inflows-binance-24h.json"));
    server.setDispatcher(routes(routes));

    // Gemini's /cexs row has a slug but neither currentTvl nor flows, and coin null
    EvidenceBundle bundle = assess(Exchange.of("gemini", "Gemini"));

    Evidence evidence = only(bundle, ReserveSnapshot.class);
    ReserveSnapshot snapshot = (ReserveSnapshot) evidence.fact();
    assertThat(snapshot.totalUsd()).isEqualByComparingTo("4200000000");
    assertThat(snapshot.ownTokenUsd()).isEqualByComparingTo("0");
    assertThat(evidence.provenance().note()).contains("/cexs has no currentTvl");
    assertThat(evidence.provenance().observedAt()).isEqualTo(LATEST_POINT);
    Map<Integer, NetFlow> flows = flows(bundle);
    assertThat(flows).containsOnlyKeys(24);
    assertThat(flows.get(24).shareOfReserves()).isNotNull();
    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome(bundle).problems()).hasSize(2); // the two other windows are unknown here
    PorDashboard dashboard = (PorDashboard) only(bundle, PorDashboard.class).fact();
    assertThat(dashboard.url())
        .isEqualTo(URI.create("https://example.org/gemini-trust-center-fixture"));
    assertThat(requests())
        .extracting(RecordedRequest::getTarget)
        .contains(
            "/protocol/gemini",
            "/inflows/gemini/1795176000?end=1795262400",
            "/inflows/gemini/1794657600?end=1795262400");
  }

  @Test
  void withoutAnyOwnTokenListTheOwnTokenValueIsUnknown() throws Exception {
    Map<String, MockResponse> routes = DefiLlamaFixtures.cryptoComRoutes();
    routes.put("/protocol/newcex", json("protocol-crypto-com.json"));
    server.setDispatcher(routes(routes));
    Exchange newcex =
        new Exchange(
            "newcex",
            "New CEX",
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(new io.cexsafe.ExchangeIdentifier("defillama.slug", "newcex")));

    EvidenceBundle bundle = assess(newcex, "inflows.enabled=false");

    ReserveSnapshot snapshot = (ReserveSnapshot) only(bundle, ReserveSnapshot.class).fact();
    assertThat(snapshot.totalUsd()).isEqualByComparingTo("4200000000");
    assertThat(snapshot.ownTokenUsd()).isNull();
    assertThat(snapshot.cleanAssetsUsd()).isNull();
    ReserveComposition mix = (ReserveComposition) only(bundle, ReserveComposition.class).fact();
    assertThat(mix.ownTokenShare()).isNull();
    assertThat(mix.stablecoinShare()).isNotNull();
  }

  // ---- exchanges DeFiLlama does not track -----------------------------------------------------

  @Test
  void coinbaseIsNotTrackedYetItsAuditAndIncidentAreReported() throws Exception {
    server.setDispatcher(routes(DefiLlamaFixtures.cryptoComRoutes()));

    EvidenceBundle bundle = assess("coinbase");

    CollectorOutcome outcome = outcome(bundle);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.NOT_LISTED);
    assertThat(outcome.message()).contains("does not track its reserves");
    assertThat(facts(bundle, ReserveSnapshot.class)).isEmpty();

    Evidence attestationEvidence = only(bundle, PorAttestation.class);
    PorAttestation attestation = (PorAttestation) attestationEvidence.fact();
    assertThat(attestation.reportDate()).isEqualTo(LocalDate.of(2021, 12, 31));
    assertThat(attestation.attestor()).isEqualTo("Deloitte");
    assertThat(attestation.method()).isEqualTo(PorMethod.ASSETS_ONLY);
    assertThat(attestation.independence()).isEqualTo(AttestorIndependence.INDEPENDENT_ACCOUNTANT);
    assertThat(attestation.cadence()).isEqualTo(PorCadence.ONE_OFF);
    assertThat(attestationEvidence.provenance().sourceUrl())
        .isEqualTo(URI.create("https://example.org/coinbase-annual-report-fixture.pdf"));
    assertThat(attestationEvidence.provenance().observedAt())
        .isEqualTo(Instant.parse("2021-12-31T00:00:00Z"));

    Incident incident = (Incident) only(bundle, Incident.class).fact();
    assertThat(incident.date()).isEqualTo(LocalDate.of(2020, 9, 13)); // a string date
    assertThat(incident.lossUsd()).isNull(); // null amount stays unknown, never 0

    assertThat(requests())
        .extracting(RecordedRequest::getTarget)
        .containsExactlyInAnyOrder("/cexs", "/hacks");
  }

  @Test
  void theHacksSearchIsRecordedWhetherOrNotItFoundAnything() throws Exception {
    server.setDispatcher(routes(DefiLlamaFixtures.cryptoComRoutes()));

    EvidenceBundle bundle = assess("crypto-com");

    Evidence search = only(bundle, IncidentRecordCheck.class);
    IncidentRecordCheck check = (IncidentRecordCheck) search.fact();
    assertThat(check.database()).isEqualTo("DeFiLlama hacks");
    assertThat(check.incidentsFound()).isEqualTo(evidenceOf(bundle, Incident.class).size());
    assertThat(search.provenance().retrievedAt()).isEqualTo(search.provenance().observedAt());
    assertThat(search.provenance().staleAfter()).isNotNull();
  }

  @Test
  void withoutTheHacksListNoSearchIsClaimed() throws Exception {
    Map<String, MockResponse> routes = new LinkedHashMap<>(DefiLlamaFixtures.cryptoComRoutes());
    routes.put("/hacks", new MockResponse.Builder().code(503).build());
    server.setDispatcher(routes(routes));

    EvidenceBundle bundle = assess("crypto-com");

    assertThat(evidenceOf(bundle, IncidentRecordCheck.class)).isEmpty();
    assertThat(evidenceOf(bundle, Incident.class)).isEmpty();
    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.PARTIAL);
  }

  @Test
  void anExchangeDefiLlamaDoesNotListIsACheckedAbsenceOfOnChainReserves() throws Exception {
    server.setDispatcher(routes(DefiLlamaFixtures.cryptoComRoutes()));

    EvidenceBundle bundle = assess(Exchange.of("nowhere", "Nowhere Exchange"));

    // the list answered: "not tracked" is recorded as a search that found nothing
    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome(bundle).reason()).isEqualTo(ReasonCode.NOT_LISTED);
    SearchRecord search = (SearchRecord) only(bundle, SearchRecord.class).fact();
    assertThat(search.topic()).isEqualTo(SearchTopic.RESERVES);
    assertThat(search.source()).isEqualTo("DeFiLlama CEX list");
    assertThat(search.checkedAbsent()).isTrue();
    assertThat(bundle.evidence()).hasSize(1);
    // DeFiLlama knows nothing of it, so an empty hacks search is not claimed
    assertThat(evidenceOf(bundle, IncidentRecordCheck.class)).isEmpty();
    assertThat(requests())
        .extracting(RecordedRequest::getTarget)
        .containsExactlyInAnyOrder("/cexs", "/hacks");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocolNotFoundAnswers")
  void aSlugWithoutProtocolIsNotListedAndNoFlowsAreAsked(String label, MockResponse answer)
      throws Exception {
    Map<String, MockResponse> routes = new LinkedHashMap<>();
    routes.put("/cexs", json("cexs.json"));
    routes.put("/hacks", json("hacks.json"));
    routes.put("/stablecoins", json("stablecoins.json"));
    routes.put("/protocol/kraken", answer);
    server.setDispatcher(routes(routes));

    EvidenceBundle bundle = assess("kraken");

    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome(bundle).reason()).isEqualTo(ReasonCode.NOT_LISTED);
    assertThat(outcome(bundle).message()).contains("kraken");
    SearchRecord search = (SearchRecord) only(bundle, SearchRecord.class).fact();
    assertThat(search.checkedAbsent()).isTrue();
    assertThat(only(bundle, SearchRecord.class).provenance().note())
        .contains("/protocol/kraken is unknown");
    assertThat(facts(bundle, ReserveSnapshot.class)).isEmpty();
    assertThat(requests())
        .extracting(RecordedRequest::getTarget)
        .containsExactlyInAnyOrder("/cexs", "/protocol/kraken", "/stablecoins", "/hacks");
  }

  static Stream<Arguments> protocolNotFoundAnswers() {
    return Stream.of(
        Arguments.of("400 plain text", text(400, "text/plain", "Protocol not found")),
        Arguments.of("404 plain text", text(404, "text/plain", "Not found")),
        Arguments.of(
            "JSON message in a 200", Fixtures.json("{\"message\":\"Protocol not found\"}")));
  }

  // ---- one source failing -------------------------------------------------------------------

  @Test
  void theProtocolAloneGivesReservesWhenCexsFails() throws Exception {
    Map<String, MockResponse> routes = DefiLlamaFixtures.cryptoComRoutes();
    routes.put("/cexs", text(500, "text/plain", "Internal Error"));
    server.setDispatcher(routes(routes));

    EvidenceBundle bundle = assess("crypto-com");

    CollectorOutcome outcome = outcome(bundle);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.HTTP_SERVER_ERROR);
    Evidence evidence = only(bundle, ReserveSnapshot.class);
    ReserveSnapshot snapshot = (ReserveSnapshot) evidence.fact();
    assertThat(snapshot.totalUsd()).isEqualByComparingTo("4200000000");
    assertThat(snapshot.ownTokenUsd()).isEqualByComparingTo("650000000");
    assertThat(snapshot.cleanAssetsUsd()).isEqualByComparingTo("3550000000");
    assertThat(evidence.provenance().observedAt()).isEqualTo(LATEST_POINT);
    assertThat(facts(bundle, ReserveComposition.class)).hasSize(1);
    assertThat(facts(bundle, ReserveTrend.class)).hasSize(1);
    assertThat(facts(bundle, PorDashboard.class)).isEmpty();
    // without /cexs the flows come from /inflows, which this server does not know
    assertThat(facts(bundle, NetFlow.class)).isEmpty();
    assertThat(outcome.problems())
        .extracting(Problem::reason)
        .containsExactly(
            ReasonCode.HTTP_SERVER_ERROR,
            ReasonCode.HTTP_CLIENT_ERROR,
            ReasonCode.HTTP_CLIENT_ERROR,
            ReasonCode.HTTP_CLIENT_ERROR);
  }

  @Test
  void anAnswerWithoutAggregatesUsesThePerChainBreakdowns() throws Exception {
    Map<String, MockResponse> routes = DefiLlamaFixtures.cryptoComRoutes();
    routes.put("/protocol/crypto-com", json("updated-protocol-crypto-com.json"));
    server.setDispatcher(routes(routes));

    EvidenceBundle bundle = assess("crypto-com");

    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.OK);
    ReserveComposition mix = (ReserveComposition) only(bundle, ReserveComposition.class).fact();
    assertThat(mix.ownTokenShare()).isCloseTo(650.0 / 4200, within(1e-12));
    assertThat(mix.stablecoinShare()).isCloseTo(1000.0 / 4200, within(1e-12));
    assertThat(mix.chainHhi()).isCloseTo(6.74 / 17.64, within(1e-12));
    assertThat(facts(bundle, ReserveTrend.class)).as("no aggregate history").isEmpty();
  }

  @Test
  void withoutTheStablecoinListThoseSharesAreUnknownNotZero() throws Exception {
    Map<String, MockResponse> routes = DefiLlamaFixtures.cryptoComRoutes();
    routes.put("/stablecoins", text(503, "text/plain", "unavailable"));
    server.setDispatcher(routes(routes));

    EvidenceBundle bundle = assess("crypto-com");

    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome(bundle).reason()).isEqualTo(ReasonCode.HTTP_SERVER_ERROR);
    ReserveComposition mix = (ReserveComposition) only(bundle, ReserveComposition.class).fact();
    assertThat(mix.ownTokenShare()).isCloseTo(650.0 / 4200, within(1e-12));
    assertThat(mix.stablecoinShare()).isNull();
    assertThat(mix.majorAssetShare()).isNull();
    assertThat(mix.longTailShare()).isNull();
    assertThat(mix.tokenHhi()).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocolFaults")
  void aFailingProtocolGivesAPartialOutcomeWithItsReason(
      String label, MockResponse answer, ReasonCode expected) throws Exception {
    Map<String, MockResponse> routes = DefiLlamaFixtures.cryptoComRoutes();
    routes.put("/protocol/crypto-com", answer);
    server.setDispatcher(routes(routes));

    EvidenceBundle bundle = assess("crypto-com", "protocol.max-body-bytes=8192");

    CollectorOutcome outcome = outcome(bundle);
    assertThat(outcome.status()).as("%s", outcome).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.reason()).as("%s", outcome).isEqualTo(expected);
    assertThat(outcome.message()).isNotBlank();
    assertThat(facts(bundle, ReserveComposition.class)).isEmpty();
    assertThat(facts(bundle, ReserveTrend.class)).isEmpty();
    ReserveSnapshot snapshot = (ReserveSnapshot) only(bundle, ReserveSnapshot.class).fact();
    // without the breakdown the own-token value is DeFiLlama's own difference
    assertThat(snapshot.ownTokenUsd()).isEqualByComparingTo("600000000.25");
    assertThat(facts(bundle, NetFlow.class)).hasSize(3);
  }

  static Stream<Arguments> protocolFaults() {
    String fixture = Fixtures.fixture("defillama/protocol-crypto-com.json");
    return Stream.of(
        Arguments.of(
            "truncated JSON",
            Fixtures.json(fixture.substring(0, 6000)),
            ReasonCode.MALFORMED_RESPONSE),
        Arguments.of(
            "malformed JSON",
            Fixtures.json("{\"id\":\"2270\",\"tvl\":[{\"date\":1795258800,,}]}"),
            ReasonCode.MALFORMED_RESPONSE),
        Arguments.of("a JSON array", Fixtures.json("[1,2,3]"), ReasonCode.MALFORMED_RESPONSE),
        Arguments.of("an empty object", Fixtures.json("{}"), ReasonCode.MALFORMED_RESPONSE),
        Arguments.of(
            "HTML 403 from the CDN",
            text(
                403,
                "text/html; charset=UTF-8",
                "<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title>"
                    + "</head><body>Sorry, you have been blocked</body></html>"),
            ReasonCode.BLOCKED),
        Arguments.of(
            "HTML in a 200",
            text(200, "text/html", "<html><body>Maintenance</body></html>"),
            ReasonCode.MALFORMED_RESPONSE),
        Arguments.of(
            "plain-text error in a 200",
            text(200, "text/plain", "Internal Error"),
            ReasonCode.MALFORMED_RESPONSE),
        Arguments.of(
            "Cloudflare rate-limit text in a 200",
            text(200, "text/plain", "error code: 1015"),
            ReasonCode.RATE_LIMITED),
        Arguments.of(
            "429 with Retry-After",
            new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "1")
                .body("slow down")
                .build(),
            ReasonCode.RATE_LIMITED),
        Arguments.of(
            "500", text(500, "text/plain", "Internal Error"), ReasonCode.HTTP_SERVER_ERROR),
        Arguments.of("oversized body", Fixtures.json(fixture), ReasonCode.BODY_TOO_LARGE),
        Arguments.of(
            "slow body",
            new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(fixture.substring(0, 4000))
                .throttleBody(512, 1, TimeUnit.SECONDS)
                .build(),
            ReasonCode.TIMEOUT));
  }

  @Test
  void a429IsRetriedAfterItsRetryAfter() throws Exception {
    Map<String, MockResponse> routes = DefiLlamaFixtures.cryptoComRoutes();
    AtomicInteger protocolCalls = new AtomicInteger();
    Dispatcher byPath = routes(routes);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getTarget().equals("/protocol/crypto-com")
                && protocolCalls.incrementAndGet() == 1) {
              return new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build();
            }
            return byPath.dispatch(request);
          }
        });

    long started = System.nanoTime();
    EvidenceBundle bundle = assess("crypto-com");

    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.OK);
    assertThat(protocolCalls).hasValue(2);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(900));
    assertThat(facts(bundle, ReserveComposition.class)).hasSize(1);
  }

  @Test
  void aRateLimitedCexsListStopsTheOtherCalls() throws Exception {
    server.setDispatcher(
        routes(
            Map.of(
                "/cexs",
                new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build())));

    EvidenceBundle bundle = assess("crypto-com");

    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.FAILED);
    assertThat(outcome(bundle).reason()).isEqualTo(ReasonCode.RATE_LIMITED);
    assertThat(bundle.evidence()).isEmpty();
    assertThat(requests()).extracting(RecordedRequest::getTarget).containsOnly("/cexs");
  }

  @Test
  void anErrorObjectInsteadOfTheListIsMalformedAndQuoted() throws Exception {
    Map<String, MockResponse> routes = DefiLlamaFixtures.cryptoComRoutes();
    routes.put("/cexs", Fixtures.json("{\"message\":\"Internal error, try later\"}"));
    server.setDispatcher(routes(routes));

    EvidenceBundle bundle = assess("crypto-com");

    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome(bundle).reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
    assertThat(outcome(bundle).message()).contains("Internal error, try later");
  }

  @Test
  void aMatchedHackWithAnUnusableDateIsReportedNotGuessed() throws Exception {
    Map<String, MockResponse> routes = DefiLlamaFixtures.cryptoComRoutes();
    routes.put(
        "/hacks",
        Fixtures.json(
            "[{\"date\":\"sometime\",\"name\":\"Crypto.com\",\"targetType\":\"CEX\","
                + "\"amount\":1000,\"defillamaId\":null}]"));
    server.setDispatcher(routes(routes));

    EvidenceBundle bundle = assess("crypto-com");

    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome(bundle).message()).contains("unusable date 'sometime'");
    assertThat(facts(bundle, Incident.class)).isEmpty();
  }

  // ---- settings -----------------------------------------------------------------------------

  @Test
  void aProApiKeyIsAPathSegmentAndNeverShown() throws Exception {
    String key = "k3y-for-tests";
    Map<String, MockResponse> routes = new LinkedHashMap<>();
    routes.put("/" + key + "/api/cexs", text(500, "text/plain", "Internal Error"));
    routes.put("/" + key + "/api/protocol/crypto-com", json("protocol-crypto-com.json"));
    routes.put("/stablecoins", json("stablecoins.json"));
    server.setDispatcher(routes(routes));

    EvidenceBundle bundle =
        assess(
            CATALOG.get("crypto-com"),
            "api-key=" + key,
            "pro-base-url=" + server.url("/"),
            "base-url=https://api.invalid");

    assertThat(facts(bundle, ReserveSnapshot.class)).hasSize(1);
    assertThat(bundle.toJson()).doesNotContain(key).contains("****");
    assertThat(requests())
        .extracting(RecordedRequest::getTarget)
        .contains("/" + key + "/api/cexs", "/" + key + "/api/protocol/crypto-com");
  }

  @Test
  void switchedOffSourcesAreNotAsked() throws Exception {
    server.setDispatcher(routes(DefiLlamaFixtures.cryptoComRoutes()));

    EvidenceBundle bundle = assess("crypto-com", "protocol.enabled=false", "hacks.enabled=false");

    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.OK);
    assertThat(bundle.evidence())
        .extracting(e -> e.fact().getClass().getSimpleName())
        .containsExactlyInAnyOrder(
            "ReserveSnapshot",
            "NetFlow",
            "NetFlow",
            "NetFlow",
            "PorDashboard",
            "SearchRecord",
            "SearchRecord");
    assertThat(requests()).extracting(RecordedRequest::getTarget).containsExactly("/cexs");
  }

  // ---- helpers ------------------------------------------------------------------------------

  private EvidenceBundle assess(String exchange, String... settings) {
    return assess(CATALOG.get(exchange), settings);
  }

  private EvidenceBundle assess(Exchange exchange, String... settings) {
    Config.Builder config =
        Config.builder()
            .set("http.max-attempts", "2")
            .set("http.initial-backoff", "10ms")
            .set("http.max-backoff", "50ms")
            .set("http.max-retry-after", "2s")
            .set("http.connect-timeout", "1s")
            .set("http.read-timeout", "400ms")
            .set("http.call-timeout", "5s")
            .set("defillama.base-url", server.url("/").toString())
            .set("defillama.stablecoins-url", server.url("/").toString());
    for (String setting : settings) {
      config.set("defillama." + setting);
    }
    Config built = config.build();
    try (Assessor assessor =
        Assessor.builder()
            .collectors(
                CollectorRegistry.builder()
                    .config(built)
                    .register(new DefiLlamaCollectorProvider())
                    .build())
            .config(built)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .collectorTimeout(Duration.ofSeconds(20))
            .build()) {
      return assessor.assess(exchange);
    }
  }

  private List<RecordedRequest> requests() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request);
    }
    return requests;
  }

  private static Dispatcher routes(Map<String, MockResponse> routes) {
    Map<String, MockResponse> copy = new LinkedHashMap<>(routes);
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String target = request.getTarget();
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        MockResponse response = copy.get(path);
        return response != null ? response : text(404, "text/plain", "Not found");
      }
    };
  }

  static MockResponse text(int code, String contentType, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", contentType)
        .body(body)
        .build();
  }

  private static CollectorOutcome outcome(EvidenceBundle bundle) {
    assertThat(bundle.outcomes()).hasSize(1);
    return bundle.outcomes().get(0);
  }

  private static List<Evidence> evidenceOf(EvidenceBundle bundle, Class<? extends Fact> type) {
    return bundle.evidence().stream().filter(e -> type.isInstance(e.fact())).toList();
  }

  private static List<Fact> facts(EvidenceBundle bundle, Class<? extends Fact> type) {
    return evidenceOf(bundle, type).stream().map(Evidence::fact).toList();
  }

  private static Evidence only(EvidenceBundle bundle, Class<? extends Fact> type) {
    List<Evidence> found = evidenceOf(bundle, type);
    assertThat(found).as("%s evidence in %s", type.getSimpleName(), bundle.outcomes()).hasSize(1);
    return found.get(0);
  }

  private static Map<Integer, NetFlow> flows(EvidenceBundle bundle) {
    Map<Integer, NetFlow> flows = new LinkedHashMap<>();
    for (Fact fact : facts(bundle, NetFlow.class)) {
      NetFlow flow = (NetFlow) fact;
      flows.put(flow.windowHours(), flow);
    }
    return flows;
  }

  private static void assertFlow(NetFlow flow, String net, BigDecimal clean) {
    BigDecimal value = new BigDecimal(net);
    assertThat(flow.netUsd()).isEqualByComparingTo(value);
    double expected = value.divide(clean.subtract(value), MathContext.DECIMAL64).doubleValue();
    assertThat(flow.shareOfReserves()).isCloseTo(expected, within(1e-15));
  }
}
