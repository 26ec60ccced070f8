package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cexsafe.store.alert.WebhookSender;
import org.junit.jupiter.api.Test;

class SettingsCommandTest {
  @Test
  void tableListsEveryKeyWithTypeDefaultOwnerAndDoc() {
    CliTest.Result result = CliTest.run("settings");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out().lines().findFirst().orElseThrow())
        .contains("KEY", "TYPE", "DEFAULT", "OWNER", "SECRET", "DOC");
    assertThat(result.out())
        .containsPattern("defillama\\.base-url +uri +https://api\\.llama\\.fi +defillama")
        .containsPattern("regulators\\.fca\\.api-key +secret +regulators +yes")
        .containsPattern("http\\.max-attempts +int +3 +core")
        .contains("proof-of-reserves.proof.*", "reviews.bayes.prior-mean");
  }

  @Test
  void jsonHoldsTheSameRows() throws Exception {
    CliTest.Result result = CliTest.run("settings", "--format", "json");
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode settings = new ObjectMapper().readTree(result.out()).get("settings");
    assertThat(settings).hasSizeGreaterThan(60);
    JsonNode top = null;
    for (JsonNode row : settings) {
      if (row.get("key").asText().equals("defillama.top-holdings")) {
        top = row;
      }
    }
    assertThat(top).isNotNull();
    assertThat(top.get("type").asText()).isEqualTo("int");
    assertThat(top.get("default").asText()).isEqualTo("10");
    assertThat(top.get("owner").asText()).isEqualTo("defillama");
    assertThat(top.get("secret").asBoolean()).isFalse();
    assertThat(top.get("expected").asText()).isEqualTo("an integer within [1, 100]");
    assertThat(top.get("doc").asText()).isNotBlank();
  }

  @Test
  void theWebhookSecretIsADeclaredSecretSettingOfTheAlerts() throws Exception {
    assertThat(CliTest.run("settings").out())
        .containsPattern("alerts\\.webhook-secret +secret +alerts +yes +HMAC-SHA256");
    JsonNode settings =
        new ObjectMapper()
            .readTree(CliTest.run("settings", "--format", "json").out())
            .get("settings");
    JsonNode secret = null;
    for (JsonNode row : settings) {
      if (row.get("key").asText().equals("alerts.webhook-secret")) {
        secret = row;
      }
    }
    assertThat(secret).isNotNull();
    assertThat(secret.get("owner").asText()).isEqualTo("alerts");
    assertThat(secret.get("secret").asBoolean()).isTrue();

    // read from the environment, a config file and --set like every setting, never shown
    String value = "env-webhook-secret-4242";
    io.cexsafe.Config fromEnv =
        io.cexsafe.Config.builder()
            .declared(CommonOptions.declaredSettings())
            .environment(java.util.Map.of("CEXSAFE_ALERTS_WEBHOOK_SECRET", value))
            .build();
    assertThat(fromEnv.find(WebhookSender.SECRET_SETTING).orElseThrow().reveal()).isEqualTo(value);
    assertThat(fromEnv.toString()).doesNotContain(value);
    assertThat(fromEnv.find(WebhookSender.SECRET_SETTING).orElseThrow().toString())
        .doesNotContain(value);
    java.nio.file.Path file = java.nio.file.Files.createTempFile("cexsafe-settings", ".json");
    try {
      java.nio.file.Files.writeString(
          file, "{\"alerts\": {\"webhook-secret\": \"" + value + "\"}}");
      io.cexsafe.Config fromFile =
          io.cexsafe.Config.builder().declared(CommonOptions.declaredSettings()).file(file).build();
      assertThat(fromFile.find(WebhookSender.SECRET_SETTING).orElseThrow().reveal())
          .isEqualTo(value);
    } finally {
      java.nio.file.Files.delete(file);
    }
    // a misspelt key is refused with the declared one suggested, and the value is not echoed
    CliTest.Result misspelt =
        CliTest.run("licences", "okx", "--offline", "--set", "alerts.webhook-secrte=" + value);
    assertThat(misspelt.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(misspelt.err()).contains("alerts.webhook-secret").doesNotContain(value);
  }

  @Test
  void anUnknownFormatIsRefused() {
    CliTest.Result result = CliTest.run("settings", "--format", "xml");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("unknown format 'xml'; use table or json");
  }
}
