package io.cexsafe.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a finding matters, most severe first. */
public enum Severity {
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Severity fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
