package io.cexsafe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Settings as dotted keys ({@code defillama.base-url}, {@code http.max-attempts}, {@code
 * fca.api-key}). Layers, highest precedence first: explicit values ({@code --set}), system
 * properties ({@code cexsafe.<key>}), environment variables ({@code CEXSAFE_<KEY>} with dots and
 * dashes as underscores), a JSON config file, defaults.
 *
 * <p>Values of keys that look like credentials are never shown by {@link #toString()} or {@link
 * #describe()}; read them with {@link #secret(String)}.
 */
public final class Config {
  private static final Pattern KEY =
      Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*");
  private static final Pattern SENSITIVE =
      Pattern.compile(".*(key|secret|token|password|passwd|credential|auth|email).*");

  private final Map<String, String> explicit;
  private final Map<String, String> systemProperties;
  private final Map<String, String> environment;
  private final Map<String, String> file;
  private final String fileName;
  private final Map<String, String> defaults;
  private final String prefix;

  private Config(Builder b) {
    this.prefix = b.prefix;
    this.explicit = Map.copyOf(b.explicit);
    this.systemProperties = Map.copyOf(b.systemProperties);
    this.environment = Map.copyOf(b.environment);
    this.file = Map.copyOf(b.file);
    this.fileName = b.fileName;
    this.defaults = Map.copyOf(b.defaults);
  }

  /** An empty configuration: every lookup falls back to the caller's default. */
  public static Config empty() {
    return builder().build();
  }

  /** Explicit key-value pairs only (handy in tests and embedding code). */
  public static Config of(Map<String, String> values) {
    Builder builder = builder();
    values.forEach(builder::set);
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The value of a key, from the highest-precedence layer that has it. */
  public Optional<String> get(String key) {
    requireKey(key);
    String value = explicit.get(key);
    if (value == null) {
      value = systemProperties.get("cexsafe." + key);
    }
    if (value == null) {
      value = environment.get(environmentName(key));
    }
    if (value == null) {
      value = file.get(key);
    }
    if (value == null) {
      value = defaults.get(key);
    }
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }

  public String get(String key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    return get(key)
        .map(
            v -> {
              String lower = v.toLowerCase(Locale.ROOT);
              if (lower.equals("true") || lower.equals("yes") || lower.equals("on")) {
                return true;
              }
              if (lower.equals("false") || lower.equals("no") || lower.equals("off")) {
                return false;
              }
              throw invalid(key, v, "expected true or false");
            })
        .orElse(defaultValue);
  }

  public int getInt(String key, int defaultValue) {
    return get(key)
        .map(
            v -> {
              try {
                return Integer.parseInt(v);
              } catch (NumberFormatException e) {
                throw invalid(key, v, "expected an integer");
              }
            })
        .orElse(defaultValue);
  }

  public double getDouble(String key, double defaultValue) {
    return get(key)
        .map(
            v -> {
              try {
                double d = Double.parseDouble(v);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                  throw new NumberFormatException();
                }
                return d;
              } catch (NumberFormatException e) {
                throw invalid(key, v, "expected a number");
              }
            })
        .orElse(defaultValue);
  }

  public long getLong(String key, long defaultValue) {
    return get(key)
        .map(
            v -> {
              try {
                return Long.parseLong(v);
              } catch (NumberFormatException e) {
                throw invalid(key, v, "expected an integer");
              }
            })
        .orElse(defaultValue);
  }

  /**
   * A duration as ISO-8601 ({@code PT10S}) or a number with a unit ({@code 500ms}, {@code 10s}).
   */
  public Duration getDuration(String key, Duration defaultValue) {
    return get(key).map(v -> parseDuration(key, v)).orElse(defaultValue);
  }

  public URI getUri(String key, URI defaultValue) {
    return get(key)
        .map(
            v -> {
              try {
                URI uri = new URI(v);
                if (!uri.isAbsolute() || uri.getHost() == null) {
                  throw invalid(key, v, "expected an absolute http(s) URL");
                }
                return uri;
              } catch (URISyntaxException e) {
                throw invalid(key, v, "expected a URL");
              }
            })
        .orElse(defaultValue);
  }

  public List<String> getList(String key, List<String> defaultValue) {
    return get(key)
        .map(v -> List.of(v.split("\\s*,\\s*")).stream().filter(s -> !s.isEmpty()).toList())
        .orElse(defaultValue);
  }

  /** A credential. Its value never appears in {@link #toString()} or error messages. */
  public Optional<Secret> secret(String key) {
    return get(key).map(Secret::of);
  }

  /** A view of the keys under {@code prefix.}, with the prefix removed. */
  public Config scoped(String prefix) {
    requireKey(prefix);
    Builder b = builder();
    b.prefix = this.prefix + prefix + ".";
    b.explicit.putAll(strip(explicit, prefix + "."));
    b.file.putAll(strip(file, prefix + "."));
    b.fileName = fileName;
    b.defaults.putAll(strip(defaults, prefix + "."));
    for (Map.Entry<String, String> e : systemProperties.entrySet()) {
      if (e.getKey().startsWith("cexsafe." + prefix + ".")) {
        b.systemProperties.put(
            "cexsafe." + e.getKey().substring(("cexsafe." + prefix + ".").length()), e.getValue());
      }
    }
    String envPrefix = environmentName(prefix) + "_";
    for (Map.Entry<String, String> e : environment.entrySet()) {
      if (e.getKey().startsWith(envPrefix)) {
        b.environment.put("CEXSAFE_" + e.getKey().substring(envPrefix.length()), e.getValue());
      }
    }
    return b.build();
  }

  /** The keys set in any layer except the environment, with sensitive values masked. */
  public Map<String, String> describe() {
    Map<String, String> all = new TreeMap<>();
    defaults.forEach(all::put);
    file.forEach(all::put);
    systemProperties.forEach(
        (k, v) -> {
          if (k.startsWith("cexsafe.")) {
            all.put(k.substring("cexsafe.".length()), v);
          }
        });
    explicit.forEach(all::put);
    all.replaceAll((k, v) -> isSensitive(k) ? "****" : v);
    return all;
  }

  /**
   * The keys given explicitly ({@code --set}) or in the config file, each with where it came from
   * (for "unknown setting" messages). System properties and the environment are left out: they
   * carry names for other purposes too, and environment names cannot be mapped back to keys.
   */
  public Map<String, String> givenKeys() {
    Map<String, String> given = new TreeMap<>();
    file.keySet().forEach(k -> given.put(prefix + k, "in config file " + fileName));
    explicit.keySet().forEach(k -> given.put(prefix + k, "given with --set"));
    return given;
  }

  @Override
  public String toString() {
    return "Config" + describe();
  }

  /** True for keys whose values are credentials and must never be shown. */
  public static boolean isSensitive(String key) {
    String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return SENSITIVE.matcher(last).matches();
  }

  static String environmentName(String key) {
    return "CEXSAFE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static Map<String, String> strip(Map<String, String> values, String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    return out;
  }

  private ConfigurationException invalid(String key, String value, String expectation) {
    String shown = isSensitive(key) ? "****" : "'" + value + "'";
    return new ConfigurationException(
        "invalid value " + shown + " for setting '" + prefix + key + "': " + expectation);
  }

  private Duration parseDuration(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
      }
      var m = Pattern.compile("(\\d+)\\s*(ms|s|m|h)").matcher(v);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      // fall through to the error below
    }
    throw invalid(key, value, "expected a duration such as 500ms, 10s, 2m or PT10S");
  }

  private static void requireKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new ConfigurationException(
          "invalid setting name '"
              + key
              + "': use lower-case dotted words, e.g. defillama.base-url");
    }
  }

  /** Builder for {@link Config}. */
  public static final class Builder {
    private final Map<String, String> explicit = new LinkedHashMap<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> file = new LinkedHashMap<>();
    private String fileName;
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private String prefix = "";

    private Builder() {}

    /** Sets one value at the highest precedence. */
    public Builder set(String key, String value) {
      requireKey(key);
      explicit.put(key, value);
      return this;
    }

    /** Parses {@code key=value}, as given to {@code --set}. */
    public Builder set(String assignment) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new ConfigurationException(
            "invalid setting '"
                + assignment
                + "': expected key=value, e.g. defillama.enabled=false");
      }
      return set(assignment.substring(0, eq).trim(), assignment.substring(eq + 1));
    }

    public Builder defaultValue(String key, String value) {
      requireKey(key);
      defaults.put(key, value);
      return this;
    }

    public Builder systemProperties(Properties properties) {
      systemProperties.clear();
      for (String name : properties.stringPropertyNames()) {
        if (name.startsWith("cexsafe.")) {
          systemProperties.put(name, properties.getProperty(name));
        }
      }
      return this;
    }

    public Builder environment(Map<String, String> env) {
      environment.clear();
      env.forEach(
          (k, v) -> {
            if (k.startsWith("CEXSAFE_")) {
              environment.put(k, v);
            }
          });
      return this;
    }

    /** Reads the process's system properties and environment. */
    public Builder fromProcess() {
      return systemProperties(System.getProperties()).environment(System.getenv());
    }

    /**
     * Reads a JSON config file: an object whose nested objects become dotted keys, e.g. {@code
     * {"defillama": {"base-url": "http://localhost:8080"}}}.
     *
     * @throws ConfigurationException naming the file and the problem
     */
    public Builder file(Path path) {
      JsonNode root;
      String text;
      try {
        text = InputFiles.readString(path);
      } catch (InvalidInputException e) {
        throw new ConfigurationException("config file " + e.getMessage(), e);
      }
      try {
        root =
            Json.shared()
                .reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .readTree(text);
      } catch (JsonProcessingException e) {
        if (e.getOriginalMessage() != null
            && e.getOriginalMessage().startsWith("Duplicate field")) {
          throw new ConfigurationException(
              "config file "
                  + path
                  + ": "
                  + e.getOriginalMessage().replace("Duplicate field", "duplicate setting")
                  + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())
                  + "; give each setting once");
        }
        throw new ConfigurationException(
            "config file "
                + path
                + " is not valid JSON: "
                + e.getOriginalMessage()
                + (e.getLocation() == null
                    ? ""
                    : " at line "
                        + e.getLocation().getLineNr()
                        + ", column "
                        + e.getLocation().getColumnNr()));
      } catch (NumberFormatException e) {
        // Jackson reads decimals exactly and throws this for an exponent no BigDecimal holds
        throw new ConfigurationException(
            "config file " + path + " holds a number that cannot be read", e);
      }
      if (root == null || !root.isObject()) {
        throw new ConfigurationException(
            "config file " + path + " must contain a JSON object of settings");
      }
      Map<String, String> values = new LinkedHashMap<>();
      flatten(path, "", root, values);
      file.clear();
      file.putAll(values);
      fileName = path.toString();
      return this;
    }

    private static void flatten(Path path, String prefix, JsonNode node, Map<String, String> out) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
        if (!KEY.matcher(key).matches()) {
          throw new ConfigurationException(
              "config file "
                  + path
                  + ": invalid setting name '"
                  + key
                  + "' (use lower-case dotted words)");
        }
        JsonNode value = field.getValue();
        if (out.containsKey(key)) {
          throw new ConfigurationException(
              "config file " + path + ": setting '" + key + "' is given twice; give it once");
        }
        if (value.isObject()) {
          flatten(path, key, value, out);
        } else if (value.isArray()) {
          StringBuilder joined = new StringBuilder();
          for (JsonNode element : value) {
            if (!element.isValueNode()) {
              throw new ConfigurationException(
                  "config file " + path + ": setting '" + key + "' must be a list of plain values");
            }
            if (joined.length() > 0) {
              joined.append(',');
            }
            joined.append(element.asText());
          }
          out.put(key, joined.toString());
        } else if (value.isNull()) {
          throw new ConfigurationException(
              "config file "
                  + path
                  + ": setting '"
                  + key
                  + "' is null; remove it to use the default");
        } else {
          out.put(key, value.asText());
        }
      }
    }

    public Config build() {
      return new Config(this);
    }
  }
}
