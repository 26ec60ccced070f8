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
  /** Checked by cexsafe itself, e.g. a verified inclusion proof: the most trusted. */
  CRYPTOGRAPHICALLY_VERIFIED("cryptographically-verified"),
  /** Read from a regulator's public register. */
  REGULATOR_REGISTER("regulator-register"),
  /** Stated by an independent auditor or attestor. */
  INDEPENDENT_ATTESTATION("independent-attestation"),
  /** Published by the exchange about itself. */
  EXCHANGE_DISCLOSURE("exchange-disclosure"),
  /** Reported by a third party such as a data aggregator or the press. */
  THIRD_PARTY_REPORT("third-party-report"),
  /** Reported by users, e.g. app-store reviews: the least trusted. */
  USER_REPORTS("user-reports");

  private final String id;

  EvidenceClass(String id) {
    this.id = id;
  }

  /** {@return the stable kebab-case id used in JSON} */
  @JsonValue
  public String id() {
    return id;
  }

  /** {@return the trust rank; higher is more trusted} */
  public int trust() {
    return values().length - ordinal();
  }

  /**
   * Compares trust.
   *
   * @param other the class to compare with
   * @return true when this class is strictly more trusted than {@code other}
   */
  public boolean outranks(EvidenceClass other) {
    return trust() > other.trust();
  }

  /**
   * Reads a class from its id, ignoring case and accepting underscores for dashes.
   *
   * @param value the id, e.g. {@code regulator-register}
   * @return the class
   * @throws IllegalArgumentException when no class has that id
   */
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
