package io.cexsafe.facts;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Validation helpers for the fact records. */
final class Checks {
  private Checks() {}

  static String text(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value.trim();
  }

  static String optionalText(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  static <T> T required(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  /** A share in [0, 1], or null when unknown. */
  static Double share(Double value, String name) {
    if (value != null && (value.isNaN() || value < 0 || value > 1)) {
      throw new IllegalArgumentException(name + " must be within [0, 1]: " + value);
    }
    return value;
  }

  static Double finite(Double value, String name) {
    if (value != null && (value.isNaN() || value.isInfinite())) {
      throw new IllegalArgumentException(name + " must be a finite number: " + value);
    }
    return value;
  }

  /** A non-negative amount, or null when unknown. */
  static BigDecimal nonNegative(BigDecimal value, String name) {
    if (value != null && value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value.toPlainString());
    }
    return value;
  }

  static Integer nonNegative(Integer value, String name) {
    if (value != null && value < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
    return value;
  }

  static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  static <E extends Enum<E>> Set<E> enums(Collection<E> values, Class<E> type) {
    return values == null || values.isEmpty()
        ? Set.of()
        : java.util.Collections.unmodifiableSet(EnumSet.copyOf(values));
  }

  static String country(String value, String name) {
    String text = text(value, name).toUpperCase(Locale.ROOT);
    if (!text.matches("[A-Z]{2}|EU|GLOBAL")) {
      throw new IllegalArgumentException(
          name + " must be an ISO 3166 alpha-2 code, EU or GLOBAL: " + value);
    }
    return text;
  }

  static String usd(BigDecimal amount) {
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
    return sign + "USD " + abs.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  private static String scaled(BigDecimal value, long unit) {
    return value
        .divide(BigDecimal.valueOf(unit), 2, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** An enum constant as lower-case words: {@code HOT_WALLETS} becomes "hot wallets". */
  static String words(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static String percent(Double share) {
    return share == null ? "unknown" : String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
