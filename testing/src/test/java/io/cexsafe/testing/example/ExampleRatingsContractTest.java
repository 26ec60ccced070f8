package io.cexsafe.testing.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.facts.AppRating;
import io.cexsafe.spi.EvidenceCollectorProvider;
import io.cexsafe.testing.CollectorContractTest;
import io.cexsafe.testing.Fixtures;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
