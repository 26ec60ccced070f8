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
import io.cexsafe.facts.Governance;
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
import io.cexsafe.facts.SearchRecord;
import io.cexsafe.facts.SearchTopic;
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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Random evidence of every fact type from a seeded {@link Random}, with few distinct subjects so
 * that conflicts are common, and "favourable" evidence: a fact at the best value of its kind,
 * verified by a primary source (so no claim factor applies), observed at the evaluation instant (so
 * it is never older than what it might supersede), that never goes stale. Every case is
 * reproducible from the seed printed in its name.
 */
final class EvidenceGenerator {
  private final Random random;

  EvidenceGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** {@code count} cases named by their seed, derived from {@code base} so runs are stable. */
  static Stream<Arguments> seeds(long base, int count) {
    return IntStream.range(0, count).mapToObj(i -> Arguments.of(base * 1_000_003L + i));
  }

  Random random() {
    return random;
  }

  boolean nextBoolean() {
    return random.nextBoolean();
  }

  private <T> T of(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  @SafeVarargs
  private <T> T of(T... values) {
    return values[random.nextInt(values.length)];
  }

  private <E extends Enum<E>> E of(Class<E> type) {
    return of(type.getEnumConstants());
  }

  private int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  private <T> T orNull(T value, double nullProbability) {
    return random.nextDouble() < nullProbability ? null : value;
  }

  /** A share in [0, 1] with three decimals. */
  double share() {
    return random.nextInt(1001) / 1000.0;
  }

  /** A double in [min, max] with three decimals. */
  private double scaled(double min, double max) {
    return min + random.nextInt((int) Math.round((max - min) * 1000) + 1) / 1000.0;
  }

  BigDecimal usd() {
    return BigDecimal.valueOf(of(0L, 1_000_000L, 40_000_000L, 750_000_000L, 12_000_000_000L));
  }

  private Boolean bool() {
    return orNull(random.nextBoolean(), 0.3);
  }

  private <E extends Enum<E>> Set<E> subset(Class<E> type, int minSize) {
    Set<E> set;
    do {
      set = EnumSet.noneOf(type);
      for (E value : type.getEnumConstants()) {
        if (random.nextBoolean()) {
          set.add(value);
        }
      }
    } while (set.size() < minSize);
    return set;
  }

  private final List<Function<EvidenceGenerator, Fact>> anyFacts =
      List.of(
          g -> {
            BigDecimal total = g.usd();
            return new ReserveSnapshot(total, null, total.divide(BigDecimal.TEN), g.nextBoolean());
          },
          g ->
              new ReserveComposition(
                  g.orNull(g.share(), 0.3),
                  null,
                  g.orNull(g.share(), 0.3),
                  g.orNull(g.share(), 0.3),
                  null,
                  null,
                  List.of()),
          g -> new NetFlow(g.of(168, 720), BigDecimal.ONE, g.orNull(g.scaled(-0.5, 0.5), 0.2)),
          g -> new ReserveTrend(30, g.scaled(-0.5, 0.5), 0.1),
          g -> new ColdStorage(g.orNull(g.share(), 0.3), "cold claim"),
          g -> new KeyManagement(Set.copyOf(g.subset(KeyProtection.class, 1)), null),
          g -> {
            Boolean a;
            Boolean b;
            Boolean c;
            do {
              a = g.bool();
              b = g.bool();
              c = g.bool();
            } while (a == null && b == null && c == null);
            return new AssetSegregation(a, b, c, null);
          },
          g ->
              new CustodyProvider(
                  g.of("Vault", "Custodian"), g.of(CustodyRole.class), g.nextBoolean(), null),
          EvidenceGenerator::porAttestation,
          g -> {
            boolean live = g.nextBoolean();
            return new PorDashboard(URI.create("https://por.test/" + live), live, null);
          },
          g -> {
            boolean included = g.nextBoolean();
            return new ProofVerification(
                "fmt",
                g.of(ProofStrength.class),
                included,
                "root" + included,
                Fixtures.TODAY.minusDays(g.between(0, 1200)),
                Map.of(),
                included ? null : "mismatch");
          },
          g ->
              new InsurancePolicy(
                  g.orNull(g.usd(), 0.3),
                  g.orNull("Lloyd's", 0.5),
                  null,
                  Set.copyOf(g.subset(InsuranceScope.class, 0)),
                  null,
                  g.bool(),
                  null),
          g ->
              new ProtectionProgramme(
                  g.of("Protect", "Shield"),
                  g.orNull(g.usd(), 0.3),
                  List.of(),
                  List.of(),
                  g.nextBoolean(),
                  null),
          g -> new SelfInsuranceFund("SAFU", g.orNull(g.usd(), 0.3), null),
          EvidenceGenerator::licence,
          g ->
              new RegulatoryWarning(
                  "JP",
                  "JFSA",
                  "Acme",
                  "unregistered",
                  Fixtures.TODAY.minusDays(300),
                  null,
                  g.nextBoolean()),
          g ->
              new SecurityControl(
                  g.of(AccountControl.class),
                  g.of(ControlAvailability.class),
                  g.orNull(g.between(0, 72), 0.5),
                  g.bool(),
                  null),
          g ->
              new Certification(
                  g.of(
                      CertificationStandard.ISO_27001,
                      CertificationStandard.SOC2_TYPE1,
                      CertificationStandard.SOC2_TYPE2,
                      CertificationStandard.PCI_DSS),
                  null,
                  null,
                  null,
                  Fixtures.TODAY.plusDays(g.between(-400, 400)),
                  null),
          g -> new BugBounty("H1", g.orNull(g.usd(), 0.3), null),
          g ->
              new SecurityRating(
                  "CER", BigDecimal.valueOf(g.between(0, 100)), BigDecimal.valueOf(100), null),
          EvidenceGenerator::incident,
          g ->
              new AppRating(
                  g.of(AppStore.class),
                  g.of("GB", "US"),
                  "app",
                  BigDecimal.valueOf(g.between(10, 50), 1),
                  g.random.nextLong(10_000_001L),
                  null,
                  null,
                  null),
          g -> g.reviewThemes(g.share(), g.between(0, 5000)),
          g -> new SupportChannel(g.of(SupportChannelType.class), g.bool(), g.bool(), null),
          g -> {
            Integer days;
            Boolean escalation;
            Boolean emergency;
            do {
              days = g.orNull(g.between(1, 60), 0.4);
              escalation = g.bool();
              emergency = g.bool();
            } while (days == null && escalation == null && emergency == null);
            return new ComplaintHandling(days, escalation, emergency, null);
          },
          g -> {
            Boolean audited;
            Boolean tradingFirm;
            Boolean affiliateUse;
            do {
              audited = g.bool();
              tradingFirm = g.bool();
              affiliateUse = g.bool();
            } while (audited == null && tradingFirm == null && affiliateUse == null);
            return new Governance(audited, null, tradingFirm, affiliateUse, null);
          },
          g ->
              new SearchRecord(
                  g.of(SearchTopic.class), "register", null, null, g.of(0, 0, 1), null));

  Fact anyFact() {
    return of(anyFacts).apply(this);
  }

  private PorAttestation porAttestation() {
    int age = between(0, 1200);
    PorMethod method = of(PorMethod.class);
    AttestorIndependence independence = of(AttestorIndependence.class);
    int ratioCount = between(0, 3);
    List<AssetReserveRatio> assets = new ArrayList<>();
    for (int i = 0; i < ratioCount; i++) {
      assets.add(new AssetReserveRatio("A" + i, BigDecimal.valueOf(between(90, 110), 2)));
    }
    return new PorAttestation(
        Fixtures.TODAY.minusDays(age % 3 * 200),
        "Auditor",
        method,
        independence,
        assets,
        of(PorCadence.class),
        random.nextBoolean(),
        random.nextBoolean(),
        null);
  }

  private Licence licence() {
    String[] where = of("GB|FCA", "SG|MAS", "US|FINCEN", "IE|CBI", "BS|SCB").split("\\|");
    String id = of("1", "2");
    LicenceStatus status = of(LicenceStatus.class);
    MatchBasis basis = of(MatchBasis.IDENTIFIER, MatchBasis.NAME);
    return new Licence(
        where[0],
        where[1],
        null,
        "Acme Ltd",
        id,
        status,
        List.of(),
        null,
        null,
        status == LicenceStatus.CLAIMED ? MatchBasis.CLAIM : basis);
  }

  Incident incident() {
    int age = between(0, 3000);
    return new Incident(
        Fixtures.TODAY.minusDays(age % 4 * 400),
        of(IncidentKind.class),
        orNull(usd(), 0.3),
        null,
        null,
        of(Reimbursement.class),
        orNull(between(0, 100), 0.3),
        bool(),
        List.of(),
        null,
        null);
  }

  private ReviewThemes reviewThemes(double base, int reviews) {
    AppStore store = of(AppStore.class);
    double a = base;
    double b = share();
    Set<ReviewTheme> measured = EnumSet.noneOf(ReviewTheme.class);
    for (ReviewTheme theme :
        List.of(
            ReviewTheme.CRASHES_BUGS,
            ReviewTheme.STALE_BALANCES,
            ReviewTheme.SUPPORT_NO_RESPONSE,
            ReviewTheme.WITHDRAWAL_FAILURES)) {
      if (random.nextBoolean()) {
        measured.add(theme);
      }
    }
    List<ThemeShare> themes = new ArrayList<>();
    for (ReviewTheme theme : measured) {
      double s = theme == ReviewTheme.STALE_BALANCES ? b / 2 : a / 2;
      themes.add(new ThemeShare(theme, (int) (s * reviews), s, s, List.of()));
    }
    return new ReviewThemes(store, "GB", reviews, reviews / 4, themes, null, null);
  }

  Evidence anyEvidence() {
    Fact fact = anyFact();
    EvidenceClass cls = of(EvidenceClass.class);
    String collector = of("defillama", "disclosures", "regulators", "reviews");
    int age = between(1, 1000);
    int staleIn = between(-1, 400);
    Instant observed = Fixtures.daysAgo(age);
    return Fixtures.ev(
        "acme",
        fact,
        cls,
        collector,
        observed,
        staleIn < 0 ? null : observed.plusSeconds(86_400L * staleIn));
  }

  /** Up to 40 pieces of random evidence with distinct ids. */
  List<Evidence> evidenceList() {
    int size = between(0, 40);
    List<Evidence> evidence = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      evidence.add(anyEvidence());
    }
    return distinct(evidence);
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
              Fixtures.AS_OF,
              null));
    }
    return new EvidenceBundle(
        "acme",
        Fixtures.AS_OF,
        distinct(all),
        incidentChecked ? List.of(Fixtures.ok("defillama", 1)) : List.of());
  }

  private static final BigDecimal HUGE = new BigDecimal("100000000000");

  private final List<Function<EvidenceGenerator, Fact>> favourableFacts =
      List.of(
          g -> new ReserveSnapshot(HUGE, HUGE, BigDecimal.ZERO, true),
          g -> new ReserveComposition(0.0, 1.0, 1.0, 0.0, null, null, List.of()),
          g -> new NetFlow(g.of(168, 720), BigDecimal.ONE, 0.05),
          g -> new ColdStorage(1.0, "all cold"),
          g -> new KeyManagement(Set.of(KeyProtection.values()), null),
          g -> new AssetSegregation(true, true, true, null),
          g ->
              new CustodyProvider(
                  g.of("Vault", "Custodian"), CustodyRole.QUALIFIED_CUSTODIAN, true, null),
          g ->
              new PorAttestation(
                  Fixtures.TODAY,
                  "Auditor",
                  PorMethod.ZK_PROOF,
                  AttestorIndependence.INDEPENDENT_ACCOUNTANT,
                  List.of(new AssetReserveRatio("BTC", new BigDecimal("1.2"))),
                  PorCadence.CONTINUOUS,
                  true,
                  false,
                  null),
          g ->
              new ProofVerification(
                  "fmt",
                  ProofStrength.ZK_PROOF_OF_SUMS,
                  true,
                  "root-best",
                  Fixtures.TODAY,
                  Map.of(),
                  null),
          g ->
              new InsurancePolicy(
                  HUGE,
                  "Lloyd's",
                  "Broker",
                  Set.of(InsuranceScope.HOT_WALLETS, InsuranceScope.COLD_STORAGE),
                  null,
                  true,
                  null),
          g ->
              new ProtectionProgramme(
                  g.of("Protect", "Shield"),
                  new BigDecimal("1000000"),
                  List.of(),
                  List.of(),
                  false,
                  URI.create("https://terms.test")),
          g -> new SelfInsuranceFund("SAFU", HUGE, null),
          g -> {
            String[] where = g.of("GB|FCA", "SG|MAS", "US|FINCEN", "IE|CBI", "BS|SCB").split("\\|");
            return new Licence(
                where[0],
                where[1],
                null,
                "Acme Ltd",
                g.of("1", "2"),
                LicenceStatus.ACTIVE,
                List.of("custody"),
                null,
                null,
                MatchBasis.IDENTIFIER);
          },
          g ->
              new SecurityControl(
                  g.of(AccountControl.class), ControlAvailability.MANDATORY, 72, true, null),
          g ->
              new Certification(
                  g.of(
                      CertificationStandard.ISO_27001,
                      CertificationStandard.SOC2_TYPE2,
                      CertificationStandard.PCI_DSS),
                  null,
                  null,
                  null,
                  null,
                  null),
          g -> new BugBounty("H1", HUGE, null),
          g -> new SecurityRating("CER", BigDecimal.valueOf(100), BigDecimal.valueOf(100), null),
          g ->
              new AppRating(
                  g.of(AppStore.class),
                  g.of("GB", "US"),
                  "app",
                  new BigDecimal("5.0"),
                  1_000_000_000L,
                  null,
                  null,
                  null),
          g ->
              new ReviewThemes(
                  g.of(AppStore.class),
                  "GB",
                  1_000_000,
                  0,
                  List.of(
                      new ThemeShare(ReviewTheme.CRASHES_BUGS, 0, 0, 0, List.of()),
                      new ThemeShare(ReviewTheme.STALE_BALANCES, 0, 0, 0, List.of()),
                      new ThemeShare(ReviewTheme.SUPPORT_NO_RESPONSE, 0, 0, 0, List.of()),
                      new ThemeShare(ReviewTheme.WITHDRAWAL_FAILURES, 0, 0, 0, List.of())),
                  null,
                  null),
          g -> new SupportChannel(g.of(SupportChannelType.class), true, true, null),
          g -> new ComplaintHandling(5, true, true, null),
          g -> new Governance(true, "Acme Ltd", false, false, null));

  /** Facts at the best value of their kind. */
  Fact favourableFact() {
    return of(favourableFacts).apply(this);
  }

  /**
   * Favourable evidence: a best-value fact from a primary source (cryptographically verified or a
   * regulator's register), so that it earns its full points. Under methodology 2.0 the same fact
   * claimed by the exchange is not the best value of the evidence: claims earn less.
   */
  Evidence favourableEvidence() {
    return Fixtures.ev(
        "acme",
        favourableFact(),
        of(EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED, EvidenceClass.REGULATOR_REGISTER),
        of("defillama", "disclosures", "regulators", "reviews"),
        Fixtures.AS_OF,
        null);
  }

  /** Facts at the worst value of their kind: each makes what it informs worse, never better. */
  private final List<Function<EvidenceGenerator, Fact>> unfavourableFacts =
      List.of(
          g -> new ReserveComposition(0.9, 0.0, 0.0, 1.0, null, null, List.of()),
          g -> new NetFlow(g.of(168, 720), BigDecimal.ONE, -0.9),
          g -> new ReserveTrend(g.of(7, 30), -0.8, 0.8),
          g -> new ColdStorage(0.0, "all hot"),
          g -> new AssetSegregation(false, false, false, null),
          g ->
              new ProofVerification(
                  "fmt",
                  g.of(ProofStrength.class),
                  false,
                  "root-bad",
                  Fixtures.TODAY,
                  Map.of(),
                  "mismatch"),
          g -> {
            String[] where = g.of("GB|FCA", "SG|MAS", "US|FINCEN", "IE|CBI", "BS|SCB").split("\\|");
            return new Licence(
                where[0],
                where[1],
                null,
                "Acme Ltd",
                g.of("1", "2"),
                g.of(
                    LicenceStatus.REVOKED_OR_WITHDRAWN, LicenceStatus.WARNED, LicenceStatus.LAPSED),
                List.of(),
                null,
                null,
                MatchBasis.IDENTIFIER);
          },
          g ->
              new RegulatoryWarning(
                  "JP", "JFSA", "Acme", "unregistered", Fixtures.TODAY.minusDays(10), null, false),
          g ->
              new Incident(
                  Fixtures.TODAY.minusDays(g.between(0, 300)),
                  g.of(IncidentKind.class),
                  HUGE,
                  null,
                  null,
                  Reimbursement.NONE,
                  null,
                  false,
                  List.of(),
                  null,
                  null),
          g ->
              new AppRating(
                  g.of(AppStore.class),
                  g.of("GB", "US"),
                  "app",
                  new BigDecimal("1.0"),
                  1_000_000_000L,
                  null,
                  null,
                  null),
          g ->
              new SecurityControl(
                  g.of(AccountControl.class), ControlAvailability.NOT_OFFERED, null, false, null),
          g -> new Governance(false, null, null, true, null),
          g ->
              new SearchRecord(
                  g.of(
                      SearchTopic.RESERVES,
                      SearchTopic.PROOF_OF_RESERVES,
                      SearchTopic.INSURANCE,
                      SearchTopic.PROTECTION_PROGRAMME,
                      SearchTopic.LICENCE,
                      SearchTopic.FINANCIAL_STATEMENTS),
                  "register",
                  null,
                  12,
                  0,
                  null));

  /** Unfavourable evidence from a primary source, observed at the evaluation instant. */
  Evidence unfavourableEvidence() {
    return Fixtures.ev(
        "acme",
        of(unfavourableFacts).apply(this),
        of(EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED, EvidenceClass.REGULATOR_REGISTER),
        of("defillama", "disclosures", "regulators", "reviews"),
        Fixtures.AS_OF,
        null);
  }
}
