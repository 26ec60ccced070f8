package io.cexsafe.collectors.defillama;

import io.cexsafe.Config;
import io.cexsafe.collectors.defillama.internal.CexNameSearch;
import io.cexsafe.spi.IdentityLookup;
import java.util.List;

/**
 * DeFiLlama's search by name, for identity resolution: its CEX list ({@code /cexs}), source id
 * {@code defillama}, giving each exchange's name and slug. It reads the same settings as the {@code
 * defillama} collector ({@code defillama.base-url}, {@code defillama.api-key}, ...), and is left
 * out when {@code defillama.cexs.enabled} is false.
 */
public final class DefiLlamaIdentityLookups {
  private DefiLlamaIdentityLookups() {}

  /**
   * The lookups, from the settings under {@code defillama.} (given without the prefix, as {@link
   * Config#scoped(String)} gives them).
   *
   * @param settings the settings under {@code defillama.}, with the prefix removed
   * @return the CEX-list name search, or an empty list when {@code defillama.cexs.enabled} is false
   * @throws io.cexsafe.ConfigurationException when a setting is invalid
   */
  public static List<IdentityLookup> fromConfig(Config settings) {
    DefiLlamaSettings parsed = DefiLlamaSettings.fromConfig(settings);
    return settings.get(DefiLlamaSettings.CEXS_ENABLED)
        ? List.of(new CexNameSearch(parsed))
        : List.of();
  }
}
