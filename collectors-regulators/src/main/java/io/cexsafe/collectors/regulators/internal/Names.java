package io.cexsafe.collectors.regulators.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares entity names as registers spell them. Deliberately strict: two names match only when
 * they are the same words once case, punctuation and legal-form spellings are normalised, so that
 * "InvestByBit Pty Ltd" never matches "Bybit".
 */
public final class Names {
  private static final Pattern PARENTHESISED = Pattern.compile("\\(([^)]*)\\)");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "ltd", "inc", "llc", "plc", "pte", "pty", "sa", "nv", "bv", "ag", "gmbh", "fze", "fzco",
          "fzllc", "ulc", "corp", "co", "uab", "sas", "sarl", "srl", "spa", "oy", "ab", "as", "kft",
          "sro", "ood", "lp", "llp", "se");

  private Names() {}

  /**
   * Lower-case words separated by single spaces, with accents, punctuation and legal-form spellings
   * unified ({@code Limited} and {@code Ltd.} both become {@code ltd}).
   */
  public static String normalise(String name) {
    if (name == null) {
      return "";
    }
    String text =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .replace('\uFFFD', ' ')
            .toLowerCase(Locale.ROOT)
            .replace("&", " and ");
    // "S.A." and "N.V." must survive punctuation removal as one word
    text = text.replaceAll("\\b([a-z])\\.([a-z])\\.", "$1$2");
    List<String> words = new ArrayList<>();
    for (String word : NON_WORD.split(text)) {
      if (word.isEmpty()) {
        continue;
      }
      words.add(
          switch (word) {
            case "limited" -> "ltd";
            case "incorporated" -> "inc";
            case "corporation" -> "corp";
            case "company" -> "co";
            case "proprietary" -> "pty";
            case "private" -> "pte";
            default -> word;
          });
    }
    return String.join(" ", words);
  }

  /** The normalised name without legal-form words ({@code foris dax uk} for Foris DAX UK Ltd). */
  public static String core(String name) {
    List<String> words = new ArrayList<>();
    for (String word : normalise(name).split(" ")) {
      if (!word.isEmpty() && !LEGAL_FORMS.contains(word)) {
        words.add(word);
      }
    }
    return String.join(" ", words);
  }

  /**
   * The forms under which a register entry may be known: the whole name, the name without
   * parenthesised parts, and each parenthesised part (VARA writes {@code Foris DAX Middle East FZE
   * (Crypto.com)}).
   */
  public static Set<String> variants(String name) {
    Set<String> out = new LinkedHashSet<>();
    if (name == null || name.isBlank()) {
      return out;
    }
    out.add(name.trim());
    var m = PARENTHESISED.matcher(name);
    String outside = m.replaceAll(" ").trim();
    if (!outside.isEmpty()) {
      out.add(outside);
    }
    m.reset();
    while (m.find()) {
      if (!m.group(1).isBlank()) {
        out.add(m.group(1).trim());
      }
    }
    return out;
  }

  /** True when the two names denote the same entity under the strict rule above. */
  public static boolean sameEntity(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    for (String x : variants(a)) {
      for (String y : variants(b)) {
        String cx = core(x);
        String cy = core(y);
        if (!cx.isEmpty() && cx.equals(cy)) {
          return true;
        }
      }
    }
    return false;
  }
}
