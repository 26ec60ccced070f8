package io.cexsafe.collectors.regulators;

import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.assess;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.dispatcher;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.happyRoutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.facts.LicenceStatus;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class LicenceViewTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void rowsFlagPassportsAndContradictedClaims() {
    server.setDispatcher(dispatcher(happyRoutes()));
    EvidenceBundle bundle = assess(server, ExchangeCatalog.bundled().get("crypto-com"), Map.of());
    List<LicenceView.Row> rows = LicenceView.rows(bundle);
    assertThat(rows)
        .filteredOn(LicenceView.Row::contradictsClaim)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.identifier()).isEqualTo("944788");
              assertThat(r.status()).isEqualTo(LicenceStatus.NOT_FOUND);
              assertThat(LicenceView.statusWord(r)).isEqualTo("not found");
            });
    assertThat(rows).filteredOn(LicenceView.Row::passport).hasSize(29);
    assertThat(rows).extracting(LicenceView.Row::jurisdiction).isSorted();

    assertThat(LicenceView.licensedIn("fr", List.of(bundle)))
        .singleElement()
        .satisfies(r -> assertThat(r.passport()).isTrue());
    assertThat(LicenceView.licensedIn("UK", List.of(bundle)))
        .extracting(LicenceView.Row::identifier)
        .containsExactlyInAnyOrder("941745", "944788");
  }

  @Test
  void countriesAreCheckedAndNormalised() {
    assertThat(LicenceView.country(" el ")).isEqualTo("GR");
    assertThatThrownBy(() -> LicenceView.country("Narnia"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two-letter");
  }
}
