package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.FetchResponse;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key carried in the URL path (as DeFiLlama Pro's is) appears in no outcome, report or cache
 * file, whether the source answers garbage or redirects elsewhere.
 */
class SecretsInOutcomesTest {
  private static final String KEY = "pr0-K3Y-in-the-path";

  @StartStop final MockWebServer source = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();
  @TempDir Path cache;

  /**
   * Calls {@code /<key>/api/cexs} and quotes the answering URL in its failure, as collectors do.
   */
  private final EvidenceCollector pro =
      new EvidenceCollector() {
        @Override
        public String id() {
          return "pro";
        }

        @Override
        public Set<Pillar> pillars() {
          return Set.of(Pillar.SUPPORT);
        }

        @Override
        public CollectionResult collect(Exchange exchange, CollectorContext context) {
          try {
            FetchResponse response =
                context
                    .http()
                    .fetch(
                        FetchRequest.builder(source.url("/" + KEY + "/api/cexs").uri())
                            .credential(Secret.of(KEY))
                            .build());
            throw new SourceException(
                ReasonCode.MALFORMED_RESPONSE,
                "no JSON at " + response.uri() + ": " + response.text(),
                response.uri().toString());
          } catch (SourceException e) {
            return CollectionResult.failed(e);
          }
        }
      };

  private EvidenceBundle assess() {
    try (Assessor assessor =
        Assessor.builder()
            .collector(pro)
            .config(
                Config.builder()
                    .set("http.max-attempts", "1")
                    .set("http.cache.dir", cache.toString())
                    .build())
            .collectorTimeout(Duration.ofSeconds(10))
            .build()) {
      return assessor.assess("kraken");
    }
  }

  private void assertNowhere(EvidenceBundle bundle) throws Exception {
    assertThat(bundle.toJson()).doesNotContain(KEY);
    try (Stream<Path> files = Files.walk(cache)) {
      for (Path file : files.toList()) {
        assertThat(file.toString()).doesNotContain(KEY);
        if (Files.isRegularFile(file)) {
          assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1))
              .doesNotContain(KEY);
        }
      }
    }
  }

  @Test
  void aMalformedAnswerIsReportedWithTheKeyMasked() throws Exception {
    source.enqueue(
        new MockResponse.Builder()
            .setHeader("Cache-Control", "max-age=600")
            .body("<html>maintenance</html>")
            .build());
    EvidenceBundle bundle = assess();
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
    assertThat(outcome.message()).contains("/****/api/cexs");
    assertThat(source.takeRequest().getTarget()).isEqualTo("/" + KEY + "/api/cexs");
    assertNowhere(bundle);
  }

  @Test
  void aRedirectElsewhereIsRefusedAndReportedWithTheKeyMasked() throws Exception {
    source.enqueue(
        new MockResponse.Builder()
            .code(302)
            .setHeader("Location", elsewhere.url("/collect").toString())
            .build());
    EvidenceBundle bundle = assess();
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.FAILED);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.REDIRECT_REFUSED);
    assertThat(outcome.message()).contains(elsewhere.getHostName()).contains("not followed");
    assertThat(elsewhere.getRequestCount()).isZero();
    assertNowhere(bundle);
  }
}
