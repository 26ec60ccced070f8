package io.cexsafe.collectors.regulators;

import io.cexsafe.Config;
import io.cexsafe.SettingKey;
import io.cexsafe.SettingKey.Type;
import io.cexsafe.collectors.regulators.internal.AustracSource;
import io.cexsafe.collectors.regulators.internal.EsmaSource;
import io.cexsafe.collectors.regulators.internal.FcaSource;
import io.cexsafe.collectors.regulators.internal.FincenSource;
import io.cexsafe.collectors.regulators.internal.FintracSource;
import io.cexsafe.collectors.regulators.internal.MasSource;
import io.cexsafe.collectors.regulators.internal.RegulatorsCollector;
import io.cexsafe.collectors.regulators.internal.VaraSource;
import io.cexsafe.spi.EvidenceCollector;
import io.cexsafe.spi.EvidenceCollectorProvider;
import java.util.List;

/**
 * Creates the {@code regulators} collector. Settings (under {@code regulators.}):
 *
 * <ul>
 *   <li>{@code <source>.enabled} (default true) and {@code <source>.base-url} for each source:
 *       {@code fca}, {@code esma}, {@code fincen}, {@code vara}, {@code austrac}, {@code mas},
 *       {@code fintrac};
 *   <li>{@code fca.api-key} and {@code fca.email}: the FCA register API credentials (also from
 *       {@code CEXSAFE_REGULATORS_FCA_API_KEY} / {@code CEXSAFE_REGULATORS_FCA_EMAIL}); without
 *       them the FCA source is skipped and the others still run.
 * </ul>
 */
public final class RegulatorsCollectorProvider implements EvidenceCollectorProvider {
  /** The collector id, also the settings prefix. */
  public static final String ID = RegulatorsCollector.ID;

  /** The register sources, by their settings names. */
  public static final List<String> SOURCES =
      List.of("fca", "esma", "fincen", "vara", "austrac", "mas", "fintrac");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public EvidenceCollector create(Config settings) {
    return new RegulatorsCollector(
        List.of(
            new FcaSource(
                settings.getUri("fca.base-url", FcaSource.DEFAULT_BASE),
                settings.getBoolean("fca.enabled", true),
                settings.secret("fca.email"),
                settings.secret("fca.api-key")),
            new EsmaSource(
                settings.getUri("esma.base-url", EsmaSource.DEFAULT_BASE),
                settings.getBoolean("esma.enabled", true)),
            new FincenSource(
                settings.getUri("fincen.base-url", FincenSource.DEFAULT_BASE),
                settings.getBoolean("fincen.enabled", true)),
            new VaraSource(
                settings.getUri("vara.base-url", VaraSource.DEFAULT_BASE),
                settings.getBoolean("vara.enabled", true)),
            new AustracSource(
                settings.getUri("austrac.base-url", AustracSource.DEFAULT_BASE),
                settings.getBoolean("austrac.enabled", true)),
            new MasSource(
                settings.getUri("mas.base-url", MasSource.DEFAULT_BASE),
                settings.getBoolean("mas.enabled", true)),
            new FintracSource(
                settings.getUri("fintrac.base-url", FintracSource.DEFAULT_BASE),
                settings.getBoolean("fintrac.enabled", true))));
  }

  @Override
  public List<SettingKey> settings() {
    List<SettingKey> keys = new java.util.ArrayList<>();
    for (String source : SOURCES) {
      keys.add(SettingKey.of(source + ".base-url", Type.URI, null, "base URL of " + source));
      keys.add(SettingKey.of(source + ".enabled", Type.BOOLEAN, "true", "read " + source));
    }
    keys.add(SettingKey.secret("fca.email", "e-mail address of the FCA API account"));
    keys.add(SettingKey.secret("fca.api-key", "FCA register API key"));
    return List.copyOf(keys);
  }
}
