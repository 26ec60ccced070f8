package io.cexsafe.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.Config;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.Pillar;
import io.cexsafe.SettingType;
import io.cexsafe.facts.Fact;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimpleCollectorTest {
  static final class Listing extends SimpleCollector {
    Listing() {
      super(
          source("acme-list", "https://lists.example.com/acme.csv", "Acme list")
              .pillars(Pillar.SUPPORT, Pillar.USER_EXPERIENCE)
              .evidenceClass(EvidenceClass.EXCHANGE_DISCLOSURE)
              .staleAfter(Duration.ofDays(30)));
    }

    @Override
    protected List<Fact> read(Exchange exchange, String document) {
      return List.of();
    }
  }

  @Test
  void declaresItsIdAndBaseUrlSettingAndCreatesACollectorFromIt() {
    Listing listing = new Listing();
    assertThat(listing.id()).isEqualTo("acme-list");
    assertThat(listing.settings())
        .singleElement()
        .satisfies(
            key -> {
              assertThat(key.key()).isEqualTo("base-url");
              assertThat(key.type()).isEqualTo(SettingType.URL);
              assertThat(key.defaultText()).hasValue("https://lists.example.com/acme.csv");
            });
    EvidenceCollector collector = listing.create(Config.empty());
    assertThat(collector.id()).isEqualTo("acme-list");
    assertThat(collector.pillars())
        .containsExactlyInAnyOrder(Pillar.SUPPORT, Pillar.USER_EXPERIENCE);
    assertThat(collector.description()).isEqualTo("Acme list");
    assertThat(collector.keepsHistory()).isFalse();
    assertThat(collector.requiresNetwork()).isTrue();
  }

  @Test
  void aSourceIsValidatedWhenDeclared() {
    assertThatThrownBy(() -> SimpleCollector.source("Acme List", "https://x.example/", "t"))
        .hasMessage("collector id 'Acme List' must be kebab-case");
    assertThatThrownBy(() -> SimpleCollector.source("acme", "/relative.csv", "t"))
        .hasMessage("acme: the document URL must be absolute: /relative.csv");
    assertThatThrownBy(() -> SimpleCollector.source("acme", "https://x.example/", " "))
        .hasMessage("acme: the source needs a title");
    assertThatThrownBy(
            () ->
                SimpleCollector.source("acme", "https://x.example/", "t").staleAfter(Duration.ZERO))
        .hasMessage("acme: staleAfter must be positive: PT0S");
    assertThatThrownBy(
            () -> SimpleCollector.source("acme", "https://x.example/", "t").evidenceClass(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void theDefaultsAreAThirdPartyReportThatNeverGoesStale() {
    SimpleCollector.Source source = SimpleCollector.source("acme", "https://x.example/", "t");
    assertThat(source.evidenceClass()).isEqualTo(EvidenceClass.THIRD_PARTY_REPORT);
    assertThat(source.staleAfter()).isNull();
    assertThat(source.pillars()).isEmpty();
    assertThat(source.pillars(Pillar.CUSTODY).pillars()).isEqualTo(Set.of(Pillar.CUSTODY));
  }
}
