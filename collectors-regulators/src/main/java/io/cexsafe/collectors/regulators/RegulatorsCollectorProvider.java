package io.cexsafe.collectors.regulators;

import io.cexsafe.Config;
import io.cexsafe.Secret;
import io.cexsafe.SettingKey;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  /** The FCA register API account's e-mail address. */
  public static final SettingKey<Secret> FCA_EMAIL =
      SettingKey.secret("fca.email", "e-mail address of the FCA register API account");

  /** The FCA register API key; without it (or the e-mail) the FCA source is skipped. */
  public static final SettingKey<Secret> FCA_API_KEY =
      SettingKey.secret("fca.api-key", "FCA register API key; without it FCA is skipped");

  private static final Map<String, URI> DEFAULT_BASES =
      Map.of(
          "fca", FcaSource.DEFAULT_BASE,
          "esma", EsmaSource.DEFAULT_BASE,
          "fincen", FincenSource.DEFAULT_BASE,
          "vara", VaraSource.DEFAULT_BASE,
          "austrac", AustracSource.DEFAULT_BASE,
          "mas", MasSource.DEFAULT_BASE,
          "fintrac", FintracSource.DEFAULT_BASE);

  /**
   * The base URL setting of a register source.
   *
   * @param source the source's id ({@code fca}, {@code esma}, ...)
   * @return its {@code <source>.base-url} setting
   */
  public static SettingKey<URI> baseUrl(String source) {
    URI base = DEFAULT_BASES.get(source);
    if (base == null) {
      throw new IllegalArgumentException("no register source '" + source + "'");
    }
    return SettingKey.url(source + ".base-url", "base URL of the " + source + " register")
        .withDefault(base);
  }

  /**
   * The switch of a register source.
   *
   * @param source the source's id ({@code fca}, {@code esma}, ...)
   * @return its {@code <source>.enabled} setting
   */
  public static SettingKey<Boolean> enabled(String source) {
    baseUrl(source);
    return SettingKey.bool(source + ".enabled", "read the " + source + " register")
        .withDefault(true);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public EvidenceCollector create(Config settings) {
    return new RegulatorsCollector(
        List.of(
            new FcaSource(
                settings.get(baseUrl("fca")),
                settings.get(enabled("fca")),
                settings.find(FCA_EMAIL),
                settings.find(FCA_API_KEY)),
            new EsmaSource(settings.get(baseUrl("esma")), settings.get(enabled("esma"))),
            new FincenSource(settings.get(baseUrl("fincen")), settings.get(enabled("fincen"))),
            new VaraSource(settings.get(baseUrl("vara")), settings.get(enabled("vara"))),
            new AustracSource(settings.get(baseUrl("austrac")), settings.get(enabled("austrac"))),
            new MasSource(settings.get(baseUrl("mas")), settings.get(enabled("mas"))),
            new FintracSource(settings.get(baseUrl("fintrac")), settings.get(enabled("fintrac")))));
  }

  @Override
  public List<SettingKey<?>> settings() {
    List<SettingKey<?>> keys = new ArrayList<>();
    for (String source : SOURCES) {
      keys.add(baseUrl(source));
      keys.add(enabled(source));
    }
    keys.add(FCA_EMAIL);
    keys.add(FCA_API_KEY);
    return List.copyOf(keys);
  }
}
