package io.cexsafe.collectors.defillama;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cexsafe.Evidence;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.Json;
import io.cexsafe.ReasonCode;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.testing.InMemoryContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of every DeFiLlama payload: {@code /cexs}, the streamed {@code
 * /protocol/<slug>} answer, {@code /stablecoins}, {@code /hacks} and {@code /inflows}. One payload
 * is the fuzz input, the others are our fixtures, and the collector's whole path runs for Binance
 * (the fixture exchange with every endpoint), including the arithmetic on the parsed numbers. The
 * collector contract says failures are data, so nothing may escape {@code collect}, and every piece
 * of evidence must survive a JSON round trip. Seeds under {@code
 * DefiLlamaPayloadsFuzzTestInputs/<method>/}; see docs/fuzzing.md.
 */
class DefiLlamaPayloadsFuzzTest {
  private static final URI BASE = URI.create("https://llama.example");
  private static final Exchange BINANCE = ExchangeCatalog.bundled().get("binance");
  private static final DefiLlamaCollector COLLECTOR =
      DefiLlamaCollector.create(
          DefiLlamaSettings.builder()
              .baseUrl(BASE)
              .proBaseUrl(BASE)
              .stablecoinsUrl(BASE)
              .webUrl(URI.create("https://defillama.example"))
              .build());
  private static final byte[] CEXS = fixture("cexs.json");
  private static final byte[] PROTOCOL = fixture("protocol-binance-cex.json");
  private static final byte[] STABLECOINS = fixture("stablecoins.json");
  private static final byte[] HACKS = fixture("hacks.json");
  private static final byte[] INFLOWS = fixture("inflows-binance-24h.json");

  @FuzzTest(maxDuration = "5m")
  void cexs(byte[] body) {
    collect("/cexs", body);
  }

  @FuzzTest(maxDuration = "5m")
  void protocol(byte[] body) {
    collect("/protocol/", body);
  }

  @FuzzTest(maxDuration = "5m")
  void stablecoins(byte[] body) {
    collect("/stablecoins", body);
  }

  @FuzzTest(maxDuration = "5m")
  void hacks(byte[] body) {
    collect("/hacks", body);
  }

  @FuzzTest(maxDuration = "5m")
  void inflows(byte[] body) {
    collect("/inflows/", body);
  }

  /** Found by {@link #protocol}: Jackson took a body with NUL bytes for UTF-32 and failed. */
  @Test
  void aProtocolAnswerWithNulBytesIsMalformedNotABrokenConnection() {
    byte[] body = {'{', 0, 0, 0, '\n', ' ', '"', ':', ' ', '"', '2', '2', '6', '9', '"', ','};

    CollectionResult result = collect("/protocol/", body);

    assertThat(result.problems())
        .anySatisfy(
            problem -> {
              assertThat(problem.reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
              assertThat(problem.message()).contains("NUL byte at offset 1");
            });
  }

  private static CollectionResult collect(String fuzzedPath, byte[] fuzzed) {
    InMemoryContext context =
        new InMemoryContext(
            uri -> uri.getPath().startsWith(fuzzedPath) ? fuzzed : fixtureFor(uri.getPath()),
            "application/json");
    CollectionResult result = COLLECTOR.collect(BINANCE, context);
    for (Evidence evidence : result.evidence()) {
      Json.read(Json.write(evidence), "round trip", Evidence.class);
    }
    return result;
  }

  private static byte[] fixtureFor(String path) {
    if (path.startsWith("/cexs")) {
      return CEXS;
    }
    if (path.startsWith("/protocol/")) {
      return PROTOCOL;
    }
    if (path.startsWith("/stablecoins")) {
      return STABLECOINS;
    }
    if (path.startsWith("/hacks")) {
      return HACKS;
    }
    if (path.startsWith("/inflows/")) {
      return INFLOWS;
    }
    throw new AssertionError("unexpected request for " + path);
  }

  private static byte[] fixture(String name) {
    String resource = "/fixtures/defillama/" + name;
    try (InputStream in = DefiLlamaPayloadsFuzzTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
