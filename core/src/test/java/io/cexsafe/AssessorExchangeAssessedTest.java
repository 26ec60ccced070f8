package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.facts.UserBase;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * AssessmentListener.exchangeAssessed: each complete bundle, in order, before assessAll returns.
 */
class AssessorExchangeAssessedTest {
  private static EvidenceCollector counting() {
    return new EvidenceCollector() {
      @Override
      public String id() {
        return "counting";
      }

      @Override
      public Set<Pillar> pillars() {
        return Set.of(Pillar.SUPPORT);
      }

      @Override
      public boolean requiresNetwork() {
        return false;
      }

      @Override
      public CollectionResult collect(Exchange exchange, CollectorContext context) {
        return CollectionResult.of(
            List.of(
                Evidence.of(
                    exchange.id(),
                    new UserBase(1000L, null),
                    Provenance.builder("counting")
                        .source("https://example.com/" + exchange.id(), "Example")
                        .observedAt(context.asOf())
                        .retrievedAt(context.asOf())
                        .evidenceClass(EvidenceClass.THIRD_PARTY_REPORT)
                        .build())));
      }
    };
  }

  @Test
  void everyCompleteBundleIsHandedOverInOrder() {
    List<EvidenceBundle> heard = new ArrayList<>();
    try (Assessor assessor =
        Assessor.builder()
            .collector(counting())
            .offline(true)
            .listener(
                new AssessmentListener() {
                  @Override
                  public void exchangeAssessed(EvidenceBundle bundle) {
                    heard.add(bundle);
                  }
                })
            .build()) {
      List<Exchange> exchanges =
          List.of("kraken", "binance", "coinbase").stream().map(assessor.catalog()::get).toList();
      List<EvidenceBundle> bundles = assessor.assessAll(exchanges);
      assertThat(heard).containsExactlyElementsOf(bundles);
      assertThat(heard)
          .extracting(EvidenceBundle::exchangeId)
          .containsExactly("kraken", "binance", "coinbase");
      assertThat(heard).allSatisfy(b -> assertThat(b.evidence()).hasSize(1));
    }
  }

  @Test
  void aListenerThatFailsStopsTheRunAfterTheBundlesItAlreadyKept() {
    List<String> kept = new ArrayList<>();
    try (Assessor assessor =
        Assessor.builder()
            .collector(counting())
            .offline(true)
            .listener(
                new AssessmentListener() {
                  @Override
                  public void exchangeAssessed(EvidenceBundle bundle) {
                    if (bundle.exchangeId().equals("binance")) {
                      throw new IllegalStateException("crash at the second exchange");
                    }
                    kept.add(bundle.exchangeId());
                  }
                })
            .build()) {
      List<Exchange> exchanges =
          List.of("kraken", "binance", "coinbase").stream().map(assessor.catalog()::get).toList();
      assertThatThrownBy(() -> assessor.assessAll(exchanges))
          .hasMessageContaining("crash at the second exchange");
      assertThat(kept).containsExactly("kraken");
    }
  }
}
