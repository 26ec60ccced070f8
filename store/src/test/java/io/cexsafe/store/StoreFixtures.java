package io.cexsafe.store;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Problem;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.BugBounty;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.Scorer;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Our own evidence for store tests, shaped like the collectors' output. */
final class StoreFixtures {
  static final Instant DAY_ONE = Instant.parse("2026-11-01T12:00:00Z");
  private static final Scorer SCORER = Scorer.standard();

  private StoreFixtures() {}

  /**
   * A bundle whose reserve figure changes with {@code reservesUsd} and whose bug bounty never
   * changes (the same evidence id and content every day; only its retrieval time moves).
   */
  static EvidenceBundle bundle(String exchange, Instant asOf, long reservesUsd) {
    Evidence reserves =
        Evidence.of(
            exchange,
            new ReserveSnapshot(
                BigDecimal.valueOf(reservesUsd),
                BigDecimal.valueOf(reservesUsd * 9 / 10),
                BigDecimal.valueOf(reservesUsd / 20),
                true),
            Provenance.builder("defillama")
                .source("https://api.example.test/cexs", "reserves for " + exchange)
                .observedAt(asOf.minus(Duration.ofHours(1)))
                .retrievedAt(asOf)
                .evidenceClass(EvidenceClass.THIRD_PARTY_REPORT)
                .staleAfter(asOf.plus(Duration.ofDays(7)))
                .build());
    Evidence bounty =
        Evidence.of(
            exchange,
            new BugBounty(
                "HackerOne",
                new BigDecimal("250000"),
                URI.create("https://hackerone.example.test/" + exchange)),
            Provenance.builder("disclosures")
                .source("https://" + exchange + ".example.test/security", "security page")
                .observedAt(Instant.parse("2026-01-15T00:00:00Z"))
                .retrievedAt(asOf)
                .evidenceClass(EvidenceClass.EXCHANGE_DISCLOSURE)
                .note("quoted as published")
                .build());
    return new EvidenceBundle(
        exchange,
        asOf,
        List.of(reserves, bounty),
        List.of(
            CollectorOutcome.ok("defillama", 1),
            CollectorOutcome.ok("disclosures", 1),
            CollectorOutcome.failed(
                "regulators",
                ReasonCode.HTTP_SERVER_ERROR,
                "register answered 503",
                List.of(
                    new Problem(
                        ReasonCode.HTTP_SERVER_ERROR,
                        "register answered 503",
                        "https://register.example.test/search",
                        503)))));
  }

  static Scorecard score(EvidenceBundle bundle) {
    return SCORER.score(bundle);
  }
}
