package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.http.HostPolicy;
import io.cexsafe.http.HttpSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @TempDir Path dir;

  @Test
  void layersApplyInPrecedenceOrder() throws Exception {
    Path file = dir.resolve("cexsafe.json");
    Files.writeString(
        file,
        "{\"defillama\": {\"base-url\": \"http://file\", \"enabled\": false, \"x\": \"file\"}}");
    Properties props = new Properties();
    props.setProperty("cexsafe.defillama.x", "sysprop");
    props.setProperty("unrelated", "ignored");
    Config config =
        Config.builder()
            .defaultValue("defillama.timeout", "5s")
            .file(file)
            .environment(Map.of("CEXSAFE_DEFILLAMA_BASE_URL", "http://env", "PATH", "/bin"))
            .systemProperties(props)
            .set("defillama.enabled=true")
            .build();
    assertThat(config.find(SettingKey.string("defillama.base-url", "d"))).contains("http://env");
    assertThat(config.get(SettingKey.bool("defillama.enabled", "d").withDefault(false))).isTrue();
    assertThat(config.find(SettingKey.string("defillama.x", "d"))).contains("sysprop");
    assertThat(config.find(SettingKey.duration("defillama.timeout", "d")))
        .contains(Duration.ofSeconds(5));
    Config scoped = config.scoped("defillama");
    assertThat(scoped.find(SettingKey.string("base-url", "d"))).contains("http://env");
    assertThat(scoped.find(SettingKey.string("x", "d"))).contains("sysprop");
    assertThat(scoped.get(SettingKey.bool("enabled", "d").withDefault(false))).isTrue();
  }

  @Test
  void secretsAreNeverShown() {
    Config config =
        Config.builder()
            .set("regulators.fca.api-key", "TOPSECRET")
            .set("regulators.fca.email", "me@x.io")
            .build();
    SettingKey<Secret> apiKey = SettingKey.secret("regulators.fca.api-key", "key");
    assertThat(config.find(apiKey)).map(Secret::reveal).contains("TOPSECRET");
    assertThat(config.toString())
        .doesNotContain("TOPSECRET")
        .doesNotContain("me@x.io")
        .contains("****");
    assertThat(config.find(apiKey).orElseThrow().toString()).isEqualTo("****");
    assertThatThrownBy(
            () ->
                Config.builder()
                    .set("x.api-key", "abc")
                    .build()
                    .get(SettingKey.integer("x.api-key", "d").withDefault(0)))
        .hasMessageNotContaining("abc");
  }

  @Test
  void badValuesNameTheSetting() {
    Config config =
        Config.builder().set("http.max-attempts", "many").set("http.read-timeout", "soon").build();
    assertThatThrownBy(() -> config.get(HttpSettings.MAX_ATTEMPTS))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'many'")
        .hasMessageContaining("http.max-attempts");
    assertThatThrownBy(() -> HttpSettings.fromConfig(config)).hasMessageContaining("http.");
    assertThatThrownBy(() -> Config.builder().set("novalue")).hasMessageContaining("key=value");
    assertThatThrownBy(() -> Config.builder().set("Bad Key", "v"))
        .hasMessageContaining("invalid setting name");
  }

  @Test
  void malformedConfigFileNamesFileAndProblem() throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\"http\": {\"max-attempts\": 3,, }}");
    assertThatThrownBy(() -> Config.builder().file(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 1");
    Files.writeString(file, "[1, 2]");
    assertThatThrownBy(() -> Config.builder().file(file)).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> Config.builder().file(dir.resolve("nope.json")))
        .hasMessageContaining("file not found");
  }

  @Test
  void httpSettingsComeFromConfig() {
    Config config =
        Config.builder()
            .set("http.max-attempts", "5")
            .set("http.read-timeout", "PT3S")
            .set("http.max-concurrency-per-host", "8")
            .set("http.hosts.itunes-apple-com.max-concurrency", "1")
            .set("http.hosts.itunes-apple-com.requests-per-second", "0.33")
            .build();
    HttpSettings settings = HttpSettings.fromConfig(config);
    assertThat(settings.maxAttempts()).isEqualTo(5);
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.policyFor("example.com")).isEqualTo(new HostPolicy(8, 0));
    assertThat(settings.policyFor("itunes.apple.com")).isEqualTo(new HostPolicy(1, 0.33));
    assertThatThrownBy(() -> HttpSettings.builder().maxAttempts(0)).hasMessageContaining("was 0");
  }
}
