package io.cexsafe.collectors.regulators.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tolerant parsing of the date spellings registers use. */
public final class Dates {
  private static final Pattern DAY_FIRST =
      Pattern.compile("(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})\\.?");
  private static final Pattern YEAR_FIRST =
      Pattern.compile("(\\d{4})[./-](\\d{1,2})[./-](\\d{1,2})(?:[T ].*)?");

  private Dates() {}

  /**
   * A day-first date ({@code 27/01/2025}, {@code 27.01.2025}, {@code 27.01.2025.}) or an ISO-like
   * year-first one ({@code 2024/04/03}, {@code 2024-04-03}); null when blank.
   *
   * @throws IllegalArgumentException when the text is neither
   */
  public static LocalDate dayFirst(String text) {
    return parse(text, false);
  }

  /** A month-first US date ({@code 11/01/2024}) or a year-first one; null when blank. */
  public static LocalDate monthFirst(String text) {
    return parse(text, true);
  }

  private static LocalDate parse(String text, boolean monthFirst) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.trim();
    try {
      Matcher m = YEAR_FIRST.matcher(trimmed);
      if (m.matches()) {
        return LocalDate.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
      }
      m = DAY_FIRST.matcher(trimmed);
      if (m.matches()) {
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        int year = Integer.parseInt(m.group(3));
        return monthFirst ? LocalDate.of(year, first, second) : LocalDate.of(year, second, first);
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a valid date: '" + trimmed + "'", e);
    }
    throw new IllegalArgumentException("not a date: '" + trimmed + "'");
  }

  /** Like {@link #dayFirst} but null instead of an exception for text that is not a date. */
  public static LocalDate dayFirstOrNull(String text) {
    try {
      return dayFirst(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
