package io.cexsafe.collectors.regulators;

import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.FCA;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.FCA_EMAIL;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.FCA_KEY;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.assess;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.dispatcher;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.LegalEntity;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import io.cexsafe.facts.RegulatoryWarning;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FcaRegisterTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private static Exchange exchange(List<LegalEntity> entities, ExchangeIdentifier... ids) {
    return new Exchange("example", "Example", null, List.of(), List.of(), entities, List.of(ids));
  }

  private static Map<String, String> fcaOnly() {
    Map<String, String> s = new HashMap<>();
    for (String source : RegulatorsCollectorProvider.SOURCES) {
      if (!source.equals("fca")) {
        s.put(source + ".enabled", "false");
      }
    }
    return s;
  }

  private EvidenceBundle run(Map<String, MockResponse> routes, Exchange exchange) {
    server.setDispatcher(dispatcher(routes));
    return assess(server, exchange, fcaOnly());
  }

  private static String note(EvidenceBundle bundle, Licence licence) {
    return bundle.evidence().stream()
        .filter(e -> e.fact().equals(licence))
        .map(e -> e.provenance().note())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void authorisedFirmWithPagedNamesPermissionsAndACautionNotice() throws Exception {
    Map<String, MockResponse> routes = new LinkedHashMap<>();
    routes.put(FCA + "/Firm/757895", json("fca/firm_757895.json"));
    routes.put(FCA + "/Firm/757895/Names", json("fca/names_757895_page1.json"));
    routes.put(FCA + "/Firm/757895/Names?pgnp=2", json("fca/names_757895_page2.json"));
    routes.put(FCA + "/Firm/757895/Permissions", json("fca/permissions_757895.json"));
    routes.put(FCA + "/Firm/757895/Address", json("fca/permissions_not_found.json"));
    EvidenceBundle bundle =
        run(
            routes,
            exchange(
                List.of(),
                new ExchangeIdentifier("fca.frn", "757895", "Crypto Facilities Ltd", null)));

    assertThat(bundle.outcomes().get(0).status()).isEqualTo(OutcomeStatus.OK);
    Licence licence = bundle.facts(Licence.class).get(0);
    assertThat(licence.status()).isEqualTo(LicenceStatus.ACTIVE);
    assertThat(licence.activities())
        .containsExactly(
            "Arranging (bringing about) deals in investments",
            "Operating a multilateral trading facility");
    assertThat(licence.authorisedSince()).hasToString("2021-11-17");
    assertThat(bundle.facts(RegulatoryWarning.class))
        .singleElement()
        .satisfies(w -> assertThat(w.reason()).startsWith("CAUTION: This firm is subject"));
    // observed at the register's own timestamp (18:00 London time)
    Evidence evidence = bundle.evidenceOf(Licence.class).get(0);
    assertThat(evidence.provenance().observedAt()).hasToString("2026-11-20T18:00:00Z");
    assertThat(evidence.provenance().sourceUrl().toString()).doesNotContain(FCA_KEY);
    List<String> targets =
        RegulatorsTestSupport.requests(server).stream().map(RecordedRequest::getTarget).toList();
    assertThat(targets).contains(FCA + "/Firm/757895/Names?pgnp=2");
  }

  @Test
  void aNumberThatBelongsToAnotherFirmIsAContradiction() {
    Map<String, MockResponse> routes = new LinkedHashMap<>();
    routes.put(FCA + "/Firm/944788", json("fca/firm_944788_other.json"));
    routes.put(FCA + "/Firm/944788/Names", json("fca/names_944788.json"));
    routes.put(FCA + "/Search?q=Foris+DAX+UK+Limited&type=firm", json("fca/search_no_result.json"));
    EvidenceBundle bundle =
        run(
            routes,
            exchange(
                List.of(),
                new ExchangeIdentifier("fca.frn", "944788", "Foris DAX UK Limited", null)));
    assertThat(bundle.outcomes().get(0).status()).isEqualTo(OutcomeStatus.OK);
    Licence licence = bundle.facts(Licence.class).get(0);
    assertThat(licence.status()).isEqualTo(LicenceStatus.NOT_FOUND);
    assertThat(licence.entityName()).isEqualTo("Foris DAX UK Limited");
    assertThat(note(bundle, licence))
        .contains("belongs to Hartwell Example Plumbing Ltd (Companies House 09999999)")
        .contains("a name search finds no firm called Foris DAX UK Limited");
  }

  @Test
  void ukEntitiesWithoutAnFrnAreSearchedByNameAndLabelledSo() {
    Map<String, MockResponse> routes = new LinkedHashMap<>();
    routes.put(
        FCA + "/Search?q=Exampleton+Digital+Ltd&type=firm", json("fca/search_payward_uk.json"));
    routes.put(
        FCA + "/Firm/955001",
        RegulatorsTestSupport.body(
            "application/json",
            io.cexsafe.testing.Fixtures.fixture("fca/firm_941745.json")
                .replace("FORIS DAX UK LIMITED", "EXAMPLETON DIGITAL LIMITED")
                .replace("941745", "955001")));
    routes.put(FCA + "/Firm/955001/Names", json("fca/names_941745.json"));
    routes.put(FCA + "/Firm/955001/Permissions", json("fca/permissions_not_found.json"));
    routes.put(FCA + "/Firm/955001/Address", json("fca/permissions_not_found.json"));
    EvidenceBundle bundle =
        run(routes, exchange(List.of(new LegalEntity("Exampleton Digital Ltd", "GB"))));
    assertThat(bundle.facts(Licence.class))
        .extracting(Licence::status, Licence::matchBasis)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(LicenceStatus.ACTIVE, MatchBasis.NAME),
            org.assertj.core.groups.Tuple.tuple(LicenceStatus.WARNED, MatchBasis.NAME));
  }

  @Test
  void errorsInsideHttp200AreProblemsNotLicences() {
    Map<String, MockResponse> routes = new LinkedHashMap<>();
    routes.put(FCA + "/Firm/941745", json("fca/system_error.json"));
    EvidenceBundle bundle =
        run(routes, exchange(List.of(), new ExchangeIdentifier("fca.frn", "941745")));
    assertThat(bundle.outcomes().get(0).status()).isEqualTo(OutcomeStatus.FAILED);
    assertThat(bundle.outcomes().get(0).reason()).isEqualTo(ReasonCode.HTTP_SERVER_ERROR);
    assertThat(bundle.evidence()).isEmpty();
  }

  @Test
  void rejectedCredentialsStopTheSourceWithoutInventingAbsence() {
    Map<String, MockResponse> routes = new LinkedHashMap<>();
    routes.put(FCA + "/Firm/941745", json("fca/unauthorised.json"));
    routes.put(FCA + "/Firm/944788", json("fca/firm_not_found.json"));
    EvidenceBundle bundle =
        run(
            routes,
            exchange(
                List.of(),
                new ExchangeIdentifier("fca.frn", "941745"),
                new ExchangeIdentifier("fca.frn", "944788")));
    assertThat(bundle.outcomes().get(0).reason()).isEqualTo(ReasonCode.HTTP_CLIENT_ERROR);
    assertThat(bundle.outcomes().get(0).message()).contains("rejected the API credentials");
    assertThat(bundle.evidence()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void missingHeadersAnswerIsNotJsonAndIsAClientError() {
    Map<String, MockResponse> routes = new LinkedHashMap<>();
    routes.put(
        FCA + "/Firm/941745",
        new MockResponse.Builder()
            .code(403)
            .setHeader("Content-Type", "application/json")
            .body(
                "{\"Success\":\"false\", \"Sorry, this page is not available. Missing Headers.\"}")
            .build());
    EvidenceBundle bundle =
        run(routes, exchange(List.of(), new ExchangeIdentifier("fca.frn", "941745")));
    assertThat(bundle.outcomes().get(0).reason()).isEqualTo(ReasonCode.HTTP_CLIENT_ERROR);
    assertThat(bundle.evidence()).isEmpty();
  }

  @Test
  void rateLimitIsReported() {
    Map<String, MockResponse> routes = new LinkedHashMap<>();
    routes.put(
        FCA + "/Firm/941745",
        new MockResponse.Builder().code(429).setHeader("Retry-After", "0").body("").build());
    EvidenceBundle bundle =
        run(routes, exchange(List.of(), new ExchangeIdentifier("fca.frn", "941745")));
    assertThat(bundle.outcomes().get(0).reason()).isEqualTo(ReasonCode.RATE_LIMITED);
    assertThat(bundle.evidence()).isEmpty();
  }

  @Test
  void theFcaHostIsRateLimitedToTenRequestsInTenSeconds() {
    var collector = new RegulatorsCollectorProvider().create(io.cexsafe.Config.empty());
    var policy = collector.hostPolicies().get("register.fca.org.uk");
    assertThat(policy.permitsPerSecond()).isEqualTo(1.0);
    assertThat(policy.maxConcurrency()).isEqualTo(1);
  }

  @Test
  void theKeyOnlyEverTravelsInTheRequestHeaders() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    root.setLevel(Level.TRACE);
    try {
      Map<String, MockResponse> routes = new LinkedHashMap<>();
      routes.put(FCA + "/Firm/941745", json("fca/firm_941745.json"));
      routes.put(FCA + "/Firm/941745/Names", json("fca/names_941745.json"));
      routes.put(FCA + "/Firm/941745/Permissions", json("fca/permissions_not_found.json"));
      routes.put(FCA + "/Firm/941745/Address", json("fca/system_error.json"));
      routes.put(FCA + "/Firm/944788", new MockResponse.Builder().code(500).body("boom").build());
      EvidenceBundle bundle =
          run(
              routes,
              exchange(
                  List.of(),
                  new ExchangeIdentifier("fca.frn", "941745"),
                  new ExchangeIdentifier("fca.frn", "944788")));
      assertThat(bundle.outcomes().get(0).problems()).isNotEmpty();
      List<RecordedRequest> requests = RegulatorsTestSupport.requests(server);
      assertThat(requests).isNotEmpty();
      for (RecordedRequest request : requests) {
        assertThat(request.getHeaders().get("X-Auth-Key")).isEqualTo(FCA_KEY);
        assertThat(request.getHeaders().get("X-Auth-Email")).isEqualTo(FCA_EMAIL);
        assertThat(request.getTarget()).doesNotContain(FCA_KEY).doesNotContain("analyst");
      }
      String output = bundle.toJson() + bundle.outcomes();
      assertThat(output).doesNotContain(FCA_KEY).doesNotContain(FCA_EMAIL);
      assertThat(logs.list).isNotEmpty();
      for (ILoggingEvent event : logs.list) {
        String line =
            event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
        assertThat(line).doesNotContain(FCA_KEY).doesNotContain(FCA_EMAIL);
      }
      var collector =
          new RegulatorsCollectorProvider()
              .create(io.cexsafe.Config.of(Map.of("fca.api-key", FCA_KEY, "fca.email", FCA_EMAIL)));
      assertThat(collector.toString()).doesNotContain(FCA_KEY);
    } finally {
      root.detachAppender(logs);
      root.setLevel(before);
    }
  }
}
