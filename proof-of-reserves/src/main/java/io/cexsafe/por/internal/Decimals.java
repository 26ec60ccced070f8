package io.cexsafe.por.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** The decimal formats the schemes print sums in; balances are never doubles. */
public final class Decimals {
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  /**
   * The longest number text accepted anywhere in a proof or tree. Real balances need a few dozen
   * characters at most (a 2^256 integer has 78 digits); the bound is generous so that no genuine
   * value is refused, and it keeps parsing linear: {@code new BigDecimal} is quadratic in the
   * length of its text, so a megabyte-long "balance" would otherwise take minutes.
   */
  public static final int MAX_NUMBER_CHARS = 100;

  private Decimals() {}

  /** Parses a plain decimal as printed; exponents, signs other than '-' and blanks are refused. */
  public static BigDecimal parse(String text, String where) {
    requireShort(text, where);
    if (text == null || !PLAIN_DECIMAL.matcher(text).matches()) {
      throw new MalformedProofException(
          where + " is not a plain decimal number: " + Texts.quote(text));
    }
    return new BigDecimal(text);
  }

  /**
   * Refuses a number text longer than {@link #MAX_NUMBER_CHARS}, naming only its length; call it
   * before any parsing of number text taken from the input.
   */
  public static String requireShort(String text, String where) {
    if (text != null && text.length() > MAX_NUMBER_CHARS) {
      throw new MalformedProofException(
          where
              + " is "
              + text.length()
              + " characters long; numbers are at most "
              + MAX_NUMBER_CHARS);
    }
    return text;
  }

  /** OKX: rounded down to 8 decimals, trailing zeros removed, zero as "0". */
  public static String plain8down(BigDecimal value) {
    return plain(value.setScale(8, RoundingMode.DOWN));
  }

  /** Bitget 2025 and MEXC sums: trailing zeros removed, plain notation, zero as "0". */
  public static String plain(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    return value.stripTrailingZeros().toPlainString();
  }

  /** Bybit: exactly 8 decimals, rounded down, trailing zeros kept. */
  public static String fixed8(BigDecimal value) {
    return value.setScale(8, RoundingMode.DOWN).toPlainString();
  }
}
