package io.cexsafe.collectors.regulators;

import io.cexsafe.Config;
import io.cexsafe.collectors.regulators.internal.EsmaNameSearch;
import io.cexsafe.collectors.regulators.internal.FcaNameSearch;
import io.cexsafe.spi.IdentityLookup;
import java.util.ArrayList;
import java.util.List;

/**
 * The regulator registers' searches by name, for identity resolution: ESMA's MiCA CASP file ({@code
 * esma}) and the FCA register's firm search ({@code fca}). They read the same settings as the
 * {@code regulators} collector ({@code regulators.esma.base-url}, {@code regulators.fca.api-key},
 * ...); a source switched off there is left out here too.
 */
public final class RegulatorsIdentityLookups {
  private RegulatorsIdentityLookups() {}

  /**
   * The lookups, from the settings under {@code regulators.} (given without the prefix, as {@link
   * Config#scoped(String)} gives them).
   *
   * @param settings the settings under {@code regulators.}, with the prefix removed
   * @return the ESMA and FCA name searches, each only when its source is enabled; possibly empty
   * @throws io.cexsafe.ConfigurationException when a setting is invalid
   */
  public static List<IdentityLookup> fromConfig(Config settings) {
    List<IdentityLookup> lookups = new ArrayList<>();
    if (settings.get(RegulatorsCollectorProvider.enabled("esma"))) {
      lookups.add(new EsmaNameSearch(settings.get(RegulatorsCollectorProvider.baseUrl("esma"))));
    }
    if (settings.get(RegulatorsCollectorProvider.enabled("fca"))) {
      lookups.add(
          new FcaNameSearch(
              settings.get(RegulatorsCollectorProvider.baseUrl("fca")),
              settings.find(RegulatorsCollectorProvider.FCA_EMAIL).orElse(null),
              settings.find(RegulatorsCollectorProvider.FCA_API_KEY).orElse(null)));
    }
    return List.copyOf(lookups);
  }
}
