package io.cexsafe.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a finding matters, most severe first. */
public enum Severity {
  /** Changes what a reader should conclude. */
  HIGH,
  /** Worth a reader's attention. */
  MEDIUM,
  /** A detail. */
  LOW,
  /** For information only. */
  INFO;

  /** {@return the stable lower-case id used in JSON} */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a severity from its id, ignoring case.
   *
   * @param id the severity's id
   * @return the severity
   * @throws IllegalArgumentException when no severity has that id
   */
  @JsonCreator
  public static Severity fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
