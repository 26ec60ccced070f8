package io.cexsafe.spi;

import io.cexsafe.Config;
import io.cexsafe.SettingKey;
import java.util.List;

/**
 * Creates a collector from settings. Providers are registered explicitly with {@link
 * CollectorRegistry.Builder#register} or discovered with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.cexsafe.spi.EvidenceCollectorProvider}.
 */
public interface EvidenceCollectorProvider {
  /** {@return the id of the collector this provider creates} */
  String id();

  /**
   * Creates the collector.
   *
   * @param settings the settings under the collector's id, with the prefix removed (e.g. {@code
   *     base-url} for {@code defillama.base-url})
   * @return the collector
   * @throws io.cexsafe.ConfigurationException for invalid settings
   */
  EvidenceCollector create(Config settings);

  /**
   * {@return the settings {@link #create} reads, relative to the collector's id ({@code base-url}
   * for {@code defillama.base-url}), read in {@link #create} with {@code settings.get(KEY)}; {@code
   * enabled} is common to every collector and need not be declared} A key a user gives that no
   * owner declares is an error, so declare every key read.
   */
  default List<SettingKey<?>> settings() {
    return List.of();
  }
}
