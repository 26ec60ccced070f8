package io.cexsafe.collectors.disclosures;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.spi.EvidenceCollectorProvider;
import io.cexsafe.testing.CollectorContractTest;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** The shared collector contract; the disclosures collector reads only bundled and local files. */
class DisclosuresCollectorContractTest extends CollectorContractTest {
  @Override
  protected EvidenceCollectorProvider provider() {
    return new DisclosuresCollectorProvider();
  }

  @Override
  protected Map<String, String> settings(MockWebServer server) {
    return Map.of();
  }

  @Override
  protected void serveHappyPath(MockWebServer server) {
    // nothing to serve: the dataset is bundled
  }

  @Override
  protected void verifyHappyPathRequests(List<RecordedRequest> requests) {
    assertThat(requests).as("the disclosures collector never calls the network").isEmpty();
  }
}
