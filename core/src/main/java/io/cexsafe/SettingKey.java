package io.cexsafe;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One setting its owner declares: the key (relative to the owner's prefix when a collector provider
 * declares it), its type, its default as text (null when there is none), what it does, and whether
 * its value is a credential. A key segment {@code *} stands for one name chosen by the user, such
 * as an exchange id ({@code proof.*}) or a host ({@code hosts.*.max-concurrency}).
 */
public record SettingKey(String key, Type type, String defaultValue, String doc, boolean secret) {
  private static final Pattern KEY =
      Pattern.compile("([a-z0-9]+(-[a-z0-9]+)*|\\*)(\\.([a-z0-9]+(-[a-z0-9]+)*|\\*))*");

  /** The kinds of value a setting holds. */
  public enum Type {
    STRING,
    BOOLEAN,
    INT,
    LONG,
    DOUBLE,
    DURATION,
    URI,
    LIST,
    PATH,
    DATE,
    SIZE
  }

  public SettingKey {
    Objects.requireNonNull(key, "key");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a setting key: '" + key + "'");
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(doc, "doc");
  }

  /** A setting that is not a credential. */
  public static SettingKey of(String key, Type type, String defaultValue, String doc) {
    return new SettingKey(key, type, defaultValue, doc, false);
  }

  /** A credential: never shown, never logged. */
  public static SettingKey secret(String key, String doc) {
    return new SettingKey(key, Type.STRING, null, doc, true);
  }

  /** This declaration under {@code prefix} (e.g. {@code defillama}). */
  public SettingKey under(String prefix) {
    return new SettingKey(prefix + "." + key, type, defaultValue, doc, secret);
  }

  /** True when {@code fullKey} is this setting ({@code *} matching any one segment). */
  public boolean matches(String fullKey) {
    String[] pattern = key.split("\\.");
    String[] given = fullKey.split("\\.");
    if (pattern.length != given.length) {
      return false;
    }
    for (int i = 0; i < pattern.length; i++) {
      if (!pattern[i].equals("*") && !pattern[i].equals(given[i])) {
        return false;
      }
    }
    return true;
  }
}
