package io.cexsafe.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Json;
import io.cexsafe.Pillar;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProtectionEvidenceTest {

  @Test
  void theProgrammeBecomesInsuranceEvidenceSourcedToThePolicy() {
    Evidence evidence = ProtectionEvidence.toEvidence(ProtectionProgrammes.cryptoComApp());

    assertThat(evidence.exchangeId()).isEqualTo("crypto-com");
    assertThat(evidence.pillars()).containsExactly(Pillar.INSURANCE);
    io.cexsafe.facts.ProtectionProgramme fact =
        (io.cexsafe.facts.ProtectionProgramme) evidence.fact();
    assertThat(fact.name()).isEqualTo("Crypto.com Account Protection Programme (APP)");
    assertThat(fact.capPerUserUsd()).isEqualByComparingTo(new BigDecimal("250000"));
    assertThat(fact.countries()).hasSize(26).contains("AE", "HK", "TR");
    assertThat(fact.discretionary()).isTrue();
    assertThat(fact.prerequisites()).hasSize(10);
    assertThat(fact.prerequisites().get(0)).contains("KYC");
    assertThat(fact.prerequisites().get(1)).contains("at least 21 days prior");
    assertThat(fact.termsUrl())
        .isEqualTo(URI.create("https://help.crypto.com/en/articles/5938387-crypto-com-app-policy"));

    assertThat(evidence.evidenceClass()).isEqualTo(EvidenceClass.EXCHANGE_DISCLOSURE);
    assertThat(evidence.provenance().collectorId()).isEqualTo("account-protection");
    assertThat(evidence.provenance().sourceTitle()).startsWith("APP Policy");
    assertThat(evidence.provenance().observedAt()).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
    assertThat(evidence.provenance().staleAfter()).isEqualTo(Instant.parse("2027-11-21T00:00:00Z"));
    assertThat(evidence.provenance().note())
        .contains("states no publication date")
        .contains("Updated over a week ago")
        .contains("terms and conditions prevail");
  }

  @Test
  void theEvidenceIsStableAndSurvivesAJsonRoundTrip() {
    Evidence first =
        ProtectionEvidence.toEvidence(ProtectionProgrammes.cryptoComApp(), "disclosures");
    Evidence second =
        ProtectionEvidence.toEvidence(ProtectionProgrammes.cryptoComApp(), "disclosures");

    assertThat(first.id()).isEqualTo(second.id()).startsWith("disclosures:");
    String json = Json.write(first);
    assertThat(Json.write(Json.read(json, "evidence.json", Evidence.class))).isEqualTo(json);
  }
}
