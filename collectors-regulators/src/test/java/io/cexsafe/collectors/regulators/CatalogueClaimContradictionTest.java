package io.cexsafe.collectors.regulators;

import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.AUSTRAC_QUERY;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.assess;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.dispatcher;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.happyRoutes;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.collectors.regulators.internal.Findings;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every register scheme the bundled catalogue carries is checked against its register, and a claim
 * the register contradicts (the number is unknown there, or belongs to another firm) becomes a
 * NOT_FOUND licence matched by identifier with a contradiction note, as FRN 944788 does for
 * Crypto.com. Scoring reports such a licence as a finding: the register has no entry for it.
 */
class CatalogueClaimContradictionTest {
  /** Schemes that name no register: nothing for the regulators collector to contradict. */
  private static final Set<String> NOT_REGISTERS =
      Set.of("defillama", "coingecko", "apple", "play", "trustpilot", "por", "web");

  @StartStop final MockWebServer server = new MockWebServer();

  record Case(String source, ExchangeIdentifier claim, Map<String, MockResponse> routes) {
    @Override
    public String toString() {
      return claim.scheme() + " " + claim.value();
    }
  }

  static Stream<Case> contradictedClaims() {
    return Stream.of(
        new Case(
            "fca",
            new ExchangeIdentifier("fca.frn", "944788", "Foris DAX UK Limited", null),
            Map.of()),
        new Case(
            "esma",
            new ExchangeIdentifier("esma.lei", "984500SHAREDLEI00001", "Three SAS", null),
            Map.of()),
        new Case(
            "fincen",
            new ExchangeIdentifier("fincen.record", "29999999", "Nobody Holdings, Inc.", null),
            Map.of()),
        new Case(
            "vara",
            new ExchangeIdentifier("vara.reference", "VL/99/99/999", "Nobody FZE", null),
            Map.of()),
        new Case(
            "austrac",
            new ExchangeIdentifier("austrac.abn", "11111111111", "Nobody Pty Ltd", null),
            Map.of(
                "/austrac/vaspr/remitters/?searchTerm=11111111111" + AUSTRAC_QUERY,
                json("austrac/empty.json"))),
        new Case(
            "mas",
            new ExchangeIdentifier("mas.fid", "999999-NOBODY-PTE-LTD", "Nobody Pte. Ltd.", null),
            Map.of()),
        new Case(
            "fintrac",
            new ExchangeIdentifier("fintrac.msb", "M00000000", "Nobody Inc.", null),
            Map.of()));
  }

  @Test
  void everyRegisterSchemeOfTheBundledCatalogueHasAContradictionCase() {
    Set<String> carried = new TreeSet<>();
    for (Exchange exchange : ExchangeCatalog.bundled().all()) {
      for (ExchangeIdentifier id : exchange.identifiers()) {
        if (!NOT_REGISTERS.contains(id.register())) {
          carried.add(id.scheme());
        }
      }
    }
    Set<String> covered = new TreeSet<>();
    contradictedClaims().forEach(c -> covered.add(c.claim().scheme()));
    assertThat(carried).isNotEmpty();
    assertThat(covered).containsAll(carried);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contradictedClaims")
  void aClaimTheRegisterContradictsIsAFinding(Case c) {
    Map<String, MockResponse> routes = new LinkedHashMap<>(happyRoutes());
    routes.putAll(c.routes());
    server.setDispatcher(dispatcher(routes));
    Exchange exchange =
        new Exchange(
            "example", "Example", null, List.of(), List.of(), List.of(), List.of(c.claim()));
    Map<String, String> only = new HashMap<>();
    for (String other : RegulatorsCollectorProvider.SOURCES) {
      if (!other.equals(c.source())) {
        only.put(other + ".enabled", "false");
      }
    }
    EvidenceBundle bundle =
        assess(
            server,
            exchange,
            only,
            ExchangeCatalog.bundled().extendedWith(ExchangeCatalog.of(List.of(exchange))));

    Evidence contradiction =
        bundle.evidenceOf(Licence.class).stream()
            .filter(e -> ((Licence) e.fact()).identifier().equalsIgnoreCase(c.claim().value()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no licence for the claim in " + bundle));
    Licence licence = (Licence) contradiction.fact();
    assertThat(licence.status()).isEqualTo(LicenceStatus.NOT_FOUND);
    assertThat(licence.entityName()).isEqualTo(c.claim().entity());
    assertThat(contradiction.provenance().note())
        .startsWith(Findings.CONTRADICTION + c.claim().scheme() + " " + c.claim().value());
    if (!c.claim().scheme().equals("fincen.record")) {
      // FinCEN's export has no record numbers: that claim is checked by name and says so
      assertThat(licence.matchBasis()).isEqualTo(MatchBasis.IDENTIFIER);
    }
  }
}
