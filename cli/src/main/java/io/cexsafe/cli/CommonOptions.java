package io.cexsafe.cli;

import io.cexsafe.Config;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.SettingKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by the commands that read configuration and the catalogue. */
public final class CommonOptions {
  @Option(
      names = "--config",
      paramLabel = "<file>",
      description = "JSON settings file, e.g. {\"defillama\": {\"base-url\": \"...\"}}.")
  Path configFile;

  @Option(
      names = "--set",
      paramLabel = "<key=value>",
      description =
          "A setting, e.g. --set defillama.enabled=false (repeatable; wins over --config).")
  List<String> settings = new ArrayList<>();

  @Option(
      names = "--catalog",
      paramLabel = "<file>",
      description =
          "Extra exchange catalogue (JSON); its entries extend or replace the bundled ones.")
  Path catalogFile;

  @Option(names = "--verbose", description = "Log what happens and show stack traces on errors.")
  boolean verbose;

  /**
   * Settings from the config file, the process (CEXSAFE_* and -Dcexsafe.*) and --set, checked
   * against every declared setting: an unknown key or a refused value in any layer is an error.
   *
   * @return the settings
   */
  public Config config() {
    applyVerbosity();
    Config.Builder builder =
        Config.builder()
            .declared(declaredSettings())
            .fromProcess()
            .defaultValue(
                "http.cache.dir",
                Path.of(System.getProperty("user.home"), ".cache", "cexsafe", "http").toString());
    if (configFile != null) {
      builder.file(configFile);
    }
    Map<String, String> given = new HashMap<>();
    for (String setting : settings) {
      int eq = setting.indexOf('=');
      String key = eq > 0 ? setting.substring(0, eq).trim() : setting;
      String previous = given.put(key, setting);
      if (previous != null) {
        throw new BadInputException(
            "--set "
                + key
                + " is given twice ('"
                + previous
                + "', '"
                + setting
                + "'); give it once");
      }
      builder.set(setting);
    }
    return builder.build();
  }

  /** The settings of core, the collectors and the alerts (the webhook secret of {@code watch}). */
  static List<SettingKey<?>> declaredSettings() {
    List<SettingKey<?>> declared = new ArrayList<>();
    SettingsTable.declaredByOwner(CommonOptions.class.getClassLoader())
        .values()
        .forEach(declared::addAll);
    return declared;
  }

  /** {@return the bundled catalogue, extended by {@code --catalog}} */
  public ExchangeCatalog catalog() {
    ExchangeCatalog bundled = ExchangeCatalog.bundled();
    return catalogFile == null ? bundled : bundled.extendedWith(ExchangeCatalog.load(catalogFile));
  }

  void applyVerbosity() {
    LoggingStart.setLevels(verbose);
  }
}
