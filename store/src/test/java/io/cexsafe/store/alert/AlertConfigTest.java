package io.cexsafe.store.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.InvalidInputException;
import io.cexsafe.scoring.RedFlagKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertConfigTest {
  @Test
  void loadsTheDocumentedExample() {
    AlertConfig config = AlertConfig.load(Path.of("..", "docs", "examples", "alerts.json"));

    assertThat(config.rules())
        .extracting(AlertRule::type)
        .containsExactly(
            "grade-drop",
            "score-drop",
            "reserves-down",
            "net-outflow",
            "licence-status-change",
            "new-incident",
            "stale-proof-of-reserves",
            "red-flag");
    assertThat(config.rules().get(2)).isEqualTo(new AlertRule.ReservesDown("reserves-week", 10, 7));
    assertThat(config.rules().get(3)).isEqualTo(new AlertRule.NetOutflow("outflow-day", 5, 24));
    assertThat(config.rules().get(7))
        .isEqualTo(
            new AlertRule.RedFlagRaised(
                "red-flag",
                java.util.Set.of(
                    RedFlagKind.WITHDRAWALS_HALTED,
                    RedFlagKind.INSOLVENCY,
                    RedFlagKind.RESERVES_COLLAPSE)));
    assertThat(config.webhook())
        .isEqualTo(
            new AlertConfig.Webhook(
                URI.create("https://hooks.example.com/cexsafe"), Duration.ofSeconds(10), 3));
    assertThat(config.lookback()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void defaultsTheOptionalParts() {
    AlertConfig config =
        AlertConfig.parse(
            "{\"rules\":[{\"type\":\"grade-drop\"},{\"type\":\"new-incident\"}],"
                + "\"webhook\":{\"url\":\"http://127.0.0.1:9/hook\"}}",
            "a.json");
    assertThat(config.rules())
        .containsExactly(
            new AlertRule.GradeDrop("grade-drop", 1),
            new AlertRule.NewIncident("new-incident", 30));
    assertThat(config.webhook().maxAttempts()).isEqualTo(3);
    assertThat(config.lookback()).isZero();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[]|a.json: $: must be an object with \"rules\" (and optionally \"webhook\")",
        "{}|a.json: $.rules: must be a non-empty array of rules",
        "{\"rules\":[],\"x\":1}|a.json: $.x: unknown field; known here: rules, webhook",
        "{\"rules\":[{}]}|a.json: $.rules[0].type: missing; one of grade-drop, score-drop, reserves-down, net-outflow, licence-status-change, new-incident, stale-proof-of-reserves, red-flag",
        "{\"rules\":[{\"type\":\"grade-dorp\"}]}|a.json: $.rules[0].type: unknown alert type 'grade-dorp'; one of grade-drop, score-drop, reserves-down, net-outflow, licence-status-change, new-incident, stale-proof-of-reserves, red-flag",
        "{\"rules\":[{\"type\":\"score-drop\"}]}|a.json: $.rules[0].points: missing; a number is required",
        "{\"rules\":[{\"type\":\"reserves-down\",\"percent\":150,\"days\":7}]}|a.json: $.rules[0].percent: must be above 0 and at most 100: 150.0",
        "{\"rules\":[{\"type\":\"reserves-down\",\"percent\":\"10\",\"days\":7}]}|a.json: $.rules[0].percent: must be a number, not \"10\"",
        "{\"rules\":[{\"type\":\"reserves-down\",\"percent\":10,\"days\":7.5}]}|a.json: $.rules[0].days: must be a whole number, not 7.5",
        "{\"rules\":[{\"type\":\"grade-drop\",\"step\":1}]}|a.json: $.rules[0].step: unknown field; known here: type, id, steps",
        "{\"rules\":[{\"type\":\"grade-drop\",\"id\":\"A B\"}]}|a.json: $.rules[0].id: must be 1 to 64 lower-case letters, digits, '.', '_' or '-': A B",
        "{\"rules\":[{\"type\":\"grade-drop\"},{\"type\":\"grade-drop\"}]}|a.json: $.rules[1].id: 'grade-drop' is used by an earlier rule; give each rule its own id",
        "{\"rules\":[{\"type\":\"red-flag\",\"kinds\":[\"halted\"]}]}|a.json: $.rules[0].kinds[0]: unknown red-flag kind \"halted\"; one of withdrawals-halted, insolvency, reserves-collapse, regulatory-action, own-token-reserves, affiliate-use-of-customer-assets, unreimbursed-loss, failed-proof, withdrawal-complaints-spike",
        "{\"rules\":[{\"type\":\"grade-drop\"}],\"webhook\":{}}|a.json: $.webhook.url: missing",
        "{\"rules\":[{\"type\":\"grade-drop\"}],\"webhook\":{\"url\":\"ftp://x/y\"}}|a.json: $.webhook.url: must be an absolute http(s) URL: ftp://x/y",
        "{\"rules\":[{\"type\":\"grade-drop\"}],\"webhook\":{\"url\":\"https://u:p@x/y\"}}|a.json: $.webhook.url: must not carry credentials; the body is signed with the secret instead",
        "{\"rules\":[{\"type\":\"grade-drop\"}],\"webhook\":{\"url\":\"https://x/y\",\"timeoutSeconds\":0}}|a.json: $.webhook.timeoutSeconds: must be above 0 and at most 600 seconds",
      })
  void reportsEachMistakeWithItsJsonPathOnOneLine(String json, String message) {
    assertThatThrownBy(() -> AlertConfig.parse(json, "a.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(message);
  }

  @Test
  void malformedJsonNamesTheFile() {
    assertThatThrownBy(() -> AlertConfig.parse("{\"rules\": [", "a.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("a.json");
  }

  @Test
  void aMissingFileIsBadInput() {
    assertThatThrownBy(() -> AlertConfig.load(Path.of("no-such-alerts.json")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no-such-alerts.json");
  }
}
