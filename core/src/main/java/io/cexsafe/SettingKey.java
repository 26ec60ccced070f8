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

  /** A setting of {@code type} without a default. */
  public static <T> SettingKey<T> of(String key, SettingType<T> type, String doc) {
    return new SettingKey<>(key, type, null, doc, false, v -> true, type.expectation());
  }

  public static SettingKey<String> string(String key, String doc) {
    return of(key, SettingType.STRING, doc);
  }

  /** A credential: never shown, never logged, masked in error messages. */
  public static SettingKey<Secret> secret(String key, String doc) {
    return of(key, SettingType.SECRET, doc).asSecret();
  }

  public static SettingKey<Boolean> bool(String key, String doc) {
    return of(key, SettingType.BOOLEAN, doc);
  }

  public static SettingKey<Integer> integer(String key, String doc) {
    return of(key, SettingType.INT, doc);
  }

  public static SettingKey<Long> longInteger(String key, String doc) {
    return of(key, SettingType.LONG, doc);
  }

  public static SettingKey<Double> number(String key, String doc) {
    return of(key, SettingType.NUMBER, doc);
  }

  public static SettingKey<Duration> duration(String key, String doc) {
    return of(key, SettingType.DURATION, doc);
  }

  public static SettingKey<URI> url(String key, String doc) {
    return of(key, SettingType.URL, doc);
  }

  public static SettingKey<Path> path(String key, String doc) {
    return of(key, SettingType.PATH, doc);
  }

  public static SettingKey<List<String>> list(String key, String doc) {
    return of(key, SettingType.LIST, doc);
  }

  public static SettingKey<LocalDate> date(String key, String doc) {
    return of(key, SettingType.DATE, doc);
  }

  public static SettingKey<Long> size(String key, String doc) {
    return of(key, SettingType.SIZE, doc);
  }

  /** This setting with a default, used when no layer gives a value. */
  public SettingKey<T> withDefault(T value) {
    return new SettingKey<>(
        key, type, Objects.requireNonNull(value, "value"), doc, secret, valid, expectation);
  }

  /** This setting marked as a credential. */
  public SettingKey<T> asSecret() {
    return new SettingKey<>(key, type, defaultValue, doc, true, valid, expectation);
  }

  /**
   * This setting accepting only values that pass {@code test}; {@code expectation} says what they
   * look like (e.g. "an integer within [1, 100]") in the error for one that does not.
   */
  public SettingKey<T> check(Predicate<? super T> test, String expectation) {
    Predicate<? super T> before = valid;
    return new SettingKey<>(
        key, type, defaultValue, doc, secret, v -> before.test(v) && test.test(v), expectation);
  }

  /** This setting accepting only values within {@code [min, max]}. */
  @SuppressWarnings("unchecked")
  public SettingKey<T> within(T min, T max) {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    return check(
        v -> ((Comparable<T>) v).compareTo(min) >= 0 && ((Comparable<T>) v).compareTo(max) <= 0,
        type.expectation() + " within [" + type.format(min) + ", " + type.format(max) + "]");
  }

  /** This declaration under {@code prefix} (e.g. {@code defillama}). */
  public SettingKey<T> under(String prefix) {
    return new SettingKey<>(
        prefix + "." + key, type, defaultValue, doc, secret, valid, expectation);
  }

  /** This setting with its {@code *} segments filled in order, e.g. {@code proof.okx}. */
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

  public String key() {
    return key;
  }

  public SettingType<T> type() {
    return type;
  }

  public Optional<T> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** The default as text, or empty when there is none. */
  public Optional<String> defaultText() {
    return defaultValue().map(type::format);
  }

  public String doc() {
    return doc;
  }

  public boolean secret() {
    return secret;
  }

  /** What a valid value looks like. */
  public String expectation() {
    return expectation;
  }

  /** True when the key has {@code *} segments. */
  public boolean isPattern() {
    return key.contains("*");
  }

  /** True when {@code fullKey} is this setting ({@code *} matching any one segment). */
  public boolean matches(String fullKey) {
    return wildcards(fullKey).isPresent();
  }

  /** The names {@code fullKey} gives the {@code *} segments, if it is this setting. */
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
   * The value of {@code text} for this setting, named {@code shownKey} in the error.
   *
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
