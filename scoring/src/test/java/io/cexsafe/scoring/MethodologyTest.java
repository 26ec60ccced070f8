package io.cexsafe.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.ConfigurationException;
import io.cexsafe.InvalidInputException;
import io.cexsafe.Pillar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MethodologyTest {
  private static final String WEIGHTS_90 =
      "{\"id\":\"m\",\"version\":\"1\",\"weights\":{\"custody\":10,\"proof-of-reserves\":15,"
          + "\"insurance\":15,\"regulation\":10,\"app-security\":10,\"track-record\":10,"
          + "\"user-experience\":10,\"support\":10}}";

  @Test
  void defaultMethodologyHasTheBriefsWeights() {
    Methodology m = Methodology.defaultMethodology();
    assertThat(m.id()).isEqualTo("cexsafe-default");
    assertThat(m.version()).isEqualTo("1.0");
    for (Pillar pillar : Pillar.values()) {
      assertThat(m.weight(pillar)).isEqualTo(pillar.defaultWeight());
    }
    assertThat(m.describe()).startsWith("cexsafe-default 1.0 (custody 20, proof-of-reserves 15");
  }

  @Test
  void customMethodologyRoundTripsThroughJson(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("custody-first.json");
    Files.writeString(
        file,
        "{\"id\":\"custody-first\",\"version\":\"2\",\"title\":\"Custody first\",\"weights\":{"
            + "\"custody\":30.5,\"PROOF_OF_RESERVES\":14.5,\"insurance\":15,\"regulation\":10,"
            + "\"app-security\":10,\"track-record\":10,\"user-experience\":0,\"support\":10}}",
        StandardCharsets.UTF_8);
    Methodology m = Methodology.fromJson(file);
    assertThat(m.weight(Pillar.CUSTODY)).isEqualTo(30.5);
    assertThat(m.weight(Pillar.PROOF_OF_RESERVES)).isEqualTo(14.5);
    assertThat(m.weight(Pillar.USER_EXPERIENCE)).isZero();
    assertThat(Methodology.fromJson(m.toJson(), "again")).isEqualTo(m);
  }

  @Test
  void weightsSummingTo90AreRejectedWithTheSum() {
    assertThatThrownBy(() -> Methodology.fromJson(WEIGHTS_90, "m.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "m.json: $.weights: weights must sum to 100, but they sum to 90 (custody 10,"
                + " proof-of-reserves 15, insurance 15, regulation 10, app-security 10,"
                + " track-record 10, user-experience 10, support 10)");
  }

  @Test
  void aPillarNamedTwiceIsRejected() {
    String json =
        "{\"id\":\"m\",\"version\":\"1\",\"weights\":{\"custody\":20,\"custody\":20,"
            + "\"proof-of-reserves\":15,\"insurance\":15,\"regulation\":10,\"app-security\":10,"
            + "\"track-record\":10,\"user-experience\":0}}";
    assertThatThrownBy(() -> Methodology.fromJson(json, "twice.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("twice.json: $.weights.custody: pillar 'custody' is named twice");
  }

  @Test
  void aPillarNamedTwiceUnderTwoSpellingsIsRejected() {
    String json =
        "{\"id\":\"m\",\"version\":\"1\",\"weights\":{\"custody\":10,\"CUSTODY\":10,"
            + "\"proof-of-reserves\":15,\"insurance\":15,\"regulation\":10,\"app-security\":10,"
            + "\"track-record\":10,\"user-experience\":10,\"support\":10}}";
    assertThatThrownBy(() -> Methodology.fromJson(json, "twice.json"))
        .hasMessageContaining("pillar 'custody' is named twice (as 'custody' and 'CUSTODY')");
  }

  @Test
  void missingNegativeUnknownAndMalformedInputsNameTheProblem() {
    assertThatThrownBy(
            () ->
                Methodology.fromJson(
                    "{\"id\":\"m\",\"version\":\"1\",\"weights\":{\"custody\":100}}", "f"))
        .hasMessageContaining("every pillar needs a weight; missing: proof-of-reserves");
    assertThatThrownBy(
            () ->
                Methodology.fromJson(WEIGHTS_90.replace("\"custody\":10", "\"custody\":-10"), "f"))
        .hasMessage("f: $.weights.custody: weight must not be negative, got -10");
    assertThatThrownBy(
            () -> Methodology.fromJson(WEIGHTS_90.replace("\"custody\"", "\"custard\""), "f"))
        .hasMessageContaining("$.weights.custard: unknown pillar 'custard'; known: custody");
    assertThatThrownBy(
            () ->
                Methodology.fromJson(
                    WEIGHTS_90.replace("\"custody\":10", "\"custody\":\"x\""), "f"))
        .hasMessage("f: $.weights.custody: weight must be a number, got string");
    assertThatThrownBy(() -> Methodology.fromJson(WEIGHTS_90.replace("\"id\"", "\"name\""), "f"))
        .hasMessageContaining("$.name: unknown field 'name'");
    assertThatThrownBy(() -> Methodology.fromJson("{\"id\":\"m\",\"version\":\"1\"", "f"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("f: malformed JSON");
    assertThatThrownBy(
            () -> Methodology.fromJson(WEIGHTS_90.replace("\"version\":\"1\",", ""), "f"))
        .hasMessage("f: $.version: version is required");
    assertThatThrownBy(() -> Methodology.fromJson("[]", "f"))
        .hasMessage("f: $: a methodology must be a JSON object");
  }

  @Test
  void missingFileIsReported(@TempDir Path dir) {
    Path file = dir.resolve("absent.json");
    assertThatThrownBy(() -> Methodology.fromJson(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": file not found");
  }

  @Test
  void programmaticConstructionValidatesToo() {
    Map<Pillar, Integer> weights = new EnumMap<>(Pillar.class);
    for (Pillar pillar : Pillar.values()) {
      weights.put(pillar, pillar.defaultWeight());
    }
    assertThat(Methodology.of("x", "1", null, weights).title()).isEqualTo("x");
    weights.put(Pillar.SUPPORT, 0);
    assertThatThrownBy(() -> Methodology.of("x", "1", null, weights))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("sum to 90");
  }
}
