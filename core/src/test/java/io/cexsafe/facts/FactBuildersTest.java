package io.cexsafe.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactBuildersTest {
  private static final LocalDate DAY = LocalDate.of(2024, 7, 18);

  @Test
  void incidentBuilderEqualsThePositionalRecord() {
    Incident built =
        Incident.builder(DAY, IncidentKind.HACK)
            .lossUsd(new BigDecimal("230000000"))
            .technique("multisig compromise")
            .reimbursement(Reimbursement.PARTIAL)
            .hardeningMeasures(List.of("new custody"))
            .build();

    assertThat(built)
        .isEqualTo(
            new Incident(
                DAY,
                IncidentKind.HACK,
                new BigDecimal("230000000"),
                "multisig compromise",
                null,
                Reimbursement.PARTIAL,
                null,
                null,
                List.of("new custody"),
                null,
                null));
  }

  @Test
  void incidentBuilderDefaultsToUnknownAndEmpty() {
    Incident built = Incident.builder(DAY, IncidentKind.OUTAGE).build();

    assertThat(built.reimbursement()).isEqualTo(Reimbursement.UNKNOWN);
    assertThat(built.hardeningMeasures()).isEmpty();
    assertThat(built.lossUsd()).isNull();
  }

  @Test
  void builderStillValidatesThroughTheRecord() {
    assertThatThrownBy(
            () -> Incident.builder(DAY, IncidentKind.HACK).lossUsd(new BigDecimal("-1")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lossUsd");
    assertThatThrownBy(
            () ->
                Licence.builder("GB", "FCA", "Example Ltd", LicenceStatus.CLAIMED, MatchBasis.NAME)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("matchBasis CLAIM");
  }

  @Test
  void licenceBuilderEqualsThePositionalRecord() {
    Licence built =
        Licence.builder("GB", "FCA", "Example Ltd", LicenceStatus.ACTIVE, MatchBasis.IDENTIFIER)
            .identifier("900000")
            .registerUrl(URI.create("https://register.fca.org.uk/s/firm?id=1"))
            .build();

    assertThat(built)
        .isEqualTo(
            new Licence(
                "GB",
                "FCA",
                null,
                "Example Ltd",
                "900000",
                LicenceStatus.ACTIVE,
                List.of(),
                null,
                URI.create("https://register.fca.org.uk/s/firm?id=1"),
                MatchBasis.IDENTIFIER));
  }

  @Test
  void porAttestationBuilderEqualsThePositionalRecord() {
    PorAttestation built =
        PorAttestation.builder(
                DAY,
                "Example LLP",
                PorMethod.values()[0],
                AttestorIndependence.values()[0],
                PorCadence.values()[0])
            .userVerifiable(true)
            .build();

    assertThat(built)
        .isEqualTo(
            new PorAttestation(
                DAY,
                "Example LLP",
                PorMethod.values()[0],
                AttestorIndependence.values()[0],
                List.of(),
                PorCadence.values()[0],
                true,
                false,
                null));
  }
}
