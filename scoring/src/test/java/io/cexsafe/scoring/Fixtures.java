package io.cexsafe.scoring;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.OutcomeStatus;
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
import io.cexsafe.facts.CustodyProvider;
import io.cexsafe.facts.CustodyRole;
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
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Hand-written evidence for scoring tests (our own values, shaped like the collectors' output). */
public final class Fixtures {
  public static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  public static final LocalDate TODAY = LocalDate.parse("2026-11-01");

  private Fixtures() {}

  public static Evidence ev(
      Fact fact, EvidenceClass evidenceClass, String collector, Instant observedAt) {
    return ev("acme", fact, evidenceClass, collector, observedAt, null);
  }

  public static Evidence ev(
      String exchange,
      Fact fact,
      EvidenceClass evidenceClass,
      String collector,
      Instant observedAt,
      Instant staleAfter) {
    Provenance provenance =
        Provenance.builder(collector)
            .source("https://example.test/" + collector + "/" + fact.typeName(), "test source")
            .observedAt(observedAt)
            .retrievedAt(AS_OF)
            .evidenceClass(evidenceClass)
            .staleAfter(staleAfter)
            .build();
    return Evidence.of(exchange, fact, provenance);
  }

  public static Evidence disclosed(Fact fact) {
    return ev(fact, EvidenceClass.EXCHANGE_DISCLOSURE, "disclosures", daysAgo(20));
  }

  public static Instant daysAgo(long days) {
    return AS_OF.minus(Duration.ofDays(days));
  }

  public static EvidenceBundle bundle(List<Evidence> evidence) {
    return new EvidenceBundle("acme", AS_OF, evidence, List.of());
  }

  public static EvidenceBundle bundle(Evidence... evidence) {
    return bundle(List.of(evidence));
  }

  public static CollectorOutcome ok(String collector, int count) {
    return new CollectorOutcome(
        collector, OutcomeStatus.OK, ReasonCode.NONE, null, count, List.of());
  }

  public static SecurityControl control(AccountControl control, ControlAvailability availability) {
    return new SecurityControl(control, availability);
  }

  public static Licence registerLicence(
      String jurisdiction, String regulator, String id, LicenceStatus status) {
    return new Licence(
        jurisdiction,
        regulator,
        regulator + " register",
        "Acme Ltd",
        id,
        status,
        List.of("custody"),
        null,
        null,
        status == LicenceStatus.CLAIMED ? MatchBasis.CLAIM : MatchBasis.IDENTIFIER);
  }

  public static Licence claimedLicence(String jurisdiction, String regulator, String id) {
    return new Licence(
        jurisdiction,
        regulator,
        null,
        "Acme Ltd",
        id,
        LicenceStatus.CLAIMED,
        List.of("custody"),
        null,
        null,
        MatchBasis.CLAIM);
  }

  /** A realistic, well-documented exchange: most rules known, some not. */
  public static List<Evidence> realistic(String exchange) {
    List<Evidence> e = new ArrayList<>();
    EvidenceClass third = EvidenceClass.THIRD_PARTY_REPORT;
    EvidenceClass disclosure = EvidenceClass.EXCHANGE_DISCLOSURE;
    EvidenceClass register = EvidenceClass.REGULATOR_REGISTER;
    EvidenceClass users = EvidenceClass.USER_REPORTS;
    e.add(
        ev(
            exchange,
            new ReserveSnapshot(
                new BigDecimal("12400000000"),
                new BigDecimal("11800000000"),
                new BigDecimal("310000000"),
                true),
            third,
            "defillama",
            daysAgo(1),
            null));
    e.add(
        ev(
            exchange,
            new ReserveComposition(0.025, 0.31, 0.78, 0.17, 0.21, 0.34, List.of()),
            third,
            "defillama",
            daysAgo(1),
            null));
    e.add(
        ev(
            exchange,
            new NetFlow(720, new BigDecimal("-310000000"), -0.025),
            third,
            "defillama",
            daysAgo(1),
            null));
    e.add(
        ev(
            exchange,
            new ColdStorage(0.95, "95% of assets in cold storage"),
            disclosure,
            "disclosures",
            daysAgo(120),
            null));
    e.add(
        ev(
            exchange,
            new KeyManagement(
                Set.of(KeyProtection.MPC, KeyProtection.HSM, KeyProtection.GEOGRAPHIC_DISTRIBUTION),
                null),
            disclosure,
            "disclosures",
            daysAgo(120),
            null));
    e.add(
        ev(
            exchange,
            new AssetSegregation(true, true, null, null),
            disclosure,
            "disclosures",
            daysAgo(120),
            null));
    e.add(
        ev(
            exchange,
            new CustodyProvider("Vault Co", CustodyRole.TECHNOLOGY, false, null),
            disclosure,
            "disclosures",
            daysAgo(120),
            null));
    e.add(
        ev(
            exchange,
            new PorAttestation(
                TODAY.minusDays(40),
                "Example & Partners LLP",
                PorMethod.MERKLE_SUM_TREE,
                AttestorIndependence.INDEPENDENT_ACCOUNTANT,
                List.of(
                    new AssetReserveRatio("BTC", new BigDecimal("1.03")),
                    new AssetReserveRatio("ETH", new BigDecimal("1.01")),
                    new AssetReserveRatio("USDT", new BigDecimal("1.00"))),
                PorCadence.QUARTERLY,
                true,
                false,
                null),
            EvidenceClass.INDEPENDENT_ATTESTATION,
            "disclosures",
            daysAgo(35),
            null));
    e.add(
        ev(
            exchange,
            new InsurancePolicy(
                new BigDecimal("750000000"),
                "Lloyd's syndicate",
                "Broker Ltd",
                Set.of(InsuranceScope.COLD_STORAGE, InsuranceScope.HOT_WALLETS),
                "Acme Custody Ltd",
                false,
                null),
            disclosure,
            "disclosures",
            daysAgo(200),
            null));
    e.add(
        ev(
            exchange,
            new ProtectionProgramme(
                "Acme Protect",
                new BigDecimal("250000"),
                List.of("2FA enabled"),
                List.of("GB", "FR"),
                true,
                URI.create("https://example.test/protect")),
            disclosure,
            "disclosures",
            daysAgo(200),
            null));
    e.add(
        ev(
            exchange,
            registerLicence("GB", "FCA", "900001", LicenceStatus.ACTIVE),
            register,
            "regulators",
            daysAgo(2),
            null));
    e.add(
        ev(
            exchange,
            registerLicence("IE", "CBI", "C00001", LicenceStatus.ACTIVE),
            register,
            "regulators",
            daysAgo(2),
            null));
    e.add(
        ev(
            exchange,
            claimedLicence("SG", "MAS", "PS2020"),
            disclosure,
            "disclosures",
            daysAgo(120),
            null));
    e.add(
        ev(
            exchange,
            control(AccountControl.WITHDRAWAL_2FA, ControlAvailability.MANDATORY),
            disclosure,
            "disclosures",
            daysAgo(60),
            null));
    e.add(
        ev(
            exchange,
            control(AccountControl.TOTP, ControlAvailability.OPTIONAL),
            disclosure,
            "disclosures",
            daysAgo(60),
            null));
    e.add(
        ev(
            exchange,
            control(AccountControl.PASSKEYS, ControlAvailability.OPTIONAL),
            disclosure,
            "disclosures",
            daysAgo(60),
            null));
    e.add(
        ev(
            exchange,
            new SecurityControl(
                AccountControl.WITHDRAWAL_WHITELIST, ControlAvailability.OPTIONAL, 24, true, null),
            disclosure,
            "disclosures",
            daysAgo(60),
            null));
    e.add(
        ev(
            exchange,
            new SecurityControl(
                AccountControl.ANTI_PHISHING_CODE, ControlAvailability.OPTIONAL, null, false, null),
            disclosure,
            "disclosures",
            daysAgo(60),
            null));
    e.add(
        ev(
            exchange,
            control(AccountControl.API_KEY_SCOPING, ControlAvailability.DEFAULT_ON),
            disclosure,
            "disclosures",
            daysAgo(60),
            null));
    e.add(
        ev(
            exchange,
            new Certification(
                CertificationStandard.ISO_27001,
                null,
                "platform",
                LocalDate.parse("2025-03-01"),
                LocalDate.parse("2028-03-01"),
                "Cert Body"),
            disclosure,
            "disclosures",
            daysAgo(60),
            null));
    e.add(
        ev(
            exchange,
            new BugBounty("HackerOne", new BigDecimal("250000"), null),
            disclosure,
            "disclosures",
            daysAgo(60),
            null));
    e.add(
        ev(
            exchange,
            new Incident(
                LocalDate.parse("2022-01-17"),
                IncidentKind.HACK,
                new BigDecimal("34000000"),
                "2FA bypass",
                null,
                Reimbursement.FULL,
                12,
                true,
                List.of("mandatory 2FA"),
                483,
                null),
            third,
            "defillama",
            daysAgo(1),
            null));
    e.add(
        ev(
            exchange,
            new AppRating(
                AppStore.APPLE, "GB", "id100", new BigDecimal("4.6"), 180000, "3.1", null, null),
            users,
            "reviews",
            daysAgo(3),
            null));
    e.add(
        ev(
            exchange,
            new AppRating(
                AppStore.GOOGLE_PLAY,
                "GB",
                "com.acme",
                new BigDecimal("4.3"),
                420000,
                null,
                null,
                null),
            users,
            "reviews",
            daysAgo(3),
            null));
    e.add(
        ev(
            exchange,
            new ReviewThemes(
                AppStore.APPLE,
                "GB",
                500,
                120,
                List.of(
                    new ThemeShare(ReviewTheme.CRASHES_BUGS, 20, 0.04, 0.16, List.of()),
                    new ThemeShare(ReviewTheme.SUPPORT_NO_RESPONSE, 35, 0.07, 0.29, List.of())),
                4.1,
                4.4),
            users,
            "reviews",
            daysAgo(3),
            null));
    e.add(
        ev(
            exchange,
            new SupportChannel(SupportChannelType.LIVE_CHAT, true, true, null),
            disclosure,
            "disclosures",
            daysAgo(60),
            null));
    e.add(
        ev(
            exchange,
            new SupportChannel(SupportChannelType.EMAIL, null, null, null),
            disclosure,
            "disclosures",
            daysAgo(60),
            null));
    e.add(
        ev(
            exchange,
            new ComplaintHandling(15, true, null, null),
            disclosure,
            "disclosures",
            daysAgo(60),
            null));
    return e;
  }

  public static EvidenceBundle realisticBundle(String exchange) {
    return new EvidenceBundle(
        exchange,
        AS_OF,
        realistic(exchange),
        List.of(ok("defillama", 4), ok("disclosures", 18), ok("regulators", 2), ok("reviews", 3)));
  }
}
