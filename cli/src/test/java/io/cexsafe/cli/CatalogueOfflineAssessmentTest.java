package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Assessor;
import io.cexsafe.Config;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.Scorer;
import io.cexsafe.spi.CollectorRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every exchange of the bundled catalogue assesses offline with the installed collectors and
 * scores: a scorecard for each, and a letter grade only where the evidence supports one.
 */
class CatalogueOfflineAssessmentTest {
  private static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void everyCatalogueEntryAssessesOfflineAndIsNotRatedWithoutEvidence() {
    ExchangeCatalog catalog = ExchangeCatalog.bundled();
    Config config = Config.empty();
    CollectorRegistry registry =
        CollectorRegistry.builder().config(config).discover(getClass().getClassLoader()).build();
    assertThat(registry.collectors()).isNotEmpty();
    List<EvidenceBundle> bundles;
    try (Assessor assessor =
        Assessor.builder()
            .catalog(catalog)
            .collectors(registry)
            .config(config)
            .offline(true)
            .asOf(AS_OF)
            .build()) {
      bundles = assessor.assessAll(catalog.all());
    }
    Map<String, EvidenceBundle> byId =
        bundles.stream().collect(Collectors.toMap(EvidenceBundle::exchangeId, Function.identity()));
    assertThat(byId.keySet())
        .containsExactlyInAnyOrderElementsOf(catalog.all().stream().map(Exchange::id).toList());

    Scorer scorer = Scorer.standard();
    Map<String, String> labels = new TreeMap<>();
    List<String> gradedWithoutEvidence = new ArrayList<>();
    for (EvidenceBundle bundle : bundles) {
      assertThat(bundle.asOf()).isEqualTo(AS_OF);
      Scorecard card = scorer.score(bundle);
      assertThat(card.exchangeId()).isEqualTo(bundle.exchangeId());
      labels.put(bundle.exchangeId(), card.gradeLabel());
      if (bundle.evidence().isEmpty() && card.rated()) {
        gradedWithoutEvidence.add(bundle.exchangeId() + " " + card.gradeLabel());
      }
      if (!card.rated()) {
        assertThat(card.gradeLabel()).as(bundle.exchangeId()).startsWith("NR (");
        assertThat(card.notRatedReason()).as(bundle.exchangeId()).isNotBlank();
      }
    }
    assertThat(gradedWithoutEvidence).as("a grade needs evidence").isEmpty();
    // offline, an exchange known only by its catalogue identifiers has nothing to grade
    assertThat(labels.get("zoomex")).startsWith("NR (");
    assertThat(labels.get("nexo")).startsWith("NR (");
  }
}
