package io.cexsafe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a fact is known, in trust order: a fact of a more trusted class wins a conflict with a fact
 * of a less trusted one.
 */
public enum EvidenceClass {
  CRYPTOGRAPHICALLY_VERIFIED("cryptographically-verified"),
  REGULATOR_REGISTER("regulator-register"),
  INDEPENDENT_ATTESTATION("independent-attestation"),
  EXCHANGE_DISCLOSURE("exchange-disclosure"),
  THIRD_PARTY_REPORT("third-party-report"),
  USER_REPORTS("user-reports");

  private final String id;

  EvidenceClass(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  /** Higher is more trusted. */
  public int trust() {
    return values().length - ordinal();
  }

  /** True when this class is strictly more trusted than {@code other}. */
  public boolean outranks(EvidenceClass other) {
    return trust() > other.trust();
  }

  @JsonCreator
  public static EvidenceClass fromId(String value) {
    String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values())
        .filter(c -> c.id.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown evidence class '"
                        + value
                        + "'; known: "
                        + Arrays.toString(Arrays.stream(values()).map(c -> c.id).toArray())));
  }
}
