package io.cexsafe.store.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Secret;
import io.cexsafe.store.TestSnapshots;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {
  private static final String SECRET = "correct horse battery staple";

  @StartStop final MockWebServer server = new MockWebServer();

  private final Alert alert =
      new AlertRule.NetOutflow("outflow", 5, 24)
          .evaluate(
              List.of(
                  TestSnapshots.at("2026-12-01T00:00:00Z")
                      .netFlow(24, -900, -0.09)
                      .snapshot("run-1")))
          .get(0);

  private WebhookSender sender(int attempts, Duration timeout) {
    return WebhookSender.builder(
            new AlertConfig.Webhook(server.url("/hook").uri(), timeout, attempts),
            Secret.of(SECRET))
        .backoff(Duration.ofMillis(10), Duration.ofMillis(20))
        .build();
  }

  /** What a receiver does: recompute the HMAC over the raw body and compare in constant time. */
  private static boolean verify(RecordedRequest request) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected =
        ("sha256=" + HexFormat.of().formatHex(mac.doFinal(request.getBody().toByteArray())))
            .getBytes(StandardCharsets.UTF_8);
    String header = request.getHeaders().get(WebhookSender.SIGNATURE_HEADER);
    return header != null
        && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void postsTheAlertLineSignedWithHmacSha256() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (WebhookSender sender = sender(3, Duration.ofSeconds(30))) {
      WebhookDelivery delivery = sender.deliver(alert);
      assertThat(delivery.delivered()).isTrue();
      assertThat(delivery.httpStatus()).isEqualTo(204);
    }
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/hook");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getBody().utf8()).isEqualTo(alert.toJsonLine());
    assertThat(verify(request)).isTrue();
    assertThat(request.getHeaders().toString()).doesNotContain(SECRET);
  }

  @Test
  void aBodyOfTheCallersIsPostedAndSignedAsItIs() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    String line = "{\"kind\":\"alert\",\"rule\":\"" + alert.rule() + "\"}";
    try (WebhookSender sender =
        WebhookSender.builder(
                new AlertConfig.Webhook(server.url("/hook").uri(), Duration.ofSeconds(30), 1),
                Secret.of(SECRET))
            .body(a -> line)
            .build()) {
      assertThat(sender.deliver(alert).delivered()).isTrue();
    }
    RecordedRequest request = server.takeRequest();
    assertThat(request.getBody().utf8()).isEqualTo(line);
    assertThat(verify(request)).isTrue();
  }

  @Test
  void theSecretIsTheOneDeclaredSettingAndIsSecret() {
    assertThat(WebhookSender.declaredSettings()).containsExactly(WebhookSender.SECRET_SETTING);
    assertThat(WebhookSender.SECRET_SETTING.key()).isEqualTo("alerts.webhook-secret");
    assertThat(WebhookSender.SECRET_SETTING.secret()).isTrue();
  }

  @Test
  void aSignatureMadeWithAnotherSecretDoesNotVerify() {
    byte[] body = alert.toJsonLine().getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookSender.signature(Secret.of("other"), body))
        .isNotEqualTo(WebhookSender.signature(Secret.of(SECRET), body))
        .matches("sha256=[0-9a-f]{64}");
  }

  @Test
  void retriesAServerErrorThenDelivers() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    try (WebhookSender sender = sender(3, Duration.ofSeconds(30))) {
      assertThat(sender.deliver(alert).delivered()).isTrue();
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(verify(server.takeRequest())).isTrue();
    }
  }

  @Test
  void givesUpAfterItsAttemptsWithAProblemThatHidesTheSecret() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(500).build());
    }
    try (WebhookSender sender = sender(2, Duration.ofSeconds(30))) {
      WebhookDelivery delivery = sender.deliver(alert);
      assertThat(delivery.delivered()).isFalse();
      assertThat(delivery.httpStatus()).isEqualTo(500);
      assertThat(delivery.problem()).startsWith("webhook http://").doesNotContain(SECRET);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aClientErrorIsNotRetried() {
    server.enqueue(new MockResponse.Builder().code(401).build());
    try (WebhookSender sender = sender(3, Duration.ofSeconds(30))) {
      WebhookDelivery delivery = sender.deliver(alert);
      assertThat(delivery.delivered()).isFalse();
      assertThat(delivery.httpStatus()).isEqualTo(401);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aSlowWebhookTimesOut() {
    server.enqueue(new MockResponse.Builder().headersDelay(10, TimeUnit.SECONDS).code(200).build());
    long start = System.nanoTime();
    try (WebhookSender sender = sender(1, Duration.ofMillis(500))) {
      WebhookDelivery delivery = sender.deliver(alert);
      assertThat(delivery.delivered()).isFalse();
      assertThat(delivery.httpStatus()).isNull();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void anUnreachableWebhookFails() throws Exception {
    var url = server.url("/hook").uri();
    server.close();
    try (WebhookSender sender =
        WebhookSender.builder(
                new AlertConfig.Webhook(url, Duration.ofSeconds(2), 2), Secret.of(SECRET))
            .backoff(Duration.ofMillis(10), Duration.ofMillis(20))
            .build()) {
      WebhookDelivery delivery = sender.deliver(alert);
      assertThat(delivery.delivered()).isFalse();
      assertThat(delivery.problem()).contains("webhook");
    }
  }
}
