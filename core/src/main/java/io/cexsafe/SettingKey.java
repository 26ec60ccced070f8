package io.cexsafe;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One setting its owner declares: the key (relative to the owner's prefix when a collector provider
 * declares it), its {@link SettingType type}, its default (none when absent), a one-line doc, what
 * values are valid, and whether its value is a credential. A key segment {@code *} stands for one
 * name chosen by the user, such as an exchange id ({@code proof.*}) or a host ({@code
 * hosts.*.max-concurrency}). Read it with {@link Config#get(SettingKey)}.
 *
 * <p>Instances are immutable; {@link #withDefault}, {@link #check}, {@link #asSecret} and {@link
 * #under} return new ones, so declarations read as {@code SettingKey.integer("top-holdings", "token
 * holdings kept").withDefault(10).within(1, 100)}.
 *
 * @param <T> the type of the value
 */
public final class SettingKey<T> {
  private static final Pattern KEY =
      Pattern.compile("([a-z0-9]+(-[a-z0-9]+)*|\\*)(\\.([a-z0-9]+(-[a-z0-9]+)*|\\*))*");

  private final String key;
  private final SettingType<T> type;
  private final T defaultValue;
  private final String doc;
  private final boolean secret;
  private final Predicate<? super T> valid;
  private final String expectation;

  private SettingKey(
      String key,
      SettingType<T> type,
      T defaultValue,
      String doc,
      boolean secret,
      Predicate<? super T> valid,
      String expectation) {
    Objects.requireNonNull(key, "key");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a setting key: '" + key + "'");
    }
    this.key = key;
    this.type = Objects.requireNonNull(type, "type");
    this.doc = Objects.requireNonNull(doc, "doc");
    this.secret = secret;
    this.valid = Objects.requireNonNull(valid, "valid");
    this.expectation = Objects.requireNonNull(expectation, "expectation");
    if (defaultValue != null && !valid.test(defaultValue)) {
      throw new IllegalArgumentException(
          "default " + type.format(defaultValue) + " of " + key + " is not " + expectation);
    }
    this.defaultValue = defaultValue;
  }

  /**
   * Declares a setting of {@code type} without a default.
   *
   * @param <T> the type of the value
   * @param key the key, dotted lower-case words with dashes; {@code *} for a segment the user names
   * @param type how its text is parsed and shown
   * @param doc what it does, in one line
   * @return the declaration
   * @throws IllegalArgumentException when the key is not a valid setting key
   */
  public static <T> SettingKey<T> of(String key, SettingType<T> type, String doc) {
    return new SettingKey<>(key, type, null, doc, false, v -> true, type.expectation());
  }

  /**
   * Declares a text setting.
   *
   * @param key the key
   * @param doc what it does, in one line
   * @return the declaration
   */
  public static SettingKey<String> string(String key, String doc) {
    return of(key, SettingType.STRING, doc);
  }

  /**
   * Declares a credential: never shown, never logged, masked in error messages.
   *
   * @param key the key
   * @param doc what it does, in one line
   * @return the declaration
   */
  public static SettingKey<Secret> secret(String key, String doc) {
    return of(key, SettingType.SECRET, doc).asSecret();
  }

  /**
   * Declares a setting of {@code true} or {@code false}.
   *
   * @param key the key
   * @param doc what it does, in one line
   * @return the declaration
   */
  public static SettingKey<Boolean> bool(String key, String doc) {
    return of(key, SettingType.BOOLEAN, doc);
  }

  /**
   * Declares an {@code int} setting.
   *
   * @param key the key
   * @param doc what it does, in one line
   * @return the declaration
   */
  public static SettingKey<Integer> integer(String key, String doc) {
    return of(key, SettingType.INT, doc);
  }

  /**
   * Declares a {@code long} setting.
   *
   * @param key the key
   * @param doc what it does, in one line
   * @return the declaration
   */
  public static SettingKey<Long> longInteger(String key, String doc) {
    return of(key, SettingType.LONG, doc);
  }

  /**
   * Declares a decimal number setting.
   *
   * @param key the key
   * @param doc what it does, in one line
   * @return the declaration
   */
  public static SettingKey<Double> number(String key, String doc) {
    return of(key, SettingType.NUMBER, doc);
  }

  /**
   * Declares a duration setting, written as {@code 500ms}, {@code 10s}, {@code 2m} or {@code
   * PT10S}.
   *
   * @param key the key
   * @param doc what it does, in one line
   * @return the declaration
   */
  public static SettingKey<Duration> duration(String key, String doc) {
    return of(key, SettingType.DURATION, doc);
  }

  /**
   * Declares an absolute http or https URL setting.
   *
   * @param key the key
   * @param doc what it does, in one line
   * @return the declaration
   */
  public static SettingKey<URI> url(String key, String doc) {
    return of(key, SettingType.URL, doc);
  }

  /**
   * Declares a file path setting.
   *
   * @param key the key
   * @param doc what it does, in one line
   * @return the declaration
   */
  public static SettingKey<Path> path(String key, String doc) {
    return of(key, SettingType.PATH, doc);
  }

  /**
   * Declares a setting of comma-separated values.
   *
   * @param key the key
   * @param doc what it does, in one line
   * @return the declaration
   */
  public static SettingKey<List<String>> list(String key, String doc) {
    return of(key, SettingType.LIST, doc);
  }

  /**
   * Declares an ISO date setting such as {@code 2023-04-01}.
   *
   * @param key the key
   * @param doc what it does, in one line
   * @return the declaration
   */
  public static SettingKey<LocalDate> date(String key, String doc) {
    return of(key, SettingType.DATE, doc);
  }

  /**
   * Declares a size in bytes, written as {@code 1048576}, {@code 512M}, {@code 64G} or {@code 1T}.
   *
   * @param key the key
   * @param doc what it does, in one line
   * @return the declaration
   */
  public static SettingKey<Long> size(String key, String doc) {
    return of(key, SettingType.SIZE, doc);
  }

  /**
   * This setting with a default, used when no layer gives a value.
   *
   * @param value the default
   * @return a new declaration
   * @throws IllegalArgumentException when the default is not a valid value of this setting
   */
  public SettingKey<T> withDefault(T value) {
    return new SettingKey<>(
        key, type, Objects.requireNonNull(value, "value"), doc, secret, valid, expectation);
  }

  /** {@return this setting marked as a credential: never shown, never logged} */
  public SettingKey<T> asSecret() {
    return new SettingKey<>(key, type, defaultValue, doc, true, valid, expectation);
  }

  /**
   * This setting accepting only values that pass {@code test} as well as the checks it had.
   *
   * @param test the check a valid value passes
   * @param expectation what valid values look like (e.g. "an integer within [1, 100]"), for the
   *     error about one that does not
   * @return a new declaration
   */
  public SettingKey<T> check(Predicate<? super T> test, String expectation) {
    Predicate<? super T> before = valid;
    return new SettingKey<>(
        key, type, defaultValue, doc, secret, v -> before.test(v) && test.test(v), expectation);
  }

  /**
   * This setting accepting only values within {@code [min, max]}.
   *
   * @param min the smallest valid value
   * @param max the largest valid value
   * @return a new declaration
   */
  @SuppressWarnings("unchecked")
  public SettingKey<T> within(T min, T max) {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    return check(
        v -> ((Comparable<T>) v).compareTo(min) >= 0 && ((Comparable<T>) v).compareTo(max) <= 0,
        type.expectation() + " within [" + type.format(min) + ", " + type.format(max) + "]");
  }

  /**
   * This declaration under {@code prefix}, as a collector provider's settings are under its id.
   *
   * @param prefix the prefix, e.g. {@code defillama}
   * @return a new declaration whose key is {@code prefix.key}
   */
  public SettingKey<T> under(String prefix) {
    return new SettingKey<>(
        prefix + "." + key, type, defaultValue, doc, secret, valid, expectation);
  }

  /**
   * This setting with its {@code *} segments filled in order, e.g. {@code proof.okx}.
   *
   * @param names one name per {@code *} segment
   * @return a new declaration with a concrete key
   * @throws IllegalArgumentException when the number of names differs from the number of segments
   */
  public SettingKey<T> at(String... names) {
    String[] segments = key.split("\\.");
    int next = 0;
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].equals("*")) {
        if (next == names.length) {
          throw new IllegalArgumentException(key + " has more wildcards than " + names.length);
        }
        segments[i] = names[next++];
      }
    }
    if (next != names.length) {
      throw new IllegalArgumentException(key + " has fewer wildcards than " + names.length);
    }
    return new SettingKey<>(
        String.join(".", segments), type, defaultValue, doc, secret, valid, expectation);
  }

  /** {@return the key, relative to its owner's prefix until {@link #under} is applied} */
  public String key() {
    return key;
  }

  /** {@return how the setting's text is parsed and shown} */
  public SettingType<T> type() {
    return type;
  }

  /** {@return the default, or empty when there is none} */
  public Optional<T> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** {@return the default as text, or empty when there is none} */
  public Optional<String> defaultText() {
    return defaultValue().map(type::format);
  }

  /** {@return what the setting does, in one line} */
  public String doc() {
    return doc;
  }

  /** {@return whether the value is a credential, never to be shown} */
  public boolean secret() {
    return secret;
  }

  /** {@return what a valid value looks like, e.g. "an integer within [1, 100]"} */
  public String expectation() {
    return expectation;
  }

  /** {@return true when the key has {@code *} segments} */
  public boolean isPattern() {
    return key.contains("*");
  }

  /**
   * Tells whether a full key is this setting, {@code *} matching any one segment.
   *
   * @param fullKey a key as given by the user
   * @return true when it is this setting
   */
  public boolean matches(String fullKey) {
    return wildcards(fullKey).isPresent();
  }

  /**
   * The names a full key gives the {@code *} segments, if it is this setting.
   *
   * @param fullKey a key as given by the user
   * @return the names in segment order (empty for a key without {@code *}), or empty when it is not
   *     this setting
   */
  public Optional<List<String>> wildcards(String fullKey) {
    String[] pattern = key.split("\\.");
    String[] given = fullKey.split("\\.");
    if (pattern.length != given.length) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < pattern.length; i++) {
      if (pattern[i].equals("*")) {
        names.add(given[i]);
      } else if (!pattern[i].equals(given[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(List.copyOf(names));
  }

  /**
   * Parses and checks a value of this setting.
   *
   * @param shownKey the key as the user gave it, named in the error
   * @param text the value's text
   * @return the value
   * @throws InvalidSettingException naming the key, the value (masked for a secret) and what is
   *     expected
   */
  public T parse(String shownKey, String text) {
    T value;
    boolean masked = secret || Config.isSensitive(shownKey);
    try {
      value = type.parse(text);
    } catch (IllegalArgumentException e) {
      String detail = e.getMessage();
      boolean explained = detail != null && !detail.startsWith("expected ") && !masked;
      throw invalid(shownKey, text, explained ? detail : "expected " + expectation, masked);
    }
    if (!valid.test(value)) {
      throw invalid(shownKey, text, "expected " + expectation, masked);
    }
    return value;
  }

  private static InvalidSettingException invalid(
      String shownKey, String text, String problem, boolean masked) {
    return new InvalidSettingException(shownKey, masked ? "****" : "'" + text + "'", problem);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SettingKey<?> k
        && k.key.equals(key)
        && k.type == type
        && k.secret == secret
        && Objects.equals(k.defaultValue, defaultValue)
        && k.doc.equals(doc);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, type, defaultValue, doc, secret);
  }

  @Override
  public String toString() {
    return key + " (" + type + (secret ? ", secret" : "") + ")";
  }
}
