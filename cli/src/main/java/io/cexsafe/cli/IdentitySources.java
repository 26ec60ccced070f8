package io.cexsafe.cli;

import io.cexsafe.Config;
import io.cexsafe.collectors.defillama.DefiLlamaIdentityLookups;
import io.cexsafe.collectors.regulators.RegulatorsIdentityLookups;
import io.cexsafe.collectors.reviews.ReviewsIdentityLookups;
import io.cexsafe.http.HttpSettings;
import io.cexsafe.http.HttpSupport;
import io.cexsafe.identity.IdentityMatcher;
import io.cexsafe.spi.CollectorRegistry;
import io.cexsafe.spi.IdentityLookup;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires the collectors' name searches into one {@link IdentityMatcher}: DeFiLlama's CEX list, the
 * ESMA and FCA registers and Apple's search, each reading its collector's settings (base URLs,
 * credentials, switches). A collector switched off ({@code <id>.enabled=false}) lends no lookup.
 */
final class IdentitySources {
  private IdentitySources() {}

  /** The matcher over every enabled source. */
  static IdentityMatcher matcher(Config config) {
    List<IdentityLookup> lookups = new ArrayList<>();
    if (enabled(config, "defillama")) {
      lookups.addAll(DefiLlamaIdentityLookups.fromConfig(config.scoped("defillama")));
    }
    if (enabled(config, "regulators")) {
      lookups.addAll(RegulatorsIdentityLookups.fromConfig(config.scoped("regulators")));
    }
    if (enabled(config, "reviews")) {
      lookups.addAll(ReviewsIdentityLookups.fromConfig(config.scoped("reviews")));
    }
    return IdentityMatcher.of(lookups);
  }

  /**
   * An HTTP client with the run's settings and the collectors' per-host limits (Apple's budget, the
   * FCA's), as an assessment would use.
   */
  static HttpSupport http(Config config) {
    HttpSettings.Builder settings = HttpSettings.fromConfig(config).toBuilder();
    HttpSettings base = settings.build();
    CollectorRegistry registry =
        CollectorRegistry.builder()
            .config(config)
            .discover(IdentitySources.class.getClassLoader())
            .build();
    registry
        .collectors()
        .forEach(
            collector ->
                collector
                    .hostPolicies()
                    .forEach(
                        (host, policy) -> {
                          if (!base.hostPolicies().containsKey(host)) {
                            settings.hostPolicy(host, policy);
                          }
                        }));
    return HttpSupport.create(settings.build());
  }

  private static boolean enabled(Config config, String collector) {
    return config.scoped(collector).get(CollectorRegistry.ENABLED);
  }
}
