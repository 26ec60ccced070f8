package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** {@code --top N --by reserves}: the catalogue's largest exchanges by DeFiLlama's /cexs list. */
class TopByReservesTest {
  private static final String CEXS =
      "{\"cexs\":["
          + "{\"name\":\"Kraken\",\"slug\":\"kraken\",\"currentTvl\":5000000000},"
          + "{\"name\":\"Binance CEX\",\"slug\":\"binance-cex\",\"currentTvl\":100000000000},"
          + "{\"name\":\"Unknown Big\",\"slug\":\"unknown-big\",\"currentTvl\":50000000000},"
          + "{\"name\":\"Coinbase\",\"currentTvl\":30000000000},"
          + "{\"name\":\"OKX\",\"slug\":\"okx\",\"currentTvl\":20000000000},"
          + "{\"name\":\"Tiny\",\"slug\":\"tiny\",\"currentTvl\":1}]}";

  @StartStop final MockWebServer server = new MockWebServer();

  private CliTest.Result run(String... selection) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "assess",
                "--no-progress",
                "--format",
                "jsonl",
                "--as-of",
                "2026-12-01",
                "--set",
                "defillama.base-url=" + server.url("/"),
                "--set",
                "http.max-attempts=1",
                "--set",
                "cli-probe.enabled=false"));
    args.addAll(List.of(selection));
    return CliTest.run(args.toArray(String[]::new));
  }

  private static List<String> ids(String jsonl) {
    return jsonl
        .lines()
        .map(line -> Json.read(line, "line", JsonNode.class).findValue("exchangeId").asText())
        .toList();
  }

  @Test
  void picksTheLargestCatalogueExchangesWithOneRequestAndNamesLargerOnesItLacks() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(CEXS)
            .build());

    CliTest.Result result = run("--top", "3", "--by", "reserves");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(ids(result.out())).containsExactly("binance", "coinbase", "okx");
    assertThat(result.err())
        .isEqualTo("cexsafe: warning: larger by reserves but not in the catalogue: Unknown Big\n");
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/cexs");
    assertThat(server.takeRequest(100, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void aTopLargerThanTheListedCatalogueAssessesWhatIsListedAndSaysSo() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(CEXS)
            .build());

    CliTest.Result result = run("--top", "50", "--by", "reserves");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(ids(result.out())).containsExactly("binance", "coinbase", "okx", "kraken");
    assertThat(result.err())
        .contains("DeFiLlama lists reserves for only 4 catalogue exchanges; assessing those");
  }

  @Test
  void aFailedListIsAClearFailureNotAnEmptyReport() {
    server.enqueue(new MockResponse.Builder().code(503).body("down").build());

    CliTest.Result result = run("--top", "3", "--by", "reserves");

    assertThat(result.code()).isEqualTo(Main.FAILURE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith("cexsafe: error: --top --by reserves: DeFiLlama's /cexs list could not be read")
        .doesNotContain("Exception")
        .endsWith("\n")
        .hasLineCount(1);
  }

  @Test
  void badSelectionsAreBadInputAndAskNothing() {
    for (String[] args :
        List.of(
            new String[] {"--top", "3"},
            new String[] {"--by", "reserves"},
            new String[] {"--top", "0", "--by", "reserves"},
            new String[] {"--top", "3", "--by", "reserves", "kraken"},
            new String[] {"--top", "3", "--by", "reserves", "--all"},
            new String[] {"--top", "3", "--by", "reserves", "--offline"})) {
      CliTest.Result result = run(args);
      assertThat(result.code()).as(String.join(" ", args)).isEqualTo(Main.BAD_INPUT);
      assertThat(result.err()).as(String.join(" ", args)).startsWith("cexsafe: error: --");
    }
    assertThat(server.getRequestCount()).isZero();
    CliTest.Result unknownOrder = run("--top", "3", "--by", "volume");
    assertThat(unknownOrder.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(unknownOrder.err()).contains("reserves");
  }
}
