package io.cexsafe.collectors.regulators;

import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.assess;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.dispatcher;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.happyRoutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class RegulatorsCollectorTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private static List<Licence> licences(EvidenceBundle bundle) {
    return bundle.facts(Licence.class);
  }

  private static Evidence evidenceOf(EvidenceBundle bundle, Licence licence) {
    return bundle.evidence().stream()
        .filter(e -> e.fact().equals(licence))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void cryptoComIsCheckedInEveryRegisterByIdentifier() {
    server.setDispatcher(dispatcher(happyRoutes()));
    EvidenceBundle bundle = assess(server, ExchangeCatalog.bundled().get("crypto-com"), Map.of());
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).as("%s", outcome).isEqualTo(OutcomeStatus.OK);

    Licence fca =
        licences(bundle).stream()
            .filter(l -> "941745".equals(l.identifier()))
            .findFirst()
            .orElseThrow();
    assertThat(fca.status()).isEqualTo(LicenceStatus.ACTIVE);
    assertThat(fca.entityName()).isEqualTo("FORIS DAX UK LIMITED");
    assertThat(fca.matchBasis()).isEqualTo(MatchBasis.IDENTIFIER);
    assertThat(fca.authorisedSince()).isEqualTo(LocalDate.of(2022, 8, 16));
    assertThat(fca.activities()).anyMatch(a -> a.contains("Money Laundering Regulations"));
    assertThat(evidenceOf(bundle, fca).provenance().note())
        .contains("Companies House 12843841", "1 Example Street");

    Licence mt =
        licences(bundle).stream()
            .filter(
                l -> "2549005CVR5HH70FDO07".equals(l.identifier()) && l.jurisdiction().equals("MT"))
            .findFirst()
            .orElseThrow();
    assertThat(mt.regulator()).isEqualTo("MFSA");
    assertThat(mt.status()).isEqualTo(LicenceStatus.ACTIVE);
    assertThat(mt.authorisedSince()).isEqualTo(LocalDate.of(2025, 1, 27));
    assertThat(mt.activities()).hasSize(6).first().asString().startsWith("a. custody");
    assertThat(licences(bundle).stream().filter(l -> l.register().contains("passport from MT")))
        .extracting(Licence::jurisdiction)
        .hasSize(29)
        .contains("FR", "DE", "NO")
        .doesNotContain("MT");

    assertThat(licences(bundle))
        .filteredOn(l -> "VL/23/10/003".equals(l.identifier()))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.status()).isEqualTo(LicenceStatus.ACTIVE);
              assertThat(l.authorisedSince()).isEqualTo(LocalDate.of(2024, 4, 3));
              assertThat(l.activities()).hasSize(4);
            });
    assertThat(licences(bundle))
        .filteredOn(l -> "76640692735".equals(l.identifier()))
        .singleElement()
        .extracting(Licence::status, Licence::entityName)
        .containsExactly(LicenceStatus.ACTIVE, "FORIS DAX AU PTY LTD");
    assertThat(licences(bundle))
        .filteredOn(l -> "250069-FORIS-DAX-ASIA-PTE-LTD".equals(l.identifier()))
        .singleElement()
        .extracting(Licence::jurisdiction, Licence::status)
        .containsExactly("SG", LicenceStatus.ACTIVE);
    assertThat(licences(bundle))
        .filteredOn(l -> "M21385577".equals(l.identifier()))
        .singleElement()
        .extracting(Licence::status, Licence::authorisedSince)
        .containsExactly(LicenceStatus.ACTIVE, LocalDate.of(2021, 2, 18));
  }

  @Test
  void theUnconfirmedFrnIsReportedAsContradictedWithTheRightNumber() {
    server.setDispatcher(dispatcher(happyRoutes()));
    EvidenceBundle bundle = assess(server, ExchangeCatalog.bundled().get("crypto-com"), Map.of());
    Licence claim =
        licences(bundle).stream()
            .filter(l -> "944788".equals(l.identifier()))
            .findFirst()
            .orElseThrow();
    assertThat(claim.status()).isEqualTo(LicenceStatus.NOT_FOUND);
    assertThat(claim.matchBasis()).isEqualTo(MatchBasis.IDENTIFIER);
    assertThat(claim.entityName()).isEqualTo("Foris DAX UK Limited");
    assertThat(evidenceOf(bundle, claim).provenance().note())
        .startsWith("Catalogue claim contradicted by the register: fca.frn 944788")
        .contains("no firm with FRN 944788", "FSR-API-02-01-11", "under FRN 941745");
  }

  @Test
  void oneFailingRegisterLeavesTheOthersAndIsListedAsItsOwnProblem() {
    Map<String, mockwebserver3.MockResponse> routes = new java.util.LinkedHashMap<>(happyRoutes());
    routes.put(
        RegulatorsTestSupport.VARA_PAGE,
        new mockwebserver3.MockResponse.Builder()
            .code(403)
            .setHeader("Content-Type", "text/html")
            .body("<html><title>Just a moment...</title>cloudflare</html>")
            .build());
    routes.put(
        "/esma/NCASP.csv",
        RegulatorsTestSupport.body("text/html", "<html><body>Maintenance</body></html>"));
    server.setDispatcher(dispatcher(routes));
    EvidenceBundle bundle = assess(server, ExchangeCatalog.bundled().get("crypto-com"), Map.of());
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.problems())
        .extracting(p -> p.reason(), p -> p.message().substring(0, 6))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ReasonCode.MALFORMED_RESPONSE, "[esma]"),
            org.assertj.core.groups.Tuple.tuple(ReasonCode.BLOCKED, "[vara]"));
    // the CASP licence read before the warning list failed is kept; VARA says nothing either way
    assertThat(licences(bundle)).anyMatch(l -> "2549005CVR5HH70FDO07".equals(l.identifier()));
    assertThat(licences(bundle)).noneMatch(l -> l.regulator().equals("VARA"));
  }

  @Test
  void withoutFcaCredentialsOnlyTheFcaIsSkipped() {
    server.setDispatcher(dispatcher(happyRoutes()));
    Map<String, String> noKey = new java.util.HashMap<>();
    noKey.put("fca.api-key", null);
    noKey.put("fca.email", null);
    EvidenceBundle bundle = assess(server, ExchangeCatalog.bundled().get("crypto-com"), noKey);
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo(ReasonCode.MISSING_CREDENTIALS);
              assertThat(p.message()).startsWith("[fca] not checked");
            });
    assertThat(licences(bundle)).noneMatch(l -> l.regulator().equals("FCA"));
    assertThat(licences(bundle)).anyMatch(l -> l.regulator().equals("VARA"));
  }

  @Test
  void anExchangeOnlyTheFcaCouldCheckIsSkippedWithoutCredentials() {
    var exchange =
        new io.cexsafe.Exchange(
            "uk-only",
            "UK Only",
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(new io.cexsafe.ExchangeIdentifier("fca.frn", "941745")));
    Map<String, String> noKey = new java.util.HashMap<>();
    noKey.put("fca.api-key", null);
    noKey.put("esma.enabled", "false");
    EvidenceBundle bundle = assess(server, exchange, noKey);
    assertThat(bundle.outcomes().get(0).status()).isEqualTo(OutcomeStatus.SKIPPED);
    assertThat(bundle.outcomes().get(0).reason()).isEqualTo(ReasonCode.MISSING_CREDENTIALS);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void switchedOffSourcesSendNothing() throws Exception {
    server.setDispatcher(dispatcher(happyRoutes()));
    Map<String, String> off = new java.util.HashMap<>();
    for (String source : RegulatorsCollectorProvider.SOURCES) {
      if (!source.equals("vara")) {
        off.put(source + ".enabled", "false");
      }
    }
    EvidenceBundle bundle = assess(server, ExchangeCatalog.bundled().get("crypto-com"), off);
    assertThat(bundle.outcomes().get(0).status()).isEqualTo(OutcomeStatus.OK);
    assertThat(licences(bundle)).extracting(Licence::regulator).containsOnly("VARA");
    assertThat(RegulatorsTestSupport.requests(server))
        .extracting(r -> r.getTarget())
        .containsExactly(RegulatorsTestSupport.VARA_PAGE);
  }

  @Test
  void everySourceOffIsASkip() {
    Map<String, String> off = new java.util.HashMap<>();
    RegulatorsCollectorProvider.SOURCES.forEach(s -> off.put(s + ".enabled", "false"));
    EvidenceBundle bundle = assess(server, ExchangeCatalog.bundled().get("crypto-com"), off);
    assertThat(bundle.outcomes().get(0).reason()).isEqualTo(ReasonCode.DISABLED);
  }

  @Test
  void sharedFilesAreDownloadedOncePerRun() throws Exception {
    server.setDispatcher(dispatcher(happyRoutes()));
    var catalog = ExchangeCatalog.bundled();
    var config = io.cexsafe.Config.builder();
    RegulatorsTestSupport.settings(server).forEach((k, v) -> config.set("regulators." + k, v));
    config.set("regulators.fca.enabled", "false");
    var built = config.build();
    try (var assessor =
        io.cexsafe.Assessor.builder()
            .collectors(
                io.cexsafe.spi.CollectorRegistry.builder()
                    .config(built)
                    .register(new RegulatorsCollectorProvider())
                    .build())
            .config(built)
            .clock(java.time.Clock.fixed(RegulatorsTestSupport.NOW, java.time.ZoneOffset.UTC))
            .build()) {
      List<EvidenceBundle> bundles =
          assessor.assessAll(
              List.of(catalog.get("crypto-com"), catalog.get("okx"), catalog.get("kraken")));
      assertThat(bundles).hasSize(3);
    }
    List<String> targets =
        RegulatorsTestSupport.requests(server).stream().map(r -> r.getTarget()).toList();
    assertThat(targets.stream().filter(t -> t.equals("/esma/CASPS.csv"))).hasSize(1);
    assertThat(targets.stream().filter(t -> t.equals("/esma/NCASP.csv"))).hasSize(1);
    assertThat(targets.stream().filter(t -> t.startsWith("/fincen/"))).hasSize(1);
    assertThat(targets.stream().filter(t -> t.equals(RegulatorsTestSupport.VARA_PAGE))).hasSize(1);
    assertThat(targets.stream().filter(t -> t.equals("/fintrac/reg-eng.csv"))).hasSize(1);
  }
}
