package io.cexsafe.por.internal;

/**
 * Plain decimal amounts as {@code long} counts of 10^-8, the precision OKX rounds sums to. Amounts
 * with more decimals or too large to add two of them without overflow are not exact; callers use
 * {@link java.math.BigDecimal} for those.
 */
final class FixedPoint8 {
  /** Returned for an amount that has no exact {@code long} form here. */
  static final long NOT_EXACT = Long.MIN_VALUE;

  /** Magnitudes stay below 2^62, so the sum of two exact amounts always fits a long. */
  static final long LIMIT = 1L << 62;

  private static final long UNIT = 100_000_000L;

  private FixedPoint8() {}

  /**
   * The amount printed in {@code [from, to)} in units of 10^-8, or {@link #NOT_EXACT}. The text
   * must already be a plain decimal: an optional '-', digits, and optionally '.' and digits.
   */
  static long parse(byte[] text, int from, int to) {
    int i = from;
    boolean negative = text[i] == '-';
    if (negative) {
      i++;
    }
    long whole = 0;
    while (i < to && text[i] != '.') {
      whole = whole * 10 + (text[i] - '0');
      if (whole > LIMIT / UNIT) {
        return NOT_EXACT;
      }
      i++;
    }
    long fraction = 0;
    if (i < to) {
      int decimals = to - i - 1;
      if (decimals > 8) {
        return NOT_EXACT;
      }
      for (int d = i + 1; d < to; d++) {
        fraction = fraction * 10 + (text[d] - '0');
      }
      for (int d = decimals; d < 8; d++) {
        fraction *= 10;
      }
    }
    long units = whole * UNIT + fraction;
    if (units >= LIMIT) {
      return NOT_EXACT;
    }
    return negative ? -units : units;
  }
}
