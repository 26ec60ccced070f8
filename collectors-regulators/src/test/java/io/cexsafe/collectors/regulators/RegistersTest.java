package io.cexsafe.collectors.regulators;

import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.AUSTRAC_QUERY;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.assess;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.body;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.dispatcher;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.happyRoutes;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.json;
import static io.cexsafe.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.LegalEntity;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import io.cexsafe.facts.RegulatoryWarning;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** ESMA, FinCEN, VARA, AUSTRAC, MAS and FINTRAC through the collector. */
class RegistersTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private static Map<String, String> only(String source) {
    Map<String, String> s = new HashMap<>();
    for (String other : RegulatorsCollectorProvider.SOURCES) {
      if (!other.equals(source)) {
        s.put(other + ".enabled", "false");
      }
    }
    return s;
  }

  private EvidenceBundle run(
      String source, Exchange exchange, Map<String, MockResponse> overrides) {
    Map<String, MockResponse> routes = new LinkedHashMap<>(happyRoutes());
    routes.putAll(overrides);
    server.setDispatcher(dispatcher(routes));
    return assess(
        server,
        exchange,
        only(source),
        ExchangeCatalog.bundled().extendedWith(ExchangeCatalog.of(List.of(exchange))));
  }

  private static Exchange exchange(
      String name, URI site, List<LegalEntity> entities, ExchangeIdentifier... ids) {
    return new Exchange("example", name, site, List.of(), List.of(), entities, List.of(ids));
  }

  private static String note(EvidenceBundle bundle, Object fact) {
    return bundle.evidence().stream()
        .filter(e -> e.fact().equals(fact))
        .findFirst()
        .orElseThrow()
        .provenance()
        .note();
  }

  // --- ESMA ---------------------------------------------------------------------------------

  @Test
  void esmaWithdrawnAuthorisationAndUnknownLei() {
    Exchange ex =
        exchange(
            "Examplo",
            null,
            List.of(),
            new ExchangeIdentifier(
                "esma.lei", "549300EXAMPLEWDRAWN1", "Examplo Withdrawn Ltd", null),
            new ExchangeIdentifier("esma.lei", "529900NOSUCHLEI00000", "Nowhere GmbH", null));
    EvidenceBundle bundle = run("esma", ex, Map.of());
    assertThat(bundle.outcomes().get(0).status()).isEqualTo(OutcomeStatus.OK);
    List<Licence> licences = bundle.facts(Licence.class);
    assertThat(licences)
        .filteredOn(l -> l.jurisdiction().equals("CY"))
        .singleElement()
        .extracting(Licence::status, Licence::regulator)
        .containsExactly(LicenceStatus.REVOKED_OR_WITHDRAWN, "CySEC");
    assertThat(licences).filteredOn(l -> l.jurisdiction().equals("GR")).hasSize(1); // passport, EL
    Licence missing =
        licences.stream()
            .filter(l -> l.status() == LicenceStatus.NOT_FOUND)
            .findFirst()
            .orElseThrow();
    assertThat(missing.jurisdiction()).isEqualTo("EU");
    assertThat(note(bundle, missing))
        .contains("no authorised CASP has this LEI", "13 records read");
  }

  @Test
  void esmaSharedLeiIsResolvedByTheClaimedName() {
    Exchange ex =
        exchange(
            "Two",
            null,
            List.of(),
            new ExchangeIdentifier("esma.lei", "984500SHAREDLEI00001", "Shared Lei Two SAS", null));
    EvidenceBundle bundle = run("esma", ex, Map.of());
    assertThat(bundle.facts(Licence.class))
        .singleElement()
        .extracting(Licence::entityName)
        .isEqualTo("Shared Lei Two SAS");

    Exchange wrong =
        exchange(
            "Three",
            null,
            List.of(),
            new ExchangeIdentifier("esma.lei", "984500SHAREDLEI00001", "Three SAS", null));
    EvidenceBundle contradicted = run("esma", wrong, Map.of());
    Licence l = contradicted.facts(Licence.class).get(0);
    assertThat(l.status()).isEqualTo(LicenceStatus.NOT_FOUND);
    assertThat(note(contradicted, l))
        .contains("belongs to [Shared Lei One SAS, Shared Lei Two SAS]");
  }

  @Test
  void esmaTruncatedFileNeverClaimsAbsence() {
    String text = fixture("esma/CASPS.csv");
    String cut = text.substring(0, text.indexOf("Exemple Crypto SAS") + 30);
    Exchange ex =
        exchange(
            "Two",
            null,
            List.of(),
            new ExchangeIdentifier("esma.lei", "984500SHAREDLEI00001", "Shared Lei Two SAS", null));
    EvidenceBundle bundle = run("esma", ex, Map.of("/esma/CASPS.csv", body("text/csv", cut)));
    assertThat(bundle.facts(Licence.class)).isEmpty();
    assertThat(bundle.outcomes().get(0).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
              assertThat(p.message()).contains("looks truncated", "absence is not claimed");
            });
  }

  @Test
  void esmaNonCompliantListBecomesAWarning() {
    Exchange ex = exchange("Megaxchange", URI.create("https://megaxchange.example"), List.of());
    EvidenceBundle bundle = run("esma", ex, Map.of());
    assertThat(bundle.facts(RegulatoryWarning.class))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.jurisdiction()).isEqualTo("NL");
              assertThat(w.regulator()).isEqualTo("AFM");
              assertThat(w.date()).isEqualTo(LocalDate.of(2025, 9, 16));
              assertThat(w.url())
                  .hasToString("https://www.afm.nl/en/sector/actueel/2025/sep/example");
            });
    assertThat(bundle.facts(Licence.class))
        .extracting(Licence::status, Licence::matchBasis)
        .containsExactly(tuple(LicenceStatus.WARNED, MatchBasis.NAME));
  }

  @Test
  void esmaEntityWithoutLeiIsMatchedByNameOnly() {
    Exchange ex =
        exchange("Exemple", null, List.of(new LegalEntity("Exemple Crypto S.A.S.", "FR")));
    EvidenceBundle bundle = run("esma", ex, Map.of());
    assertThat(bundle.facts(Licence.class))
        .extracting(Licence::jurisdiction, Licence::matchBasis)
        .containsExactlyInAnyOrder(tuple("FR", MatchBasis.NAME), tuple("BE", MatchBasis.NAME));
  }

  // --- FinCEN ---------------------------------------------------------------------------------

  @Test
  void fincenMatchesByLegalNameAndSaysSo() throws Exception {
    EvidenceBundle bundle = run("fincen", ExchangeCatalog.bundled().get("kraken"), Map.of());
    assertThat(bundle.outcomes().get(0).status()).isEqualTo(OutcomeStatus.OK);
    Licence l = bundle.facts(Licence.class).get(0);
    assertThat(l.matchBasis()).isEqualTo(MatchBasis.NAME);
    assertThat(l.status()).isEqualTo(LicenceStatus.ACTIVE);
    assertThat(l.entityName()).isEqualTo("Payward Financial, Inc. DBA Kraken Financial");
    assertThat(l.activities()).containsExactly("money transmitter (MSB activity 409)");
    assertThat(note(bundle, l))
        .contains(
            "matched by legal name only", "2 Example Way, Cheyenne, WY 82001", "record 29471458");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getBody().utf8()).isEqualTo("site=AA");
    assertThat(request.getHeaders().get("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
  }

  @Test
  void fincenShellsUnderABrandNameDoNotMatchAndAMissingEntityIsNotFoundByName() {
    Exchange ex =
        exchange(
            "Crypto.com",
            null,
            List.of(new LegalEntity("Crypto.com Exchange Ltd", "GB")),
            new ExchangeIdentifier("fincen.record", "31000214849531", "Foris DAX, Inc.", null));
    EvidenceBundle bundle = run("fincen", ex, Map.of());
    assertThat(bundle.facts(Licence.class))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.status()).isEqualTo(LicenceStatus.NOT_FOUND);
              assertThat(l.matchBasis()).isEqualTo(MatchBasis.NAME);
            });
  }

  @Test
  void fincenExportWithoutRegistrantsIsAFailure() {
    String headerAndFootnotes =
        fixture("fincen/msb.tsv")
            .lines()
            .filter(
                l -> !l.contains("Example") && !l.contains("Money Shop") && !l.contains("Shell"))
            .reduce("", (a, b) -> a + b + "\n");
    EvidenceBundle bundle =
        run(
            "fincen",
            ExchangeCatalog.bundled().get("kraken"),
            Map.of("/fincen/retrieve.msb.list.php", body("text/plain", headerAndFootnotes)));
    assertThat(bundle.outcomes().get(0).reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
    assertThat(bundle.evidence()).isEmpty();
  }

  // --- VARA -----------------------------------------------------------------------------------

  @Test
  void varaByReferenceWithPageLinkAndUnknownReference() {
    Exchange ex =
        exchange(
            "OKX",
            null,
            List.of(),
            new ExchangeIdentifier(
                "vara.reference", "VL/23/12/003", "OKX Middle East Fintech FZE", null),
            new ExchangeIdentifier(
                "vara.reference", "VL/99/99/999", "OKX Middle East Fintech FZE", null),
            new ExchangeIdentifier(
                "vara.reference", "VL/24/04/001", "OKX Middle East Fintech FZE", null));
    EvidenceBundle bundle = run("vara", ex, Map.of());
    List<Licence> licences = bundle.facts(Licence.class);
    assertThat(licences)
        .extracting(Licence::identifier, Licence::status)
        .containsExactly(
            tuple("VL/23/12/003", LicenceStatus.ACTIVE),
            tuple("VL/99/99/999", LicenceStatus.NOT_FOUND),
            tuple("VL/24/04/001", LicenceStatus.NOT_FOUND));
    assertThat(licences.get(0).entityName()).isEqualTo("OKX Middle East Fintech FZE");
    assertThat(licences.get(0).registerUrl().getPath()).endsWith("/okx-middle-east-fintech-fze/");
    assertThat(note(bundle, licences.get(2))).contains("belongs to Binance FZE");
  }

  @Test
  void varaSuspendedLicenceAndNameOnlyMatch() {
    Exchange ex =
        exchange("Example", null, List.of(new LegalEntity("Example Suspended FZE", "AE")));
    EvidenceBundle bundle = run("vara", ex, Map.of());
    assertThat(bundle.facts(Licence.class))
        .extracting(Licence::status, Licence::matchBasis)
        .containsExactly(tuple(LicenceStatus.REVOKED_OR_WITHDRAWN, MatchBasis.NAME));
  }

  @Test
  void varaPageWithoutTheTableIsNotAnEmptyRegister() {
    EvidenceBundle bundle =
        run(
            "vara",
            ExchangeCatalog.bundled().get("okx"),
            Map.of(
                RegulatorsTestSupport.VARA_PAGE,
                body(
                    "text/html",
                    "<html><body><h1>Public Register</h1><p>Loading…</p></body></html>")));
    assertThat(bundle.outcomes().get(0).reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
    assertThat(bundle.evidence()).isEmpty();
  }

  // --- AUSTRAC ---------------------------------------------------------------------------------

  @Test
  void austracByAbnFoundMissingAndBelongingToAnother() throws Exception {
    Exchange ex =
        exchange(
            "Example",
            null,
            List.of(),
            new ExchangeIdentifier("austrac.abn", "76 640 692 735", "Foris DAX AU Pty Ltd", null),
            new ExchangeIdentifier("austrac.abn", "11111111111", null, null),
            new ExchangeIdentifier("austrac.abn", "98621652579", "Bybit Australia Pty Ltd", null));
    EvidenceBundle bundle =
        run(
            "austrac",
            ex,
            Map.of(
                "/austrac/vaspr/remitters/?searchTerm=11111111111" + AUSTRAC_QUERY,
                    json("austrac/empty.json"),
                "/austrac/vaspr/remitters/?searchTerm=98621652579" + AUSTRAC_QUERY,
                    json("austrac/abn_other.json")));
    assertThat(bundle.facts(Licence.class))
        .extracting(Licence::identifier, Licence::status)
        .containsExactly(
            tuple("76640692735", LicenceStatus.ACTIVE),
            tuple("11111111111", LicenceStatus.NOT_FOUND),
            tuple("98621652579", LicenceStatus.NOT_FOUND));
    assertThat(note(bundle, bundle.facts(Licence.class).get(2)))
        .contains("belongs to INVESTBYBIT PTY LTD");
    assertThat(server.takeRequest().getHeaders().get("Accept")).contains("application/json");
  }

  @Test
  void austracSuspensionAndMalformedAnswers() {
    Exchange ex =
        exchange("Example", null, List.of(), new ExchangeIdentifier("austrac.abn", "76640692735"));
    EvidenceBundle suspended =
        run(
            "austrac",
            ex,
            Map.of(
                "/austrac/vaspr/remitters/?searchTerm=76640692735" + AUSTRAC_QUERY,
                json("austrac/suspended.json")));
    assertThat(suspended.facts(Licence.class))
        .extracting(Licence::status)
        .containsExactly(LicenceStatus.REVOKED_OR_WITHDRAWN);

    EvidenceBundle shapeless =
        run(
            "austrac",
            ex,
            Map.of(
                "/austrac/vaspr/remitters/?searchTerm=76640692735" + AUSTRAC_QUERY,
                body("application/json", "{\"data\": []}")));
    assertThat(shapeless.outcomes().get(0).reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
    assertThat(shapeless.evidence()).isEmpty();
  }

  // --- MAS ------------------------------------------------------------------------------------

  @Test
  void masListingAcrossPagesWithCaseInsensitiveSlugs() {
    EvidenceBundle bundle = run("mas", ExchangeCatalog.bundled().get("okx"), Map.of());
    assertThat(bundle.facts(Licence.class))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.entityName()).isEqualTo("OKX SG PTE. LTD.");
              assertThat(l.activities()).containsExactly("Digital Payment Token Service");
              assertThat(l.identifier()).isEqualTo("422854-OKX-SG-PTE-LTD");
            });
  }

  @Test
  void masUnknownSlugIsNotFoundButAnEmptyListingIsAFailure() {
    Exchange ex =
        exchange(
            "Example", null, List.of(), new ExchangeIdentifier("mas.fid", "999999-NOBODY-PTE-LTD"));
    assertThat(run("mas", ex, Map.of()).facts(Licence.class))
        .extracting(Licence::status)
        .containsExactly(LicenceStatus.NOT_FOUND);
    EvidenceBundle empty =
        run(
            "mas",
            ex,
            Map.of(
                RegulatorsTestSupport.MAS_PAGE + "1",
                body(
                    "text/html",
                    "<div class=\"box-wrapper\" data-hit=\"0\" data-total=\"0\"></div>")));
    assertThat(empty.outcomes().get(0).reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
    assertThat(empty.evidence()).isEmpty();
  }

  // --- FINTRAC --------------------------------------------------------------------------------

  @Test
  void fintracExpiryIsJudgedApartFromTheStatus() {
    EvidenceBundle bundle = run("fintrac", ExchangeCatalog.bundled().get("kraken"), Map.of());
    Licence l = bundle.facts(Licence.class).get(0);
    assertThat(l.identifier()).isEqualTo("M19343731");
    assertThat(l.status()).isEqualTo(LicenceStatus.LAPSED);
    assertThat(note(bundle, l)).contains("still says Registered but the expiry date has passed");
  }

  @Test
  void fintracByNumberAndByName() {
    Exchange ex =
        exchange(
            "Example",
            null,
            List.of(new LegalEntity("Foris DAX CAN ULC", "CA")),
            new ExchangeIdentifier("fintrac.msb", "m21385577", "Foris DAX Inc.", null),
            new ExchangeIdentifier("fintrac.msb", "M10000001", "Example Expired MSB Ltd.", null),
            new ExchangeIdentifier("fintrac.msb", "M00000000", "Nobody Inc.", null));
    EvidenceBundle bundle = run("fintrac", ex, Map.of());
    assertThat(bundle.facts(Licence.class))
        .extracting(Licence::identifier, Licence::status, Licence::matchBasis)
        .containsExactly(
            tuple("M21385577", LicenceStatus.ACTIVE, MatchBasis.IDENTIFIER),
            tuple("M10000001", LicenceStatus.LAPSED, MatchBasis.IDENTIFIER),
            tuple("M00000000", LicenceStatus.NOT_FOUND, MatchBasis.IDENTIFIER),
            tuple("C100000094", LicenceStatus.ACTIVE, MatchBasis.NAME));
  }
}
