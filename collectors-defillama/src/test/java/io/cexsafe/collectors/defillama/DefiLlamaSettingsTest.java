package io.cexsafe.collectors.defillama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.Config;
import io.cexsafe.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefiLlamaSettingsTest {
  @Test
  void defaultsPointAtThePublicHosts() {
    DefiLlamaSettings settings = DefiLlamaSettings.fromConfig(Config.empty());
    assertThat(settings.baseUrl()).isEqualTo(URI.create("https://api.llama.fi"));
    assertThat(settings.stablecoinsUrl()).isEqualTo(URI.create("https://stablecoins.llama.fi"));
    assertThat(settings.webUrl()).isEqualTo(URI.create("https://defillama.com"));
    assertThat(settings.apiKey()).isEmpty();
    assertThat(settings.protocolMaxBodyBytes()).isEqualTo(1L << 30);
    assertThat(settings.trendWindow()).isEqualTo(Duration.ofDays(30));
    assertThat(settings.cexsEnabled() && settings.protocolEnabled() && settings.inflowsEnabled())
        .isTrue();
    assertThat(settings.hacksEnabled() && settings.stablecoinsEnabled()).isTrue();
  }

  @Test
  void readsEveryKey() {
    DefiLlamaSettings settings =
        DefiLlamaSettings.fromConfig(
            Config.of(
                Map.of(
                    "base-url", "http://localhost:8080/",
                    "api-key", "secret-value",
                    "protocol.max-body-bytes", "2048",
                    "trend.window-days", "7",
                    "top-holdings", "3",
                    "inflows.enabled", "false",
                    "hacks.enabled", "no")));
    assertThat(settings.baseUrl()).isEqualTo(URI.create("http://localhost:8080/"));
    assertThat(settings.apiKey()).isPresent();
    assertThat(settings.protocolMaxBodyBytes()).isEqualTo(2048);
    assertThat(settings.trendWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(settings.topHoldings()).isEqualTo(3);
    assertThat(settings.inflowsEnabled()).isFalse();
    assertThat(settings.hacksEnabled()).isFalse();
    assertThat(settings.toString()).doesNotContain("secret-value");
  }

  @Test
  void badValuesNameTheSetting() {
    assertThatThrownBy(
            () -> DefiLlamaSettings.fromConfig(Config.of(Map.of("protocol.max-body-bytes", "0"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("defillama.protocol.max-body-bytes");
    assertThatThrownBy(
            () -> DefiLlamaSettings.fromConfig(Config.of(Map.of("base-url", "ftp://host/x"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("defillama.base-url");
    assertThatThrownBy(
            () -> DefiLlamaSettings.fromConfig(Config.of(Map.of("trend.window-days", "0"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("window-days");
    assertThatThrownBy(() -> DefiLlamaSettings.fromConfig(Config.of(Map.of("top-holdings", "x"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("top-holdings");
  }

  @Test
  void theCollectorDeclaresPoliciesForThePublicHosts() {
    DefiLlamaCollector collector = DefiLlamaCollector.create();
    assertThat(collector.hostPolicies()).containsKeys("api.llama.fi", "stablecoins.llama.fi");
    assertThat(collector.id()).isEqualTo("defillama");
  }
}
