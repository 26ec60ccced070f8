package io.cexsafe.collectors.regulators.internal;

import io.cexsafe.Exchange;
import io.cexsafe.SourceException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One register read by the regulators collector. */
public interface RegisterSource {
  Register register();

  /** True unless switched off with {@code regulators.<id>.enabled=false}. */
  boolean enabled();

  /** True when the exchange gives this register something to check. */
  boolean appliesTo(Exchange exchange);

  /**
   * The requests this register is expected to make over {@code exchanges} when every call succeeds
   * at its first attempt, per host: a shared file once per run, per-claim calls per claim.
   *
   * @param exchanges the exchanges of the run (including those the register does not apply to)
   * @return the count per host (empty map when nothing would be asked); empty when the source
   *     cannot tell
   */
  default Optional<Map<String, Integer>> plannedRequests(List<Exchange> exchanges) {
    return Optional.empty();
  }

  /** Why the source cannot run at all (e.g. missing credentials), if so. */
  default Optional<String> missingCredentials() {
    return Optional.empty();
  }

  /**
   * Checks the exchange against the register. Failures of single claims go to {@code out} as
   * problems; a failure of the whole register is thrown.
   */
  void collect(Exchange exchange, Findings out) throws SourceException;
}
