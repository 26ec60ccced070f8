package io.cexsafe.scoring.internal;

import io.cexsafe.Evidence;
import io.cexsafe.facts.Fact;

/** A typed fact together with the evidence that carries it. */
public record Item<T extends Fact>(T fact, Evidence evidence) {
  public String id() {
    return evidence.id();
  }
}
