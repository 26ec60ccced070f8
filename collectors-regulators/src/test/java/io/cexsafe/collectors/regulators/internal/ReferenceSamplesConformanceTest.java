package io.cexsafe.collectors.regulators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.http.FetchResponse;
import io.cexsafe.testing.Fixtures;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the parsers over the third-party register recordings in {@code -Dcexsafe.reference}; skipped
 * when they are not available. The recordings are never copied into the repository.
 */
class ReferenceSamplesConformanceTest {
  private static Path sample(String name) {
    return Fixtures.requireReferenceSamples().resolve("regulators").resolve(name);
  }

  @Test
  void casp15RowsIncludeTheTargetExchanges() throws Exception {
    try (InputStream in = Files.newInputStream(sample("esma_mica_CASPS_sample_15rows.csv"))) {
      var s = EsmaRegister.casps(in, "sample");
      assertThat(s.records()).isEqualTo(15);
      assertThat(s.rows()).hasSize(14); // NAGA X appears twice
      assertThat(s.rows())
          .extracting(EsmaRegister.Casp::lei)
          .contains(
              "2549005CVR5HH70FDO07",
              "54930069NLWEIGLHXU42",
              "984500F14CA4571AAC11",
              "254900641D8KNHUZYX24",
              "5299005V5GBSN2A4C303");
      var stratos =
          s.rows().stream()
              .filter(r -> r.legalName().equals("Stratos Europe Ltd"))
              .findFirst()
              .orElseThrow();
      assertThat(stratos.endedOn()).isEqualTo(LocalDate.of(2026, 4, 24));
      var foris =
          s.rows().stream()
              .filter(r -> r.legalName().equals("Foris DAX MT Limited"))
              .findFirst()
              .orElseThrow();
      assertThat(foris.services())
          .extracting(x -> x.substring(0, 1))
          .containsExactly("a", "c", "d", "e", "g", "j");
      assertThat(foris.hostStates()).hasSizeGreaterThanOrEqualTo(29);
      assertThat(s.rows()).allSatisfy(r -> assertThat(r.authority()).doesNotStartWith(" "));
    }
  }

  @Test
  void caspDefectRowsParse() throws Exception {
    try (InputStream in = Files.newInputStream(sample("esma_mica_CASPS_defect_rows_sample.csv"))) {
      var s = EsmaRegister.casps(in, "sample");
      assertThat(s.rows()).hasSize(5);
      assertThat(s.rows()).anySatisfy(r -> assertThat(r.authorisedOn()).isNull());
      assertThat(s.rows())
          .anySatisfy(r -> assertThat(r.address()).doesNotContain("\n").contains("Vienna"));
      assertThat(s.rows())
          .anySatisfy(r -> assertThat(r.hostStates()).contains("SI").doesNotContain("SL"));
      assertThat(s.rows())
          .anySatisfy(
              r -> assertThat(r.authority()).isEqualTo("Financial Supervision Commission (FSC)"));
    }
  }

  @Test
  void ncaspSampleParses() throws Exception {
    try (InputStream in = Files.newInputStream(sample("esma_mica_NCASP_sample_rows.csv"))) {
      var s = EsmaRegister.nonCompliant(in, "sample");
      assertThat(s.rows()).hasSize(7);
      assertThat(s.rows())
          .filteredOn(r -> r.reason() != null)
          .singleElement()
          .extracting(r -> r.commercialName())
          .isEqualTo("MEXC");
      assertThat(s.rows())
          .extracting(EsmaRegister.NonCompliant::authority)
          .doesNotContain("Commissione Nazionale per le Societa e la Borsa  (CONSOB)");
    }
  }

  @Test
  void varaRowsParse() throws Exception {
    String html =
        "<table><tbody>"
            + Files.readString(sample("vara_public_register_rows_excerpt.html"))
            + "</tbody></table>";
    var response =
        new FetchResponse(
            200,
            URI.create("https://www.vara.ae/"),
            Map.of(),
            html.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            false);
    List<VaraSource.Entry> entries = VaraSource.parse(response, "sample");
    assertThat(entries)
        .extracting(VaraSource.Entry::reference)
        .containsExactlyInAnyOrder(
            "VL/2024/11/001", "VL/23/12/003", "VL/24/04/001", "VL/23/10/003");
    assertThat(entries).allSatisfy(e -> assertThat(e.name()).isEqualTo(e.name().trim()));
    assertThat(entries)
        .filteredOn(e -> e.reference().equals("VL/23/10/003"))
        .singleElement()
        .satisfies(e -> assertThat(e.issued()).isEqualTo(LocalDate.of(2024, 4, 3)));
  }

  @Test
  void fcaStatusVocabularyFromTheRecordingsIsUnderstood() throws Exception {
    String page2 = Files.readString(sample("fca_search_firm_revolution_page2.json"));
    var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(page2);
    for (var row : node.get("Data")) {
      String status = row.get("Status").asText();
      assertThat(FcaSource.status(status)).as(status).isNotNull();
    }
  }
}
