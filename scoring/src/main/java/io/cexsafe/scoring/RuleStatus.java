package io.cexsafe.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a rule knew: three states, because "we looked and found nothing" is not "nobody looked". */
public enum RuleStatus {
  /** The rule had the facts it needs and awarded points. */
  KNOWN,
  /**
   * Someone searched where the fact would be published and found nothing: evidence of absence. The
   * rule scores like the worst value it defines and counts towards coverage.
   */
  CHECKED_ABSENT,
  /** Nobody looked: no points, the range widens and the estimate counts the rule at the prior. */
  UNKNOWN;

  /** {@return the stable kebab-case id used in JSON, e.g. {@code checked-absent}} */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** {@return true for the states that are evidence (known or checked absent)} */
  public boolean covered() {
    return this != UNKNOWN;
  }

  /**
   * Reads a status from its id, ignoring case.
   *
   * @param id the status's id
   * @return the status
   * @throws IllegalArgumentException when no status has that id
   */
  @JsonCreator
  public static RuleStatus fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
