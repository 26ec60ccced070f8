package io.cexsafe.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Json;
import io.cexsafe.RunId;
import io.cexsafe.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportEnvelopeTest {
  private static final RunId RUN = RunId.of("run-1");

  @Test
  void theEnvelopeComesFirstAndTheBodyFollowsUnchanged() throws Exception {
    ReportEnvelope envelope =
        ReportEnvelope.of("exchanges", RUN, Instant.parse("2026-12-01T23:59:59Z"));
    JsonNode document =
        Json.mapper().readTree(envelope.pretty(Map.of("exchanges", List.of("a", "b"))));
    assertThat(document.fieldNames())
        .toIterable()
        .containsExactly("schemaVersion", "kind", "cexsafeVersion", "runId", "asOf", "exchanges");
    assertThat(document.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(document.get("kind").asText()).isEqualTo("exchanges");
    assertThat(document.get("cexsafeVersion").asText()).isEqualTo(Version.current());
    assertThat(document.get("runId").asText()).isEqualTo("run-1");
    assertThat(document.get("asOf").asText()).isEqualTo("2026-12-01T23:59:59Z");
    assertThat(document.get("exchanges")).hasSize(2);
  }

  @Test
  void outputNotEvaluatedAtADateHasANullAsOfAndALineIsOneLine() throws Exception {
    String line = ReportEnvelope.of("settings", RUN, null).line(Map.of("settings", "x\ny"));
    assertThat(line).doesNotContain("\n");
    JsonNode document = Json.mapper().readTree(line);
    assertThat(document.has("asOf")).isTrue();
    assertThat(document.get("asOf").isNull()).isTrue();
  }

  @Test
  void refusesABodyThatIsNotAnObjectOrRepeatsAnEnvelopeField() {
    ReportEnvelope envelope = ReportEnvelope.of("licences", RUN, null);
    assertThatThrownBy(() -> envelope.wrap(List.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> envelope.wrap(Map.of("asOf", "2026-01-01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repeats the envelope field 'asOf'");
  }

  @Test
  void refusesAKindThatIsNotLowerCaseWords() {
    assertThatThrownBy(() -> ReportEnvelope.of("Assessments", RUN, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Assessments'");
    assertThatThrownBy(() -> ReportEnvelope.of("two words", RUN, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReportEnvelope.of("kind", null, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void optionsCarryTheRunIdAndCompareByIt() {
    ReportOptions named = ReportOptions.defaults().withRunId(RUN);
    assertThat(named.runId()).isEqualTo(RUN);
    assertThat(ReportOptions.defaults().runId()).isNull();
    assertThat(named).isEqualTo(ReportOptions.defaults().withRunId(RunId.of("run-1")));
    assertThat(named).isNotEqualTo(ReportOptions.defaults());
    assertThat(named.listingEvidence(true).runId()).isEqualTo(RUN);
    assertThatThrownBy(() -> ReportOptions.defaults().withRunId(null))
        .isInstanceOf(NullPointerException.class);
  }
}
