package io.cexsafe.scoring;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.facts.AccountControl;
import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.AppStore;
import io.cexsafe.facts.AssetReserveRatio;
import io.cexsafe.facts.AssetSegregation;
import io.cexsafe.facts.AttestorIndependence;
import io.cexsafe.facts.BugBounty;
import io.cexsafe.facts.Certification;
import io.cexsafe.facts.CertificationStandard;
import io.cexsafe.facts.ColdStorage;
import io.cexsafe.facts.ComplaintHandling;
import io.cexsafe.facts.ControlAvailability;
import io.cexsafe.facts.CustodyProvider;
import io.cexsafe.facts.CustodyRole;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.IncidentKind;
import io.cexsafe.facts.IncidentRecordCheck;
import io.cexsafe.facts.InsurancePolicy;
import io.cexsafe.facts.InsuranceScope;
import io.cexsafe.facts.KeyManagement;
import io.cexsafe.facts.KeyProtection;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import io.cexsafe.facts.NetFlow;
import io.cexsafe.facts.PorAttestation;
import io.cexsafe.facts.PorCadence;
import io.cexsafe.facts.PorDashboard;
import io.cexsafe.facts.PorMethod;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.facts.ProofVerification;
import io.cexsafe.facts.ProtectionProgramme;
import io.cexsafe.facts.RegulatoryWarning;
import io.cexsafe.facts.Reimbursement;
import io.cexsafe.facts.ReserveComposition;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.facts.ReserveTrend;
import io.cexsafe.facts.ReviewTheme;
import io.cexsafe.facts.ReviewThemes;
import io.cexsafe.facts.SecurityControl;
import io.cexsafe.facts.SecurityRating;
import io.cexsafe.facts.SelfInsuranceFund;
import io.cexsafe.facts.SupportChannel;
import io.cexsafe.facts.SupportChannelType;
import io.cexsafe.facts.ThemeShare;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random evidence of every fact type, with few distinct subjects so that conflicts are common, and
 * "favourable" evidence: a fact at the best value of its kind, observed at the evaluation instant
 * (so it is never older than what it might supersede), that never goes stale.
 */
final class EvidenceArbitraries {
  private EvidenceArbitraries() {}

  static Arbitrary<Double> share() {
    return Arbitraries.doubles().between(0, 1).ofScale(3);
  }

  static Arbitrary<BigDecimal> usd() {
    return Arbitraries.of(0L, 1_000_000L, 40_000_000L, 750_000_000L, 12_000_000_000L)
        .map(BigDecimal::valueOf);
  }

  static Arbitrary<Fact> anyFact() {
    List<Arbitrary<? extends Fact>> all =
        List.of(
            Combinators.combine(usd(), Arbitraries.of(true, false))
                .as(
                    (total, onChain) ->
                        new ReserveSnapshot(total, null, total.divide(BigDecimal.TEN), onChain)),
            Combinators.combine(
                    share().injectNull(0.3), share().injectNull(0.3), share().injectNull(0.3))
                .as(
                    (own, major, tail) ->
                        new ReserveComposition(own, null, major, tail, null, null, List.of())),
            Combinators.combine(
                    Arbitraries.of(168, 720),
                    Arbitraries.doubles().between(-0.5, 0.5).ofScale(3).injectNull(0.2))
                .as((h, s) -> new NetFlow(h, BigDecimal.ONE, s)),
            Arbitraries.doubles()
                .between(-0.5, 0.5)
                .ofScale(3)
                .map(c -> new ReserveTrend(30, c, 0.1)),
            share().injectNull(0.3).map(s -> new ColdStorage(s, "cold claim")),
            Arbitraries.subsetOf(KeyProtection.values())
                .ofMinSize(1)
                .map(s -> new KeyManagement(Set.copyOf(s), null)),
            Combinators.combine(bool(), bool(), bool())
                .filter((a, b, c) -> a != null || b != null || c != null)
                .as((a, b, c) -> new AssetSegregation(a, b, c, null)),
            Combinators.combine(
                    Arbitraries.of("Vault", "Custodian"),
                    Arbitraries.of(CustodyRole.class),
                    Arbitraries.of(true, false))
                .as((n, r, a) -> new CustodyProvider(n, r, a, null)),
            porAttestation(),
            Arbitraries.of(true, false)
                .map(live -> new PorDashboard(URI.create("https://por.test/" + live), live, null)),
            Combinators.combine(
                    Arbitraries.of(ProofStrength.class),
                    Arbitraries.of(true, false),
                    Arbitraries.integers().between(0, 1200))
                .as(
                    (s, inc, age) ->
                        new ProofVerification(
                            "fmt",
                            s,
                            inc,
                            "root" + inc,
                            Fixtures.TODAY.minusDays(age),
                            Map.of(),
                            inc ? null : "mismatch")),
            Combinators.combine(
                    usd().injectNull(0.3),
                    Arbitraries.of("Lloyd's").injectNull(0.5),
                    Arbitraries.subsetOf(InsuranceScope.values()),
                    bool())
                .as((c, u, s, t) -> new InsurancePolicy(c, u, null, Set.copyOf(s), null, t, null)),
            Combinators.combine(
                    Arbitraries.of("Protect", "Shield"),
                    usd().injectNull(0.3),
                    Arbitraries.of(true, false))
                .as((n, c, d) -> new ProtectionProgramme(n, c, List.of(), List.of(), d, null)),
            usd().injectNull(0.3).map(s -> new SelfInsuranceFund("SAFU", s, null)),
            licence(),
            Arbitraries.of(true, false)
                .map(
                    r ->
                        new RegulatoryWarning(
                            "JP",
                            "JFSA",
                            "Acme",
                            "unregistered",
                            Fixtures.TODAY.minusDays(300),
                            null,
                            r)),
            Combinators.combine(
                    Arbitraries.of(AccountControl.class),
                    Arbitraries.of(ControlAvailability.class),
                    Arbitraries.integers().between(0, 72).injectNull(0.5),
                    bool())
                .as((c, a, h, v) -> new SecurityControl(c, a, h, v, null)),
            Combinators.combine(
                    Arbitraries.of(
                        CertificationStandard.ISO_27001,
                        CertificationStandard.SOC2_TYPE1,
                        CertificationStandard.SOC2_TYPE2,
                        CertificationStandard.PCI_DSS),
                    Arbitraries.integers().between(-400, 400))
                .as(
                    (s, d) ->
                        new Certification(s, null, null, null, Fixtures.TODAY.plusDays(d), null)),
            usd().injectNull(0.3).map(r -> new BugBounty("H1", r, null)),
            Arbitraries.integers()
                .between(0, 100)
                .map(
                    s ->
                        new SecurityRating(
                            "CER", BigDecimal.valueOf(s), BigDecimal.valueOf(100), null)),
            incident(),
            Combinators.combine(
                    Arbitraries.of(AppStore.class),
                    Arbitraries.of("GB", "US"),
                    Arbitraries.integers().between(10, 50),
                    Arbitraries.longs().between(0, 10_000_000))
                .as(
                    (st, sf, r, n) ->
                        new AppRating(
                            st, sf, "app", BigDecimal.valueOf(r, 1), n, null, null, null)),
            reviewThemes(share(), Arbitraries.integers().between(0, 5000)),
            Combinators.combine(Arbitraries.of(SupportChannelType.class), bool(), bool())
                .as((c, a, h) -> new SupportChannel(c, a, h, null)),
            Combinators.combine(
                    Arbitraries.integers().between(1, 60).injectNull(0.4), bool(), bool())
                .filter((d, e, m) -> d != null || e != null || m != null)
                .as((d, e, m) -> new ComplaintHandling(d, e, m, null)));
    return Arbitraries.oneOf(all.stream().map(a -> a.map(f -> (Fact) f)).toList());
  }

  private static Arbitrary<Boolean> bool() {
    return Arbitraries.of(true, false).injectNull(0.3);
  }

  private static Arbitrary<PorAttestation> porAttestation() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 1200),
            Arbitraries.of(PorMethod.class),
            Arbitraries.of(AttestorIndependence.class),
            Arbitraries.doubles().between(0.9, 1.1).ofScale(2).list().ofMaxSize(3),
            Arbitraries.of(PorCadence.class),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false))
        .as(
            (age, method, independence, ratios, cadence, verifiable, withdrawn) -> {
              List<AssetReserveRatio> assets = new ArrayList<>();
              for (int i = 0; i < ratios.size(); i++) {
                assets.add(new AssetReserveRatio("A" + i, BigDecimal.valueOf(ratios.get(i))));
              }
              return new PorAttestation(
                  Fixtures.TODAY.minusDays(age % 3 * 200),
                  "Auditor",
                  method,
                  independence,
                  assets,
                  cadence,
                  verifiable,
                  withdrawn,
                  null);
            });
  }

  private static Arbitrary<Licence> licence() {
    return Combinators.combine(
            Arbitraries.of("GB|FCA", "SG|MAS", "US|FINCEN", "IE|CBI", "BS|SCB"),
            Arbitraries.of("1", "2"),
            Arbitraries.of(LicenceStatus.class),
            Arbitraries.of(MatchBasis.IDENTIFIER, MatchBasis.NAME))
        .as(
            (where, id, status, basis) -> {
              String[] parts = where.split("\\|");
              return new Licence(
                  parts[0],
                  parts[1],
                  null,
                  "Acme Ltd",
                  id,
                  status,
                  List.of(),
                  null,
                  null,
                  status == LicenceStatus.CLAIMED ? MatchBasis.CLAIM : basis);
            });
  }

  private static Arbitrary<Incident> incident() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 3000),
            Arbitraries.of(IncidentKind.class),
            usd().injectNull(0.3),
            Arbitraries.of(Reimbursement.class),
            Arbitraries.integers().between(0, 100).injectNull(0.3),
            bool())
        .as(
            (age, kind, loss, reimbursement, hours, postMortem) ->
                new Incident(
                    Fixtures.TODAY.minusDays(age % 4 * 400),
                    kind,
                    loss,
                    null,
                    null,
                    reimbursement,
                    hours,
                    postMortem,
                    List.of(),
                    null,
                    null));
  }

  private static Arbitrary<ReviewThemes> reviewThemes(
      Arbitrary<Double> shares, Arbitrary<Integer> reviews) {
    return Combinators.combine(
            Arbitraries.of(AppStore.class),
            reviews,
            shares,
            shares,
            Arbitraries.subsetOf(
                ReviewTheme.CRASHES_BUGS,
                ReviewTheme.STALE_BALANCES,
                ReviewTheme.SUPPORT_NO_RESPONSE))
        .as(
            (store, n, a, b, measured) -> {
              List<ThemeShare> themes = new ArrayList<>();
              for (ReviewTheme theme : measured) {
                double s = theme == ReviewTheme.STALE_BALANCES ? b / 2 : a / 2;
                themes.add(new ThemeShare(theme, (int) (s * n), s, s, List.of()));
              }
              return new ReviewThemes(store, "GB", n, n / 4, themes, null, null);
            });
  }

  static Arbitrary<Evidence> anyEvidence() {
    return Combinators.combine(
            anyFact(),
            Arbitraries.of(EvidenceClass.class),
            Arbitraries.of("defillama", "disclosures", "regulators", "reviews"),
            Arbitraries.integers().between(1, 1000),
            Arbitraries.integers().between(-1, 400))
        .as(
            (fact, cls, collector, age, staleIn) ->
                Fixtures.ev(
                    "acme",
                    fact,
                    cls,
                    collector,
                    Fixtures.daysAgo(age),
                    staleIn < 0 ? null : Fixtures.daysAgo(age).plusSeconds(86_400L * staleIn)));
  }

  static Arbitrary<List<Evidence>> evidenceLists() {
    return anyEvidence().list().ofMaxSize(40).map(EvidenceArbitraries::distinct);
  }

  static List<Evidence> distinct(List<Evidence> evidence) {
    Map<String, Evidence> byId = new LinkedHashMap<>();
    evidence.forEach(e -> byId.putIfAbsent(e.id(), e));
    return List.copyOf(byId.values());
  }

  /** With {@code incidentChecked}, a recorded search of an incident database that found nothing. */
  static EvidenceBundle bundleOf(List<Evidence> evidence, boolean incidentChecked) {
    List<Evidence> all = new ArrayList<>(evidence);
    if (incidentChecked) {
      all.add(
          Fixtures.ev(
              "acme",
              new IncidentRecordCheck("DeFiLlama hacks", 0, null),
              EvidenceClass.THIRD_PARTY_REPORT,
              "defillama",
              Instant.from(Fixtures.AS_OF),
              null));
    }
    return new EvidenceBundle(
        "acme",
        Fixtures.AS_OF,
        distinct(all),
        incidentChecked ? List.of(Fixtures.ok("defillama", 1)) : List.of());
  }

  /** Facts at the best value of their kind. */
  static Arbitrary<Fact> favourableFact() {
    BigDecimal huge = new BigDecimal("100000000000");
    List<Arbitrary<? extends Fact>> all =
        List.of(
            Arbitraries.just(new ReserveSnapshot(huge, huge, BigDecimal.ZERO, true)),
            Arbitraries.just(new ReserveComposition(0.0, 1.0, 1.0, 0.0, null, null, List.of())),
            Arbitraries.of(168, 720).map(h -> new NetFlow(h, BigDecimal.ONE, 0.05)),
            Arbitraries.just(new ColdStorage(1.0, "all cold")),
            Arbitraries.just(new KeyManagement(Set.of(KeyProtection.values()), null)),
            Arbitraries.just(new AssetSegregation(true, true, true, null)),
            Arbitraries.of("Vault", "Custodian")
                .map(n -> new CustodyProvider(n, CustodyRole.QUALIFIED_CUSTODIAN, true, null)),
            Arbitraries.just(
                new PorAttestation(
                    Fixtures.TODAY,
                    "Auditor",
                    PorMethod.ZK_PROOF,
                    AttestorIndependence.INDEPENDENT_ACCOUNTANT,
                    List.of(new AssetReserveRatio("BTC", new BigDecimal("1.2"))),
                    PorCadence.CONTINUOUS,
                    true,
                    false,
                    null)),
            Arbitraries.just(
                new ProofVerification(
                    "fmt",
                    ProofStrength.ZK_PROOF_OF_SUMS,
                    true,
                    "root-best",
                    Fixtures.TODAY,
                    Map.of(),
                    null)),
            Arbitraries.just(
                new InsurancePolicy(
                    huge,
                    "Lloyd's",
                    "Broker",
                    Set.of(InsuranceScope.HOT_WALLETS, InsuranceScope.COLD_STORAGE),
                    null,
                    true,
                    null)),
            Arbitraries.of("Protect", "Shield")
                .map(
                    n ->
                        new ProtectionProgramme(
                            n,
                            new BigDecimal("1000000"),
                            List.of(),
                            List.of(),
                            false,
                            URI.create("https://terms.test"))),
            Arbitraries.just(new SelfInsuranceFund("SAFU", huge, null)),
            Combinators.combine(
                    Arbitraries.of("GB|FCA", "SG|MAS", "US|FINCEN", "IE|CBI", "BS|SCB"),
                    Arbitraries.of("1", "2"))
                .as(
                    (where, id) ->
                        new Licence(
                            where.split("\\|")[0],
                            where.split("\\|")[1],
                            null,
                            "Acme Ltd",
                            id,
                            LicenceStatus.ACTIVE,
                            List.of("custody"),
                            null,
                            null,
                            MatchBasis.IDENTIFIER)),
            Arbitraries.of(AccountControl.class)
                .map(c -> new SecurityControl(c, ControlAvailability.MANDATORY, 72, true, null)),
            Arbitraries.of(
                    CertificationStandard.ISO_27001,
                    CertificationStandard.SOC2_TYPE2,
                    CertificationStandard.PCI_DSS)
                .map(s -> new Certification(s, null, null, null, null, null)),
            Arbitraries.just(new BugBounty("H1", huge, null)),
            Arbitraries.just(
                new SecurityRating("CER", BigDecimal.valueOf(100), BigDecimal.valueOf(100), null)),
            Combinators.combine(Arbitraries.of(AppStore.class), Arbitraries.of("GB", "US"))
                .as(
                    (st, sf) ->
                        new AppRating(
                            st,
                            sf,
                            "app",
                            new BigDecimal("5.0"),
                            1_000_000_000L,
                            null,
                            null,
                            null)),
            Arbitraries.of(AppStore.class)
                .map(
                    store ->
                        new ReviewThemes(
                            store,
                            "GB",
                            1_000_000,
                            0,
                            List.of(
                                new ThemeShare(ReviewTheme.CRASHES_BUGS, 0, 0, 0, List.of()),
                                new ThemeShare(ReviewTheme.STALE_BALANCES, 0, 0, 0, List.of()),
                                new ThemeShare(
                                    ReviewTheme.SUPPORT_NO_RESPONSE, 0, 0, 0, List.of())),
                            null,
                            null)),
            Arbitraries.of(SupportChannelType.class)
                .map(c -> new SupportChannel(c, true, true, null)),
            Arbitraries.just(new ComplaintHandling(5, true, true, null)));
    return Arbitraries.oneOf(all.stream().map(a -> a.map(f -> (Fact) f)).toList());
  }

  static Arbitrary<Evidence> favourableEvidence() {
    return Combinators.combine(
            favourableFact(),
            Arbitraries.of(EvidenceClass.class),
            Arbitraries.of("defillama", "disclosures", "regulators", "reviews"))
        .as(
            (fact, cls, collector) ->
                Fixtures.ev("acme", fact, cls, collector, Instant.from(Fixtures.AS_OF), null));
  }
}
