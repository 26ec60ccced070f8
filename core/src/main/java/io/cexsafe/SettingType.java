package io.cexsafe;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of value a {@link SettingKey} holds: its name (shown by {@code cexsafe settings}), how
 * text given by the user becomes the value, and how a value is written back as text (for defaults
 * in the settings table).
 *
 * @param <T> the Java type of the value
 */
public final class SettingType<T> {
  private static final Pattern DURATION_TEXT = Pattern.compile("(\\d{1,18})\\s*(ms|s|m|h)");

  /** Any text. */
  public static final SettingType<String> STRING =
      new SettingType<>("string", "a text", text -> text, value -> value);

  /** A credential: parsed into a {@link Secret} and always shown as {@code ****}. */
  public static final SettingType<Secret> SECRET =
      new SettingType<>("secret", "a credential", Secret::of, value -> "****");

  /** {@code true} or {@code false}. */
  public static final SettingType<Boolean> BOOLEAN =
      new SettingType<>("boolean", "true or false", SettingType::parseBoolean, String::valueOf);

  /** An {@code int}. */
  public static final SettingType<Integer> INT =
      new SettingType<>("int", "an integer", Integer::valueOf, String::valueOf);

  /** A {@code long}. */
  public static final SettingType<Long> LONG =
      new SettingType<>("long", "an integer", Long::valueOf, String::valueOf);

  /** A decimal number. */
  public static final SettingType<Double> NUMBER =
      new SettingType<>("number", "a number", SettingType::parseNumber, String::valueOf);

  /** A duration such as {@code 500ms}, {@code 10s}, {@code 2m} or {@code PT10S}. */
  public static final SettingType<Duration> DURATION =
      new SettingType<>(
          "duration",
          "a duration such as 500ms, 10s, 2m or PT10S",
          SettingType::parseDuration,
          SettingType::formatDuration);

  /** An absolute http or https URL. */
  public static final SettingType<URI> URL =
      new SettingType<>("uri", "an absolute http(s) URL", SettingType::parseUrl, URI::toString);

  /** A file path. */
  public static final SettingType<Path> PATH =
      new SettingType<>("path", "a file path", SettingType::parsePath, Path::toString);

  /** Comma-separated values. */
  public static final SettingType<List<String>> LIST =
      new SettingType<>(
          "list", "comma-separated values", SettingType::parseList, v -> String.join(",", v));

  /** An ISO date such as {@code 2023-04-01}. */
  public static final SettingType<LocalDate> DATE =
      new SettingType<>("date", "a date such as 2023-04-01", LocalDate::parse, LocalDate::toString);

  /** A size in bytes such as {@code 1048576}, {@code 512M}, {@code 64G} or {@code 1T}. */
  public static final SettingType<Long> SIZE =
      new SettingType<>(
          "size",
          "a size such as 1048576, 512M, 64G or 1T",
          InputFiles::parseSize,
          SettingType::formatSize,
          true);

  private final String name;
  private final String expectation;
  private final Function<String, T> parser;
  private final Function<T, String> formatter;
  private final boolean parserExplains;

  private SettingType(
      String name, String expectation, Function<String, T> parser, Function<T, String> formatter) {
    this(name, expectation, parser, formatter, false);
  }

  private SettingType(
      String name,
      String expectation,
      Function<String, T> parser,
      Function<T, String> formatter,
      boolean parserExplains) {
    this.name = name;
    this.expectation = expectation;
    this.parser = parser;
    this.formatter = formatter;
    this.parserExplains = parserExplains;
  }

  /**
   * A type of its own: {@code parser} throws any {@link RuntimeException} for text it refuses, and
   * {@code expectation} (e.g. "a country code") says what it accepts.
   *
   * @param <T> the Java type of the value
   * @param name the type's name in the settings table
   * @param expectation what a valid text looks like
   * @param parser turns trimmed, non-empty text into a value
   * @param formatter turns a value into text a user could give back
   * @return the type
   */
  public static <T> SettingType<T> of(
      String name, String expectation, Function<String, T> parser, Function<T, String> formatter) {
    return new SettingType<>(
        Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(expectation, "expectation"),
        Objects.requireNonNull(parser, "parser"),
        Objects.requireNonNull(formatter, "formatter"));
  }

  /**
   * One of an enum's constants, written in lower case with dashes.
   *
   * @param <E> the enum
   * @param type the enum's class
   * @return the type
   */
  public static <E extends Enum<E>> SettingType<E> oneOf(Class<E> type) {
    List<String> names =
        java.util.Arrays.stream(type.getEnumConstants()).map(SettingType::enumName).toList();
    return new SettingType<>(
        "one of " + String.join("|", names),
        "one of " + String.join(", ", names),
        text -> {
          for (E constant : type.getEnumConstants()) {
            if (enumName(constant).equals(text.toLowerCase(Locale.ROOT))) {
              return constant;
            }
          }
          throw new IllegalArgumentException(text);
        },
        SettingType::enumName);
  }

  /** {@return the type's name in the settings table, e.g. {@code duration}} */
  public String name() {
    return name;
  }

  /** {@return what a valid value looks like, e.g. "an integer"} */
  public String expectation() {
    return expectation;
  }

  /**
   * Parses a value.
   *
   * @param text the text, already trimmed, never empty
   * @return the value
   * @throws IllegalArgumentException when the text is not a value of this type, with what is
   *     expected (or the parser's own explanation, for types whose parser gives one) as message
   */
  public T parse(String text) {
    T value;
    try {
      value = parser.apply(text);
    } catch (RuntimeException e) {
      String explained = parserExplains && e.getMessage() != null ? e.getMessage() : null;
      throw new IllegalArgumentException(
          explained != null ? explained : "expected " + expectation, e);
    }
    if (value == null) {
      throw new IllegalArgumentException("expected " + expectation);
    }
    return value;
  }

  /**
   * Formats a value.
   *
   * @param value the value
   * @return the value as text a user could give back
   */
  public String format(T value) {
    return formatter.apply(value);
  }

  @Override
  public String toString() {
    return name;
  }

  private static String enumName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Boolean parseBoolean(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException(text);
    };
  }

  private static Double parseNumber(String text) {
    double value = Double.parseDouble(text);
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new NumberFormatException(text);
    }
    return value;
  }

  private static Duration parseDuration(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("p")) {
      try {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(text, e);
      }
    }
    Matcher m = DURATION_TEXT.matcher(lower);
    if (!m.matches()) {
      throw new IllegalArgumentException(text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  private static String formatDuration(Duration value) {
    if (value.toMillisPart() != 0 || value.isZero()) {
      return value.toMillis() + "ms";
    }
    if (value.toSeconds() % 3600 == 0) {
      return value.toHours() + "h";
    }
    if (value.toSeconds() % 60 == 0) {
      return value.toMinutes() + "m";
    }
    return value.toSeconds() + "s";
  }

  private static URI parseUrl(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(text, e);
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException(text);
    }
    return uri;
  }

  private static Path parsePath(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static List<String> parseList(String text) {
    return java.util.Arrays.stream(text.split("\\s*,\\s*")).filter(s -> !s.isEmpty()).toList();
  }

  private static String formatSize(Long bytes) {
    String[] units = {"T", "G", "M", "K"};
    int[] shifts = {40, 30, 20, 10};
    for (int i = 0; i < units.length; i++) {
      if (bytes % (1L << shifts[i]) == 0) {
        return (bytes >> shifts[i]) + units[i];
      }
    }
    return String.valueOf(bytes);
  }
}
