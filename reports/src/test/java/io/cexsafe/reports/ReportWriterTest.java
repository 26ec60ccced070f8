package io.cexsafe.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.Json;
import io.cexsafe.RunId;
import io.cexsafe.Version;
import io.cexsafe.reports.internal.CsvRenderer;
import io.cexsafe.scoring.Comparison;
import io.cexsafe.scoring.Scorecard;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ReportWriterTest {
  static String assess(ReportFormat format, ExchangeAssessment... assessments) {
    StringWriter out = new StringWriter();
    ReportWriter.of(format).writeAssessments(List.of(assessments), out);
    return out.toString();
  }

  static String compare(ReportFormat format, ComparisonReport report) {
    StringWriter out = new StringWriter();
    ReportWriter.of(format).writeComparison(report, out);
    return out.toString();
  }

  @Test
  void tableStatesMethodologyDateCollectorsAndStaleEvidence() {
    String table = assess(ReportFormat.TABLE, Samples.acme());
    assertThat(table)
        .contains("(acme), scored as of 2026-11-21T23:59:59Z under cexsafe-default 1.0")
        .contains("Overall: ")
        .contains("Custody & Storage")
        .containsPattern("defillama\\s+failed \\(timeout\\)\\s+0\\s+timed out after 10 s")
        .containsPattern("regulators\\s+skipped \\(offline\\)")
        .contains("Stale evidence:")
        .contains("observed 2024-01-01, stale after 2025-01-01")
        .doesNotContain("Evidence for Custody");
    StringWriter listed = new StringWriter();
    ReportWriter.of(ReportFormat.TABLE)
        .listingEvidence(true)
        .writeAssessments(List.of(Samples.acme()), listed);
    assertThat(listed.toString())
        .contains("Evidence for Custody & Storage: 1 pieces of evidence")
        .contains("<https://example.org/bounty?a=1&b=2>")
        .contains("STALE");
    String comparison = compare(ReportFormat.TABLE, Samples.comparison());
    assertThat(comparison)
        .contains(
            "Comparison under cexsafe-default 1.0, methodology 2.0, evaluated"
                + " 2026-11-21T23:59:59Z")
        .contains("RED FLAGS")
        .contains("Collectors for acme:", "Collectors for bolt:")
        .contains("Stale evidence:");
  }

  @Test
  void jsonConformsToTheSchemaAndKeepsTheBundleRoundTrippable() throws Exception {
    JsonNode one = Json.mapper().readTree(assess(ReportFormat.JSON, Samples.acme()));
    assertThat(SchemaCheck.violations(one)).isEmpty();
    assertThat(one.fieldNames())
        .toIterable()
        .containsExactly("schemaVersion", "kind", "cexsafeVersion", "runId", "asOf", "assessments");
    assertThat(one.get("assessments")).hasSize(1);
    JsonNode first = one.get("assessments").get(0);
    assertThat(first.fieldNames()).toIterable().containsExactly("bundle", "scorecard");
    EvidenceBundle bundle = EvidenceBundle.fromJson(first.get("bundle").toString());
    assertThat(bundle).isEqualTo(Samples.acme().bundle());
    assertThat(Scorecard.fromJson(first.get("scorecard").toString()))
        .isEqualTo(Samples.acme().scorecard());

    JsonNode two =
        Json.mapper().readTree(assess(ReportFormat.JSON, Samples.acme(), Samples.bolt()));
    assertThat(two.isObject()).isTrue();
    assertThat(two.get("assessments")).hasSize(2);
    assertThat(SchemaCheck.violations(two)).isEmpty();

    JsonNode compared = Json.mapper().readTree(compare(ReportFormat.JSON, Samples.comparison()));
    assertThat(SchemaCheck.violations(compared)).isEmpty();
    assertThat(compared.get("kind").asText()).isEqualTo("comparison");
    assertThat(compared.get("assessments")).hasSize(2);
    assertThat(compared.get("comparison").get("entries")).hasSize(2);
  }

  @Test
  void oneExchangeAndManyHaveTheSameShapeUnderOneEnvelope() throws Exception {
    RunId runId = RunId.of("run-2026-12-07");
    for (List<ExchangeAssessment> assessments :
        List.of(List.of(Samples.acme()), List.of(Samples.acme(), Samples.bolt()))) {
      StringWriter out = new StringWriter();
      ReportWriter.of(ReportFormat.JSON)
          .withOptions(ReportOptions.defaults().withRunId(runId))
          .writeAssessments(assessments, out);
      JsonNode document = Json.mapper().readTree(out.toString());
      assertThat(document.get("schemaVersion").asInt()).isEqualTo(ReportEnvelope.SCHEMA_VERSION);
      assertThat(document.get("kind").asText()).isEqualTo("assessments");
      assertThat(document.get("cexsafeVersion").asText()).isEqualTo(Version.current());
      assertThat(document.get("runId").asText()).isEqualTo("run-2026-12-07");
      assertThat(document.get("asOf").asText()).isEqualTo("2026-11-21T23:59:59Z");
      assertThat(document.get("assessments")).hasSize(assessments.size());
    }
  }

  @Test
  void withoutANamedRunEachJsonReportGetsAFreshRunId() throws Exception {
    String first =
        Json.mapper().readTree(assess(ReportFormat.JSON, Samples.acme())).get("runId").asText();
    String second =
        Json.mapper().readTree(assess(ReportFormat.JSON, Samples.acme())).get("runId").asText();
    assertThat(first).isNotEqualTo(second);
    assertThat(RunId.of(first).value()).isEqualTo(first);
  }

  @Test
  void theSchemaRejectsDocumentsThatBreakIt() throws Exception {
    ObjectNode document =
        (ObjectNode) Json.mapper().readTree(assess(ReportFormat.JSON, Samples.acme()));
    document.put("extra", 1);
    assertThat(SchemaCheck.violations(document)).isNotEmpty();
    ObjectNode card =
        (ObjectNode) Json.mapper().readTree(assess(ReportFormat.JSON, Samples.acme()));
    ((ObjectNode) card.at("/assessments/0/scorecard")).put("confidence", 1.5);
    assertThat(SchemaCheck.violations(card)).isNotEmpty();
    ObjectNode date =
        (ObjectNode) Json.mapper().readTree(assess(ReportFormat.JSON, Samples.acme()));
    ((ObjectNode) date.at("/assessments/0/bundle")).put("asOf", "yesterday");
    assertThat(SchemaCheck.violations(date)).isNotEmpty();
    for (String envelopeField :
        List.of("schemaVersion", "kind", "cexsafeVersion", "runId", "asOf")) {
      ObjectNode missing =
          (ObjectNode) Json.mapper().readTree(assess(ReportFormat.JSON, Samples.acme()));
      missing.remove(envelopeField);
      assertThat(SchemaCheck.violations(missing)).as(envelopeField).isNotEmpty();
    }
    ObjectNode oldVersion =
        (ObjectNode) Json.mapper().readTree(assess(ReportFormat.JSON, Samples.acme()));
    oldVersion.put("schemaVersion", 1);
    assertThat(SchemaCheck.violations(oldVersion)).isNotEmpty();
    JsonNode bareOldShape = Json.mapper().readTree(assess(ReportFormat.JSON, Samples.acme()));
    assertThat(SchemaCheck.violations(bareOldShape.at("/assessments/0"))).isNotEmpty();
  }

  @Test
  void jsonLinesHoldOneCompactSchemaConformingDocumentPerExchange() throws Exception {
    String lines = assess(ReportFormat.JSONL, Samples.acme(), Samples.bolt());
    assertThat(lines).endsWith("\n");
    String[] split = lines.split("\n");
    assertThat(split).hasSize(2);
    String runId = null;
    for (String line : split) {
      JsonNode document = Json.mapper().readTree(line);
      assertThat(SchemaCheck.violations(document)).isEmpty();
      assertThat(document.fieldNames())
          .toIterable()
          .startsWith("schemaVersion", "kind", "cexsafeVersion", "runId", "asOf");
      assertThat(document.get("kind").asText()).isEqualTo("assessment");
      // every line of one report carries the same run
      runId = runId == null ? document.get("runId").asText() : runId;
      assertThat(document.get("runId").asText()).isEqualTo(runId);
      EvidenceBundle.fromJson(document.get("bundle").toString());
    }
    assertThat(Json.mapper().readTree(split[0]).at("/bundle/exchangeId").asText())
        .isEqualTo("acme");
    // a line break inside evidence text stays escaped, so it cannot split a record
    assertThat(split[0]).contains("line one\\nline two");
    String compared = compare(ReportFormat.JSONL, Samples.comparison());
    assertThat(compared.split("\n")).hasSize(2);
    for (String line : compared.split("\n")) {
      assertThat(SchemaCheck.violations(Json.mapper().readTree(line))).isEmpty();
    }
  }

  @Test
  void csvHasOneRfc4180RowPerExchangeAndPillar() throws IOException {
    String csv = assess(ReportFormat.CSV, Samples.acme(), Samples.bolt());
    assertThat(csv).contains("\r\n");
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    assertThat(records).hasSize(16);
    CSVRecord custody = records.get(0);
    assertThat(custody.get("exchange_id")).isEqualTo("acme");
    assertThat(custody.get("exchange_name")).isEqualTo("Acme, \"the\" | exchange");
    assertThat(custody.get("pillar")).isEqualTo("custody");
    assertThat(custody.get("evaluated_at")).isEqualTo("2026-11-21T23:59:59Z");
    assertThat(custody.get("methodology_version")).isEqualTo("1.0");
    assertThat(custody.get("weight")).isEqualTo("20");
    Scorecard card = Samples.acme().scorecard();
    assertThat(Double.parseDouble(custody.get("score")))
        .isCloseTo(card.pillars().get(0).estimate(), org.assertj.core.data.Offset.offset(1e-4));
    assertThat(custody.get("stale_evidence_ids")).isEqualTo(card.staleEvidenceIds().get(0));
    assertThat(custody.get("collectors"))
        .isEqualTo("defillama=failed:timeout; disclosures=ok; regulators=skipped:offline");
    CSVRecord insurance = records.get(2);
    // methodology 2.0: a pillar without evidence counts at the prior, 25 of 100
    assertThat(insurance.get("score")).isEqualTo("25");
    assertThat(insurance.get("coverage")).isEqualTo("0");
    assertThat(custody.get("not_rated_reason"))
        .isEqualTo(card.notRatedReason() == null ? "" : card.notRatedReason());
    assertThat(custody.get("red_flags"))
        .isEqualTo(
            String.join(
                "; ",
                card.redFlags().stream()
                    .map(f -> f.kind().id() + " (grade at most " + f.cap() + "): " + f.message())
                    .toList()));
    assertThat(records.get(8).get("exchange_id")).isEqualTo("bolt");
    assertThat(compare(ReportFormat.CSV, Samples.comparison()).lines().count()).isEqualTo(17);
  }

  @Test
  void csvCellsThatWouldRunAsFormulasAreNeutralised() throws IOException {
    for (String name :
        List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)")) {
      String csv = assess(ReportFormat.CSV, Samples.assessment(Exchange.of("evil", name), 0.5));
      CSVRecord first =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new StringReader(csv))
              .getRecords()
              .get(0);
      assertThat(first.get("exchange_name")).as(name).isEqualTo("'" + name);
      // the numbers we format ourselves are left alone
      assertThat(Double.parseDouble(first.get("weight"))).isPositive();
    }
    String quoted =
        assess(
            ReportFormat.CSV,
            Samples.assessment(Exchange.of("evil", "=HYPERLINK(\"http://x\",\"y\")"), 0.5));
    assertThat(quoted).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",");
    String plain =
        assess(ReportFormat.CSV, Samples.assessment(Exchange.of("ok", "Plain-Name"), 0.5));
    assertThat(plain).contains(",Plain-Name,");
    // names are trimmed before they get here, but other text cells are not
    assertThat(CsvRenderer.text("\tTabbed")).isEqualTo("'\tTabbed");
    assertThat(CsvRenderer.text("\rReturned")).isEqualTo("'\rReturned");
    assertThat(CsvRenderer.text("")).isEmpty();
    assertThat(CsvRenderer.text("a=b")).isEqualTo("a=b");
  }

  @Test
  void markdownHasSummaryPillarSectionsEvidenceLinksAndEscapedText() {
    String md = assess(ReportFormat.MD, Samples.acme());
    assertThat(md)
        .startsWith("# <a id=\"exchange-acme\"></a>Acme, &quot;the&quot; \\| exchange (acme)")
        .contains("- Methodology: cexsafe-default 1.0, methodology 2.0")
        .contains("- Evaluated: 2026-11-21T23:59:59Z")
        .contains("| Pillar | Weight | Score | Range | Coverage |")
        .contains("## <a id=\"acme-app-security\"></a>App Security &amp; Account Controls")
        .contains(
            "[Bounty page &lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;]"
                + "(https://example.org/bounty?a=1&b=2)")
        .contains("Curated review (urn:cexsafe:seed:cold)")
        .contains("observed 2024-01-01")
        .contains("most assets \\| offline")
        .contains("| defillama | failed (timeout) | 0 | timed out after 10 s |")
        .contains("Stale evidence: \n")
        .doesNotContain("<script>");
    String two = assess(ReportFormat.MD, Samples.acme(), Samples.bolt());
    assertThat(two).startsWith("# cexsafe assessment").contains("](#exchange-bolt)");
    String compared = compare(ReportFormat.MD, Samples.comparison());
    assertThat(compared)
        .contains("# cexsafe comparison")
        .contains("| Rank | Exchange |")
        .contains("## Controls")
        .contains("### Bolt");
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(
            () ->
                ReportWriter.of(ReportFormat.HTML).writeAssessments(List.of(), new StringWriter()))
        .isInstanceOf(IllegalArgumentException.class);
    ExchangeAssessment acme = Samples.acme();
    assertThatThrownBy(
            () ->
                ExchangeAssessment.of(
                    Exchange.of("other", "Other"), acme.bundle(), acme.scorecard()))
        .hasMessageContaining("same exchange");
    Comparison onlyAcme = Comparison.of(List.of(acme.scorecard()));
    assertThatThrownBy(() -> new ComparisonReport(List.of(acme, Samples.bolt()), onlyAcme, null))
        .hasMessageContaining("comparison covers");
    assertThatThrownBy(() -> ReportFormat.fromId("pdf"))
        .hasMessageContaining("unknown report format 'pdf'")
        .hasMessageContaining("jsonl");
    assertThat(ReportFormat.fromId(" JSONL ")).isEqualTo(ReportFormat.JSONL);
  }

  @Test
  void aFailingWriterSurfacesAsUncheckedIo() {
    Writer broken =
        new Writer() {
          @Override
          public void write(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    for (ReportFormat format : List.of(ReportFormat.JSON, ReportFormat.CSV, ReportFormat.HTML)) {
      assertThatThrownBy(
              () -> ReportWriter.of(format).writeAssessments(List.of(Samples.acme()), broken))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("disk full");
    }
  }
}
