package io.cexsafe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cexsafe.ReasonCode;
import io.cexsafe.Secret;
import io.cexsafe.SourceException;
import java.net.URI;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A credential never leaves the origin it was configured for, whatever the source redirects to. */
class CredentialRedirectTest {
  private static final String KEY = "k3y-Sup3r+S3cret/value";
  private static final String EMAIL = "analyst@example.org";

  @StartStop final MockWebServer source = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();

  private final HttpSupport http =
      HttpSupport.create(
          HttpSettings.builder()
              .maxAttempts(3)
              .backoff(Duration.ofMillis(5), Duration.ofMillis(10))
              .readTimeout(Duration.ofSeconds(2))
              .build());

  @AfterEach
  void close() {
    http.close();
  }

  private void redirect(int status, MockWebServer to, String path) {
    source.enqueue(
        new MockResponse.Builder()
            .code(status)
            .setHeader("Location", to.url(path).toString())
            .build());
  }

  private static void assertRefused(SourceException e, int status) {
    assertThat(e.reason()).isEqualTo(ReasonCode.REDIRECT_REFUSED);
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.getMessage()).contains("not followed").doesNotContain(KEY).doesNotContain(EMAIL);
    assertThat(e.source()).doesNotContain(KEY);
  }

  @Test
  void keyedHeadersAreNeverSentToAnotherHost() throws Exception {
    redirect(302, elsewhere, "/steal");
    FetchRequest request =
        FetchRequest.builder(source.url("/register/Firm/123").uri())
            .secretHeader("X-Auth-Email", Secret.of(EMAIL))
            .secretHeader("X-Auth-Key", Secret.of(KEY))
            .build();
    assertThatThrownBy(() -> http.fetch(request))
        .isInstanceOfSatisfying(SourceException.class, e -> assertRefused(e, 302));
    assertThat(elsewhere.getRequestCount()).as("nothing at all reaches the other host").isZero();
    assertThat(source.getRequestCount()).as("a refusal is not retried").isEqualTo(1);
    RecordedRequest sent = source.takeRequest();
    assertThat(sent.getHeaders().get("X-Auth-Key")).isEqualTo(KEY);
  }

  @Test
  void keyedHeaderIsRefusedForEveryRedirectStatusAndStreamedReads() {
    for (int status : new int[] {301, 303, 307, 308}) {
      redirect(status, elsewhere, "/steal");
      FetchRequest request =
          FetchRequest.builder(source.url("/reviews").uri())
              .secretHeader("apikey", Secret.of(KEY))
              .build();
      assertThatThrownBy(() -> http.fetch(request, (body, head) -> body.readAllBytes()))
          .isInstanceOfSatisfying(SourceException.class, e -> assertRefused(e, status));
    }
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void keyInThePathIsNeverSentToAnotherHostNorShown() {
    redirect(302, elsewhere, "/steal");
    String encoded = KEY.replace("+", "%2B").replace("/", "%2F");
    FetchRequest request =
        FetchRequest.builder(source.url("/" + encoded + "/api/cexs").uri())
            .credential(Secret.of(KEY))
            .build();
    assertThat(request.isKeyed()).isTrue();
    assertThat(request.toString()).doesNotContain(encoded).contains("/****/api/cexs");
    assertThatThrownBy(() -> http.fetch(request))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertRefused(e, 302);
              assertThat(e.getMessage()).doesNotContain(encoded);
              assertThat(e.source()).doesNotContain(encoded);
            });
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void keyInTheQueryIsNeverSentToAnotherHost() {
    redirect(307, elsewhere, "/steal");
    FetchRequest request =
        FetchRequest.builder(source.url("/data?x=1").uri())
            .secretQuery("key", Secret.of(KEY))
            .build();
    assertThat(request.uri().getRawQuery()).startsWith("x=1&key=");
    assertThat(request.toString()).doesNotContain("Sup3r").endsWith("key=****");
    assertThatThrownBy(() -> http.fetch(request))
        .isInstanceOfSatisfying(SourceException.class, e -> assertRefused(e, 307));
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void keyedRequestFollowsRedirectsOnItsOwnOriginWithItsCredential() throws Exception {
    redirect(301, source, "/moved");
    source.enqueue(new MockResponse.Builder().body("here").build());
    FetchRequest request =
        FetchRequest.builder(source.url("/old").uri())
            .secretHeader("X-Auth-Key", Secret.of(KEY))
            .build();
    FetchResponse response = http.fetch(request);
    assertThat(response.text()).isEqualTo("here");
    assertThat(response.uri().getPath()).isEqualTo("/moved");
    source.takeRequest();
    RecordedRequest followed = source.takeRequest();
    assertThat(followed.getTarget()).isEqualTo("/moved");
    assertThat(followed.getHeaders().get("X-Auth-Key")).isEqualTo(KEY);
  }

  @Test
  void answeringUrlOfAPathKeyedRequestIsMasked() throws Exception {
    source.enqueue(new MockResponse.Builder().body("{}").build());
    FetchRequest request =
        FetchRequest.builder(source.url("/abc123key/api/hacks").uri())
            .credential(Secret.of("abc123key"))
            .build();
    FetchResponse response = http.fetch(request);
    assertThat(response.uri().toString()).endsWith("/****/api/hacks").doesNotContain("abc123key");
    assertThat(source.takeRequest().getTarget()).isEqualTo("/abc123key/api/hacks");
  }

  @Test
  void unkeyedRequestFollowsToAnotherHostWithoutCredentialLikeHeaders() throws Exception {
    redirect(302, elsewhere, "/mirror");
    elsewhere.enqueue(new MockResponse.Builder().body("mirrored").build());
    FetchRequest request =
        FetchRequest.builder(source.url("/page").uri())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer not-for-elsewhere")
            .header("Cookie", "session=not-for-elsewhere")
            .build();
    FetchResponse response = http.fetch(request);
    assertThat(response.text()).isEqualTo("mirrored");
    assertThat(response.uri().getPort()).isEqualTo(elsewhere.getPort());
    RecordedRequest arrived = elsewhere.takeRequest();
    assertThat(arrived.getHeaders().get("Authorization")).isNull();
    assertThat(arrived.getHeaders().get("Cookie")).isNull();
    assertThat(arrived.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(source.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer not-for-elsewhere");
  }

  @Test
  void postRedirectedWith303BecomesAGetWithoutBody() throws Exception {
    redirect(303, source, "/result");
    source.enqueue(new MockResponse.Builder().body("ok").build());
    http.fetch(FetchRequest.builder(source.url("/search").uri()).post("text/plain", "q").build());
    assertThat(source.takeRequest().getMethod()).isEqualTo("POST");
    RecordedRequest followed = source.takeRequest();
    assertThat(followed.getMethod()).isEqualTo("GET");
    assertThat(followed.getBodySize()).isZero();
  }

  @Test
  void redirectLoopFailsWithoutRetrying() {
    for (int i = 0; i < 40; i++) {
      redirect(302, source, "/loop");
    }
    assertThatThrownBy(() -> http.get(source.url("/loop").uri()))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ReasonCode.NETWORK_ERROR);
              assertThat(e.getMessage()).contains("more than 20 redirects");
            });
    assertThat(source.getRequestCount()).isEqualTo(21);
  }

  @Test
  void credentialThatIsNotInTheUrlIsABug() {
    FetchRequest.Builder builder =
        FetchRequest.builder(URI.create("https://pro-api.example/api/cexs"))
            .credential(Secret.of("absent"));
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not contain its credential")
        .hasMessageNotContaining("absent");
  }

  @Test
  void redactMasksEveryFormOfEveryCredential() {
    FetchRequest request =
        FetchRequest.builder(URI.create("https://h.example/a%2Fb/x"))
            .credential(Secret.of("a/b"))
            .secretHeader("X-Auth-Key", Secret.of("hdr-secret"))
            .build();
    assertThat(request.redact("at https://h.example/a%2Fb/x with a/b and hdr-secret"))
        .isEqualTo("at https://h.example/****/x with **** and ****");
    assertThat(request.redact(null)).isNull();
    assertThat(FetchRequest.get(URI.create("https://h.example/")).isKeyed()).isFalse();
  }

  @Test
  void noLogLineShowsTheKey() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    root.addAppender(lines);
    root.setLevel(Level.TRACE);
    try {
      redirect(302, source, "/KEYPATHSECRET/api/next");
      source.enqueue(new MockResponse.Builder().code(500).build());
      source.enqueue(new MockResponse.Builder().code(500).build());
      source.enqueue(new MockResponse.Builder().code(500).build());
      FetchRequest request =
          FetchRequest.builder(source.url("/KEYPATHSECRET/api/first").uri())
              .credential(Secret.of("KEYPATHSECRET"))
              .build();
      assertThatThrownBy(() -> http.fetch(request)).isInstanceOf(SourceException.class);
    } finally {
      root.detachAppender(lines);
      root.setLevel(before);
    }
    assertThat(lines.list).isNotEmpty();
    assertThat(lines.list)
        .allSatisfy(
            event -> {
              assertThat(event.getFormattedMessage()).doesNotContain("KEYPATHSECRET");
              if (event.getThrowableProxy() != null) {
                assertThat(event.getThrowableProxy().getMessage()).doesNotContain("KEYPATHSECRET");
              }
            });
  }
}
