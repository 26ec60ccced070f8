package io.cexsafe.protection.internal;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of the codes inputs use: countries, languages, currencies, asset symbols. */
public final class Codes {
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
  private static final Pattern THREE_LETTER_LANGUAGE = Pattern.compile("[a-z]{3}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern ASSET = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,19}");

  private Codes() {}

  /** An ISO 3166-1 alpha-2 country code, upper-cased. */
  public static String country(String path, String text) {
    String code = text.toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(code)) {
      throw new JsonPathException(
          path, "not an ISO 3166-1 alpha-2 country code (e.g. FR, SG, AE): \"" + text + "\"");
    }
    return code;
  }

  /** An ISO 639 language code (two letters, or three for languages without one), lower-cased. */
  public static String language(String path, String text) {
    String code = text.toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(code) && !THREE_LETTER_LANGUAGE.matcher(code).matches()) {
      throw new JsonPathException(
          path, "not an ISO 639 language code (e.g. en, fr, pt): \"" + text + "\"");
    }
    return code;
  }

  /** An ISO 4217 currency code, upper-cased. */
  public static String currency(String path, String text) {
    String code = text.toUpperCase(Locale.ROOT);
    try {
      if (CURRENCY.matcher(code).matches()) {
        return Currency.getInstance(code).getCurrencyCode();
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw new JsonPathException(
        path, "not an ISO 4217 currency code (e.g. USD, EUR, AUD): \"" + text + "\"");
  }

  /** A digital asset's ticker symbol, upper-cased. */
  public static String assetSymbol(String path, String text) {
    String code = text.toUpperCase(Locale.ROOT);
    if (!ASSET.matcher(code).matches()) {
      throw new JsonPathException(
          path, "not an asset symbol (letters and digits, e.g. BTC, ETH, USDC): \"" + text + "\"");
    }
    return code;
  }

  /** Digits after the decimal point for a fiat currency (2 for USD and EUR, 0 for JPY). */
  public static int fractionDigits(String currency) {
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    return Math.max(digits, 0);
  }
}
