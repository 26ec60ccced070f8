package io.cexsafe.collectors.defillama.internal;

import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.ENDPOINTS;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.IN_THE_PAST;
import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.ReasonCode;
import io.cexsafe.facts.AttestorIndependence;
import io.cexsafe.facts.PorAttestation;
import io.cexsafe.facts.PorCadence;
import io.cexsafe.facts.PorDashboard;
import io.cexsafe.facts.PorMethod;
import io.cexsafe.facts.SearchRecord;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PorPointersTest {
  private static final Instant AUDITED = Instant.parse("2025-03-04T05:06:07Z");
  private final PorPointers pointers = new PorPointers(ENDPOINTS);

  private static SnapshotFixture withRow(String walletsLink, String auditor, String auditLink) {
    SnapshotFixture f = SnapshotFixture.listedBinance();
    f.row =
        new CexRow(
            "Binance",
            "Binance-CEX",
            "BNB",
            List.of(),
            walletsLink,
            auditor,
            auditor == null ? null : AUDITED,
            auditLink,
            BigDecimal.TEN,
            null,
            null,
            null,
            null,
            List.of());
    f.cexs = Fetched.of(new CexList(List.of(f.row)));
    return f;
  }

  @Test
  void theWalletsLinkAndTheAuditorArePointersAndTheirSearchCountsThem() {
    Findings findings =
        pointers.map(
            withRow("https://binance.test/por", "Mazars", "https://audit.test/report.pdf").build());
    assertThat(findings.problems()).isEmpty();
    assertThat(findings.evidence()).hasSize(3);
    PorDashboard dashboard = (PorDashboard) findings.evidence().get(0).fact();
    assertThat(dashboard.url()).isEqualTo(URI.create("https://binance.test/por"));
    var attestation = findings.evidence().get(1);
    assertThat(attestation.fact())
        .isEqualTo(
            PorAttestation.builder(
                    LocalDate.of(2025, 3, 4),
                    "Mazars",
                    PorMethod.ASSETS_ONLY,
                    AttestorIndependence.INDEPENDENT_ACCOUNTANT,
                    PorCadence.ONE_OFF)
                .detail("audit document: https://audit.test/report.pdf")
                .build());
    assertThat(attestation.provenance().sourceUrl())
        .isEqualTo(URI.create("https://audit.test/report.pdf"));
    assertThat(attestation.provenance().staleAfter())
        .isEqualTo(AUDITED.plus(PorPointers.ATTESTATION_STALE_AFTER));
    assertThat(((SearchRecord) findings.evidence().get(2).fact()).found()).isEqualTo(2);
  }

  @Test
  void linksThatAreNotWebAddressesAreLeftOutAndNoneFoundIsACheckedAbsence() {
    Findings findings =
        pointers.map(withRow("javascript:alert(1)", "Mazars", "not a link").build());
    assertThat(findings.evidence()).hasSize(2);
    PorAttestation attestation = (PorAttestation) findings.evidence().get(0).fact();
    assertThat(attestation.detail()).isNull();
    assertThat(findings.evidence().get(0).provenance().sourceUrl())
        .isEqualTo(URI.create("https://defillama.com/cexs"));

    Findings none = pointers.map(withRow(null, null, null).build());
    assertThat(none.evidence())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(((SearchRecord) e.fact()).found()).isZero();
              assertThat(e.provenance().note())
                  .isEqualTo("walletsLink absent, auditor with lastAuditDate absent for Binance");
            });
  }

  @Test
  void withoutARowThereIsNothingAndThePastHasNoPointers() {
    assertThat(pointers.map(new SnapshotFixture().build())).isEqualTo(Findings.NONE);

    SnapshotFixture past = withRow("https://binance.test/por", null, null);
    past.time = IN_THE_PAST;
    Findings findings = pointers.map(past.build());
    assertThat(findings.evidence()).isEmpty();
    assertThat(findings.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo(ReasonCode.NO_HISTORY);
              assertThat(p.message())
                  .startsWith("as of 2026-11-01: the /cexs figures and pointers");
            });
  }
}
