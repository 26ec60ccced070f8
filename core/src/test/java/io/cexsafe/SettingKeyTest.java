package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.http.HttpSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingKeyTest {
  private static final SettingKey<Integer> TOP =
      SettingKey.integer("top-holdings", "kept").withDefault(10).within(1, 100);
  private static final SettingKey<Secret> API_KEY = SettingKey.secret("api-key", "key");
  private static final SettingKey<Path> PROOF = SettingKey.path("proof.*", "proof file");

  private static final List<SettingKey<?>> DECLARED =
      List.of(
          TOP.under("defillama"),
          API_KEY.under("defillama"),
          SettingKey.url("base-url", "base").under("defillama"),
          PROOF.under("proof-of-reserves"),
          HttpSettings.HOST_MAX_CONCURRENCY);

  @Test
  void everyTypeReadsItsText() {
    Config config =
        Config.builder()
            .set("a.int", " 42 ")
            .set("a.long", "9000000000")
            .set("a.number", "0.33")
            .set("a.flag", "off")
            .set("a.wait", "2m")
            .set("a.iso", "PT3S")
            .set("a.url", "http://localhost:8080/x")
            .set("a.list", "us, gb,,de")
            .set("a.date", "2023-04-01")
            .set("a.size", "64G")
            .set("a.dir", "/tmp/x")
            .set("a.colour", "Dark-Blue")
            .build();
    assertThat(config.get(SettingKey.integer("a.int", "d"))).isEqualTo(42);
    assertThat(config.get(SettingKey.longInteger("a.long", "d"))).isEqualTo(9_000_000_000L);
    assertThat(config.get(SettingKey.number("a.number", "d"))).isEqualTo(0.33);
    assertThat(config.get(SettingKey.bool("a.flag", "d"))).isFalse();
    assertThat(config.get(SettingKey.duration("a.wait", "d"))).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.get(SettingKey.duration("a.iso", "d"))).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.get(SettingKey.url("a.url", "d")))
        .isEqualTo(URI.create("http://localhost:8080/x"));
    assertThat(config.get(SettingKey.list("a.list", "d"))).containsExactly("us", "gb", "de");
    assertThat(config.get(SettingKey.date("a.date", "d"))).isEqualTo(LocalDate.of(2023, 4, 1));
    assertThat(config.get(SettingKey.size("a.size", "d"))).isEqualTo(64L << 30);
    assertThat(config.get(SettingKey.path("a.dir", "d"))).isEqualTo(Path.of("/tmp/x"));
    assertThat(config.get(SettingKey.of("a.colour", SettingType.oneOf(Colour.class), "d")))
        .isEqualTo(Colour.DARK_BLUE);
  }

  enum Colour {
    RED,
    DARK_BLUE
  }

  @Test
  void absentSettingsTakeTheirDefaultOrAreRequired() {
    Config config = Config.empty();
    assertThat(config.get(TOP)).isEqualTo(10);
    assertThat(config.find(SettingKey.integer("x", "d"))).isEmpty();
    assertThatThrownBy(() -> config.get(SettingKey.integer("x", "d")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("setting 'x' is required: expected an integer");
    assertThat(Config.of(Map.of("top-holdings", "  ")).get(TOP)).isEqualTo(10);
  }

  @Test
  void aBadValueNamesKeyValueAndExpectation() {
    Config config =
        Config.of(Map.of("defillama.top-holdings", "0", "defillama.base-url", "ftp:/nohost"));
    assertThatThrownBy(() -> config.scoped("defillama").get(TOP))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "invalid value '0' for setting 'defillama.top-holdings':"
                + " expected an integer within [1, 100]");
    assertThatThrownBy(() -> config.get(SettingKey.url("defillama.base-url", "d")))
        .hasMessage(
            "invalid value 'ftp:/nohost' for setting 'defillama.base-url':"
                + " expected an absolute http(s) URL");
    assertThatThrownBy(() -> Config.of(Map.of("d", "soon")).get(SettingKey.duration("d", "d")))
        .hasMessageContaining("expected a duration such as 500ms");
    assertThatThrownBy(() -> Config.of(Map.of("s", "lots")).get(SettingKey.size("s", "d")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "invalid value 'lots' for setting 's': not a size: 'lots' (expected e.g. 1048576,"
                + " 512M, 64G or 1T)");
  }

  @Test
  void aSecretsValueIsMaskedEverywhere() {
    SettingKey<Integer> pin = SettingKey.integer("pin", "a number that is secret").asSecret();
    assertThatThrownBy(() -> Config.of(Map.of("pin", "hunter2")).get(pin))
        .hasMessage("invalid value **** for setting 'pin': expected an integer")
        .hasMessageNotContaining("hunter2");
    Config config =
        Config.builder()
            .declared(List.of(pin, API_KEY.under("defillama")))
            .set("pin", "1234")
            .set("defillama.api-key", "TOPSECRET")
            .build();
    assertThat(config.entries()).extracting(Config.Entry::shownValue).containsOnly("****");
    assertThat(config.toString()).doesNotContain("1234").doesNotContain("TOPSECRET");
    assertThatThrownBy(() -> Config.builder().declared(List.of(pin)).set("pin", "abcd").build())
        .hasMessageNotContaining("abcd");
  }

  @Test
  void defaultsMustPassTheirOwnCheck() {
    assertThatThrownBy(() -> SettingKey.integer("n", "d").within(1, 5).withDefault(9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("within [1, 5]");
    assertThat(TOP.defaultText()).contains("10");
    assertThat(SettingKey.size("s", "d").withDefault(64L << 30).defaultText()).contains("64G");
    assertThat(HttpSettings.INITIAL_BACKOFF.defaultText()).contains("500ms");
    assertThat(HttpSettings.CALL_TIMEOUT.defaultText()).contains("2m");
  }

  @Test
  void patternsReadEveryGivenName() {
    Config config =
        Config.builder()
            .declared(DECLARED)
            .set("proof-of-reserves.proof.okx", "/p/okx.json")
            .environment(Map.of("CEXSAFE_PROOF_OF_RESERVES_PROOF_CRYPTO_COM", "/p/cdc.json"))
            .build();
    assertThat(config.scoped("proof-of-reserves").all(PROOF))
        .containsEntry(List.of("okx"), Path.of("/p/okx.json"))
        .containsEntry(List.of("crypto-com"), Path.of("/p/cdc.json"))
        .hasSize(2);
    assertThat(PROOF.at("okx").key()).isEqualTo("proof.okx");
    assertThatThrownBy(() -> PROOF.at()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theEnvironmentIsPartOfTheKeysView() {
    Config config =
        Config.builder()
            .declared(DECLARED)
            .environment(
                Map.of(
                    "CEXSAFE_DEFILLAMA_BASE_URL", "http://env",
                    "CEXSAFE_HTTP_HOSTS_API_LLAMA_FI_MAX_CONCURRENCY", "2",
                    "PATH", "/bin"))
            .build();
    assertThat(config.keys())
        .containsExactly("defillama.base-url", "http.hosts.api-llama-fi.max-concurrency");
    assertThat(config.entries())
        .extracting(Config.Entry::origin)
        .contains("environment variable CEXSAFE_DEFILLAMA_BASE_URL");
    assertThat(config.scoped("defillama").keys()).containsExactly("base-url");
  }

  @Test
  void anUndeclaredKeyInAnyLayerNamesTheClosestDeclaredOne() {
    assertThatThrownBy(
            () -> Config.builder().declared(DECLARED).set("defilama.base-url", "http://x").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "unknown setting 'defilama.base-url' (given with --set); did you mean"
                + " 'defillama.base-url'?");
    Properties properties = new Properties();
    properties.setProperty("cexsafe.defillama.top-holding", "3");
    properties.setProperty("cexsafe.reference", "/samples");
    assertThatThrownBy(
            () -> Config.builder().declared(DECLARED).systemProperties(properties).build())
        .hasMessage(
            "unknown setting 'defillama.top-holding' (system property"
                + " cexsafe.defillama.top-holding); did you mean 'defillama.top-holdings'?");
    assertThatThrownBy(
            () ->
                Config.builder()
                    .declared(DECLARED)
                    .environment(Map.of("CEXSAFE_DEFILAMA_BASE_URL", "http://x"))
                    .build())
        .hasMessage(
            "unknown setting in environment variable CEXSAFE_DEFILAMA_BASE_URL; did you mean"
                + " CEXSAFE_DEFILLAMA_BASE_URL ('defillama.base-url')?");
    assertThatThrownBy(
            () ->
                Config.builder()
                    .declared(DECLARED)
                    .environment(Map.of("CEXSAFE_COLOUR", "x"))
                    .build())
        .hasMessage("unknown setting in environment variable CEXSAFE_COLOUR");
  }

  @Test
  void theLaunchersOwnVariablesAreNotSettings() {
    Config config =
        Config.builder()
            .declared(DECLARED)
            .environment(
                Map.of(
                    "CEXSAFE_JAR", "/opt/cexsafe.jar",
                    "CEXSAFE_JAVA_OPTS", "-Xmx1g",
                    "CEXSAFE_CDS", "off"))
            .build();

    assertThat(config.entries()).isEmpty();
  }

  @Test
  void declaredValuesAreCheckedWhenTheConfigIsBuilt() {
    assertThatThrownBy(
            () ->
                Config.builder()
                    .declared(DECLARED)
                    .environment(Map.of("CEXSAFE_DEFILLAMA_TOP_HOLDINGS", "many"))
                    .build())
        .hasMessage(
            "invalid value 'many' for setting 'defillama.top-holdings':"
                + " expected an integer within [1, 100]");
  }

  @Test
  void aHostWithOnlyARateGetsItsOwnPolicy() {
    HttpSettings settings =
        HttpSettings.fromConfig(
            Config.builder()
                .declared(SettingKeys.core())
                .environment(Map.of("CEXSAFE_HTTP_HOSTS_API_LLAMA_FI_REQUESTS_PER_SECOND", "2"))
                .set("http.max-concurrency-per-host", "6")
                .build());
    assertThat(settings.policyFor("api.llama.fi"))
        .isEqualTo(new io.cexsafe.http.HostPolicy(6, 2.0));
    assertThat(settings.policyFor("example.com")).isEqualTo(new io.cexsafe.http.HostPolicy(6, 0));
  }

  @Test
  void theRegistryGroupsDeclarationsByOwnerWithEachCollectorsSwitch() {
    Map<String, List<SettingKey<?>>> byOwner =
        io.cexsafe.spi.CollectorRegistry.settingsByOwner(getClass().getClassLoader());
    assertThat(byOwner.keySet().iterator().next()).isEqualTo("core");
    assertThat(byOwner.get("core")).containsExactlyElementsOf(SettingKeys.core());
    byOwner.forEach(
        (owner, keys) -> {
          if (!owner.equals("core")) {
            assertThat(keys).extracting(SettingKey::key).contains(owner + ".enabled");
          }
        });
  }
}
