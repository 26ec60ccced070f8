package io.cexsafe.identity;

import java.util.Locale;
import java.util.Objects;

/**
 * A source entry matched to the name asked for, with how sure the match is and why.
 *
 * @param candidate the source's entry
 * @param kind how its name relates to the name asked for
 * @param field the entry's name that matched best
 * @param query the name asked for
 */
public record IdentityMatch(
    IdentityCandidate candidate, MatchKind kind, NameField field, String query) {
  /**
   * Checks every part is present.
   *
   * @param candidate the source's entry
   * @param kind how its name relates to the name asked for
   * @param field the entry's name that matched best
   * @param query the name asked for
   */
  public IdentityMatch {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(query, "query");
  }

  /** {@return the short id of the source that listed the matched entry} */
  public String source() {
    return candidate.source();
  }

  /** {@return how sure the match is, in [0, 1], as its kind rates it} */
  public double confidence() {
    return kind.confidence();
  }

  /** {@return true when the entry is taken to be the exchange asked for (not a related entity)} */
  public boolean sameEntity() {
    return kind.sameEntity();
  }

  /**
   * The evidence in one line: source, field, what matched and how, e.g. {@code esma
   * ae_commercial_name 'Bybit' is identical to 'Bybit' (confidence 1.00)}.
   *
   * @return the line, numbers formatted the same in every locale
   */
  public String evidence() {
    return String.format(
        Locale.ROOT,
        "%s %s '%s' %s '%s' (confidence %.2f)",
        candidate.source(),
        field.field(),
        field.value(),
        kind.phrase(),
        query,
        kind.confidence());
  }
}
