package io.cexsafe;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Bounds on decimal numbers read from outside, checked before any arithmetic. A {@link BigDecimal}
 * such as {@code 1e999999} is cheap to parse but makes later arithmetic or printing run for minutes
 * or exhaust memory, so input numbers must have at most {@link #MAX_DIGITS} significant digits and
 * a magnitude between {@code 10^-}{@value #MAX_MAGNITUDE} and {@code 10^}{@value #MAX_MAGNITUDE}.
 * These bounds are far beyond any amount, price or balance (documented in docs/limits.md).
 */
public final class Decimals {
  /** Most significant digits a number may have. */
  public static final int MAX_DIGITS = 60;

  /** Largest power of ten (positive or negative) a non-zero number may reach. */
  public static final int MAX_MAGNITUDE = 60;

  /** Longest text parsed as a number, checked before parsing. */
  public static final int MAX_TEXT_LENGTH = 200;

  private Decimals() {}

  /**
   * Checks that a number is within the bounds cexsafe accepts.
   *
   * @param value the number
   * @return what is wrong with it, or empty when it is within bounds
   */
  public static Optional<String> problem(BigDecimal value) {
    if (value.signum() == 0) {
      return Optional.empty();
    }
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.precision() > MAX_DIGITS) {
      return Optional.of(
          "has " + stripped.precision() + " significant digits; at most " + MAX_DIGITS);
    }
    // the power of ten of the leading digit, computed without materialising the number
    long magnitude = (long) stripped.precision() - stripped.scale() - 1;
    if (Math.abs(magnitude) > MAX_MAGNITUDE) {
      return Optional.of(
          "is out of range (about 1e"
              + magnitude
              + "); numbers must lie between 1e-"
              + MAX_MAGNITUDE
              + " and 1e"
              + MAX_MAGNITUDE);
    }
    return Optional.empty();
  }

  /**
   * Parses a decimal from text within bounds.
   *
   * @param text the number as written
   * @return the number
   * @throws NumberFormatException with a message fit for users when it is not a number or out of
   *     bounds
   */
  public static BigDecimal parse(String text) {
    String t = text.strip();
    if (t.length() > MAX_TEXT_LENGTH) {
      throw new NumberFormatException(
          "a number of " + t.length() + " characters; at most " + MAX_TEXT_LENGTH);
    }
    BigDecimal value = new BigDecimal(t);
    Optional<String> problem = problem(value);
    if (problem.isPresent()) {
      throw new NumberFormatException(t + " " + problem.get());
    }
    return value;
  }
}
