package io.cexsafe.collectors.defillama.internal;

import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.OutcomeStatus;
import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.spi.CollectionResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsAndSinkTest {
  private static final Problem NOT_TRACKED =
      new Problem(ReasonCode.NOT_LISTED, "not tracked", "https://defillama.com/cexs", null);
  private static final Problem FAILED =
      new Problem(ReasonCode.TIMEOUT, "timed out", "https://api.llama.fi/hacks", null);

  private static EvidenceSink sink() {
    return new EvidenceSink("binance", NOW);
  }

  private static void addSnapshot(EvidenceSink sink, String total) {
    sink.add(
        () -> new ReserveSnapshot(new BigDecimal(total), null, null, true),
        sink.provenance(
            "https://defillama.com/cex/binance-cex", "t", NOW, Duration.ofDays(2), "note"));
  }

  @Test
  void aSinkCollectsFactsWithProvenanceDatedByTheRun() {
    EvidenceSink sink = sink();
    addSnapshot(sink, "100");
    Findings findings = sink.findings();
    assertThat(findings.evidence()).hasSize(1);
    var evidence = findings.evidence().get(0);
    assertThat(evidence.exchangeId()).isEqualTo("binance");
    assertThat(evidence.provenance().collectorId()).isEqualTo("defillama");
    assertThat(evidence.provenance().retrievedAt()).isEqualTo(NOW);
    assertThat(evidence.provenance().staleAfter()).isEqualTo(NOW.plus(Duration.ofDays(2)));
    assertThat(findings.problems()).isEmpty();
  }

  @Test
  void aValueTheFactRefusesBecomesAProblemAndLosesOnlyThatFact() {
    EvidenceSink sink = sink();
    addSnapshot(sink, "-5");
    addSnapshot(sink, "5");
    Findings findings = sink.findings();
    assertThat(findings.evidence()).hasSize(1);
    assertThat(findings.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
              assertThat(p.message()).startsWith("DeFiLlama gave a value cexsafe cannot accept");
              assertThat(p.source()).isEqualTo("https://defillama.com/cex/binance-cex");
            });
  }

  @Test
  void aSourceFailureIsKeptAsAProblem() {
    EvidenceSink sink = sink();
    sink.problem(new SourceException(ReasonCode.TIMEOUT, "timed out", "https://api.llama.fi/x"));
    assertThat(sink.findings().problems())
        .extracting(Problem::reason)
        .containsExactly(ReasonCode.TIMEOUT);
  }

  @Test
  void partsAreConcatenatedInOrder() {
    Findings first = Findings.problem(FAILED);
    EvidenceSink sink = sink();
    sink.notTracked(NOT_TRACKED);
    sink.problem(NOT_TRACKED);
    Findings all = Findings.concat(List.of(first, Findings.NONE, sink.findings()));
    assertThat(all.problems()).containsExactly(FAILED, NOT_TRACKED);
    assertThat(all.notTracked()).containsExactly(NOT_TRACKED);
  }

  @Test
  void onlyNotTrackedIsASkip() {
    EvidenceSink sink = sink();
    sink.notTracked(NOT_TRACKED);
    CollectionResult result = sink.findings().result();
    assertThat(result.status()).isEqualTo(OutcomeStatus.SKIPPED);
    assertThat(result.reason()).isEqualTo(ReasonCode.NOT_LISTED);
    assertThat(result.message()).isEqualTo("not tracked");
  }

  @Test
  void withEvidenceNotTrackedLeadsWithoutItTheFailuresDo() {
    EvidenceSink withEvidence = sink();
    withEvidence.problem(FAILED);
    withEvidence.notTracked(NOT_TRACKED);
    addSnapshot(withEvidence, "1");
    assertThat(withEvidence.findings().result().problems()).containsExactly(NOT_TRACKED, FAILED);

    EvidenceSink without = sink();
    without.problem(FAILED);
    without.notTracked(NOT_TRACKED);
    assertThat(without.findings().result().problems()).containsExactly(FAILED, NOT_TRACKED);
  }
}
