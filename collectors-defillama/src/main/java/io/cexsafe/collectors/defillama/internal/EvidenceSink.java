package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Problem;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.facts.Fact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects one mapper's facts (search records and incident checks included) and findings for one
 * exchange. Each mapper fills a sink of its own and hands back its {@link Findings}: no sink is
 * shared.
 */
final class EvidenceSink {
  private static final EvidenceClass CLASS = EvidenceClass.THIRD_PARTY_REPORT;

  private final String exchangeId;
  private final Instant retrievedAt;
  private final List<Evidence> evidence = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> notTracked = new ArrayList<>();

  EvidenceSink(String exchangeId, Instant retrievedAt) {
    this.exchangeId = exchangeId;
    this.retrievedAt = retrievedAt;
  }

  /** A sink for the exchange of {@code snapshot}, dating provenance by its retrieval. */
  static EvidenceSink of(DefiLlamaSnapshot snapshot) {
    return new EvidenceSink(snapshot.exchange().id(), snapshot.time().retrievedAt());
  }

  /**
   * Adds a fact; a value the fact refuses (its constructor's {@link IllegalArgumentException})
   * becomes a problem instead, and loses only that fact.
   */
  void add(Supplier<? extends Fact> fact, Provenance provenance) {
    try {
      evidence.add(Evidence.of(exchangeId, fact.get(), provenance));
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              ReasonCode.MALFORMED_RESPONSE,
              "DeFiLlama gave a value cexsafe cannot accept: " + e.getMessage(),
              provenance.sourceUrl().toString(),
              null));
    }
  }

  /** When the sink's facts were read. */
  Instant retrievedAt() {
    return retrievedAt;
  }

  void problem(Problem problem) {
    problems.add(problem);
  }

  void problem(SourceException failure) {
    problems.add(Problem.of(failure));
  }

  /** Records why DeFiLlama has nothing on the exchange (a checked absence, not a failure). */
  void notTracked(Problem finding) {
    notTracked.add(finding);
  }

  /** Provenance of DeFiLlama evidence; {@code staleAfter} counts from {@code observed}. */
  Provenance provenance(
      String url, String title, Instant observed, Duration staleAfter, String note) {
    return Provenance.builder(DefiLlamaEngine.COLLECTOR_ID)
        .source(url, title)
        .observedAt(observed)
        .retrievedAt(retrievedAt)
        .evidenceClass(CLASS)
        .staleAfter(staleAfter == null ? null : observed.plus(staleAfter))
        .note(note)
        .build();
  }

  Findings findings() {
    return new Findings(evidence, problems, notTracked);
  }
}
