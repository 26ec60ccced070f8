package io.cexsafe.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a finding is about. */
public enum FindingKind {
  /** Two facts disagree; the more trusted (then the newer) one was used. */
  CONFLICT,
  /** A fact that should worry a user (a regulator warning, reserves below liabilities, ...). */
  WARNING,
  /** Evidence a rule used has passed its stale-after date. */
  STALE,
  /** A claim (usually the exchange's own) that no independent source confirms. */
  CLAIM_UNVERIFIED,
  /** A red flag that caps the grade. */
  RED_FLAG;

  /** {@return the stable kebab-case id used in JSON} */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Reads a kind from its id, ignoring case.
   *
   * @param id the kind's id
   * @return the kind
   * @throws IllegalArgumentException when no kind has that id
   */
  @JsonCreator
  public static FindingKind fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
