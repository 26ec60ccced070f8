package io.cexsafe.collectors.defillama;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Exchange;
import io.cexsafe.Secret;
import io.cexsafe.testing.GeneratedCatalog;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefiLlamaPlannedRequestsTest {
  private static final List<Exchange> RUN = GeneratedCatalog.of(120).all();

  @Test
  void sharedListsOnceAndOneProtocolPerSluggedExchange() {
    List<Exchange> withUntracked = new ArrayList<>(RUN);
    withUntracked.add(Exchange.of("untracked", "Untracked"));

    assertThat(DefiLlamaCollector.create().plannedRequests(withUntracked))
        .contains(Map.of("api.llama.fi", 2 + 120, "stablecoins.llama.fi", 1));
  }

  @Test
  void switchedOffPartsAndUntrackedRunsAskLess() {
    DefiLlamaCollector listsOnly =
        DefiLlamaCollector.create(
            DefiLlamaSettings.builder().protocolEnabled(false).hacksEnabled(false).build());
    assertThat(listsOnly.plannedRequests(RUN)).contains(Map.of("api.llama.fi", 1));
    assertThat(
            DefiLlamaCollector.create()
                .plannedRequests(List.of(Exchange.of("untracked", "Untracked"))))
        .contains(Map.of("api.llama.fi", 2));
  }

  @Test
  void anApiKeyMovesTheCallsToTheProHost() {
    DefiLlamaCollector pro =
        DefiLlamaCollector.create(
            DefiLlamaSettings.builder()
                .apiKey(Secret.of("k"))
                .proBaseUrl(URI.create("https://pro-api.llama.fi"))
                .build());
    assertThat(pro.plannedRequests(RUN).orElseThrow()).containsEntry("pro-api.llama.fi", 122);
  }
}
