package io.cexsafe.testing.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.AppRating;
import io.cexsafe.spi.EvidenceCollectorProvider;
import io.cexsafe.testing.CollectorContractTest;
import io.cexsafe.testing.Faults;
import io.cexsafe.testing.Fixtures;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Runs the contract kit against the example collector, proving the kit itself works. */
class ExampleRatingsContractTest extends CollectorContractTest {
  @Override
  protected EvidenceCollectorProvider provider() {
    return new ExampleRatingsProvider();
  }

  @Override
  protected Map<String, String> settings(MockWebServer server) {
    return Map.of("base-url", server.url("/").toString());
  }

  @Override
  protected void serveHappyPath(MockWebServer server) {
    server.setDispatcher(
        byPath(Map.of("/ratings/1262148500", Fixtures.jsonFixture("example/rating.json"))));
  }

  @Override
  protected void verifyHappyPathRequests(List<RecordedRequest> requests) {
    assertThat(requests)
        .extracting(RecordedRequest::getTarget)
        .containsExactly("/ratings/1262148500");
  }

  @Test
  void theGzipBombIsStoppedByTheBodyCapEveryTime() {
    MockResponse bomb = Faults.GZIP_BOMB.response();
    server.setDispatcher(byPath(Map.of("/ratings/1262148500", bomb)));
    for (int run = 0; run < 2; run++) {
      CollectorOutcome outcome = collect().outcomes().get(0);
      assertThat(outcome.reason())
          .as("run %d: %s", run, outcome)
          .isEqualTo(ReasonCode.BODY_TOO_LARGE);
    }
  }

  @Test
  void theRedirectFaultLeadsToAnotherHost() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.enqueue(
          new MockResponse.Builder()
              .code(200)
              .setHeader("Content-Type", "text/html")
              .body(Faults.PARKED_PAGE)
              .build());
      elsewhere.start();
      server.enqueue(Faults.REDIRECT_TO_OTHER_HOST.response(elsewhere.url("/").uri()));
      CollectorOutcome outcome = collect().outcomes().get(0);
      assertThat(outcome.reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
      RecordedRequest followed = elsewhere.takeRequest(1, TimeUnit.SECONDS);
      assertThat(followed).isNotNull();
      assertThat(followed.getTarget()).isEqualTo("/moved-here");
      assertThat(elsewhere.url("/").port()).isNotEqualTo(server.url("/").port());
    }
  }

  @Test
  void parsesTheRating() {
    serveHappyPath(server);
    EvidenceBundle bundle = collect();
    assertThat(bundle.facts(AppRating.class))
        .singleElement()
        .satisfies(
            rating -> {
              assertThat(rating.rating()).isEqualByComparingTo(new BigDecimal("4.6"));
              assertThat(rating.ratingCount()).isEqualTo(1234);
            });
  }
}
