package io.cexsafe.collectors.defillama;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.facts.Fact;
import io.cexsafe.facts.ReserveComposition;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.spi.EvidenceCollectorProvider;
import io.cexsafe.testing.CollectorContractTest;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

class DefiLlamaCollectorContractTest extends CollectorContractTest {
  @Override
  protected EvidenceCollectorProvider provider() {
    return new DefiLlamaCollectorProvider();
  }

  @Override
  protected Map<String, String> settings(MockWebServer server) {
    return Map.of(
        "base-url", server.url("/").toString(),
        "stablecoins-url", server.url("/").toString());
  }

  @Override
  protected void serveHappyPath(MockWebServer server) {
    server.setDispatcher(byPath(DefiLlamaFixtures.cryptoComRoutes()));
  }

  /**
   * Reserves fall back from {@code /cexs} to the {@code /protocol} totals, and the composition
   * leaves the stablecoin shares unknown without {@code /stablecoins}: the same statements from
   * fewer inputs. Whether the exchange is tracked on-chain must not change.
   */
  @Override
  protected boolean sameSubject(Fact fromFaultyRun, Fact happy) {
    if (fromFaultyRun instanceof ReserveSnapshot a && happy instanceof ReserveSnapshot b) {
      return a.trackedOnChain() == b.trackedOnChain();
    }
    if (fromFaultyRun instanceof ReserveComposition && happy instanceof ReserveComposition) {
      return true;
    }
    return fromFaultyRun.equals(happy);
  }

  @Override
  protected void verifyHappyPathRequests(List<RecordedRequest> requests) {
    assertThat(requests)
        .extracting(RecordedRequest::getTarget)
        .containsExactlyInAnyOrder("/cexs", "/protocol/crypto-com", "/stablecoins", "/hacks");
    assertThat(requests)
        .allSatisfy(r -> assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json"));
  }
}
