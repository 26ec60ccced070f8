package io.cexsafe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.facts.Fact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything collected about one exchange in one run: the evidence and one outcome per collector.
 * Serialises to JSON and back without loss ({@link #toJson()}, {@link #fromJson(String)}).
 *
 * @param exchangeId the exchange
 * @param asOf the evaluation instant of the run
 * @param evidence the evidence, ordered by collector then as produced
 * @param outcomes one outcome per collector, ordered by collector id
 */
public record EvidenceBundle(
    String exchangeId, Instant asOf, List<Evidence> evidence, List<CollectorOutcome> outcomes) {
  /**
   * Validates the bundle and sorts the outcomes by collector id; null lists become empty.
   *
   * @param exchangeId the exchange
   * @param asOf the evaluation instant of the run
   * @param evidence the evidence, ordered by collector then as produced
   * @param outcomes one outcome per collector, ordered by collector id
   * @throws IllegalArgumentException when evidence is about another exchange, an evidence id
   *     appears twice, or a collector has two outcomes
   */
  public EvidenceBundle {
    exchangeId = Strings.requireText(exchangeId, "exchangeId");
    Objects.requireNonNull(asOf, "asOf");
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    outcomes =
        outcomes == null
            ? List.of()
            : outcomes.stream()
                .sorted(Comparator.comparing(CollectorOutcome::collectorId))
                .toList();
    Set<String> ids = new HashSet<>();
    for (Evidence e : evidence) {
      if (!e.exchangeId().equals(exchangeId)) {
        throw new IllegalArgumentException(
            "evidence " + e.id() + " is about " + e.exchangeId() + ", not " + exchangeId);
      }
      if (!ids.add(e.id())) {
        throw new IllegalArgumentException("evidence id " + e.id() + " appears twice");
      }
    }
    Set<String> collectors = new HashSet<>();
    for (CollectorOutcome outcome : outcomes) {
      if (!collectors.add(outcome.collectorId())) {
        throw new IllegalArgumentException(
            "collector " + outcome.collectorId() + " has two outcomes");
      }
    }
  }

  /**
   * Selects the evidence that informs a pillar.
   *
   * @param pillar the pillar
   * @return the evidence that informs it, in bundle order
   */
  public List<Evidence> evidenceFor(Pillar pillar) {
    return evidence.stream().filter(e -> e.pillars().contains(pillar)).toList();
  }

  /**
   * {@return the evidence grouped by pillar, in pillar order; context-only evidence is left out}
   */
  public Map<Pillar, List<Evidence>> byPillar() {
    Map<Pillar, List<Evidence>> grouped = new EnumMap<>(Pillar.class);
    for (Pillar pillar : Pillar.values()) {
      grouped.put(pillar, evidenceFor(pillar));
    }
    return grouped;
  }

  /**
   * Selects the evidence whose fact is of a type.
   *
   * @param <T> the fact type
   * @param factType the fact type, e.g. {@code ReserveSnapshot.class}
   * @return the matching evidence, in bundle order
   */
  public <T extends Fact> List<Evidence> evidenceOf(Class<T> factType) {
    return evidence.stream().filter(e -> factType.isInstance(e.fact())).toList();
  }

  /**
   * Selects the facts of a type, without their provenance.
   *
   * @param <T> the fact type
   * @param factType the fact type, e.g. {@code ReserveSnapshot.class}
   * @return the matching facts, in bundle order
   */
  public <T extends Fact> List<T> facts(Class<T> factType) {
    return evidence.stream()
        .map(Evidence::fact)
        .filter(factType::isInstance)
        .map(factType::cast)
        .toList();
  }

  /**
   * Serialises the bundle as indented JSON that {@link #fromJson(String)} reads back losslessly.
   *
   * @return the bundle as JSON
   */
  public String toJson() {
    return Json.writePretty(this);
  }

  /**
   * Writes the bundle's JSON ({@link #toJson()}) to a writer, which stays open.
   *
   * @param writer where to write
   * @throws java.io.UncheckedIOException when the writer fails
   */
  public void writeJson(Writer writer) {
    try {
      writer.write(toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a bundle: either a bundle's own JSON, or a report that embeds one under {@code "bundle"}
   * (a line of {@code cexsafe assess --format jsonl}), or a report on exactly one exchange (as
   * {@code cexsafe assess --format json} writes for one exchange, under {@code
   * "assessments[0].bundle"}).
   *
   * @param json the JSON text
   * @return the bundle
   * @throws InvalidInputException when the text is not JSON, no bundle, or a report on several
   *     exchanges
   */
  public static EvidenceBundle fromJson(String json) {
    return fromTree(Json.read(json, "evidence bundle", JsonNode.class), "evidence bundle");
  }

  /**
   * Reads a bundle, or a report embedding one, from a stream, which stays open.
   *
   * @param in the JSON bytes, in UTF-8
   * @param sourceName names the input in errors, e.g. its file name
   * @return the bundle
   * @throws InvalidInputException when the input is not JSON or not a valid bundle
   */
  public static EvidenceBundle fromJson(InputStream in, String sourceName) {
    return fromTree(Json.read(in, sourceName, JsonNode.class), sourceName);
  }

  private static EvidenceBundle fromTree(JsonNode root, String sourceName) {
    JsonNode node = root;
    String path = "$";
    if (root != null && root.isObject() && root.has("bundle") && !root.has("exchangeId")) {
      node = root.get("bundle");
      path = "$.bundle";
    } else if (root != null
        && root.isObject()
        && root.path("assessments").isArray()
        && !root.has("exchangeId")) {
      JsonNode assessments = root.get("assessments");
      if (assessments.size() != 1) {
        throw new InvalidInputException(
            sourceName,
            "$.assessments",
            "a report on "
                + assessments.size()
                + " exchanges holds as many bundles; read one assessment's \"bundle\"");
      }
      node = assessments.get(0).get("bundle");
      path = "$.assessments[0].bundle";
    }
    try {
      return Json.shared().treeToValue(node, EvidenceBundle.class);
    } catch (JsonProcessingException e) {
      InvalidInputException invalid = Json.invalid(sourceName, e);
      String inner = invalid.path() == null ? "" : invalid.path().substring(1);
      throw new InvalidInputException(sourceName, path + inner, invalid.problem(), e);
    }
  }
}
