package io.cexsafe.identity.internal;

import io.cexsafe.identity.MatchKind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares exchange names the way a careful person would: case, accents and punctuation do not
 * matter, legal forms (Ltd, GmbH, S.A., Pte. Ltd.) do not make another entity, a web domain
 * ("Gate.io") is the same brand, but a region or country after the brand ("Binance.US", "Bybit EU
 * GmbH") is a separate entity.
 */
public final class NameForms {
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  // an app title or register name often continues after these: "Binance: Buy Bitcoin"
  private static final Pattern TITLE_END = Pattern.compile("\\s*(?::|\\s[-|–—]\\s|\\()");

  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "ltd",
          "limited",
          "gmbh",
          "sa",
          "sas",
          "sarl",
          "srl",
          "spa",
          "bv",
          "nv",
          "ag",
          "ab",
          "as",
          "asa",
          "oy",
          "oyj",
          "ou",
          "uab",
          "pte",
          "pty",
          "plc",
          "inc",
          "incorporated",
          "llc",
          "llp",
          "lp",
          "corp",
          "corporation",
          "co",
          "company",
          "kk",
          "sro",
          "doo",
          "kft",
          "se",
          "sl",
          "slu",
          "sau",
          "lda",
          "ltda",
          "fze",
          "fzco",
          "fz",
          "dmcc",
          "jsc",
          "pjsc",
          "ooo",
          "zrt",
          "sagl",
          "scs",
          "sci",
          "eood",
          "ad");

  private static final Set<String> GENERIC_DOMAINS =
      Set.of(
          "com",
          "io",
          "net",
          "org",
          "exchange",
          "pro",
          "global",
          "co",
          "cc",
          "me",
          "app",
          "finance",
          "trade",
          "market",
          "xyz",
          "ai",
          "vip",
          "info",
          "biz");

  private static final Set<String> REGIONS =
      Set.of(
          "us",
          "usa",
          "uk",
          "eu",
          "europe",
          "european",
          "jp",
          "japan",
          "tr",
          "turkey",
          "turkiye",
          "au",
          "australia",
          "kr",
          "korea",
          "th",
          "thailand",
          "id",
          "indonesia",
          "in",
          "india",
          "br",
          "brasil",
          "brazil",
          "ca",
          "canada",
          "sg",
          "singapore",
          "de",
          "germany",
          "fr",
          "france",
          "nl",
          "netherlands",
          "es",
          "spain",
          "it",
          "italy",
          "mt",
          "malta",
          "lu",
          "luxembourg",
          "ie",
          "ireland",
          "at",
          "austria",
          "cy",
          "cyprus",
          "lt",
          "lithuania",
          "ae",
          "uae",
          "dubai",
          "mena",
          "asia",
          "africa",
          "za",
          "ng",
          "nigeria",
          "ph",
          "philippines",
          "vn",
          "vietnam",
          "hk",
          "hongkong",
          "tw",
          "taiwan",
          "mx",
          "mexico",
          "ar",
          "argentina",
          "latam",
          "america",
          "americas",
          "bahamas",
          "gibraltar",
          "gi",
          "bermuda",
          "bm",
          "nz",
          "ch",
          "switzerland",
          "pl",
          "poland",
          "cz",
          "uzbekistan",
          "kz",
          "kazakhstan",
          "ua");

  private NameForms() {}

  /**
   * How {@code value} (a source's name) relates to {@code query} (the name asked for), or empty
   * when they are unrelated.
   */
  public static Optional<MatchKind> compare(String query, String value) {
    if (query == null || value == null || query.isBlank() || value.isBlank()) {
      return Optional.empty();
    }
    if (query.strip().equals(value.strip())) {
      return Optional.of(MatchKind.IDENTICAL);
    }
    return relate(query, value);
  }

  /** The leading part of a name that goes on with a colon, a dash or a bracket, else the name. */
  public static String title(String value) {
    String stripped = value.strip();
    var matcher = TITLE_END.matcher(stripped);
    if (matcher.find() && matcher.start() > 0) {
      return stripped.substring(0, matcher.start()).strip();
    }
    return stripped;
  }

  /** Lower-case words without accents or punctuation; runs of single letters joined (S.A. = sa). */
  public static List<String> words(String text) {
    String plain =
        MARKS
            .matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT)
            .replace("&", " and ");
    List<String> words = new ArrayList<>();
    StringBuilder letters = new StringBuilder();
    for (String word : NON_ALNUM.split(plain)) {
      if (word.isEmpty()) {
        continue;
      }
      if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
        letters.append(word);
        continue;
      }
      if (letters.length() > 0) {
        words.add(letters.toString());
        letters.setLength(0);
      }
      words.add(word);
    }
    if (letters.length() > 0) {
      words.add(letters.toString());
    }
    return words;
  }

  /** A kebab-case id from a name: {@code "Gate.io"} gives {@code gate-io}. */
  public static String slug(String name) {
    String slug = String.join("-", words(name));
    return slug.isEmpty() ? "exchange" : slug;
  }

  private static Optional<MatchKind> relate(String query, String value) {
    List<String> asked = words(query);
    List<String> given = words(value);
    if (asked.isEmpty() || given.isEmpty()) {
      return Optional.empty();
    }
    if (String.join("", asked).equals(String.join("", given))) {
      return Optional.of(MatchKind.SAME_IGNORING_PUNCTUATION);
    }
    List<String> askedBrand = withoutLegalForm(asked);
    List<String> givenBrand = withoutLegalForm(given);
    if (String.join("", askedBrand).equals(String.join("", givenBrand))) {
      return Optional.of(MatchKind.SAME_WITHOUT_LEGAL_FORM);
    }
    List<String> askedBare = withoutDomain(query, askedBrand);
    List<String> givenBare = withoutDomain(value, givenBrand);
    if (String.join("", askedBare).equals(String.join("", givenBare))) {
      return Optional.of(MatchKind.SAME_BRAND_WITH_DOMAIN);
    }
    List<String> shorter = askedBare.size() <= givenBare.size() ? askedBare : givenBare;
    List<String> longer = shorter == askedBare ? givenBare : askedBare;
    if (shorter.isEmpty() || !startsWith(longer, shorter)) {
      return Optional.empty();
    }
    List<String> extra = longer.subList(shorter.size(), longer.size());
    if (extra.stream().allMatch(REGIONS::contains)) {
      return Optional.of(MatchKind.REGIONAL_ARM);
    }
    // one short common word ("the", "x") is no evidence of relation
    return String.join("", shorter).length() >= 3
        ? Optional.of(MatchKind.PARTIAL)
        : Optional.empty();
  }

  private static List<String> withoutLegalForm(List<String> words) {
    int end = words.size();
    while (end > 1 && LEGAL_FORMS.contains(words.get(end - 1))) {
      end--;
    }
    return words.subList(0, end);
  }

  /** Drops a trailing generic web domain ("io" of "Gate.io"), only when written with a dot. */
  private static List<String> withoutDomain(String original, List<String> words) {
    if (words.size() < 2) {
      return words;
    }
    String last = words.get(words.size() - 1);
    String lower = original.toLowerCase(Locale.ROOT);
    if (GENERIC_DOMAINS.contains(last) && lower.contains("." + last)) {
      return words.subList(0, words.size() - 1);
    }
    return words;
  }

  private static boolean startsWith(List<String> longer, List<String> prefix) {
    return longer.size() > prefix.size() && longer.subList(0, prefix.size()).equals(prefix);
  }
}
