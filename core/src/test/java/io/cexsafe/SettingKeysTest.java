package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.internal.EditDistance;
import io.cexsafe.spi.CollectorRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingKeysTest {
  @TempDir Path dir;

  private static final List<SettingKey<?>> DECLARED =
      List.of(
          SettingKey.url("base-url", "base").under("defillama"),
          SettingKey.secret("api-key", "key").under("defillama"),
          SettingKey.path("proof.*", "proof").under("proof-of-reserves"),
          SettingKey.integer("http.hosts.*.max-concurrency", "per host").withDefault(4));

  @Test
  void declaredKeysAndWildcardsPass() {
    SettingKeys.requireDeclared(
        Map.of(
            "defillama.base-url", "--set",
            "proof-of-reserves.proof.okx", "--set",
            "http.hosts.api-llama-fi.max-concurrency", "--set"),
        DECLARED);
  }

  @Test
  void unknownKeyNamesTheClosestDeclaredOne() {
    assertThatThrownBy(
            () ->
                SettingKeys.requireDeclared(
                    Map.of("defilama.base-url", "given with --set"), DECLARED))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "unknown setting 'defilama.base-url' (given with --set); did you mean"
                + " 'defillama.base-url'?");
    assertThatThrownBy(
            () -> SettingKeys.requireDeclared(Map.of("proof-of-reserves.proof", "x"), DECLARED))
        .hasMessageContaining("did you mean 'proof-of-reserves.proof.*'");
  }

  @Test
  void farOffKeyGetsNoSuggestion() {
    assertThatThrownBy(() -> SettingKeys.requireDeclared(Map.of("colour", "x"), DECLARED))
        .hasMessage("unknown setting 'colour' (x)");
  }

  @Test
  void wildcardMatchesExactlyOneSegment() {
    SettingKey<Path> key = SettingKey.path("proof.*", "p");
    assertThat(key.matches("proof.okx")).isTrue();
    assertThat(key.matches("proof")).isFalse();
    assertThat(key.matches("proof.okx.extra")).isFalse();
    assertThatThrownBy(() -> SettingKey.string("Bad Key", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void coreDeclaresTheSettingsItReads() {
    List<SettingKey<?>> core = SettingKeys.core();
    for (String key :
        List.of(
            "http.max-attempts",
            "http.cache.dir",
            "http.hosts.api-llama-fi.requests-per-second",
            "assessor.collector-timeout")) {
      assertThat(core).as(key).anyMatch(k -> k.matches(key));
    }
    // every collector's switch is declared by the registry, whoever the collector is
    assertThat(CollectorRegistry.declaredSettings(getClass().getClassLoader())).containsAll(core);
  }

  @Test
  void configReportsWhereEachGivenKeyCameFrom() throws Exception {
    Path file = Files.writeString(dir.resolve("c.json"), "{\"http\": {\"max-attempts\": 2}}");
    Properties properties = new Properties();
    properties.setProperty("cexsafe.assessor.parallelism", "2");
    properties.setProperty("unrelated", "x");
    Config config =
        Config.builder()
            .systemProperties(properties)
            .file(file)
            .set("defillama.base-url=http://x")
            .defaultValue("http.cache.dir", "/tmp")
            .build();
    assertThat(config.entries())
        .extracting(Config.Entry::key, Config.Entry::origin)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "assessor.parallelism", "system property cexsafe.assessor.parallelism"),
            org.assertj.core.groups.Tuple.tuple("defillama.base-url", "given with --set"),
            org.assertj.core.groups.Tuple.tuple("http.cache.dir", "default"),
            org.assertj.core.groups.Tuple.tuple("http.max-attempts", "in config file " + file));
  }

  @Test
  void duplicateKeysInAConfigFileAreRefused() throws Exception {
    Path same =
        Files.writeString(
            dir.resolve("same.json"), "{\"http\": {\"max-attempts\": 2, \"max-attempts\": 3}}");
    assertThatThrownBy(() -> Config.builder().file(same))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("duplicate setting 'max-attempts'")
        .hasMessageContaining(same.toString());
    Path dotted =
        Files.writeString(
            dir.resolve("dotted.json"),
            "{\"http\": {\"max-attempts\": 2}, \"http.max-attempts\": 3}");
    assertThatThrownBy(() -> Config.builder().file(dotted))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("setting 'http.max-attempts' is given twice");
  }

  @Test
  void levenshteinDistance() {
    assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
    assertThat(EditDistance.between("", "abc")).isEqualTo(3);
    assertThat(EditDistance.between("same", "same")).isZero();
  }
}
