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

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static OutcomeStatus fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
