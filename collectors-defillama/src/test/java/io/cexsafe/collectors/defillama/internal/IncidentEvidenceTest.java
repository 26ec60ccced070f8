package io.cexsafe.collectors.defillama.internal;

import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.ENDPOINTS;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.IN_THE_PAST;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.PAST;
import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.ExchangeCatalog;
import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.IncidentKind;
import io.cexsafe.facts.IncidentRecordCheck;
import io.cexsafe.facts.Reimbursement;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentEvidenceTest {
  private static final ExchangeCatalog CATALOG = ExchangeCatalog.bundled();
  private final IncidentEvidence incidents = new IncidentEvidence(ENDPOINTS);

  private static Hack hack(String name, LocalDate date, String defillamaId, List<String> bad) {
    return new Hack(
        date,
        date == null ? "someday" : date.toString(),
        name,
        "CEX",
        "Infrastructure",
        "Hot wallet keys",
        new BigDecimal("570000000"),
        new BigDecimal("-1"),
        List.of("BSC"),
        true,
        "https://news.test/hack",
        defillamaId,
        bad);
  }

  private static DefiLlamaSnapshot snapshot(Hack... hacks) {
    SnapshotFixture f = SnapshotFixture.listedBinance();
    f.hacks = Fetched.of(List.of(hacks));
    return f.build();
  }

  @Test
  void theExchangesHacksBecomeIncidentsAndTheSearchCountsThem() {
    Hack ours = hack("Binance", LocalDate.of(2022, 10, 7), null, List.of());
    Hack byId = hack("BNB Bridge", LocalDate.of(2022, 10, 6), "2269", List.of());
    Hack theirs = hack("Crypto.com", LocalDate.of(2022, 1, 17), null, List.of());
    Hack defi =
        new Hack(
            LocalDate.of(2022, 1, 1),
            "x",
            "Binance",
            "DeFi Protocol",
            null,
            null,
            null,
            null,
            List.of(),
            false,
            null,
            null,
            List.of());
    Findings findings = incidents.map(snapshot(ours, byId, theirs, defi), CATALOG);

    assertThat(findings.problems()).isEmpty();
    assertThat(findings.evidence()).hasSize(3);
    assertThat(findings.evidence().get(0).fact())
        .isEqualTo(
            Incident.builder(LocalDate.of(2022, 10, 7), IncidentKind.HACK)
                .lossUsd(new BigDecimal("570000000"))
                .technique("Hot wallet keys")
                .reimbursement(Reimbursement.UNKNOWN)
                .summaryText("Binance: Infrastructure; chains BSC; bridge hack")
                .build()); // a negative return is unknown, not a value
    assertThat(findings.evidence().get(0).provenance().sourceUrl())
        .isEqualTo(URI.create("https://news.test/hack"));
    assertThat(findings.evidence().get(1).provenance().note()).contains("defillamaId 2269");
    IncidentRecordCheck check = (IncidentRecordCheck) findings.evidence().get(2).fact();
    assertThat(check.incidentsFound()).isEqualTo(2);
  }

  @Test
  void unusableRowsAreProblemsYetStillCountAsFound() {
    Findings findings =
        incidents.map(
            snapshot(
                hack("Binance", null, null, List.of()),
                hack("Binance", LocalDate.of(2022, 1, 1), null, List.of("amount 1e999999"))),
            CATALOG);
    assertThat(findings.problems())
        .extracting(Problem::message)
        .containsExactly(
            "a /hacks row for Binance has an unusable date 'someday'; skipped",
            "a /hacks row for Binance has a value that cannot be represented (amount 1e999999);"
                + " its incident is left out");
    assertThat(findings.problems()).allMatch(p -> p.reason() == ReasonCode.MALFORMED_RESPONSE);
    assertThat(findings.evidence())
        .singleElement()
        .satisfies(e -> assertThat(((IncidentRecordCheck) e.fact()).incidentsFound()).isEqualTo(2));
  }

  @Test
  void aPastRunKeepsOnlyWhatHadHappenedAndSaysSo() {
    SnapshotFixture f = SnapshotFixture.listedBinance();
    f.time = IN_THE_PAST;
    f.hacks =
        Fetched.of(
            List.of(
                hack("Binance", LocalDate.of(2026, 11, 1), null, List.of()),
                hack("Binance", LocalDate.of(2026, 11, 2), null, List.of())));
    Findings findings = incidents.map(f.build(), CATALOG);
    assertThat(findings.evidence()).hasSize(2);
    var check = findings.evidence().get(1);
    assertThat(((IncidentRecordCheck) check.fact()).incidentsFound()).isEqualTo(1);
    assertThat(check.provenance().observedAt()).isEqualTo(PAST);
    assertThat(check.provenance().note()).contains("only rows dated on or before as-of 2026-11-01");
  }

  @Test
  void aFailedListIsOneProblemAndNoClaimOfAbsence() {
    SnapshotFixture f = SnapshotFixture.listedBinance();
    f.hacks = Fetched.failed(new SourceException(ReasonCode.TIMEOUT, "slow", "https://a/hacks"));
    DefiLlamaSnapshot snapshot = f.build();
    assertThat(incidents.map(snapshot, CATALOG)).isEqualTo(Findings.NONE);
    assertThat(incidents.listFailure(snapshot).problems())
        .extracting(Problem::reason)
        .containsExactly(ReasonCode.TIMEOUT);
    assertThat(incidents.listFailure(snapshot())).isEqualTo(Findings.NONE);
  }

  @Test
  void anExchangeDefiLlamaKnowsNothingOfGetsNoEmptySearch() {
    SnapshotFixture f = new SnapshotFixture();
    f.hacks = Fetched.of(List.of());
    assertThat(incidents.map(f.build(), CATALOG)).isEqualTo(Findings.NONE);
  }
}
