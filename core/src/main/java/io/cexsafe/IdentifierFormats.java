package io.cexsafe;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The formats of the identifier schemes the bundled catalogue carries, with the checksums where a
 * scheme has one: ISO 17442 (mod 97-10) for LEIs, the ATO weighted sum for ABNs. A format check
 * says an identifier is well formed, not that it belongs to the exchange; the collectors verify
 * that against the registers.
 */
public final class IdentifierFormats {
  private static final Pattern LEI = Pattern.compile("[0-9A-Z]{18}[0-9]{2}");
  private static final Pattern FRN = Pattern.compile("[1-9][0-9]{5,6}");
  private static final Pattern MSB_NUMBER = Pattern.compile("31000[0-9]{9}");
  private static final Pattern FINCEN_RECORD = Pattern.compile("[1-9][0-9]{5,9}");
  private static final Pattern APPLE_TRACK_ID = Pattern.compile("[1-9][0-9]{5,11}");
  private static final Pattern JAVA_PACKAGE =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+");
  private static final Pattern BUNDLE_ID =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*(\\.[A-Za-z0-9][A-Za-z0-9-]*)+");
  private static final Pattern ABN = Pattern.compile("[0-9]{11}");
  private static final Pattern FINTRAC_MSB = Pattern.compile("[MC][0-9]{8,9}");
  private static final Pattern VARA_REFERENCE = Pattern.compile("VL/[0-9]{2,4}/[0-9]{2}/[0-9]{3}");
  private static final Pattern MAS_FID = Pattern.compile("[0-9]+-[A-Z0-9]+(-[A-Z0-9]+)*");
  private static final Pattern DEFILLAMA_SLUG = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
  private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]*");
  private static final Pattern COINGECKO_ID = Pattern.compile("[a-z0-9]+([_-][a-z0-9]+)*");
  private static final Pattern DOMAIN =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
  private static final int[] ABN_WEIGHTS = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};

  private static final Map<String, Function<String, Optional<String>>> CHECKS = checks();

  private IdentifierFormats() {}

  /**
   * The schemes with a known format, in alphabetical order.
   *
   * @return scheme names such as {@code esma.lei} and {@code fca.frn}
   */
  public static Set<String> knownSchemes() {
    return CHECKS.keySet();
  }

  /**
   * Checks one identifier value against the format of its scheme.
   *
   * @param scheme a scheme name, e.g. {@code fca.frn}
   * @param value the identifier value
   * @return a one-line description of the problem, or empty when the value is well formed
   * @throws IllegalArgumentException when the scheme has no known format (see {@link
   *     #knownSchemes()})
   */
  public static Optional<String> problem(String scheme, String value) {
    Function<String, Optional<String>> check = CHECKS.get(scheme);
    if (check == null) {
      throw new IllegalArgumentException("no known format for identifier scheme " + scheme);
    }
    if (value == null) {
      return Optional.of(scheme + " is missing");
    }
    return check.apply(value);
  }

  /**
   * Checks an identifier against the format of its scheme.
   *
   * @param identifier the identifier
   * @return a one-line description of the problem, or empty when the value is well formed
   * @throws IllegalArgumentException when the scheme has no known format
   */
  public static Optional<String> problem(ExchangeIdentifier identifier) {
    return problem(identifier.scheme(), identifier.value());
  }

  /**
   * True when {@code lei} is 20 characters, 18 letters or digits and two check digits, and passes
   * the ISO 17442 checksum (ISO 7064 mod 97-10: the letters read as 10 to 35, the number modulo 97
   * is 1).
   *
   * @param lei the candidate Legal Entity Identifier
   * @return whether it is a well-formed LEI
   */
  public static boolean isValidLei(String lei) {
    if (lei == null || !LEI.matcher(lei).matches()) {
      return false;
    }
    StringBuilder digits = new StringBuilder(40);
    for (char c : lei.toCharArray()) {
      digits.append(Character.digit(c, 36));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  /**
   * True when {@code abn} is an 11-digit Australian Business Number whose weighted sum (first digit
   * less one; weights 10, 1, 3, 5 … 19) is divisible by 89.
   *
   * @param abn the candidate ABN, digits only
   * @return whether it is a well-formed ABN
   */
  public static boolean isValidAbn(String abn) {
    if (abn == null || !ABN.matcher(abn).matches()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      int digit = abn.charAt(i) - '0';
      if (i == 0) {
        digit -= 1;
      }
      sum += digit * ABN_WEIGHTS[i];
    }
    return sum % 89 == 0;
  }

  private static Map<String, Function<String, Optional<String>>> checks() {
    Map<String, Function<String, Optional<String>>> checks = new TreeMap<>();
    checks.put(
        "esma.lei",
        v -> isValidLei(v) ? ok() : bad("esma.lei " + v + " fails the ISO 17442 LEI checksum"));
    checks.put(
        "gleif.lei",
        v -> isValidLei(v) ? ok() : bad("gleif.lei " + v + " fails the ISO 17442 LEI checksum"));
    checks.put("fca.frn", pattern("fca.frn", FRN, "an FCA FRN of 6 or 7 digits"));
    checks.put(
        "fincen.msb",
        pattern("fincen.msb", MSB_NUMBER, "a 14-digit FinCEN MSB registration number 31000…"));
    checks.put(
        "fincen.record",
        pattern("fincen.record", FINCEN_RECORD, "a FinCEN MSB search record id of 6 to 10 digits"));
    checks.put(
        "austrac.abn",
        v -> isValidAbn(v) ? ok() : bad("austrac.abn " + v + " is not a valid 11-digit ABN"));
    checks.put(
        "fintrac.msb",
        pattern("fintrac.msb", FINTRAC_MSB, "a FINTRAC MSB number: M or C and 8 or 9 digits"));
    checks.put(
        "vara.reference",
        pattern("vara.reference", VARA_REFERENCE, "a VARA licence reference VL/yy/mm/nnn"));
    checks.put(
        "mas.fid", pattern("mas.fid", MAS_FID, "a MAS directory slug such as 123456-NAME-PTE-LTD"));
    checks.put("apple.id", pattern("apple.id", APPLE_TRACK_ID, "a numeric App Store track id"));
    checks.put(
        "apple.bundle", pattern("apple.bundle", BUNDLE_ID, "a reverse-DNS App Store bundle id"));
    checks.put(
        "play.package",
        pattern("play.package", JAVA_PACKAGE, "a Google Play package name such as com.example"));
    checks.put(
        "defillama.slug", pattern("defillama.slug", DEFILLAMA_SLUG, "a lower-case DeFiLlama slug"));
    checks.put("defillama.id", pattern("defillama.id", DIGITS, "a numeric DeFiLlama protocol id"));
    checks.put("coingecko.id", pattern("coingecko.id", COINGECKO_ID, "a CoinGecko exchange id"));
    checks.put(
        "coingecko.derivatives",
        pattern("coingecko.derivatives", COINGECKO_ID, "a CoinGecko derivatives exchange id"));
    checks.put(
        "trustpilot.domain",
        pattern("trustpilot.domain", DOMAIN, "a lower-case domain such as example.com"));
    checks.put(
        "web.domain",
        pattern("web.domain", DOMAIN, "a lower-case host name without www., such as example.com"));
    checks.put(
        "por.page", v -> isWebUrl(v) ? ok() : bad("por.page " + v + " is not an http(s) URL"));
    return java.util.Collections.unmodifiableMap(checks);
  }

  private static Function<String, Optional<String>> pattern(
      String scheme, Pattern pattern, String expected) {
    return v -> pattern.matcher(v).matches() ? ok() : bad(scheme + " " + v + " is not " + expected);
  }

  private static boolean isWebUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Optional<String> ok() {
    return Optional.empty();
  }

  private static Optional<String> bad(String problem) {
    return Optional.of(problem);
  }
}
