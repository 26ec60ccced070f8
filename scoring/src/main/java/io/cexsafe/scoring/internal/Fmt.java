package io.cexsafe.scoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Locale-independent formatting for explanation lines. */
public final class Fmt {
  private Fmt() {}

  public static String pct(double share) {
    return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  public static String num(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e12) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value)
        .setScale(2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  public static String pts(double points, double max) {
    return num(Curves.round2(points)) + "/" + num(max);
  }

  public static String usd(BigDecimal amount) {
    if (amount == null) {
      return "unknown";
    }
    BigDecimal abs = amount.abs();
    String sign = amount.signum() < 0 ? "-" : "";
    if (abs.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0) {
      return sign + "USD " + scaled(abs, 1_000_000_000L) + "B";
    }
    if (abs.compareTo(BigDecimal.valueOf(1_000_000L)) >= 0) {
      return sign + "USD " + scaled(abs, 1_000_000L) + "M";
    }
    return sign + "USD " + abs.setScale(0, RoundingMode.HALF_UP).toPlainString();
  }

  private static String scaled(BigDecimal value, long unit) {
    return value
        .divide(BigDecimal.valueOf(unit), 2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  public static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  public static String days(double days) {
    long whole = (long) Math.floor(days);
    return whole == 1 ? "1 day" : whole + " days";
  }
}
