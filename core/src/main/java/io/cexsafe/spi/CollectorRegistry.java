package io.cexsafe.spi;

import io.cexsafe.CexsafeException;
import io.cexsafe.Config;
import io.cexsafe.ConfigurationException;
import io.cexsafe.SettingKey;
import io.cexsafe.SettingKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collectors of a run: registered explicitly (the primary API) and, optionally, discovered with
 * {@link ServiceLoader}. Deduplicated by id (explicit registration wins, then the first provider
 * found) and sorted by id. A provider that fails to load or to create its collector is logged and
 * skipped, and listed in {@link #problems()}; one that rejects its settings or an input file they
 * name (a {@link CexsafeException}) fails the build, since only the user can fix that.
 */
public final class CollectorRegistry {
  /**
   * The logger, made on first use: listing settings (every CLI command does) must not start the
   * logging framework, which costs a short command tens of milliseconds.
   */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(CollectorRegistry.class);
  }

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final List<EvidenceCollector> collectors;
  private final List<String> problems;

  private CollectorRegistry(List<EvidenceCollector> collectors, List<String> problems) {
    this.collectors = List.copyOf(collectors);
    this.problems = List.copyOf(problems);
  }

  /** {@return a builder for a registry of explicitly registered and discovered collectors} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the collectors, sorted by id} */
  public List<EvidenceCollector> collectors() {
    return collectors;
  }

  /** Every collector's switch, {@code <id>.enabled}, declared by the registry for each. */
  public static final SettingKey<Boolean> ENABLED =
      SettingKey.bool("enabled", "runs this collector").withDefault(true);

  /**
   * Every setting declared by core and by the providers {@link ServiceLoader} finds with {@code
   * loader}, with each provider's keys under its id, plus {@code <id>.enabled} for each. Providers
   * that fail to load are left out (the registry reports them).
   *
   * @param loader the class loader to discover providers with
   * @return the declared settings, with absolute keys
   */
  public static List<SettingKey<?>> declaredSettings(ClassLoader loader) {
    List<SettingKey<?>> declared = new ArrayList<>();
    settingsByOwner(loader).values().forEach(declared::addAll);
    return List.copyOf(declared);
  }

  /**
   * As {@link #declaredSettings}, grouped by owner: {@code core} first, then each collector id in
   * order, each with its full keys.
   *
   * @param loader the class loader to discover providers with
   * @return the settings by owner
   */
  public static Map<String, List<SettingKey<?>>> settingsByOwner(ClassLoader loader) {
    Map<String, List<SettingKey<?>>> byOwner = new LinkedHashMap<>();
    byOwner.put("core", SettingKeys.core());
    Map<String, List<SettingKey<?>>> collectors = new TreeMap<>();
    for (EvidenceCollectorProvider provider :
        new Builder().discover(loader).load(new ArrayList<>())) {
      try {
        String id = Builder.requireId(provider.id());
        List<SettingKey<?>> keys = new ArrayList<>();
        keys.add(ENABLED.under(id));
        provider.settings().forEach(key -> keys.add(key.under(id)));
        collectors.putIfAbsent(id, List.copyOf(keys));
      } catch (RuntimeException e) {
        Log.LOG.debug("provider {} declares no usable settings", provider.getClass().getName(), e);
      }
    }
    byOwner.putAll(collectors);
    return Collections.unmodifiableMap(byOwner);
  }

  /** {@return providers that could not be loaded or created, as messages} */
  public List<String> problems() {
    return problems;
  }

  /** Builder for {@link CollectorRegistry}. */
  public static final class Builder {
    private final Map<String, EvidenceCollector> explicit = new TreeMap<>();
    private final List<EvidenceCollectorProvider> explicitProviders = new ArrayList<>();
    private ClassLoader discoveryLoader;
    private boolean discover;
    private Config config = Config.empty();

    private Builder() {}

    /**
     * Registers a ready collector.
     *
     * @param collector the collector
     * @return this builder
     */
    public Builder register(EvidenceCollector collector) {
      String id = requireId(collector.id());
      if (explicit.putIfAbsent(id, collector) != null) {
        throw new ConfigurationException("two collectors registered with id '" + id + "'");
      }
      return this;
    }

    /**
     * Registers a provider, created with the registry's settings at {@link #build()}.
     *
     * @param provider the provider
     * @return this builder
     */
    public Builder register(EvidenceCollectorProvider provider) {
      explicitProviders.add(provider);
      return this;
    }

    /**
     * Sets the settings handed to providers (scoped to each collector's id).
     *
     * @param config the settings
     * @return this builder
     */
    public Builder config(Config config) {
      this.config = config;
      return this;
    }

    /** {@return also discovers providers on the thread's context class loader} */
    public Builder discover() {
      return discover(Thread.currentThread().getContextClassLoader());
    }

    /**
     * Also discovers providers with the given class loader.
     *
     * @param loader the class loader to search
     * @return this builder
     */
    public Builder discover(ClassLoader loader) {
      this.discover = true;
      this.discoveryLoader = loader;
      return this;
    }

    /**
     * Creates the providers' collectors and builds the registry; a provider that cannot be created
     * is reported in {@link CollectorRegistry#problems()} rather than thrown.
     *
     * @return the registry
     */
    public CollectorRegistry build() {
      Map<String, EvidenceCollector> byId = new TreeMap<>(explicit);
      List<String> problems = new ArrayList<>();
      for (EvidenceCollectorProvider provider : explicitProviders) {
        String id = requireId(provider.id());
        if (byId.containsKey(id)) {
          throw new ConfigurationException("two collectors registered with id '" + id + "'");
        }
        byId.put(id, provider.create(config.scoped(id)));
      }
      if (discover) {
        for (EvidenceCollectorProvider provider : load(problems)) {
          String id;
          try {
            id = requireId(provider.id());
          } catch (RuntimeException e) {
            problems.add(provider.getClass().getName() + ": " + e.getMessage());
            continue;
          }
          if (byId.containsKey(id)) {
            Log.LOG.debug(
                "collector '{}' is already registered; ignoring {}",
                id,
                provider.getClass().getName());
            continue;
          }
          try {
            EvidenceCollector collector = provider.create(config.scoped(id));
            if (!id.equals(collector.id())) {
              throw new ConfigurationException(
                  "provider id '" + id + "' created a collector with id '" + collector.id() + "'");
            }
            byId.put(id, collector);
          } catch (CexsafeException e) {
            // bad settings or a bad input file named in the settings: the user must fix them
            throw e;
          } catch (RuntimeException | LinkageError e) {
            String message = "collector '" + id + "' could not be created: " + e;
            Log.LOG.warn(message);
            problems.add(message);
          }
        }
      }
      return new CollectorRegistry(new ArrayList<>(byId.values()), problems);
    }

    private List<EvidenceCollectorProvider> load(List<String> problems) {
      List<EvidenceCollectorProvider> providers = new ArrayList<>();
      Iterator<EvidenceCollectorProvider> it =
          ServiceLoader.load(EvidenceCollectorProvider.class, discoveryLoader).iterator();
      // ServiceLoader's lazy iterator goes on after a broken provider; the bound guards against
      // one that keeps failing on the same entry.
      for (int failures = 0; failures < 100; ) {
        try {
          if (!it.hasNext()) {
            break;
          }
          providers.add(it.next());
        } catch (ServiceConfigurationError e) {
          failures++;
          String message = "skipping a collector provider that failed to load: " + e.getMessage();
          Log.LOG.warn(message);
          problems.add(message);
        }
      }
      return Collections.unmodifiableList(providers);
    }

    private static String requireId(String id) {
      if (id == null || !ID.matcher(id).matches()) {
        throw new ConfigurationException("collector id must be kebab-case: '" + id + "'");
      }
      return id;
    }
  }
}
