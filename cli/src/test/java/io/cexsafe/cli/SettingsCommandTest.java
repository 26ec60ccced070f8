package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  void anUnknownFormatIsRefused() {
    CliTest.Result result = CliTest.run("settings", "--format", "xml");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("unknown format 'xml'; use table or json");
  }
}
