package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.Problem;
import java.util.Objects;

/**
 * What a {@code /protocol/{slug}} call gave.
 *
 * @param status how the call went
 * @param summary the history read, only when {@link Status#READ}
 * @param problem why there is no summary, or null when {@link Status#READ}
 */
record ProtocolRead(Status status, ProtocolSummary summary, Problem problem) {
  enum Status {
    /** A usable history. */
    READ,
    /** DeFiLlama has no such protocol: the exchange is not tracked. */
    MISSING,
    /** The history begins after a past run's as-of: DeFiLlama did not track it yet. */
    BEFORE_HISTORY,
    /** The call failed or its answer carries no reserve figure. */
    UNUSABLE
  }

  ProtocolRead {
    Objects.requireNonNull(status, "status");
    if ((status == Status.READ) != (summary != null) || (summary == null) == (problem == null)) {
      throw new IllegalArgumentException(
          "a read protocol has a summary and no problem; any other has a problem only");
    }
  }

  static ProtocolRead read(ProtocolSummary summary) {
    return new ProtocolRead(Status.READ, summary, null);
  }

  static ProtocolRead missing(Problem problem) {
    return new ProtocolRead(Status.MISSING, null, problem);
  }

  static ProtocolRead beforeHistory(Problem problem) {
    return new ProtocolRead(Status.BEFORE_HISTORY, null, problem);
  }

  static ProtocolRead unusable(Problem problem) {
    return new ProtocolRead(Status.UNUSABLE, null, problem);
  }

  boolean missing() {
    return status == Status.MISSING;
  }
}
