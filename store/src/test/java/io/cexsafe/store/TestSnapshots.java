package io.cexsafe.store;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Provenance;
import io.cexsafe.facts.AttestorIndependence;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.IncidentKind;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import io.cexsafe.facts.NetFlow;
import io.cexsafe.facts.PorAttestation;
import io.cexsafe.facts.PorCadence;
import io.cexsafe.facts.PorMethod;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.Scorer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Builds evidence bundles and their scorecards for tests of diffs and alerts. */
public final class TestSnapshots {
  public static final String EXCHANGE = "kraken";

  private final Instant asOf;
  private final List<Evidence> evidence = new ArrayList<>();

  private TestSnapshots(Instant asOf) {
    this.asOf = asOf;
  }

  /** A snapshot taken at {@code asOf}. */
  public static TestSnapshots at(String asOf) {
    return new TestSnapshots(Instant.parse(asOf));
  }

  public TestSnapshots reserves(long totalUsd) {
    return reserves(totalUsd, asOf);
  }

  public TestSnapshots reserves(long totalUsd, Instant observedAt) {
    return add(
        "defillama",
        new ReserveSnapshot(BigDecimal.valueOf(totalUsd), null, null, true),
        observedAt,
        EvidenceClass.THIRD_PARTY_REPORT,
        null);
  }

  public TestSnapshots netFlow(int windowHours, long netUsd, Double share) {
    return add(
        "defillama",
        new NetFlow(windowHours, BigDecimal.valueOf(netUsd), share),
        asOf,
        EvidenceClass.THIRD_PARTY_REPORT,
        null);
  }

  public TestSnapshots licence(String identifier, LicenceStatus status) {
    return add(
        "regulators",
        Licence.builder("GB", "FCA", "Payward Ltd", status, MatchBasis.IDENTIFIER)
            .identifier(identifier)
            .build(),
        asOf,
        EvidenceClass.REGULATOR_REGISTER,
        null);
  }

  public TestSnapshots incident(String date, IncidentKind kind, long lossUsd) {
    return add(
        "defillama",
        Incident.builder(LocalDate.parse(date), kind).lossUsd(BigDecimal.valueOf(lossUsd)).build(),
        LocalDate.parse(date).atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
        EvidenceClass.THIRD_PARTY_REPORT,
        null);
  }

  public TestSnapshots proofOfReserves(String reportDate, int staleAfterDays) {
    Instant observed =
        LocalDate.parse(reportDate).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    return add(
        "disclosures",
        PorAttestation.builder(
                LocalDate.parse(reportDate),
                "Armanino",
                PorMethod.MERKLE_SUM_TREE,
                AttestorIndependence.INDEPENDENT_ACCOUNTANT,
                PorCadence.MONTHLY)
            .build(),
        observed,
        EvidenceClass.INDEPENDENT_ATTESTATION,
        observed.plus(staleAfterDays, ChronoUnit.DAYS));
  }

  private TestSnapshots add(
      String collector, Fact fact, Instant observedAt, EvidenceClass cls, Instant staleAfter) {
    Provenance provenance =
        Provenance.builder(collector)
            .source("https://example.test/" + collector, collector + " source")
            .observedAt(observedAt)
            .retrievedAt(asOf)
            .evidenceClass(cls)
            .staleAfter(staleAfter)
            .build();
    evidence.add(Evidence.of(EXCHANGE, fact, provenance));
    return this;
  }

  public EvidenceBundle bundle() {
    return new EvidenceBundle(EXCHANGE, asOf, evidence, List.of());
  }

  public Scorecard scorecard() {
    return Scorer.standard().score(bundle());
  }

  /** This snapshot as a store returns it, under {@code runId}. */
  public Snapshot snapshot(String runId) {
    return new Snapshot(runId, bundle(), scorecard());
  }
}
