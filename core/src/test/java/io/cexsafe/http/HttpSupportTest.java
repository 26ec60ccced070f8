package io.cexsafe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.ReasonCode;
import io.cexsafe.Secret;
import io.cexsafe.SourceException;
import io.cexsafe.internal.OkHttpEngine;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSupportTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private HttpSupport http;

  private HttpSupport http(HttpSettings.Builder settings) {
    http = HttpSupport.create(settings.build());
    return http;
  }

  private static HttpSettings.Builder fast() {
    return HttpSettings.builder()
        .maxAttempts(3)
        .backoff(Duration.ofMillis(10), Duration.ofMillis(40))
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofMillis(500))
        .callTimeout(Duration.ofSeconds(5));
  }

  @AfterEach
  void close() {
    if (http != null) {
      http.close();
    }
  }

  private URI url(String path) {
    return server.url(path).uri();
  }

  @Test
  void sendsUserAgentAndReturnsBody() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"ok\":true}").build());
    FetchResponse response = http(fast()).get(url("/data?x=1"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("{\"ok\":true}");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/data?x=1");
    assertThat(request.getHeaders().get("User-Agent")).startsWith("cexsafe/");
    assertThat(request.getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
  }

  @Test
  void decompressesGzip() throws Exception {
    Buffer gzipped = new Buffer();
    try (okio.BufferedSink sink = okio.Okio.buffer(new okio.GzipSink(gzipped))) {
      sink.writeUtf8("hello, compressed world");
    }
    server.enqueue(
        new MockResponse.Builder().setHeader("Content-Encoding", "gzip").body(gzipped).build());
    assertThat(http(fast()).get(url("/gz")).text()).isEqualTo("hello, compressed world");
  }

  @Test
  void honoursRetryAfterMeasuredAtTheServer() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
    server.enqueue(new MockResponse.Builder().body("done").build());
    List<Long> arrivals = new ArrayList<>();
    server.setDispatcher(recordingArrivals(arrivals, server));
    FetchResponse response = http(fast()).get(url("/limited"));
    assertThat(response.text()).isEqualTo("done");
    assertThat(arrivals).hasSize(2);
    long gapMillis = (arrivals.get(1) - arrivals.get(0)) / 1_000_000;
    assertThat(gapMillis)
        .as("the second request waited for Retry-After")
        .isGreaterThanOrEqualTo(950);
  }

  private static Dispatcher recordingArrivals(List<Long> arrivals, MockWebServer server) {
    List<MockResponse> queue =
        new ArrayList<>(
            List.of(
                new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build(),
                new MockResponse.Builder().body("done").build()));
    return new Dispatcher() {
      @Override
      public synchronized MockResponse dispatch(RecordedRequest request) {
        arrivals.add(System.nanoTime());
        return queue.remove(0);
      }
    };
  }

  @Test
  void retryAfterLongerThanWeWaitFailsAsRateLimited() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
    assertThatThrownBy(() -> http(fast().maxRetryAfter(Duration.ofSeconds(5))).get(url("/x")))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ReasonCode.RATE_LIMITED);
              assertThat(e.httpStatus()).isEqualTo(429);
              assertThat(e.getMessage()).contains("Retry-After 3600 s");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorsAreRetriedThenReported() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
    }
    assertThatThrownBy(() -> http(fast()).get(url("/flaky")))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ReasonCode.HTTP_SERVER_ERROR);
              assertThat(e.httpStatus()).isEqualTo(503);
              assertThat(e.getMessage()).contains("after 3 attempts");
            });
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void serverErrorThenSuccessRecovers() throws Exception {
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(new MockResponse.Builder().body("second time lucky").build());
    assertThat(http(fast()).get(url("/x")).text()).isEqualTo("second time lucky");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void clientErrorsAreNotRetried() {
    server.enqueue(new MockResponse.Builder().code(404).body("nope").build());
    assertThatThrownBy(() -> http(fast()).get(url("/missing")))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.HTTP_CLIENT_ERROR));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void acceptedStatusesAreReturned() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).body("{\"error\":\"none\"}").build());
    FetchResponse response =
        http(fast()).fetch(FetchRequest.builder(url("/missing")).accept(404).build());
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.text()).contains("none");
  }

  @Test
  void cdnChallengePageIsReportedAsBlocked() {
    server.enqueue(
        new MockResponse.Builder()
            .code(403)
            .setHeader("Content-Type", "text/html")
            .body("<html><title>Just a moment...</title>Cloudflare</html>")
            .build());
    assertThatThrownBy(() -> http(fast()).get(url("/x")))
        .isInstanceOfSatisfying(
            SourceException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.BLOCKED));
  }

  @Test
  void slowResponsesTimeOut() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(
          new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("late").build());
    }
    long started = System.nanoTime();
    assertThatThrownBy(() -> http(fast().maxAttempts(2)).get(url("/slow")))
        .isInstanceOfSatisfying(
            SourceException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1900));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void slowBodyTimesOut() {
    server.enqueue(
        new MockResponse.Builder().bodyDelay(2, TimeUnit.SECONDS).body("late body").build());
    assertThatThrownBy(() -> http(fast().maxAttempts(1)).get(url("/slow-body")))
        .isInstanceOfSatisfying(
            SourceException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.TIMEOUT));
  }

  @Test
  void bodyLargerThanTheCapIsRefused() {
    server.enqueue(new MockResponse.Builder().body("x".repeat(4096)).build());
    assertThatThrownBy(() -> http(fast().maxBodyBytes(1024)).get(url("/big")))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ReasonCode.BODY_TOO_LARGE);
              assertThat(e.getMessage()).contains("1024");
            });
    assertThat(server.getRequestCount()).as("an oversized body is not retried").isEqualTo(1);
  }

  @Test
  void chunkedBodyLargerThanTheCapIsRefusedWhileReading() {
    server.enqueue(new MockResponse.Builder().chunkedBody("y".repeat(8192), 512).build());
    assertThatThrownBy(() -> http(fast().maxBodyBytes(1000)).get(url("/chunked")))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.BODY_TOO_LARGE));
  }

  @Test
  void streamedBodiesAreCappedToo() {
    server.enqueue(new MockResponse.Builder().chunkedBody("z".repeat(8192), 256).build());
    FetchRequest request = FetchRequest.builder(url("/stream")).maxBodyBytes(2048).build();
    assertThatThrownBy(
            () ->
                http(fast())
                    .fetch(
                        request,
                        (in, head) -> {
                          ByteArrayOutputStream out = new ByteArrayOutputStream();
                          in.transferTo(out);
                          return out.size();
                        }))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.BODY_TOO_LARGE));
  }

  @Test
  void aShortStreamedBodyFreesItsHostSlotBeforeItsReaderRuns() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"first\": true}").build());
    server.enqueue(new MockResponse.Builder().body("second").build());
    HttpSupport client = http(fast().defaultHostPolicy(new HostPolicy(1, 0)));
    // with one slot per host, a second request made while the first body is being read would wait
    // for that reader to finish, and fail when its budget ran out: the first body was taken off
    // the wire already
    String both =
        client.fetch(
            FetchRequest.get(url("/first")),
            (in, head) ->
                new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    + " "
                    + new String(client.get(url("/second")).body(), StandardCharsets.UTF_8));
    assertThat(both).isEqualTo("{\"first\": true} second");
  }

  @Test
  void aLongStreamedBodyIsStreamedWholeAndStillCapped() throws Exception {
    String big = "x".repeat(OkHttpEngine.READ_AHEAD_BYTES * 2 + 17);
    server.enqueue(new MockResponse.Builder().chunkedBody(big, 4096).build());
    long read =
        http(fast().maxBodyBytes(big.length()))
            .fetch(FetchRequest.get(url("/long")), (in, head) -> (long) in.readAllBytes().length);
    assertThat(read).isEqualTo(big.length());

    server.enqueue(new MockResponse.Builder().chunkedBody(big, 4096).build());
    FetchRequest capped =
        FetchRequest.builder(url("/long")).maxBodyBytes(big.length() - 1L).build();
    assertThatThrownBy(() -> http.fetch(capped, (in, head) -> in.readAllBytes().length))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.BODY_TOO_LARGE));
  }

  @Test
  void streamsBodyThroughReader() throws Exception {
    server.enqueue(new MockResponse.Builder().body("line1\nline2\nline3").build());
    long lines =
        http(fast())
            .fetch(
                FetchRequest.get(url("/lines")),
                (in, head) ->
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().count());
    assertThat(lines).isEqualTo(3);
  }

  @Test
  void disconnectIsANetworkErrorAfterRetries() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    }
    assertThatThrownBy(() -> http(fast()).get(url("/gone")))
        .isInstanceOfSatisfying(
            SourceException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.NETWORK_ERROR));
  }

  @Test
  void perHostConcurrencyIsNeverExceeded() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            Thread.sleep(60);
            inFlight.decrementAndGet();
            return new MockResponse.Builder().body("ok").build();
          }
        });
    HttpSupport client = http(fast().defaultHostPolicy(new HostPolicy(3, 0)));
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<FetchResponse>> futures = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return client.get(url("/c/" + n));
                }));
      }
      start.countDown();
      for (Future<FetchResponse> future : futures) {
        assertThat(future.get(20, TimeUnit.SECONDS).text()).isEqualTo("ok");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(maxInFlight.get()).as("in flight at the server").isEqualTo(3);
    assertThat(server.getRequestCount()).isEqualTo(24);
  }

  @Test
  void rateLimitSpacesRequests() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder().body("ok").build();
          }
        });
    HttpSupport client = http(fast().hostPolicy(server.getHostName(), new HostPolicy(8, 5)));
    // eight at once: the limiter hands out permits at 0, 200, ..., 1400 ms and no answer can come
    // before its permit, whatever the network does (arrival times at the server bunch up when
    // connections open slowly on a busy machine, so they are not measured)
    ExecutorService pool = Executors.newFixedThreadPool(8);
    long started = System.nanoTime();
    try {
      List<Future<FetchResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        URI target = url("/r/" + i);
        calls.add(pool.submit(() -> client.get(target)));
      }
      for (Future<FetchResponse> call : calls) {
        assertThat(call.get(20, TimeUnit.SECONDS).text()).isEqualTo("ok");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("at 5 requests/s, the 8th request starts 1.4 s after the first")
        .isGreaterThanOrEqualTo(Duration.ofMillis(1350));
    assertThat(server.getRequestCount()).isEqualTo(8);
  }

  @Test
  void secretHeadersAreSentButNeverShown() throws Exception {
    server.enqueue(new MockResponse.Builder().code(401).body("denied").build());
    Secret key = Secret.of("s3cr3t-api-key");
    FetchRequest request =
        FetchRequest.builder(url("/private?api_key=s3cr3t-api-key"))
            .secretHeader("X-Auth-Key", key)
            .build();
    assertThat(request.toString()).doesNotContain("s3cr3t").contains("api_key=****");
    assertThatThrownBy(() -> http(fast()).fetch(request))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain("s3cr3t");
              assertThat(e.source()).doesNotContain("s3cr3t");
            });
    assertThat(server.takeRequest().getHeaders().get("X-Auth-Key")).isEqualTo("s3cr3t-api-key");
  }

  @Test
  void scopedFetcherStopsAtItsDeadline() {
    server.enqueue(
        new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("late").build());
    HttpSupport client = http(fast().readTimeout(Duration.ofSeconds(10)).maxAttempts(1));
    HttpFetcher scoped = client.scoped(Instant.now().plusMillis(300), Clock.systemUTC());
    long started = System.nanoTime();
    assertThatThrownBy(() -> scoped.get(url("/slow")))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isIn(ReasonCode.TIMEOUT, ReasonCode.DEADLINE_EXCEEDED));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void cancellingAScopeCancelsItsCalls() throws Exception {
    server.enqueue(
        new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("late").build());
    HttpSupport client = http(fast().readTimeout(Duration.ofSeconds(10)).maxAttempts(1));
    HttpSupport.ScopedFetcher scoped =
        client.scoped(Instant.now().plusSeconds(30), Clock.systemUTC());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> call = pool.submit(() -> scoped.get(url("/slow")));
      server.takeRequest(2, TimeUnit.SECONDS);
      scoped.cancel();
      assertThatThrownBy(() -> call.get(3, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SourceException.class)
          .satisfies(
              e ->
                  assertThat(((SourceException) e.getCause()).reason())
                      .isEqualTo(ReasonCode.CANCELLED));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void offlineFetcherRefusesEverything() {
    assertThatThrownBy(() -> HttpSupport.offline().get(URI.create("https://example.com/")))
        .isInstanceOfSatisfying(
            SourceException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.OFFLINE));
  }

  @Test
  void postsBodies() throws Exception {
    server.enqueue(new MockResponse.Builder().body("[]").build());
    http(fast())
        .fetch(FetchRequest.builder(url("/batch")).post("application/json", "{\"a\":1}").build());
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getBody().utf8()).isEqualTo("{\"a\":1}");
  }

  @Test
  void bodyCutOffMidwayIsRetriedThenReported() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .body("{\"data\": [" + "1,".repeat(50_000) + "1]}")
              .onResponseBody(new SocketEffect.CloseSocket())
              .build());
    }
    assertThatThrownBy(() -> http(fast()).get(url("/truncated")))
        .isInstanceOfSatisfying(
            SourceException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.NETWORK_ERROR));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void cacheableResponsesAreServedFromTheCache(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path cacheDir) throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Cache-Control", "max-age=600")
            .body("[1,2,3]")
            .build());
    HttpSupport client = http(fast().cache(cacheDir, 1024 * 1024));
    FetchResponse first = client.get(url("/cexs"));
    FetchResponse second = client.get(url("/cexs"));
    assertThat(first.fromCache()).isFalse();
    assertThat(second.fromCache()).isTrue();
    assertThat(second.text()).isEqualTo("[1,2,3]");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
