package io.cexsafe.collectors.regulators.internal;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Country codes as registers write them, normalised to ISO 3166-1 alpha-2. */
public final class Countries {
  /** EU and EEA states a MiCA authorisation can be passported to. */
  public static final Set<String> EEA =
      Set.of(
          "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
          "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

  // ESMA lists separate codes with '|', ' I ' (a capital i), '/', ',', ';' or whitespace
  private static final Pattern CODE = Pattern.compile("[A-Z]{2}");
  private static final Pattern SEPARATORS = Pattern.compile("\\s+I\\s+|[|/,;\\s]+");

  private Countries() {}

  /**
   * One code, trimmed and upper-cased, with the known register typos fixed: {@code EL} (the EU's
   * code for Greece) becomes {@code GR}, {@code SL} becomes {@code SI}, {@code UK} becomes {@code
   * GB}. Null when the text is not a two-letter code.
   */
  public static String normalise(String code) {
    if (code == null) {
      return null;
    }
    String c = code.trim().toUpperCase(Locale.ROOT);
    c =
        switch (c) {
          case "EL" -> "GR";
          case "SL" -> "SI";
          case "UK" -> "GB";
          default -> c;
        };
    return CODE.matcher(c).matches() ? c : null;
  }

  /** A list of codes in any of the separators ESMA uses, normalised, deduplicated and sorted. */
  public static Set<String> list(String text) {
    Set<String> out = new TreeSet<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : SEPARATORS.split(" " + text.trim() + " ")) {
      String code = normalise(part);
      if (code != null) {
        out.add(code);
      }
    }
    return out;
  }
}
