package io.cexsafe.collectors.defillama;

import io.cexsafe.Config;
import io.cexsafe.SettingKey;
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
  public List<SettingKey<?>> settings() {
    return DefiLlamaSettings.SETTINGS;
  }
}
