package io.cexsafe.reports;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.BugBounty;
import io.cexsafe.facts.ColdStorage;
import io.cexsafe.scoring.Comparison;
import io.cexsafe.scoring.Scorer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Small assessments with hostile text, a stale fact and every kind of collector outcome. */
final class Samples {
  static final Instant AS_OF = Instant.parse("2026-11-21T23:59:59Z");
  static final String SCRIPT = "<script>document.title='pwned'</script>";

  private Samples() {}

  static ExchangeAssessment acme() {
    return assessment(Exchange.of("acme", "Acme, \"the\" | exchange"), 0.95);
  }

  static ExchangeAssessment bolt() {
    return assessment(Exchange.of("bolt", "Bolt"), 0.5);
  }

  static ExchangeAssessment assessment(Exchange exchange, double coldShare) {
    Evidence bounty =
        Evidence.of(
            exchange.id(),
            new BugBounty(SCRIPT + " & co", new BigDecimal("1000000"), null),
            Provenance.builder("disclosures")
                .source("https://example.org/bounty?a=1&b=2", "Bounty page " + SCRIPT)
                .observedAt(Instant.parse("2026-10-01T00:00:00Z"))
                .retrievedAt(Instant.parse("2026-11-20T00:00:00Z"))
                .evidenceClass(EvidenceClass.EXCHANGE_DISCLOSURE)
                .note("line one\nline two")
                .build());
    Evidence cold =
        Evidence.of(
            exchange.id(),
            new ColdStorage(coldShare, "most assets | offline"),
            Provenance.builder("disclosures")
                .source("urn:cexsafe:seed:cold", "Curated review")
                .observedAt(Instant.parse("2024-01-01T00:00:00Z"))
                .retrievedAt(Instant.parse("2026-11-20T00:00:00Z"))
                .evidenceClass(EvidenceClass.THIRD_PARTY_REPORT)
                .staleAfter(Instant.parse("2025-01-01T00:00:00Z"))
                .build());
    EvidenceBundle bundle =
        new EvidenceBundle(
            exchange.id(),
            AS_OF,
            List.of(bounty, cold),
            List.of(
                new CollectorOutcome(
                    "disclosures", OutcomeStatus.OK, ReasonCode.NONE, null, 2, List.of()),
                new CollectorOutcome(
                    "defillama",
                    OutcomeStatus.FAILED,
                    ReasonCode.TIMEOUT,
                    "timed out after 10 s",
                    0,
                    List.of()),
                new CollectorOutcome(
                    "regulators",
                    OutcomeStatus.SKIPPED,
                    ReasonCode.OFFLINE,
                    "offline run: this collector needs the network",
                    0,
                    List.of())));
    return ExchangeAssessment.of(exchange, bundle, Scorer.standard().score(bundle));
  }

  static ComparisonReport comparison() {
    List<ExchangeAssessment> both = List.of(acme(), bolt());
    return new ComparisonReport(
        both, Comparison.of(both.stream().map(ExchangeAssessment::scorecard).toList()), null);
  }
}
