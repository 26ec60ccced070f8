package io.cexsafe;

import java.util.Locale;
import java.util.regex.Pattern;

/** Small validation helpers shared by the model's records. */
final class Strings {
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private Strings() {}

  static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value.trim();
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  static String requireCountry(String value, String name) {
    String text = requireText(value, name).toUpperCase(Locale.ROOT);
    if (!COUNTRY.matcher(text).matches()) {
      throw new IllegalArgumentException(name + " must be an ISO 3166 alpha-2 code: " + value);
    }
    return text;
  }
}
