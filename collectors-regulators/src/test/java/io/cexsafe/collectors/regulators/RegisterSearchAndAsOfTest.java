package io.cexsafe.collectors.regulators;

import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.dispatcher;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.happyRoutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.RegulatoryWarning;
import io.cexsafe.facts.SearchRecord;
import io.cexsafe.facts.SearchTopic;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Search records (checked absence) and as-of behaviour of the registers. */
class RegisterSearchAndAsOfTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private final Exchange cryptoCom = ExchangeCatalog.bundled().get("crypto-com");

  private EvidenceBundle run(Exchange exchange, Map<String, MockResponse> overrides, Instant asOf) {
    Map<String, MockResponse> routes = new LinkedHashMap<>(happyRoutes());
    routes.putAll(overrides);
    server.setDispatcher(dispatcher(routes));
    return RegulatorsTestSupport.assess(
        server,
        exchange,
        Map.of(),
        ExchangeCatalog.bundled().extendedWith(ExchangeCatalog.of(List.of(exchange))),
        asOf);
  }

  private static Exchange example(String name, URI site, ExchangeIdentifier... ids) {
    return new Exchange("example", name, site, List.of(), List.of(), List.of(), List.of(ids));
  }

  @Test
  void everyRegisterThatAnsweredRecordsItsSearch() {
    EvidenceBundle bundle = run(cryptoCom, Map.of(), null);
    assertThat(bundle.outcomes().get(0).status()).isEqualTo(OutcomeStatus.OK);
    assertThat(bundle.facts(SearchRecord.class))
        .extracting(SearchRecord::topic, SearchRecord::jurisdiction, SearchRecord::found)
        .containsExactly(
            tuple(SearchTopic.LICENCE, "GB", 1),
            tuple(SearchTopic.LICENCE, "EU", 1),
            tuple(SearchTopic.REGULATORY_WARNING, "EU", 0),
            tuple(SearchTopic.LICENCE, "US", 0),
            tuple(SearchTopic.LICENCE, "AE", 1),
            tuple(SearchTopic.LICENCE, "AU", 1),
            tuple(SearchTopic.LICENCE, "SG", 1),
            tuple(SearchTopic.LICENCE, "CA", 1));
    SearchRecord fincen =
        bundle.facts(SearchRecord.class).stream()
            .filter(s -> s.jurisdiction().equals("US"))
            .findFirst()
            .orElseThrow();
    assertThat(fincen.checkedAbsent()).isTrue();
    assertThat(fincen.source()).isEqualTo("FinCEN MSB Registrant Search");
    assertThat(fincen.scope()).contains("money services businesses");
    assertThat(fincen.lookbackMonths()).isNull();
  }

  @Test
  void aRegisterThatFailedRecordsNoSearch() {
    Map<String, MockResponse> broken = new HashMap<>();
    broken.put(
        "/fincen/retrieve.msb.list.php",
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "text/html")
            .body("<html><body>Maintenance</body></html>")
            .build());
    broken.put(
        RegulatorsTestSupport.VARA_PAGE,
        new MockResponse.Builder().code(503).body("unavailable").build());
    EvidenceBundle bundle = run(cryptoCom, broken, null);
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.problems())
        .extracting(p -> p.message().substring(0, p.message().indexOf(']') + 1))
        .containsExactlyInAnyOrder("[fincen]", "[vara]");
    assertThat(bundle.facts(SearchRecord.class))
        .extracting(SearchRecord::jurisdiction)
        .doesNotContain("US", "AE")
        .contains("GB", "EU", "AU", "SG", "CA");
  }

  @Test
  void anAbsenceIsNotClaimedWhenTheRegisterAnsweredOnlyInPart() {
    // the first FRN answers, the second fails: FCA found one, and says so, but claims no absence
    Map<String, MockResponse> broken = new HashMap<>();
    broken.put(
        RegulatorsTestSupport.FCA + "/Firm/941745",
        RegulatorsTestSupport.body("text/plain", "error code: 1015"));
    EvidenceBundle bundle = run(cryptoCom, broken, null);
    assertThat(bundle.outcomes().get(0).problems())
        .extracting(Problem::message)
        .anyMatch(m -> m.startsWith("[fca]"));
    assertThat(bundle.facts(SearchRecord.class)).noneMatch(s -> s.jurisdiction().equals("GB"));
  }

  @Test
  void aWarningListingIsFoundAndCounted() {
    Exchange mega = example("Megaxchange", URI.create("https://megaxchange.example"));
    EvidenceBundle bundle = run(mega, Map.of(), null);
    assertThat(bundle.facts(RegulatoryWarning.class)).hasSize(1);
    assertThat(bundle.facts(SearchRecord.class))
        .filteredOn(s -> s.topic() == SearchTopic.REGULATORY_WARNING)
        .singleElement()
        .satisfies(s -> assertThat(s.found()).isEqualTo(1));
  }

  @Test
  void inThePastOnlyEsmaIsReadAndTheOthersAreKeptOutSayingWhy() throws Exception {
    Instant asOf = Instant.parse("2025-06-01T00:00:00Z");
    EvidenceBundle bundle = run(cryptoCom, Map.of(), asOf);
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.NO_HISTORY);
    assertThat(outcome.problems())
        .allSatisfy(p -> assertThat(p.reason()).isEqualTo(ReasonCode.NO_HISTORY))
        .extracting(p -> p.message().substring(0, p.message().indexOf(']') + 1))
        .containsExactlyInAnyOrder(
            "[fca]", "[fincen]", "[vara]", "[austrac]", "[mas]", "[fintrac]");
    assertThat(outcome.problems().get(0).message())
        .contains("as of 2025-06-01", "shows only its current entries");
    assertThat(RegulatorsTestSupport.requests(server))
        .extracting(RecordedRequest::getTarget)
        .containsExactlyInAnyOrder("/esma/CASPS.csv", "/esma/NCASP.csv");
    assertThat(bundle.facts(Licence.class))
        .filteredOn(l -> l.jurisdiction().equals("MT"))
        .singleElement()
        .satisfies(l -> assertThat(l.status()).isEqualTo(LicenceStatus.ACTIVE));
    for (Evidence evidence : bundle.evidence()) {
      assertThat(evidence.provenance().observedAt()).isBeforeOrEqualTo(asOf);
    }
    assertThat(bundle.facts(SearchRecord.class))
        .as("today's register cannot show what was absent then")
        .isEmpty();
  }

  @Test
  void anAuthorisationGrantedAfterAsOfIsNotThere() {
    EvidenceBundle bundle = run(cryptoCom, Map.of(), Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(bundle.facts(Licence.class)).isEmpty();
  }

  @Test
  void anAuthorisationEndedAfterAsOfWasActiveThen() {
    Exchange examplo =
        example(
            "Examplo",
            URI.create("https://examplo.example"),
            new ExchangeIdentifier("esma.lei", "549300EXAMPLEWDRAWN1", null, null));
    assertThat(run(examplo, Map.of(), Instant.parse("2026-01-01T00:00:00Z")).facts(Licence.class))
        .filteredOn(l -> l.jurisdiction().equals("CY"))
        .extracting(Licence::status)
        .containsExactly(LicenceStatus.ACTIVE);
    assertThat(run(examplo, Map.of(), null).facts(Licence.class))
        .filteredOn(l -> l.jurisdiction().equals("CY"))
        .extracting(Licence::status)
        .containsExactly(LicenceStatus.REVOKED_OR_WITHDRAWN);
    assertThat(run(examplo, Map.of(), Instant.parse("2025-10-01T00:00:00Z")).facts(Licence.class))
        .filteredOn(l -> l.jurisdiction().equals("CY"))
        .isEmpty();
  }

  @Test
  void aWarningDecidedAfterAsOfWasNotKnownThen() {
    Exchange mega = example("Megaxchange", URI.create("https://megaxchange.example"));
    assertThat(
            run(mega, Map.of(), Instant.parse("2025-09-01T00:00:00Z"))
                .facts(RegulatoryWarning.class))
        .isEmpty();
    assertThat(
            run(mega, Map.of(), Instant.parse("2025-10-01T00:00:00Z"))
                .facts(RegulatoryWarning.class))
        .hasSize(1);
  }

  @Test
  void anAsOfWithinADayOfTheClockIsARunEvaluatedNow() {
    EvidenceBundle bundle = run(cryptoCom, Map.of(), RegulatorsTestSupport.NOW.minusSeconds(3600));
    assertThat(bundle.outcomes().get(0).status()).isEqualTo(OutcomeStatus.OK);
    assertThat(bundle.facts(SearchRecord.class)).isNotEmpty();
    for (Evidence evidence : bundle.evidence()) {
      assertThat(evidence.provenance().observedAt())
          .as("nothing is dated after as-of, so no as-of guard drops it")
          .isBeforeOrEqualTo(RegulatorsTestSupport.NOW.minusSeconds(3600));
    }
  }
}
