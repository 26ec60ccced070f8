package io.cexsafe.benchmarks;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
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
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.IncidentKind;
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
import io.cexsafe.facts.PorMethod;
import io.cexsafe.facts.ProtectionProgramme;
import io.cexsafe.facts.Reimbursement;
import io.cexsafe.facts.ReserveComposition;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.facts.ReviewTheme;
import io.cexsafe.facts.ReviewThemes;
import io.cexsafe.facts.SecurityControl;
import io.cexsafe.facts.SupportChannel;
import io.cexsafe.facts.SupportChannelType;
import io.cexsafe.facts.ThemeShare;
import io.cexsafe.scoring.Grade;
import io.cexsafe.scoring.Methodology;
import io.cexsafe.scoring.PillarScore;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.Scorer;
import io.cexsafe.scoring.Sensitivity;
import io.cexsafe.scoring.SensitivityReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring speed on one core: scorecards per second for a realistic bundle (about 80 pieces of
 * evidence over every pillar, with conflicts and an incident), and the time of a 10,000-draw
 * sensitivity run over 100 exchanges.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ScoringBenchmark}; quote a figure only
 * when the warm-up iterations have flattened (JMH prints each one).
 */
@State(Scope.Benchmark)
// a fixed heap: a heap that grows during the run makes young collections rarer iteration after
// iteration, and the score climbs with it instead of settling
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:ActiveProcessorCount=1", "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Threads(1)
// long enough for C2 to finish on one processor, which it shares with the benchmark thread
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 8, time = 2)
public class ScoringBenchmark {
  static final Instant AS_OF = Instant.parse("2026-11-21T00:00:00Z");

  private Scorer scorer;
  private EvidenceBundle bundle;
  private List<Scorecard> hundred;
  private Methodology methodology;

  @Setup
  public void setUp() {
    methodology = Methodology.defaultMethodology();
    scorer = Scorer.of(methodology);
    bundle = realisticBundle("bench");
    hundred = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 100; i++) {
      hundred.add(syntheticCard("exchange-" + i, random));
    }
  }

  /** Scorecards per second for one realistic bundle. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Scorecard scoreRealisticBundle() {
    return scorer.score(bundle);
  }

  /** One sensitivity run: 10,000 weight draws, 100 exchanges. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public SensitivityReport sensitivity10kDraws100Exchanges() {
    return Sensitivity.around(methodology).draws(10_000).seed(42).run(hundred);
  }

  static Scorecard syntheticCard(String exchange, SplittableRandom random) {
    List<PillarScore> pillars = new ArrayList<>();
    double sum = 0;
    for (Pillar pillar : Pillar.values()) {
      double estimate = Math.round(random.nextDouble(20, 95) * 100) / 100.0;
      pillars.add(
          new PillarScore(
              pillar,
              pillar.defaultWeight(),
              estimate,
              estimate * 0.8,
              Math.min(100, estimate * 1.1),
              0.8,
              List.of()));
      sum += pillar.defaultWeight() * estimate;
    }
    double overall = sum / 100;
    return new Scorecard(
        exchange,
        "cexsafe-default",
        "1.0",
        "1.0",
        AS_OF,
        overall,
        overall * 0.8,
        Math.min(100, overall * 1.1),
        0.8,
        Grade.of(overall),
        Grade.of(overall),
        null,
        false,
        List.of(),
        pillars,
        List.of(),
        List.of());
  }

  private static Evidence ev(
      String exchange, Fact fact, EvidenceClass cls, String collector, long daysAgo) {
    Instant observed = AS_OF.minus(Duration.ofDays(daysAgo));
    return Evidence.of(
        exchange,
        fact,
        Provenance.builder(collector)
            .source(
                "https://example.com/" + collector + "/" + fact.typeName() + "/" + daysAgo,
                "source")
            .observedAt(observed)
            .retrievedAt(AS_OF)
            .evidenceClass(cls)
            .build());
  }

  /** A realistic bundle: every pillar informed, several sources per fact, an old incident. */
  static EvidenceBundle realisticBundle(String x) {
    EvidenceClass third = EvidenceClass.THIRD_PARTY_REPORT;
    EvidenceClass disclosure = EvidenceClass.EXCHANGE_DISCLOSURE;
    EvidenceClass register = EvidenceClass.REGULATOR_REGISTER;
    EvidenceClass users = EvidenceClass.USER_REPORTS;
    LocalDate today = LocalDate.ofInstant(AS_OF, java.time.ZoneOffset.UTC);
    List<Evidence> e = new ArrayList<>();
    for (int d = 1; d <= 5; d++) {
      e.add(
          ev(
              x,
              new ReserveSnapshot(
                  BigDecimal.valueOf(12_000_000_000L + d * 10_000_000L),
                  null,
                  BigDecimal.valueOf(300_000_000L),
                  true),
              third,
              "defillama",
              d));
      e.add(
          ev(
              x,
              new NetFlow(24 * d, BigDecimal.valueOf(-10_000_000L * d), -0.001 * d),
              third,
              "defillama",
              d));
    }
    e.add(
        ev(
            x,
            new ReserveComposition(0.025, 0.31, 0.78, 0.17, 0.21, 0.34, List.of()),
            third,
            "defillama",
            1));
    e.add(
        ev(x, new NetFlow(720, BigDecimal.valueOf(-310_000_000L), -0.025), third, "defillama", 1));
    e.add(ev(x, new ColdStorage(0.95, "95% cold"), disclosure, "disclosures", 120));
    e.add(ev(x, new ColdStorage(null, "the majority in cold storage"), third, "news", 400));
    e.add(
        ev(
            x,
            new KeyManagement(java.util.Set.of(KeyProtection.MPC, KeyProtection.HSM), null),
            disclosure,
            "disclosures",
            120));
    e.add(ev(x, new AssetSegregation(true, true, null, null), disclosure, "disclosures", 120));
    e.add(
        ev(
            x,
            new PorAttestation(
                today.minusDays(40),
                "Auditor LLP",
                PorMethod.MERKLE_SUM_TREE,
                AttestorIndependence.INDEPENDENT_ACCOUNTANT,
                List.of(
                    new AssetReserveRatio("BTC", new BigDecimal("1.03")),
                    new AssetReserveRatio("ETH", new BigDecimal("1.01"))),
                PorCadence.QUARTERLY,
                true,
                false,
                null),
            EvidenceClass.INDEPENDENT_ATTESTATION,
            "disclosures",
            35));
    e.add(
        ev(
            x,
            new PorAttestation(
                today.minusDays(130),
                "Auditor LLP",
                PorMethod.MERKLE_SUM_TREE,
                AttestorIndependence.INDEPENDENT_ACCOUNTANT,
                List.of(new AssetReserveRatio("BTC", new BigDecimal("1.02"))),
                PorCadence.QUARTERLY,
                true,
                false,
                null),
            EvidenceClass.INDEPENDENT_ATTESTATION,
            "disclosures",
            125));
    e.add(
        ev(
            x,
            new InsurancePolicy(
                BigDecimal.valueOf(750_000_000L),
                "Lloyd's syndicate",
                null,
                java.util.Set.of(InsuranceScope.HOT_WALLETS),
                null,
                false,
                null),
            disclosure,
            "disclosures",
            200));
    e.add(
        ev(
            x,
            new ProtectionProgramme(
                "Protect", BigDecimal.valueOf(250_000), List.of("2FA"), List.of("GB"), true, null),
            disclosure,
            "disclosures",
            200));
    String[][] licences = {
      {"GB", "FCA"},
      {"IE", "CBI"},
      {"SG", "MAS"},
      {"US", "FINCEN"},
      {"AE", "VARA"},
      {"AU", "AUSTRAC"}
    };
    for (String[] l : licences) {
      e.add(
          ev(
              x,
              Licence.builder(l[0], l[1], "Bench Ltd", LicenceStatus.ACTIVE, MatchBasis.IDENTIFIER)
                  .identifier(l[1] + "-1")
                  .activities(List.of("custody"))
                  .build(),
              register,
              "regulators",
              2));
      e.add(
          ev(
              x,
              Licence.builder(l[0], l[1], "Bench Ltd", LicenceStatus.CLAIMED, MatchBasis.CLAIM)
                  .identifier(l[1] + "-1")
                  .build(),
              disclosure,
              "disclosures",
              100));
    }
    for (AccountControl control : AccountControl.values()) {
      e.add(
          ev(
              x,
              new SecurityControl(control, ControlAvailability.OPTIONAL, 24, true, null),
              disclosure,
              "disclosures",
              60));
      e.add(
          ev(
              x,
              new SecurityControl(control, ControlAvailability.DEFAULT_ON, null, null, null),
              third,
              "reviews",
              30));
    }
    e.add(
        ev(
            x,
            new Certification(
                CertificationStandard.ISO_27001, null, null, null, today.plusYears(1), null),
            disclosure,
            "disclosures",
            60));
    e.add(
        ev(
            x,
            new Certification(CertificationStandard.SOC2_TYPE2, null, null, null, null, null),
            disclosure,
            "disclosures",
            60));
    e.add(
        ev(
            x,
            new BugBounty("HackerOne", BigDecimal.valueOf(250_000), null),
            disclosure,
            "disclosures",
            60));
    e.add(
        ev(
            x,
            new Incident(
                LocalDate.parse("2022-01-17"),
                IncidentKind.HACK,
                BigDecimal.valueOf(34_000_000),
                null,
                null,
                Reimbursement.FULL,
                12,
                true,
                List.of("2FA"),
                483,
                null),
            third,
            "defillama",
            1));
    for (String storefront : List.of("GB", "US", "DE", "FR", "SG")) {
      e.add(
          ev(
              x,
              new AppRating(
                  AppStore.APPLE,
                  storefront,
                  "id1",
                  new BigDecimal("4.5"),
                  100_000,
                  null,
                  null,
                  null),
              users,
              "reviews",
              3));
      e.add(
          ev(
              x,
              new AppRating(
                  AppStore.GOOGLE_PLAY,
                  storefront,
                  "com.bench",
                  new BigDecimal("4.2"),
                  200_000,
                  null,
                  null,
                  null),
              users,
              "reviews",
              3));
      e.add(
          ev(
              x,
              new ReviewThemes(
                  AppStore.APPLE,
                  storefront,
                  500,
                  120,
                  List.of(
                      new ThemeShare(ReviewTheme.CRASHES_BUGS, 20, 0.04, 0.16, List.of()),
                      new ThemeShare(ReviewTheme.SUPPORT_NO_RESPONSE, 35, 0.07, 0.29, List.of())),
                  null,
                  null),
              users,
              "reviews",
              3));
    }
    e.add(
        ev(
            x,
            new SupportChannel(SupportChannelType.LIVE_CHAT, true, true, null),
            disclosure,
            "disclosures",
            60));
    e.add(
        ev(
            x,
            new SupportChannel(SupportChannelType.EMAIL, null, null, null),
            disclosure,
            "disclosures",
            60));
    e.add(ev(x, new ComplaintHandling(15, true, true, null), disclosure, "disclosures", 60));
    List<CollectorOutcome> outcomes = new ArrayList<>();
    for (String collector : List.of("defillama", "disclosures", "news", "regulators", "reviews")) {
      outcomes.add(
          new CollectorOutcome(collector, OutcomeStatus.OK, ReasonCode.NONE, null, 0, List.of()));
    }
    return new EvidenceBundle(x, AS_OF, e, outcomes);
  }
}
