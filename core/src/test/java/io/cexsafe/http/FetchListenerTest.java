package io.cexsafe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class FetchListenerTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private final List<FetchObservation> heard = new CopyOnWriteArrayList<>();

  private HttpSupport http() {
    return HttpSupport.create(
        HttpSettings.builder()
            .maxAttempts(1)
            .readTimeout(Duration.ofSeconds(2))
            .callTimeout(Duration.ofSeconds(5))
            .build(),
        heard::add);
  }

  @Test
  void aBufferedFetchIsHeardWithItsHostStatusBytesAndTime() throws Exception {
    server.enqueue(new MockResponse.Builder().body("x".repeat(1234)).build());
    try (HttpSupport http = http()) {
      http.get(server.url("/a").uri());
    }
    assertThat(heard).hasSize(1);
    assertThat(heard.get(0).status()).isEqualTo(200);
    assertThat(heard.get(0).bytes()).isEqualTo(1234);
    assertThat(heard.get(0).failure()).isNull();
    assertThat(heard.get(0).elapsed()).isPositive();
  }

  @Test
  void aStreamedFetchCountsTheBytesTheReaderConsumed() throws Exception {
    server.enqueue(new MockResponse.Builder().body("y".repeat(5000)).build());
    try (HttpSupport http = http()) {
      int read =
          http.fetch(
              FetchRequest.get(server.url("/b").uri()), (body, head) -> body.readAllBytes().length);
      assertThat(read).isEqualTo(5000);
    }
    assertThat(heard).singleElement().satisfies(o -> assertThat(o.bytes()).isEqualTo(5000));
  }

  @Test
  void aFailedFetchIsHeardWithItsReasonAndStatus() {
    server.enqueue(new MockResponse.Builder().code(500).body("no").build());
    try (HttpSupport http = http()) {
      assertThatThrownBy(() -> http.get(server.url("/c").uri()))
          .isInstanceOf(SourceException.class);
    }
    assertThat(heard)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.failure()).isEqualTo(ReasonCode.HTTP_SERVER_ERROR);
              assertThat(o.status()).isEqualTo(500);
              assertThat(o.failed()).isTrue();
            });
  }

  @Test
  void aListenerThatThrowsDoesNotFailTheFetch() throws Exception {
    server.enqueue(new MockResponse.Builder().body("fine").build());
    try (HttpSupport http =
        HttpSupport.create(
            HttpSettings.builder().maxAttempts(1).build(),
            observation -> {
              throw new IllegalStateException("broken metrics");
            })) {
      assertThat(http.get(server.url("/d").uri()).text()).isEqualTo("fine");
    }
  }

  @Test
  void observationsRefuseNegativeValues() {
    assertThatThrownBy(() -> new FetchObservation("h", -1, null, 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FetchObservation("h", 200, null, -5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FetchObservation("h", 200, null, 0, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
