package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.Evidence;
import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.spi.CollectionResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What one mapper made of a snapshot: evidence, problems, and the "not tracked" findings that tell
 * why DeFiLlama has nothing on the exchange.
 */
record Findings(List<Evidence> evidence, List<Problem> problems, List<Problem> notTracked) {
  static final Findings NONE = new Findings(List.of(), List.of(), List.of());

  Findings {
    evidence = List.copyOf(evidence);
    problems = List.copyOf(problems);
    notTracked = List.copyOf(notTracked);
  }

  static Findings problem(Problem problem) {
    return new Findings(List.of(), List.of(problem), List.of());
  }

  /** All parts in order, each list keeping the order of the parts. */
  static Findings concat(List<Findings> parts) {
    List<Evidence> evidence = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Problem> notTracked = new ArrayList<>();
    for (Findings part : parts) {
      evidence.addAll(part.evidence);
      problems.addAll(part.problems);
      notTracked.addAll(part.notTracked);
    }
    return new Findings(evidence, problems, notTracked);
  }

  /**
   * The collector's result. Nothing but "not tracked" is a skip; with evidence the main story is
   * "partial because not tracked", without it the failures come first.
   */
  CollectionResult result() {
    if (evidence.isEmpty() && problems.isEmpty() && !notTracked.isEmpty()) {
      return CollectionResult.skipped(ReasonCode.NOT_LISTED, notTracked.get(0).message());
    }
    CollectionResult.Builder builder = CollectionResult.builder().addAll(evidence);
    List<Problem> ordered = new ArrayList<>();
    if (evidence.isEmpty()) {
      ordered.addAll(problems);
      ordered.addAll(notTracked);
    } else {
      ordered.addAll(notTracked);
      ordered.addAll(problems);
    }
    ordered.forEach(builder::problem);
    return builder.build();
  }
}
