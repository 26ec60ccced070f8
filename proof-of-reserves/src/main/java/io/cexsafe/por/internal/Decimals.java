package io.cexsafe.por.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** The decimal formats the schemes print sums in; balances are never doubles. */
public final class Decimals {
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private Decimals() {}

  /** Parses a plain decimal as printed; exponents, signs other than '-' and blanks are refused. */
  public static BigDecimal parse(String text, String where) {
    if (text == null || !PLAIN_DECIMAL.matcher(text).matches()) {
      throw new MalformedProofException(where + " is not a plain decimal number: '" + text + "'");
    }
    return new BigDecimal(text);
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
