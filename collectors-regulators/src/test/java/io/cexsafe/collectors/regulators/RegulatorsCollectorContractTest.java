package io.cexsafe.collectors.regulators;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.spi.EvidenceCollectorProvider;
import io.cexsafe.testing.CollectorContractTest;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

class RegulatorsCollectorContractTest extends CollectorContractTest {
  @Override
  protected EvidenceCollectorProvider provider() {
    return new RegulatorsCollectorProvider();
  }

  @Override
  protected Map<String, String> settings(MockWebServer server) {
    return RegulatorsTestSupport.settings(server);
  }

  @Override
  protected void serveHappyPath(MockWebServer server) {
    server.setDispatcher(RegulatorsTestSupport.dispatcher(RegulatorsTestSupport.happyRoutes()));
  }

  @Override
  protected void verifyHappyPathRequests(List<RecordedRequest> requests) {
    assertThat(requests).extracting(RecordedRequest::getTarget).doesNotHaveDuplicates();
    for (RecordedRequest request : requests) {
      if (request.getTarget().startsWith("/fca/")) {
        assertThat(request.getHeaders().get("X-Auth-Key")).isEqualTo(RegulatorsTestSupport.FCA_KEY);
        assertThat(request.getHeaders().get("X-Auth-Email"))
            .isEqualTo(RegulatorsTestSupport.FCA_EMAIL);
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
      }
      if (request.getTarget().startsWith("/fincen/")) {
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getBody().utf8()).isEqualTo("site=AA");
      } else {
        assertThat(request.getMethod()).isEqualTo("GET");
      }
    }
    assertThat(requests)
        .extracting(RecordedRequest::getTarget)
        .contains(
            "/esma/CASPS.csv",
            "/esma/NCASP.csv",
            "/fintrac/reg-eng.csv",
            RegulatorsTestSupport.VARA_PAGE);
  }
}
