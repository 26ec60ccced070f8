package io.cexsafe.collectors.defillama;

import io.cexsafe.Config;
import io.cexsafe.spi.EvidenceCollector;
import io.cexsafe.spi.EvidenceCollectorProvider;

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
}
