package io.cexsafe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.Assessor;
import io.cexsafe.Exchange;
import io.cexsafe.Pillar;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client (OkHttp, TLS, disk cache) is built on the first request and only then. */
class HttpSupportLazyStartTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path temp;

  private HttpSettings settings() {
    return HttpSettings.builder()
        .maxAttempts(1)
        .callTimeout(Duration.ofSeconds(5))
        .cache(temp.resolve("cache"), 1024 * 1024)
        .build();
  }

  @Test
  void creatingClosingAndScopingBuildNoClient() {
    HttpSettings settings = settings();
    HttpSupport http = HttpSupport.create(settings);
    assertThat(http.settings()).isSameAs(settings);
    http.scoped(Instant.now().plusSeconds(60), Clock.systemUTC()).cancel();
    http.close();
    assertThat(http.started()).isFalse();
    assertThat(temp.resolve("cache"))
        .as("no cache opened for a run that fetched nothing")
        .doesNotExist();
  }

  @Test
  void theFirstRequestBuildsTheClient() throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    try (HttpSupport http = HttpSupport.create(settings())) {
      assertThat(http.started()).isFalse();
      FetchResponse response =
          http.scoped(Instant.now().plusSeconds(60), Clock.systemUTC())
              .get(server.url("/first").uri());
      assertThat(response.text()).isEqualTo("ok");
      assertThat(http.started()).isTrue();
      assertThat(temp.resolve("cache/slot-0")).isDirectory();
    }
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/first");
  }

  @Test
  void concurrentFirstRequestsShareOneClient() throws Exception {
    int threads = 8;
    for (int i = 0; i < threads; i++) {
      server.enqueue(new MockResponse.Builder().body("ok").build());
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (HttpSupport http = HttpSupport.create(settings())) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> bodies = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String path = "/concurrent-" + i;
        bodies.add(
            pool.submit(
                () -> {
                  start.await();
                  return http.get(server.url(path).uri()).text();
                }));
      }
      start.countDown();
      for (Future<String> body : bodies) {
        assertThat(body.get()).isEqualTo("ok");
      }
      // a second engine would have taken a second cache slot
      try (Stream<Path> slots = Files.list(temp.resolve("cache"))) {
        assertThat(slots.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")))
            .containsExactly("slot-0");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClosedClientRefusesRequestsAndBuildsNothing() {
    HttpSupport http = HttpSupport.create(settings());
    http.close();
    assertThatThrownBy(() -> http.get(server.url("/late").uri()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this HttpSupport is closed");
    assertThatThrownBy(
            () ->
                http.scoped(Instant.now().plusSeconds(60), Clock.systemUTC())
                    .get(server.url("/late").uri()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(http.started()).isFalse();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aFailedFirstRequestStillLeavesAWorkingClient() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).build());
    server.enqueue(new MockResponse.Builder().body("second").build());
    try (HttpSupport http = HttpSupport.create(settings())) {
      assertThatThrownBy(() -> http.get(server.url("/missing").uri()))
          .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.reason()).isNotNull());
      assertThat(http.get(server.url("/present").uri()).text()).isEqualTo("second");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void anAssessmentWhoseCollectorsFetchNothingBuildsNoClient(boolean offline) {
    EvidenceCollector local =
        new EvidenceCollector() {
          @Override
          public String id() {
            return "local";
          }

          @Override
          public Set<Pillar> pillars() {
            return Set.of(Pillar.SUPPORT);
          }

          @Override
          public boolean requiresNetwork() {
            return false;
          }

          @Override
          public CollectionResult collect(Exchange exchange, CollectorContext context) {
            return CollectionResult.skipped(ReasonCode.NOT_LISTED, "nothing here");
          }
        };
    try (HttpSupport http = HttpSupport.create(settings());
        Assessor assessor =
            Assessor.builder().collector(local).offline(offline).http(http).build()) {
      assertThat(assessor.assess("kraken").outcomes()).hasSize(1);
      assertThat(http.started()).isFalse();
    }
    assertThat(temp.resolve("cache")).doesNotExist();
  }

  @Test
  void anAssessmentWithANetworkCollectorBuildsTheClientBeforeAnyDeadlineStarts() {
    EvidenceCollector network =
        new EvidenceCollector() {
          @Override
          public String id() {
            return "network";
          }

          @Override
          public Set<Pillar> pillars() {
            return Set.of(Pillar.SUPPORT);
          }

          @Override
          public CollectionResult collect(Exchange exchange, CollectorContext context) {
            return CollectionResult.skipped(ReasonCode.NOT_LISTED, "nothing here");
          }
        };
    try (HttpSupport http = HttpSupport.create(settings());
        Assessor assessor = Assessor.builder().collector(network).http(http).build()) {
      assertThat(http.started()).as("built with the assessor").isTrue();
    }
    try (HttpSupport http = HttpSupport.create(settings());
        Assessor assessor =
            Assessor.builder().collector(network).offline(true).http(http).build()) {
      assertThat(http.started()).as("offline: never built").isFalse();
    }
  }
}
