package io.cexsafe.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a rule's inputs were known. */
public enum RuleStatus {
  /** The rule had the evidence it needs and awarded points. */
  KNOWN,
  /** The rule's inputs are absent: it awards nothing and widens the range. */
  UNKNOWN;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static RuleStatus fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
