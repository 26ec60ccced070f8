package io.cexsafe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Settings as dotted keys ({@code defillama.base-url}, {@code http.max-attempts}, {@code
 * regulators.fca.api-key}), read as typed values through the {@link SettingKey} their owner
 * declares: {@code config.get(DefiLlamaSettings.BASE_URL)}. Layers, highest precedence first:
 * explicit values ({@code --set}), system properties ({@code cexsafe.<key>}), environment variables
 * ({@code CEXSAFE_<KEY>} with dots and dashes as underscores), a JSON config file, defaults. Values
 * are text until read: the text becomes a typed value (or a one-line {@link
 * ConfigurationException}) only then.
 *
 * <p>Built with {@link Builder#declared declarations}, a config refuses a key no owner declares in
 * any layer (naming the closest declared key) and a value its declaration refuses, and its {@link
 * #keys()} include the settings given in the environment. Values of secret keys (and of keys that
 * look like credentials) are never shown by {@link #toString()} or {@link #entries()}.
 */
public final class Config {
  private static final Pattern KEY =
      Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*");
  private static final Pattern SENSITIVE =
      Pattern.compile(".*(key|secret|token|password|passwd|credential|auth|email).*");
  private static final String PROPERTY_PREFIX = "cexsafe.";
  private static final String ENVIRONMENT_PREFIX = "CEXSAFE_";

  /**
   * {@code cexsafe.*} system properties that are not settings: the test kit's reference-sample
   * directory and the build's own properties.
   */
  public static final Set<String> NON_SETTING_PROPERTIES =
      Set.of("cexsafe.reference", "cexsafe.jar", "cexsafe.runtime-classpath", "cexsafe.updateDocs");

  /**
   * {@code CEXSAFE_*} environment variables that are not settings: the {@code bin/cexsafe}
   * launcher's own (which jar, extra JVM options, class-data sharing on or off).
   */
  public static final Set<String> NON_SETTING_ENVIRONMENT =
      Set.of("CEXSAFE_JAR", "CEXSAFE_JAVA_OPTS", "CEXSAFE_CDS");

  private final Layers layers;
  private final String prefix;

  /** Where a given value came from, for messages and {@link #entries()}. */
  public enum Source {
    /**
     * Given on the command line with {@code --set}, or with {@link Builder#set}: the highest
     * precedence.
     */
    EXPLICIT("--set"),
    /** A {@code cexsafe.*} Java system property. */
    SYSTEM_PROPERTY("system property"),
    /** A {@code CEXSAFE_*} environment variable. */
    ENVIRONMENT("environment variable"),
    /** The JSON config file. */
    FILE("config file"),
    /** A declared or builder-given default: the lowest precedence. */
    DEFAULT("default");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    /** {@return how the source is named in messages, e.g. {@code "environment variable"}} */
    public String label() {
      return label;
    }
  }

  /**
   * One setting given in some layer: its key (relative to this config's prefix), the layer it comes
   * from and its text, masked for credentials.
   */
  public record Entry(String key, Source source, String origin, String shownValue) {}

  private record Layers(
      Map<String, String> explicit,
      Map<String, String> systemProperties,
      Map<String, String> environmentByName,
      Map<String, String> environmentByKey,
      Map<String, String> file,
      String fileName,
      Map<String, String> defaults,
      List<SettingKey<?>> declared) {}

  private Config(Layers layers, String prefix) {
    this.layers = layers;
    this.prefix = prefix;
  }

  /** {@return an empty configuration, in which every setting has its declared default} */
  public static Config empty() {
    return builder().build();
  }

  /**
   * Creates a configuration of explicit key-value pairs only (handy in tests and embedding code).
   *
   * @param values the values by key
   * @return the configuration
   * @throws ConfigurationException when a key is not a valid setting key
   */
  public static Config of(Map<String, String> values) {
    Builder builder = builder();
    values.forEach(builder::set);
    return builder.build();
  }

  /**
   * Starts a configuration of layers: explicit values, system properties, environment, file and
   * defaults, in that order of precedence.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The value of {@code setting} (its key relative to this config's prefix), from the
   * highest-precedence layer that has it, else its default.
   *
   * @param <T> the type of the value
   * @param setting the declared setting
   * @return the value, or empty when no layer gives it and it has no default
   * @throws ConfigurationException naming the key, the value (masked for a secret) and what is
   *     expected, when the text is not a valid value
   */
  public <T> Optional<T> find(SettingKey<T> setting) {
    Optional<String> text = text(setting.key());
    if (text.isPresent()) {
      return Optional.of(setting.parse(prefix + setting.key(), text.get()));
    }
    return setting.defaultValue();
  }

  /**
   * As {@link #find}, for a setting that has a default or must be given.
   *
   * @param <T> the type of the value
   * @param setting the declared setting
   * @return the value from the highest-precedence layer, else the default
   * @throws ConfigurationException when no layer gives it and it has no default, or its text is not
   *     a valid value
   */
  public <T> T get(SettingKey<T> setting) {
    return find(setting)
        .orElseThrow(
            () ->
                new ConfigurationException(
                    "setting '"
                        + prefix
                        + setting.key()
                        + "' is required: expected "
                        + setting.expectation()));
  }

  /**
   * Every value of a pattern setting ({@code proof.*}), by the names given for its {@code *}
   * segments ({@code [okx]}), in key order.
   *
   * @param <T> the type of the values
   * @param pattern a setting whose key has {@code *} segments
   * @return the values by the names standing for the {@code *} segments
   * @throws ConfigurationException when a given text is not a valid value
   */
  public <T> Map<List<String>, T> all(SettingKey<T> pattern) {
    Map<List<String>, T> values = new LinkedHashMap<>();
    for (String key : keys()) {
      pattern
          .wildcards(key)
          .ifPresent(names -> values.put(names, get(pattern.at(names.toArray(String[]::new)))));
    }
    return values;
  }

  /**
   * A view of the keys under {@code prefix.}, with the prefix removed.
   *
   * @param prefix the key prefix, without its trailing dot, e.g. {@code defillama}
   * @return the scoped view, sharing this config's layers
   */
  public Config scoped(String prefix) {
    requireKey(prefix);
    return new Config(layers, this.prefix + prefix + ".");
  }

  /**
   * The keys given in any layer (defaults included), relative to this config's prefix, sorted.
   * Environment variables count when the config was built with {@link Builder#declared
   * declarations} (a variable name alone cannot tell dots from dashes).
   *
   * @return the sorted keys
   */
  public Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    for (Entry entry : allEntries()) {
      keys.add(entry.key());
    }
    return Collections.unmodifiableSet(keys);
  }

  /**
   * For each key in {@link #keys()}, where its value comes from and that value as text (masked for
   * credentials), sorted by key.
   *
   * @return one entry per key
   */
  public List<Entry> entries() {
    return allEntries();
  }

  private List<Entry> allEntries() {
    Map<String, Entry> byKey = new TreeMap<>();
    add(byKey, layers.defaults, Source.DEFAULT, k -> "default");
    add(byKey, layers.file, Source.FILE, k -> "in config file " + layers.fileName);
    add(
        byKey,
        layers.environmentByKey,
        Source.ENVIRONMENT,
        k -> "environment variable " + environmentName(k));
    add(
        byKey,
        layers.systemProperties,
        Source.SYSTEM_PROPERTY,
        k -> "system property " + PROPERTY_PREFIX + k);
    add(byKey, layers.explicit, Source.EXPLICIT, k -> "given with --set");
    return List.copyOf(byKey.values());
  }

  private void add(
      Map<String, Entry> byKey,
      Map<String, String> layer,
      Source source,
      java.util.function.Function<String, String> origin) {
    layer.forEach(
        (fullKey, value) -> {
          if (fullKey.startsWith(prefix)) {
            String key = fullKey.substring(prefix.length());
            byKey.put(
                key,
                new Entry(key, source, origin.apply(fullKey), isSecret(fullKey) ? "****" : value));
          }
        });
  }

  private boolean isSecret(String fullKey) {
    return isSensitive(fullKey)
        || layers.declared.stream().anyMatch(d -> d.secret() && d.matches(fullKey));
  }

  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    allEntries().forEach(e -> shown.put(e.key(), e.shownValue()));
    return "Config" + shown;
  }

  /**
   * Tells whether a key holds a credential, judged by its last segment (e.g. {@code api-key},
   * {@code token}, {@code password}).
   *
   * @param key a setting key
   * @return true when its value must never be shown
   */
  public static boolean isSensitive(String key) {
    String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return SENSITIVE.matcher(last).matches();
  }

  /**
   * The environment variable for {@code key}: {@code CEXSAFE_} and upper case, with underscores.
   *
   * @param key a setting key, e.g. {@code http.max-body-size}
   * @return the variable name, e.g. {@code CEXSAFE_HTTP_MAX_BODY_SIZE}
   */
  public static String environmentName(String key) {
    return ENVIRONMENT_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The text of {@code key} from the highest-precedence layer that has it. */
  private Optional<String> text(String key) {
    requireKey(key);
    String full = prefix + key;
    String value = layers.explicit.get(full);
    if (value == null) {
      value = layers.systemProperties.get(full);
    }
    if (value == null) {
      value = layers.environmentByKey.get(full);
    }
    if (value == null) {
      value = layers.environmentByName.get(environmentName(full));
    }
    if (value == null) {
      value = layers.file.get(full);
    }
    if (value == null) {
      value = layers.defaults.get(full);
    }
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
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
    private final List<SettingKey<?>> declared = new ArrayList<>();

    private Builder() {}

    /**
     * The settings that exist. With them, {@link #build()} refuses a key no declaration matches in
     * any layer (naming the closest declared key) and a value its declaration refuses, and maps
     * {@code CEXSAFE_*} variables to their keys.
     *
     * @param settings every declared setting, with absolute keys
     * @return this builder
     */
    public Builder declared(Collection<? extends SettingKey<?>> settings) {
      declared.clear();
      declared.addAll(settings);
      return this;
    }

    /**
     * Sets one value at the highest precedence.
     *
     * @param key the setting key
     * @param value its text, parsed when the setting is read
     * @return this builder
     * @throws ConfigurationException when the key is not a valid setting key
     */
    public Builder set(String key, String value) {
      requireKey(key);
      explicit.put(key, value);
      return this;
    }

    /**
     * Parses {@code key=value}, as given to {@code --set}, and sets it at the highest precedence.
     *
     * @param assignment the text {@code key=value}
     * @return this builder
     * @throws ConfigurationException when there is no {@code =} or no key before it
     */
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

    /**
     * Sets a value used when no other layer gives one.
     *
     * @param key the setting key
     * @param value its text
     * @return this builder
     * @throws ConfigurationException when the key is not a valid setting key
     */
    public Builder defaultValue(String key, String value) {
      requireKey(key);
      defaults.put(key, value);
      return this;
    }

    /**
     * Takes the {@code cexsafe.*} entries of some system properties as a layer, replacing any taken
     * before; launcher properties that are not settings are left out.
     *
     * @param properties the properties to read, e.g. {@link System#getProperties()}
     * @return this builder
     */
    public Builder systemProperties(Properties properties) {
      systemProperties.clear();
      for (String name : properties.stringPropertyNames()) {
        if (name.startsWith(PROPERTY_PREFIX) && !NON_SETTING_PROPERTIES.contains(name)) {
          systemProperties.put(
              name.substring(PROPERTY_PREFIX.length()), properties.getProperty(name));
        }
      }
      return this;
    }

    /**
     * Takes the {@code CEXSAFE_*} entries of an environment as a layer, replacing any taken before;
     * launcher variables that are not settings are left out.
     *
     * @param env the variables by name, e.g. {@link System#getenv()}
     * @return this builder
     */
    public Builder environment(Map<String, String> env) {
      environment.clear();
      env.forEach(
          (k, v) -> {
            if (k.startsWith(ENVIRONMENT_PREFIX) && !NON_SETTING_ENVIRONMENT.contains(k)) {
              environment.put(k, v);
            }
          });
      return this;
    }

    /**
     * Reads the process's system properties and environment.
     *
     * @return this builder
     */
    public Builder fromProcess() {
      return systemProperties(System.getProperties()).environment(System.getenv());
    }

    /**
     * Reads a JSON config file: an object whose nested objects become dotted keys, e.g. {@code
     * {"defillama": {"base-url": "http://localhost:8080"}}}.
     *
     * @param path the config file
     * @return this builder
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

    /**
     * Builds the config.
     *
     * @return the config
     * @throws ConfigurationException for an undeclared key or a refused value, when built with
     *     {@link #declared declarations}
     */
    public Config build() {
      Map<String, String> environmentByName = Map.copyOf(environment);
      Map<String, String> environmentByKey = new LinkedHashMap<>();
      if (!declared.isEmpty()) {
        requireDeclared(explicit, "given with --set");
        requireDeclared(systemProperties, "system property ");
        environment.forEach(
            (name, value) -> environmentByKey.put(SettingKeys.keyOf(name, declared), value));
        requireDeclared(file, "in config file " + fileName);
        checkValues(file);
        checkValues(environmentByKey);
        checkValues(systemProperties);
        checkValues(explicit);
        environmentByName = Map.of();
      }
      return new Config(
          new Layers(
              Map.copyOf(explicit),
              Map.copyOf(systemProperties),
              environmentByName,
              Map.copyOf(environmentByKey),
              Map.copyOf(file),
              fileName,
              Map.copyOf(defaults),
              List.copyOf(declared)),
          "");
    }

    private void requireDeclared(Map<String, String> layer, String origin) {
      Map<String, String> given = new TreeMap<>();
      for (String key : layer.keySet()) {
        if (origin.startsWith("system property") && !KEY.matcher(key).matches()) {
          throw new ConfigurationException(
              "invalid setting name in system property "
                  + PROPERTY_PREFIX
                  + key
                  + ": use lower-case dotted words, e.g. -Dcexsafe.defillama.base-url=...");
        }
        given.put(
            key, origin.startsWith("system property") ? origin + PROPERTY_PREFIX + key : origin);
      }
      SettingKeys.requireDeclared(given, declared);
    }

    private void checkValues(Map<String, String> layer) {
      layer.forEach(
          (key, value) -> {
            String text = value == null ? "" : value.trim();
            if (!text.isEmpty()) {
              declared.stream()
                  .filter(d -> d.matches(key))
                  .findFirst()
                  .ifPresent(d -> d.parse(key, text));
            }
          });
    }
  }
}
