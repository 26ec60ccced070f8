package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.facts.Fact;
import io.cexsafe.facts.FactTypes;
import io.cexsafe.facts.UserBase;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EvidenceJsonTest {
  private static final Instant T = Instant.parse("2026-11-21T12:00:00Z");

  static Provenance provenance(String collector) {
    return Provenance.builder(collector)
        .source("https://example.com/source", "Example source")
        .observedAt(Instant.parse("2022-01-20T00:00:00Z"))
        .retrievedAt(T)
        .evidenceClass(EvidenceClass.EXCHANGE_DISCLOSURE)
        .staleAfter(Instant.parse("2027-01-20T00:00:00Z"))
        .build();
  }

  @Test
  void samplesCoverEveryFactType() {
    Set<Class<?>> sampled =
        SampleFacts.all().stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(sampled).containsExactlyInAnyOrderElementsOf(FactTypes.all().values());
  }

  @Test
  void everyFactRoundTripsThroughJson() {
    for (Fact fact : SampleFacts.all()) {
      String json = Json.write(fact);
      assertThat(json).contains("\"type\":\"" + fact.typeName() + "\"");
      assertThat(Json.read(json, "test", Fact.class)).as(json).isEqualTo(fact);
      assertThat(fact.summary()).isNotBlank();
    }
  }

  @Test
  void everyFactsTreeIsItsWrittenJson() {
    for (Fact fact : SampleFacts.all()) {
      com.fasterxml.jackson.databind.JsonNode tree = Json.tree(fact);
      assertThat(tree.isObject()).as(fact.typeName()).isTrue();
      assertThat(Json.write(tree)).isEqualTo(Json.write(fact));
    }
    assertThatThrownBy(() -> Json.tree(new Object())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bundleRoundTripsWithoutLoss() {
    List<Evidence> evidence = new ArrayList<>();
    for (Fact fact : SampleFacts.all()) {
      evidence.add(Evidence.of("crypto-com", fact, provenance("disclosures")));
    }
    EvidenceBundle bundle =
        new EvidenceBundle(
            "crypto-com",
            T,
            evidence,
            List.of(
                new CollectorOutcome(
                    "disclosures",
                    OutcomeStatus.OK,
                    ReasonCode.NONE,
                    null,
                    evidence.size(),
                    List.of()),
                new CollectorOutcome(
                    "defillama",
                    OutcomeStatus.FAILED,
                    ReasonCode.RATE_LIMITED,
                    "HTTP 429",
                    0,
                    List.of(
                        new Problem(
                            ReasonCode.RATE_LIMITED,
                            "HTTP 429",
                            "https://api.llama.fi/cexs",
                            429)))));
    String json = bundle.toJson();
    EvidenceBundle back = EvidenceBundle.fromJson(json);
    assertThat(back).isEqualTo(bundle);
    assertThat(back.toJson()).isEqualTo(json);
    assertThat(back.outcomes())
        .extracting(CollectorOutcome::collectorId)
        .containsExactly("defillama", "disclosures");
  }

  @Test
  void evidenceIdsAreStableAndContentDerived() {
    Evidence a = Evidence.of("okx", new UserBase(10, null), provenance("disclosures"));
    Evidence b = Evidence.of("okx", new UserBase(10, null), provenance("disclosures"));
    Evidence c = Evidence.of("okx", new UserBase(11, null), provenance("disclosures"));
    assertThat(a.id()).isEqualTo(b.id()).startsWith("disclosures:user-base:");
    assertThat(c.id()).isNotEqualTo(a.id());
  }

  @Test
  void unknownFactTypeNamesTheJsonPath() {
    String json =
        "{\"exchangeId\":\"okx\",\"asOf\":\"2026-11-21T00:00:00Z\",\"evidence\":[{\"id\":\"x\",\"exchangeId\":\"okx\","
            + "\"fact\":{\"type\":\"moon-phase\"},\"provenance\":{}}],\"outcomes\":[]}";
    assertThatThrownBy(() -> EvidenceBundle.fromJson(json))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.path()).isEqualTo("$.evidence[0].fact");
              assertThat(e.problem()).contains("moon-phase");
            });
  }

  @Test
  void invalidValuesAreRejectedWithTheirPath() {
    String json = "{\"type\":\"reserve-composition\",\"ownTokenShare\":1.7}";
    assertThatThrownBy(() -> Json.read(json, "facts.json", Fact.class))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("facts.json")
        .hasMessageContaining("ownTokenShare must be within [0, 1]");
  }

  @Test
  void bundleRejectsEvidenceAboutAnotherExchange() {
    Evidence other = Evidence.of("okx", new UserBase(1, null), provenance("disclosures"));
    assertThatThrownBy(() -> new EvidenceBundle("kraken", T, List.of(other), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("okx");
  }

  @Test
  void provenanceRequiresAbsoluteSource() {
    assertThatThrownBy(
            () ->
                Provenance.builder("x")
                    .source(URI.create("relative/path"), "t")
                    .observedAt(T)
                    .retrievedAt(T)
                    .evidenceClass(EvidenceClass.USER_REPORTS)
                    .build())
        .hasMessageContaining("absolute");
  }

  @Test
  void stalenessFollowsStaleAfter() {
    Provenance p = provenance("x");
    assertThat(p.isStaleAt(Instant.parse("2026-12-01T00:00:00Z"))).isFalse();
    assertThat(p.isStaleAt(Instant.parse("2027-02-01T00:00:00Z"))).isTrue();
  }

  @Test
  void evidenceClassesAreOrderedByTrust() {
    assertThat(EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED.outranks(EvidenceClass.REGULATOR_REGISTER))
        .isTrue();
    assertThat(EvidenceClass.REGULATOR_REGISTER.outranks(EvidenceClass.EXCHANGE_DISCLOSURE))
        .isTrue();
    assertThat(EvidenceClass.USER_REPORTS.outranks(EvidenceClass.THIRD_PARTY_REPORT)).isFalse();
  }

  @Test
  void pillarWeightsSumTo100() {
    assertThat(java.util.Arrays.stream(Pillar.values()).mapToInt(Pillar::defaultWeight).sum())
        .isEqualTo(100);
    assertThat(Pillar.find("APP_SECURITY")).contains(Pillar.APP_SECURITY);
    assertThat(Pillar.find("nope")).isEmpty();
  }

  @Test
  void treesKeepDecimalsExactly() {
    var node =
        Json.read(
            "{\"a\": 10.50000000, \"b\": 123456789012345678901234.5}",
            "t",
            com.fasterxml.jackson.databind.JsonNode.class);
    assertThat(node.get("a").decimalValue()).isEqualTo(new java.math.BigDecimal("10.50000000"));
    assertThat(node.get("b").decimalValue())
        .isEqualTo(new java.math.BigDecimal("123456789012345678901234.5"));
  }
}
