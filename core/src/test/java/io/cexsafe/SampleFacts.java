package io.cexsafe;

import io.cexsafe.facts.*;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One instance of every fact type, with optional fields both set and unset. */
final class SampleFacts {
  private SampleFacts() {}

  static List<Fact> all() {
    return List.of(
        new ReserveSnapshot(
            new BigDecimal("4962012809.795062"), new BigDecimal("4500000000"), null, true),
        new ReserveComposition(
            0.021,
            0.35,
            0.8,
            0.2,
            0.18,
            null,
            List.of(new TokenHolding("btc", new BigDecimal("1500000000.5"), 0.3))),
        new ReserveTrend(30, -0.052, 0.081),
        new NetFlow(24, new BigDecimal("-27319332.16195826"), -0.0055),
        new ColdStorage(null, "the majority of assets are kept in cold storage"),
        new KeyManagement(
            Set.of(KeyProtection.HSM, KeyProtection.ROLE_BASED_ACCESS), "HSM-backed cold wallets"),
        new AssetSegregation(true, true, null, "held 1:1"),
        new CustodyProvider("Ledger Vault", CustodyRole.TECHNOLOGY, false, null),
        new PorAttestation(
            LocalDate.parse("2022-12-07"),
            "Mazars",
            PorMethod.MERKLE_SUM_TREE,
            AttestorIndependence.INDEPENDENT_ACCOUNTANT,
            List.of(new AssetReserveRatio("BTC", new BigDecimal("1.02"))),
            PorCadence.ONE_OFF,
            true,
            true,
            "auditor has since withdrawn"),
        new PorDashboard(URI.create("https://crypto.com/document/proof-of-reserves"), true, null),
        new ProofVerification(
            "okx-v2",
            ProofStrength.SUM_TREE_FULL_TREE_PUBLISHED,
            true,
            "ab12",
            LocalDate.parse("2024-01-01"),
            Map.of("BTC", new BigDecimal("10.50000000")),
            null),
        new InsurancePolicy(
            new BigDecimal("750000000"),
            "Arch (Lloyd's Syndicate 2012)",
            null,
            Set.of(InsuranceScope.COLD_STORAGE),
            null,
            false,
            null),
        new ProtectionProgramme(
            "Account Protection Programme",
            new BigDecimal("250000"),
            List.of("2FA enabled"),
            List.of("gb", "SG"),
            true,
            URI.create("https://crypto.com/app-policy")),
        new SelfInsuranceFund("SAFU", new BigDecimal("1000000000"), null),
        new Licence(
            "GB",
            "FCA",
            "Financial Services Register",
            "FORIS DAX UK LIMITED",
            "941745",
            LicenceStatus.ACTIVE,
            List.of("cryptoasset exchange provider"),
            LocalDate.parse("2022-08-16"),
            URI.create("https://register.fca.org.uk/s/firm?id=941745"),
            MatchBasis.IDENTIFIER),
        new RegulatoryWarning(
            "NL", "AFM", "MEXC Global", "operating without registration", null, null, false),
        new SecurityControl(
            AccountControl.NEW_ADDRESS_LOCK, ControlAvailability.DEFAULT_ON, 24, true, null),
        new Certification(CertificationStandard.ISO_27001, null, "platform", null, null, null),
        new BugBounty(
            "HackerOne", new BigDecimal("2000000"), URI.create("https://hackerone.com/crypto")),
        new SecurityRating("CER.live", new BigDecimal("8.5"), BigDecimal.TEN, "AA"),
        new Incident(
            LocalDate.parse("2022-01-17"),
            IncidentKind.HACK,
            new BigDecimal("34000000"),
            "2FA bypass",
            null,
            Reimbursement.FULL,
            24,
            true,
            List.of("2FA rebuilt"),
            483,
            null),
        new IncidentRecordCheck("DeFiLlama hacks", 0, "hacks whose target is a CEX"),
        new SearchRecord(
            SearchTopic.PROOF_OF_RESERVES,
            "DeFiLlama CEX list",
            null,
            12,
            0,
            "PoR and auditor fields"),
        new IdentityResolution(
            "Zeta Exchange",
            List.of(
                "defillama name 'Zeta Exchange' is identical to 'Zeta Exchange' (confidence 1.00)"),
            List.of("fca: no entry matched")),
        new AppRating(
            AppStore.APPLE,
            "us",
            "1262148500",
            new BigDecimal("4.7"),
            450_000,
            "3.200",
            null,
            null),
        new AppAvailability(AppStore.GOOGLE_PLAY, "CN", "co.mona.android", false),
        new ReviewThemes(
            AppStore.GOOGLE_PLAY,
            "GLOBAL",
            500,
            120,
            List.of(
                new ThemeShare(
                    ReviewTheme.SUPPORT_NO_RESPONSE,
                    40,
                    0.08,
                    0.25,
                    List.of(
                        new ReviewQuote(
                            "no answer for a week", 1, LocalDate.parse("2026-10-01"), null)))),
            3.9,
            4.2),
        new SupportChannel(SupportChannelType.LIVE_CHAT, true, true, "in app"),
        new ComplaintHandling(15, true, null, null),
        new UserBase(140_000_000, "worldwide"),
        new Governance(true, "Acme Europe Ltd", false, false, "annual report"),
        new Governance(null, null, true, null, null),
        extension());
  }

  static ExtensionFact extension() {
    var payload = ExtensionFact.newPayload();
    payload.put("auditor", "Example Audit LLP");
    payload.put("coldShare", new BigDecimal("0.950"));
    payload.putArray("wallets").add("bc1qexample").add("0xexample");
    return ExtensionFact.of(
        "acme.cold-wallet-audit",
        List.of(Pillar.CUSTODY),
        payload,
        "cold-wallet audit by Example Audit LLP: 95 % cold");
  }
}
