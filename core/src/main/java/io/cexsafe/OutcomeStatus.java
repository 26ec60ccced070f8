package io.cexsafe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a collector's run for one exchange ended. */
public enum OutcomeStatus {
  /** Everything the collector tried worked. */
  OK,
  /** Some evidence was collected and some sources failed. */
  PARTIAL,
  /** Nothing was collected because of failures. */
  FAILED,
  /** The collector did not apply (not listed, disabled, offline, no identifier). */
  SKIPPED;

  /** {@return the stable lower-case id used in JSON, e.g. {@code partial}} */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a status from its id, ignoring case.
   *
   * @param id the id, e.g. {@code partial}
   * @return the status
   * @throws IllegalArgumentException when no status has that id
   */
  @JsonCreator
  public static OutcomeStatus fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
