package io.cexsafe.identity;

import io.cexsafe.ReasonCode;
import java.util.Objects;

/**
 * A source that could not be searched: its entries are unknown, not absent.
 *
 * @param source the source's short id
 * @param reason why, as a reason code
 * @param message one line for a person
 */
public record LookupFailure(String source, ReasonCode reason, String message) {
  /**
   * Checks every part is present.
   *
   * @param source the source's short id
   * @param reason why, as a reason code
   * @param message one line for a person
   */
  public LookupFailure {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
