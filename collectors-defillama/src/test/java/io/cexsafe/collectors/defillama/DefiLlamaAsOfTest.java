package io.cexsafe.collectors.defillama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import io.cexsafe.facts.PorAttestation;
import io.cexsafe.facts.PorDashboard;
import io.cexsafe.facts.ReserveComposition;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.facts.ReserveTrend;
import io.cexsafe.facts.SearchRecord;
import io.cexsafe.facts.SearchTopic;
import io.cexsafe.spi.CollectorRegistry;
import io.cexsafe.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DeFiLlama read as of a past date, as a backtest replays it: a mirror serves a {@code /protocol}
 * history spanning 2022 (plus today's hourly point) and the collector must give what was knowable
 * at as-of, never today's figures.
 */
class DefiLlamaAsOfTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final Instant LATEST_POINT = Instant.parse("2026-11-21T11:00:00Z");
  private static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(2022, 12, 31);

  /** What {@code --as-of 2022-11-01} gives: the end of that day. */
  private static final Instant NOV_1 = Instant.parse("2022-11-01T23:59:59Z");

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

  @Test
  void replaysTheNovemberFirstPointOf2022FromAMirror() throws Exception {
    serveMirror(history(), end -> end);

    EvidenceBundle bundle = assess(NOV_1);

    Instant pointDate = Instant.parse("2022-11-01T00:00:00Z");
    BigDecimal total = ProtocolHistory.total(dayIndex(LocalDate.of(2022, 11, 1)));
    Evidence snapshotEvidence = only(bundle, ReserveSnapshot.class);
    ReserveSnapshot snapshot = (ReserveSnapshot) snapshotEvidence.fact();
    assertThat(snapshot.totalUsd()).isEqualByComparingTo(total);
    assertThat(snapshot.ownTokenUsd()).isEqualByComparingTo(total.multiply(new BigDecimal("0.2")));
    assertThat(snapshot.cleanAssetsUsd())
        .isEqualByComparingTo(total.multiply(new BigDecimal("0.8")));
    assertThat(snapshotEvidence.provenance().observedAt()).isEqualTo(pointDate);
    assertThat(snapshotEvidence.provenance().retrievedAt()).isEqualTo(NOW);
    assertThat(snapshotEvidence.provenance().staleAfter())
        .isEqualTo(pointDate.plus(Duration.ofDays(2)));
    assertThat(snapshotEvidence.provenance().isStaleAt(bundle.asOf())).isFalse();
    assertThat(snapshotEvidence.provenance().note())
        .contains("total of 2022-11-01", "on or before as-of 2022-11-01");

    Evidence mixEvidence = only(bundle, ReserveComposition.class);
    ReserveComposition mix = (ReserveComposition) mixEvidence.fact();
    assertThat(mix.ownTokenShare()).isCloseTo(0.2, within(1e-12));
    assertThat(mix.stablecoinShare()).isCloseTo(0.3, within(1e-12));
    // from the chains' own series of that day, not today's currentChainTvls (50/50)
    assertThat(mix.chainHhi()).isCloseTo(0.5, within(1e-12));
    assertThat(mixEvidence.provenance().observedAt()).isEqualTo(pointDate);

    Evidence trendEvidence = only(bundle, ReserveTrend.class);
    ReserveTrend trend = (ReserveTrend) trendEvidence.fact();
    int nov1 = dayIndex(LocalDate.of(2022, 11, 1));
    double expectedChange =
        ProtocolHistory.total(nov1).doubleValue() / ProtocolHistory.total(nov1 - 30).doubleValue()
            - 1;
    assertThat(trend.windowDays()).isEqualTo(30);
    assertThat(trend.change()).isCloseTo(expectedChange, within(1e-12));
    assertThat(trendEvidence.provenance().observedAt()).isEqualTo(pointDate);

    // flows over windows ending at as-of, never today's /cexs figures
    long end = NOV_1.getEpochSecond();
    assertThat(requests())
        .extracting(RecordedRequest::getTarget)
        .contains(
            "/inflows/crypto-com/" + (end - 86_400) + "?end=" + end + "&tokensToExclude=CRO",
            "/inflows/crypto-com/" + (end - 7 * 86_400) + "?end=" + end + "&tokensToExclude=CRO",
            "/inflows/crypto-com/" + (end - 30 * 86_400) + "?end=" + end + "&tokensToExclude=CRO");
    List<Evidence> flows = evidenceOf(bundle, NetFlow.class);
    assertThat(flows).hasSize(3);
    assertThat(flows)
        .allSatisfy(
            e -> {
              assertThat(((NetFlow) e.fact()).netUsd()).isEqualByComparingTo("-5000000");
              assertThat(e.provenance().observedAt()).isEqualTo(NOV_1);
            });

    // the hack of January 2022 had happened; the search is dated at as-of
    Incident incident = (Incident) only(bundle, Incident.class).fact();
    assertThat(incident.date()).isEqualTo(LocalDate.of(2022, 1, 17));
    Evidence check = only(bundle, IncidentRecordCheck.class);
    assertThat(((IncidentRecordCheck) check.fact()).incidentsFound()).isEqualTo(1);
    assertThat(check.provenance().observedAt()).isEqualTo(NOV_1);
    assertThat(check.provenance().note()).contains("dated on or before as-of 2022-11-01");

    // today's pointers and searches of the CEX list say nothing of 2022
    assertThat(evidenceOf(bundle, PorDashboard.class)).isEmpty();
    assertThat(evidenceOf(bundle, PorAttestation.class)).isEmpty();
    assertThat(evidenceOf(bundle, SearchRecord.class)).isEmpty();
    CollectorOutcome outcome = outcome(bundle);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.NO_HISTORY);
    assertThat(outcome.problems())
        .singleElement()
        .satisfies(
            p -> assertThat(p.message()).contains("as of 2022-11-01", "currentTvl", "walletsLink"));

    assertThat(bundle.evidence())
        .allSatisfy(e -> assertThat(e.provenance().observedAt()).isBeforeOrEqualTo(NOV_1));
    assertThat(EvidenceBundle.fromJson(bundle.toJson())).isEqualTo(bundle);
  }

  @Test
  void aDateAfterTheLastDailyPointGetsThatPointWhichIsStaleThen() throws Exception {
    // history through 2022 and nothing since but today's point: as of mid-2023 the last known
    // figure is half a year old, never "0 days old"
    serveMirror(history(), end -> end);
    Instant asOf = Instant.parse("2023-06-01T23:59:59Z");

    EvidenceBundle bundle = assess(asOf);

    Evidence snapshotEvidence = only(bundle, ReserveSnapshot.class);
    assertThat(((ReserveSnapshot) snapshotEvidence.fact()).totalUsd())
        .isEqualByComparingTo(ProtocolHistory.total(dayIndex(LAST_DAY)));
    assertThat(snapshotEvidence.provenance().observedAt())
        .isEqualTo(Instant.parse("2022-12-31T00:00:00Z"));
    assertThat(snapshotEvidence.provenance().isStaleAt(asOf)).isTrue();
    assertThat(evidenceOf(bundle, Incident.class))
        .extracting(e -> ((Incident) e.fact()).date())
        .containsExactly(LocalDate.of(2022, 1, 17));
  }

  @Test
  void anAsOfBeforeTheHistoryBeginsGivesNoReservesAndSaysSo() throws Exception {
    serveMirror(history(), end -> end);
    Instant asOf = Instant.parse("2021-06-01T23:59:59Z");

    EvidenceBundle bundle = assess(asOf);

    assertThat(evidenceOf(bundle, ReserveSnapshot.class)).isEmpty();
    assertThat(evidenceOf(bundle, ReserveComposition.class)).isEmpty();
    assertThat(evidenceOf(bundle, ReserveTrend.class)).isEmpty();
    assertThat(evidenceOf(bundle, NetFlow.class)).isEmpty();
    // the January 2022 hack had not happened yet: the search found nothing then
    assertThat(evidenceOf(bundle, Incident.class)).isEmpty();
    Evidence check = only(bundle, IncidentRecordCheck.class);
    assertThat(((IncidentRecordCheck) check.fact()).incidentsFound()).isZero();
    assertThat(check.provenance().observedAt()).isEqualTo(asOf);
    assertThat(outcome(bundle).problems())
        .extracting(Problem::reason, Problem::message)
        .anySatisfy(
            t ->
                assertThat(t.toList())
                    .containsExactly(
                        ReasonCode.NO_HISTORY,
                        "DeFiLlama's history of /protocol/crypto-com begins on 2022-01-01, after"
                            + " as-of 2021-06-01: no reserves figure for that date"));
    assertThat(requests())
        .extracting(RecordedRequest::getTarget)
        .noneMatch(target -> target.startsWith("/inflows"));
  }

  @Test
  void withoutAnAsOfTheLatestPointAndTodaysListAreUsed() throws Exception {
    serveMirror(history(), end -> end);

    EvidenceBundle bundle = assess(null);

    CollectorOutcome outcome = outcome(bundle);
    assertThat(outcome.status()).as("%s", outcome).isEqualTo(OutcomeStatus.OK);
    Evidence snapshot = only(bundle, ReserveSnapshot.class);
    // /cexs figures, undated: retrieved now
    assertThat(((ReserveSnapshot) snapshot.fact()).totalUsd()).isEqualByComparingTo("4200000000.5");
    assertThat(snapshot.provenance().observedAt()).isEqualTo(NOW);
    assertThat(only(bundle, ReserveComposition.class).provenance().observedAt())
        .isEqualTo(LATEST_POINT);
    assertThat(evidenceOf(bundle, PorDashboard.class)).hasSize(1);
    assertThat(evidenceOf(bundle, SearchRecord.class))
        .extracting(e -> ((SearchRecord) e.fact()).topic(), e -> ((SearchRecord) e.fact()).found())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(SearchTopic.RESERVES, 1),
            org.assertj.core.groups.Tuple.tuple(SearchTopic.PROOF_OF_RESERVES, 1));
    assertThat(requests())
        .extracting(RecordedRequest::getTarget)
        .noneMatch(target -> target.startsWith("/inflows"));
  }

  @Test
  void aFlowTheMirrorDatesAfterAsOfIsDroppedByTheAssessorWithAProblem() throws Exception {
    // a mirror answering with a snapshot from a day later than asked
    serveMirror(history(), end -> end + 86_400);

    EvidenceBundle bundle = assess(NOV_1);

    assertThat(evidenceOf(bundle, NetFlow.class)).isEmpty();
    assertThat(evidenceOf(bundle, ReserveSnapshot.class)).hasSize(1);
    assertThat(outcome(bundle).problems())
        .filteredOn(p -> p.reason() == ReasonCode.AFTER_AS_OF)
        .singleElement()
        .satisfies(
            p -> assertThat(p.message()).contains("3 pieces", "collector 'defillama'", "NetFlow"));
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static ProtocolHistory history() {
    return ProtocolHistory.daily(FIRST_DAY, LAST_DAY).latest(LATEST_POINT, "4200000000");
  }

  private static int dayIndex(LocalDate day) {
    return (int) ChronoUnit.DAYS.between(FIRST_DAY, day);
  }

  /**
   * Serves the mirror: {@code /cexs}, {@code /hacks}, {@code /stablecoins} from fixtures, the
   * history, and {@code /inflows} whose end snapshot is dated by {@code endDate} from the {@code
   * end} asked for.
   */
  private void serveMirror(ProtocolHistory history, LongUnaryOperator endDate) {
    Map<String, MockResponse> fixed = DefiLlamaFixtures.cryptoComRoutes();
    fixed.put("/protocol/crypto-com", Fixtures.json(history.json()));
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String target = request.getTarget();
            int query = target.indexOf('?');
            String path = query < 0 ? target : target.substring(0, query);
            if (path.startsWith("/inflows/crypto-com/")) {
              long start = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
              String endText = target.replaceAll(".*[?&]end=(\\d+).*", "$1");
              long end = Long.parseLong(endText);
              return Fixtures.json(
                  "{\"outflows\":-5000000,\"oldTokens\":{\"date\":"
                      + start
                      + ",\"tvl\":{\"BTC\":10}},\"currentTokens\":{\"date\":"
                      + endDate.applyAsLong(end)
                      + ",\"tvl\":{\"BTC\":9}}}");
            }
            MockResponse response = fixed.get(path);
            return response != null
                ? response
                : new MockResponse.Builder().code(404).body("Not found").build();
          }
        });
  }

  private EvidenceBundle assess(Instant asOf) {
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
            .asOf(asOf)
            .collectorTimeout(Duration.ofSeconds(20))
            .build()) {
      return assessor.assess("crypto-com");
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
