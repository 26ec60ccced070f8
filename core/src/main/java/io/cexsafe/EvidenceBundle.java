package io.cexsafe;

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

  /** Evidence that informs the given pillar. */
  public List<Evidence> evidenceFor(Pillar pillar) {
    return evidence.stream().filter(e -> e.pillars().contains(pillar)).toList();
  }

  /** Evidence grouped by pillar, in pillar order; context-only evidence is left out. */
  public Map<Pillar, List<Evidence>> byPillar() {
    Map<Pillar, List<Evidence>> grouped = new EnumMap<>(Pillar.class);
    for (Pillar pillar : Pillar.values()) {
      grouped.put(pillar, evidenceFor(pillar));
    }
    return grouped;
  }

  /** Evidence whose fact is of the given type. */
  public <T extends Fact> List<Evidence> evidenceOf(Class<T> factType) {
    return evidence.stream().filter(e -> factType.isInstance(e.fact())).toList();
  }

  /** Facts of the given type. */
  public <T extends Fact> List<T> facts(Class<T> factType) {
    return evidence.stream()
        .map(Evidence::fact)
        .filter(factType::isInstance)
        .map(factType::cast)
        .toList();
  }

  public String toJson() {
    return Json.writePretty(this);
  }

  public void writeJson(Writer writer) {
    try {
      writer.write(toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static EvidenceBundle fromJson(String json) {
    return Json.read(json, "evidence bundle", EvidenceBundle.class);
  }

  public static EvidenceBundle fromJson(InputStream in, String sourceName) {
    return Json.read(in, sourceName, EvidenceBundle.class);
  }
}
