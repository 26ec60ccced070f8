package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest command: the bundled set, user case files, failures and bad input. */
class BacktestCommandTest {
  @TempDir Path dir;

  private static final String EVIDENCE =
      """
      {"exchange": "acme", "curatedOn": "2024-01-10", "facts": [
        {"id": "acme-halt", "fact": {"type": "incident", "date": "2024-01-05",
          "kind": "WITHDRAWAL_HALT", "reimbursement": "UNKNOWN"},
         "source": {"url": "https://news.example/acme-halt", "title": "Acme halts withdrawals"},
         "observedOn": "2024-01-05", "evidenceClass": "third-party-report"}
      ]}
      """;

  private Path caseDir(String... lines) throws Exception {
    Files.createDirectories(dir.resolve("evidence"));
    Files.writeString(dir.resolve("evidence/acme.json"), EVIDENCE);
    Files.writeString(dir.resolve("cases.jsonl"), String.join("\n", lines) + "\n");
    return dir;
  }

  @Test
  void theBundledBacktestPasses() {
    CliTest.Result result = CliTest.run("backtest");
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).contains("backtest passed").doesNotContain("FAIL ");
    assertThat(result.code()).as(result.out()).isZero();
  }

  @Test
  void theBundledBacktestHasTwelveCasesAndAJsonSummary() throws Exception {
    CliTest.Result result = CliTest.run("backtest", "--format", "json");
    JsonNode document = Json.mapper().readTree(result.out());
    assertThat(document.get("cases").size()).isGreaterThanOrEqualTo(12);
    assertThat(document.get("summary").get("cases").asInt())
        .isEqualTo(document.get("cases").size());
    assertThat(document.get("checks").get(0).get("expectation").asText())
        .isEqualTo("ftx-2022-11-01 below coinbase-2022-11-01");
    assertThat(document.get("passed").asBoolean()).isEqualTo(result.code() == 0);
  }

  @Test
  void evidenceAfterTheCaseDateIsLeftOut() throws Exception {
    Path cases =
        caseDir(
            "{\"id\": \"acme-before\", \"exchange\": \"acme\", \"date\": \"2024-01-01\","
                + " \"role\": \"thin\", \"expect\": [{\"kind\": \"not-rated\"},"
                + " {\"kind\": \"not-flagged\"}]}");
    CliTest.Result result = CliTest.run("backtest", cases.toString());
    assertThat(result.out())
        .contains("PASS  acme-before not-rated")
        .contains("PASS  acme-before not-flagged")
        .contains("thin evidence not rated: 1 of 1");
    assertThat(result.code()).isZero();
  }

  @Test
  void aFailingExpectationExitsOne() throws Exception {
    Path cases =
        caseDir(
            "{\"id\": \"acme-before\", \"exchange\": \"acme\", \"date\": \"2024-01-01\","
                + " \"role\": \"thin\", \"expect\": [{\"kind\": \"at-least\", \"grade\": \"BBB\"}]}");
    CliTest.Result result = CliTest.run("backtest", cases.resolve("cases.jsonl").toString());
    assertThat(result.out())
        .contains("FAIL  acme-before at-least BBB  NR ")
        .contains("backtest FAILED: 1 failing");
    assertThat(result.code()).isEqualTo(1);
  }

  @Test
  void aBadCaseFileExitsTwoWithOneLine() throws Exception {
    Path cases =
        caseDir(
            "{\"id\": \"acme-before\", \"exchange\": \"acme\", \"date\": \"2024-13-01\","
                + " \"role\": \"thin\", \"expect\": [{\"kind\": \"not-rated\"}]}");
    CliTest.Result result = CliTest.run("backtest", cases.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err())
        .contains("cases.jsonl")
        .contains("line 1.date")
        .contains("not a date written as YYYY-MM-DD: '2024-13-01'");
  }

  @Test
  void unknownExpectationsAndCasesAreBadInput() throws Exception {
    Path cases =
        caseDir(
            "{\"id\": \"a\", \"exchange\": \"acme\", \"date\": \"2024-01-01\", \"role\": \"thin\","
                + " \"expect\": [{\"kind\": \"below\", \"than\": \"b\"}]}");
    CliTest.Result result = CliTest.run("backtest", cases.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("names an unknown case: b");

    Files.writeString(
        dir.resolve("cases.jsonl"),
        "{\"id\": \"a\", \"exchange\": \"acme\", \"date\": \"2024-01-01\", \"role\": \"thin\","
            + " \"expect\": [{\"kind\": \"above\"}]}\n");
    result = CliTest.run("backtest", dir.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("unknown expectation 'above'");

    Files.writeString(dir.resolve("cases.jsonl"), "{\"id\": \"a\",\n");
    result = CliTest.run("backtest", dir.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("line 1: malformed JSON");
  }

  @Test
  void aMissingCaseFileIsBadInput() {
    CliTest.Result result = CliTest.run("backtest", dir.resolve("nope.jsonl").toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("not a readable case file");
    result = CliTest.run("backtest", dir.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("no cases.jsonl in");
  }

  @Test
  void aHaltOnRecordBeforeTheDateIsScored() throws Exception {
    Path cases =
        caseDir(
            "{\"id\": \"acme-after\", \"exchange\": \"acme\", \"date\": \"2024-01-08\","
                + " \"role\": \"failed\", \"expect\": [{\"kind\": \"flagged\"}]}");
    CliTest.Result result = CliTest.run("backtest", cases.toString(), "--format", "json");
    JsonNode document = Json.mapper().readTree(result.out());
    assertThat(document.get("cases").get(0).get("role").asText()).isEqualTo("failed");
    assertThat(document.get("summary").get("failures").asInt()).isEqualTo(1);
    assertThat(document.get("summary").get("failuresFlagged").asInt()).isEqualTo(1);
    assertThat(document.get("checks").get(0).get("passed").asBoolean()).isTrue();
  }
}
