package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of the {@code --config} file reader and the typed getters that turn its
 * strings into settings. Only {@link ConfigurationException} (the documented one-line refusal) may
 * escape; any other throwable, a hang or an out-of-memory is a finding. Seeds and past findings
 * live under {@code src/test/resources/io/cexsafe/ConfigFileFuzzTestInputs/}; see docs/fuzzing.md.
 */
class ConfigFileFuzzTest {
  private static final Path FILE = scratchFile();

  @FuzzTest(maxDuration = "5m")
  void configFile(byte[] content) throws IOException {
    Files.write(FILE, content);
    Config config;
    try {
      config = Config.builder().file(FILE).build();
    } catch (ConfigurationException refused) {
      return;
    }
    for (String key : config.keys()) {
      readEveryWay(config, key);
    }
  }

  /** Found by seeding this fuzz test: Jackson's NumberFormatException escaped the reader. */
  @Test
  void aNumberWithAnExponentNoDecimalHoldsIsRefusedWithOneLine() throws IOException {
    Files.writeString(FILE, "{\"http\": {\"retries\": 1e9999999999}}");

    assertThatThrownBy(() -> Config.builder().file(FILE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("config file " + FILE + " holds a number that cannot be read");
  }

  private static void readEveryWay(Config config, String key) {
    List<Runnable> reads =
        List.of(
            () -> config.find(SettingKey.string(key, "fuzzed")),
            () -> config.find(SettingKey.bool(key, "fuzzed")),
            () -> config.find(SettingKey.integer(key, "fuzzed")),
            () -> config.find(SettingKey.longInteger(key, "fuzzed")),
            () -> config.find(SettingKey.number(key, "fuzzed")),
            () -> config.find(SettingKey.duration(key, "fuzzed")),
            () -> config.find(SettingKey.url(key, "fuzzed")),
            () -> config.find(SettingKey.list(key, "fuzzed")),
            () -> config.find(SettingKey.size(key, "fuzzed")),
            () -> config.find(SettingKey.date(key, "fuzzed")),
            () -> config.find(SettingKey.path(key, "fuzzed")),
            () -> config.find(SettingKey.secret(key, "fuzzed")),
            () -> config.scoped(key).entries());
    for (Runnable read : reads) {
      try {
        read.run();
      } catch (ConfigurationException refused) {
        // documented: a value of the wrong type is refused with a message naming the key
      }
    }
  }

  private static Path scratchFile() {
    try {
      Path file = Files.createTempFile("cexsafe-config-fuzz", ".json");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
