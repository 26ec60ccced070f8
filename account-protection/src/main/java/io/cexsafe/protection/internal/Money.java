package io.cexsafe.protection.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formatting of decimal amounts for people: no exponent, no trailing zeros. */
public final class Money {
  private Money() {}

  /** {@code 250000.00} becomes {@code 250000}, {@code 0.50} becomes {@code 0.5}. */
  public static String plain(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    return value.stripTrailingZeros().toPlainString();
  }

  /** A USD amount rounded half-even to cents, e.g. {@code 30000.00}. */
  public static String usd(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
