package io.cexsafe.collectors.defillama;

import io.cexsafe.Config;
import io.cexsafe.SettingKey;
import io.cexsafe.SettingKey.Type;
import io.cexsafe.spi.EvidenceCollector;
import io.cexsafe.spi.EvidenceCollectorProvider;
import java.util.List;

/** Creates the {@link DefiLlamaCollector} from the {@code defillama.*} settings. */
public final class DefiLlamaCollectorProvider implements EvidenceCollectorProvider {
  @Override
  public String id() {
    return DefiLlamaCollector.ID;
  }

  @Override
  public EvidenceCollector create(Config settings) {
    return DefiLlamaCollector.create(DefiLlamaSettings.fromConfig(settings));
  }

  @Override
  public List<SettingKey> settings() {
    return List.of(
        SettingKey.of("base-url", Type.URI, "https://api.llama.fi", "free API base URL"),
        SettingKey.of("pro-base-url", Type.URI, "https://pro-api.llama.fi", "Pro API base URL"),
        SettingKey.of("stablecoins-url", Type.URI, null, "stablecoins API base URL"),
        SettingKey.of("web-url", Type.URI, "https://defillama.com", "site linked in sources"),
        SettingKey.secret("api-key", "DeFiLlama Pro API key"),
        SettingKey.of("cexs.enabled", Type.BOOLEAN, "true", "read the /cexs list"),
        SettingKey.of("protocol.enabled", Type.BOOLEAN, "true", "read each /protocol document"),
        SettingKey.of("inflows.enabled", Type.BOOLEAN, "true", "read net flows"),
        SettingKey.of("hacks.enabled", Type.BOOLEAN, "true", "read the hacks list"),
        SettingKey.of("stablecoins.enabled", Type.BOOLEAN, "true", "read stablecoin data"),
        SettingKey.of("protocol.max-body-bytes", Type.LONG, null, "largest /protocol body"),
        SettingKey.of("trend.window-days", Type.INT, null, "days of reserve trend"),
        SettingKey.of("top-holdings", Type.INT, null, "token holdings kept per exchange"));
  }
}
