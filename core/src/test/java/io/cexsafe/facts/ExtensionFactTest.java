package io.cexsafe.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.InvalidInputException;
import io.cexsafe.Json;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtensionFactTest {
  private static final Instant T = Instant.parse("2026-11-21T12:00:00Z");

  static ExtensionFact audit(String coldShare) {
    ObjectNode payload = ExtensionFact.newPayload();
    payload.put("auditor", "Example Audit LLP");
    payload.put("coldShare", new BigDecimal(coldShare));
    return ExtensionFact.of(
        "acme.cold-wallet-audit", List.of(Pillar.CUSTODY), payload, "cold-wallet audit");
  }

  @Test
  void writesItsKindPillarsPayloadAndSummaryAndReadsBackEqual() {
    ExtensionFact fact = audit("0.950");
    String json = Json.write(fact);
    assertThat(json)
        .isEqualTo(
            "{\"type\":\"extension\",\"kind\":\"acme.cold-wallet-audit\",\"pillars\":[\"custody\"],"
                + "\"payload\":{\"auditor\":\"Example Audit LLP\",\"coldShare\":0.950},"
                + "\"summary\":\"cold-wallet audit\"}");
    Fact read = Json.read(json, "test", Fact.class);
    assertThat(read).isEqualTo(fact);
    assertThat(((ExtensionFact) read).at("/coldShare").decimalValue()).isEqualByComparingTo("0.95");
    assertThat(read.typeName()).isEqualTo("extension");
  }

  @Test
  void passesThroughAnEvidenceBundleWithoutLoss() {
    Provenance provenance =
        Provenance.builder("acme-audits")
            .source("https://acme.example/audits/2026", "Acme cold-wallet audit")
            .observedAt(T.minus(Duration.ofDays(3)))
            .retrievedAt(T)
            .evidenceClass(EvidenceClass.INDEPENDENT_ATTESTATION)
            .build();
    EvidenceBundle bundle =
        new EvidenceBundle(
            "kraken",
            T,
            List.of(Evidence.of("kraken", audit("0.9"), provenance)),
            List.of(
                new CollectorOutcome(
                    "acme-audits", OutcomeStatus.OK, ReasonCode.NONE, null, 1, List.of())));
    String json = bundle.toJson();
    assertThat(EvidenceBundle.fromJson(json)).isEqualTo(bundle);
    assertThat(EvidenceBundle.fromJson(json).toJson()).isEqualTo(json);
  }

  @Test
  void thePayloadCannotBeChangedFromOutside() {
    ObjectNode payload = ExtensionFact.newPayload().put("n", 1);
    ExtensionFact fact = ExtensionFact.of("acme.x", Set.of(), payload, "x");
    payload.put("n", 2);
    ((ObjectNode) fact.payload()).put("n", 3);
    assertThat(fact.at("/n").intValue()).isEqualTo(1);
  }

  @Test
  void aPayloadBuiltWithDoublesEqualsItsRoundTrip() {
    ObjectNode payload = ExtensionFact.newPayload().put("share", 0.95).put("count", 3L);
    ExtensionFact fact = ExtensionFact.of("acme.x", Set.of(Pillar.SUPPORT), payload, "x");
    assertThat(Json.read(Json.write(fact), "test", Fact.class)).isEqualTo(fact);
    assertThat(fact.at("/share").decimalValue()).isEqualByComparingTo("0.95");
  }

  @Test
  void anEmptyPillarSetIsContextOnly() {
    ExtensionFact fact = ExtensionFact.of("acme.note", null, ExtensionFact.newPayload(), "a note");
    assertThat(fact.pillars()).isEmpty();
  }

  @Test
  void theKindMustBeNamespaced() {
    for (String kind :
        List.of(
            "cold-wallet-audit", "Acme.Audit", "acme..audit", "acme.audit.", ".acme", "a b.c")) {
      assertThatThrownBy(() -> ExtensionFact.of(kind, Set.of(), ExtensionFact.newPayload(), "x"))
          .as(kind)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be namespaced like 'acme.cold-wallet-audit'");
    }
    assertThatThrownBy(
            () ->
                ExtensionFact.of(
                    "acme." + "a".repeat(100), Set.of(), ExtensionFact.newPayload(), "x"))
        .hasMessageContaining("at most 100 characters");
    assertThatThrownBy(() -> ExtensionFact.of(" ", Set.of(), ExtensionFact.newPayload(), "x"))
        .hasMessage("kind must not be blank");
  }

  @Test
  void theCexsafeNamespaceIsReserved() {
    assertThatThrownBy(
            () -> ExtensionFact.of("cexsafe.reserves", Set.of(), ExtensionFact.newPayload(), "x"))
        .hasMessage("extension kind 'cexsafe.reserves': the namespace 'cexsafe' is reserved");
  }

  @Test
  void thePayloadIsAnObjectOfBoundedSize() {
    assertThatThrownBy(
            () ->
                new ExtensionFact("acme.x", Set.of(), Json.mapper().createArrayNode().add(1), "x"))
        .hasMessage("acme.x: payload must be a JSON object");
    assertThatThrownBy(() -> new ExtensionFact("acme.x", Set.of(), null, "x"))
        .hasMessage("acme.x: payload must be a JSON object");
    ObjectNode big =
        ExtensionFact.newPayload().put("blob", "z".repeat(ExtensionFact.MAX_PAYLOAD_CHARS));
    assertThatThrownBy(() -> ExtensionFact.of("acme.x", Set.of(), big, "x"))
        .hasMessage("acme.x: payload has 16395 characters as JSON; at most 16384");
    ObjectNode fits =
        ExtensionFact.newPayload().put("blob", "z".repeat(ExtensionFact.MAX_PAYLOAD_CHARS - 11));
    assertThat(ExtensionFact.of("acme.x", Set.of(), fits, "x").payload()).isEqualTo(fits);
  }

  @Test
  void theSummaryIsOneShortLine() {
    assertThatThrownBy(() -> ExtensionFact.of("acme.x", Set.of(), ExtensionFact.newPayload(), ""))
        .hasMessage("summary must not be blank");
    assertThatThrownBy(
            () -> ExtensionFact.of("acme.x", Set.of(), ExtensionFact.newPayload(), "a\nb"))
        .hasMessage("acme.x: summary must be one line");
    assertThatThrownBy(
            () -> ExtensionFact.of("acme.x", Set.of(), ExtensionFact.newPayload(), "s".repeat(301)))
        .hasMessage("acme.x: summary has 301 characters; at most 300");
  }

  @Test
  void badJsonIsAOneLineErrorNamingThePath() {
    assertThatThrownBy(
            () ->
                Json.read(
                    "{\"type\":\"extension\",\"kind\":\"nonamespace\",\"pillars\":[],"
                        + "\"payload\":{},\"summary\":\"x\"}",
                    "evidence.json",
                    Fact.class))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("evidence.json")
        .hasMessageContaining("must be namespaced");
    assertThatThrownBy(
            () ->
                Json.read(
                    "{\"type\":\"extension\",\"kind\":\"acme.x\",\"pillars\":[\"custodie\"],"
                        + "\"payload\":{},\"summary\":\"x\"}",
                    "evidence.json",
                    Fact.class))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("$.pillars");
  }
}
