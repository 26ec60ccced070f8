package io.cexsafe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.http.HttpSettings;
import io.cexsafe.http.HttpSupport;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client built in the background is taken once, with the taker's settings applied on it. */
class PreparedHttpClientTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @AfterEach
  void nothingLeftPrepared() {
    PreparedHttpClient.take();
  }

  private static HttpSettings settings(Duration readTimeout) {
    return HttpSettings.builder()
        .maxAttempts(1)
        .readTimeout(readTimeout)
        .callTimeout(Duration.ofSeconds(10))
        .build();
  }

  @Test
  void onePreparedClientIsTakenOnceAndAnotherPreparedOnlyAfterThat() {
    assertThat(PreparedHttpClient.take()).as("nothing prepared yet").isNull();
    assertThat(PreparedHttpClient.prepareInBackground()).isTrue();
    assertThat(PreparedHttpClient.prepareInBackground()).as("one is waiting already").isFalse();
    OkHttpClient prepared = PreparedHttpClient.take();
    assertThat(prepared).isNotNull();
    assertThat(prepared.sslSocketFactory()).isNotNull();
    assertThat(PreparedHttpClient.take()).as("taken once").isNull();
    assertThat(PreparedHttpClient.prepareInBackground()).isTrue();
    assertThat(PreparedHttpClient.take()).isNotNull().isNotSameAs(prepared);
  }

  @Test
  void theFirstClientBuiltTakesItAndAppliesItsOwnSettings() throws Exception {
    CountDownLatch built = new CountDownLatch(1);
    OkHttpClient[] made = new OkHttpClient[1];
    PreparedHttpClient.prepareInBackground(
        () -> {
          made[0] = new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(7)).build();
          built.countDown();
          return made[0];
        });
    assertThat(built.await(30, TimeUnit.SECONDS)).isTrue();
    server.enqueue(new MockResponse.Builder().body("ok").build());
    // the answer's body comes late: only the taker's 200 ms read timeout, not the prepared
    // client's 7 minutes, makes this fail in time
    server.enqueue(new MockResponse.Builder().body("late").bodyDelay(2, TimeUnit.SECONDS).build());
    try (HttpSupport http = HttpSupport.create(settings(Duration.ofMillis(200)))) {
      assertThat(http.get(server.url("/first").uri()).text()).isEqualTo("ok");
      assertThat(PreparedHttpClient.take()).as("the client took it").isNull();
      long started = System.nanoTime();
      assertThatThrownBy(() -> http.get(server.url("/slow").uri()))
          .isInstanceOfSatisfying(
              SourceException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.TIMEOUT));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
    assertThat(made[0].dispatcher().executorService().isShutdown())
        .as("the taker owns the prepared client's dispatcher and closes it")
        .isTrue();
  }

  @Test
  void aFailedPreparationLeavesClientsToBuildTheirOwn() throws Exception {
    PreparedHttpClient.prepareInBackground(
        () -> {
          throw new IllegalStateException("no trust store");
        });
    server.enqueue(new MockResponse.Builder().body("ok").build());
    try (HttpSupport http = HttpSupport.create(settings(Duration.ofSeconds(5)))) {
      assertThat(http.get(server.url("/").uri()).text()).isEqualTo("ok");
    }
    assertThat(PreparedHttpClient.take()).isNull();
  }
}
