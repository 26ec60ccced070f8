package io.cexsafe.store.alert;

import io.cexsafe.Secret;
import io.cexsafe.SettingKey;
import io.cexsafe.SourceException;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.FetchResponse;
import io.cexsafe.http.HttpSettings;
import io.cexsafe.http.HttpSupport;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts alerts to a webhook: one POST per alert whose body is the alert's JSON line ({@link
 * Alert#toJsonLine()}, or what {@link Builder#body} writes; UTF-8, {@code application/json}),
 * signed in the header {@value #SIGNATURE_HEADER} as {@code sha256=} followed by the lower-case hex
 * HMAC-SHA256 of the exact body bytes under the shared secret. A receiver recomputes it over the
 * raw body and compares in constant time ({@code docs/alerts.md} shows how).
 *
 * <p>Delivery goes through core's HTTP support: a network error, 429 or 5xx is retried with
 * exponential backoff and jitter up to the webhook's {@code maxAttempts}, all attempts within its
 * {@code timeout}. The secret is never logged nor put in a message.
 */
public final class WebhookSender implements AutoCloseable {
  /**
   * The signing secret: {@code --set alerts.webhook-secret=…}, the environment variable {@code
   * CEXSAFE_ALERTS_WEBHOOK_SECRET}, a system property or the config file, like every setting.
   */
  public static final SettingKey<Secret> SECRET_SETTING =
      SettingKey.secret("alerts.webhook-secret", "HMAC-SHA256 key that signs webhook alerts");

  /**
   * The settings the alerts declare, with absolute keys: a command line checks its settings against
   * these as it does against the collectors' settings, and lists them under the owner {@code
   * alerts}.
   *
   * @return {@link #SECRET_SETTING}
   */
  public static List<SettingKey<?>> declaredSettings() {
    return List.of(SECRET_SETTING);
  }

  /** The header carrying the body's signature. */
  public static final String SIGNATURE_HEADER = "X-Cexsafe-Signature";

  private final AlertConfig.Webhook webhook;
  private final Secret secret;
  private final HttpSupport http;
  private final Clock clock;
  private final Function<Alert, String> body;

  private WebhookSender(Builder builder) {
    this.webhook = builder.webhook;
    this.secret = builder.secret;
    this.clock = builder.clock;
    this.body = builder.body;
    this.http =
        HttpSupport.create(
            HttpSettings.builder()
                .maxAttempts(webhook.maxAttempts())
                .backoff(builder.initialBackoff, builder.maxBackoff)
                .connectTimeout(webhook.timeout())
                .readTimeout(webhook.timeout())
                .callTimeout(webhook.timeout())
                .maxRetryAfter(webhook.timeout())
                .build());
  }

  /**
   * Starts a sender for {@code webhook} signing with {@code secret}.
   *
   * @param webhook where to post
   * @param secret the signing secret; not blank
   * @return a builder
   */
  public static Builder builder(AlertConfig.Webhook webhook, Secret secret) {
    return new Builder(webhook, secret);
  }

  /**
   * The signature header's value for a body: {@code sha256=} and the hex HMAC-SHA256.
   *
   * @param secret the shared secret
   * @param body the exact bytes posted
   * @return e.g. {@code sha256=5d2f…}
   */
  public static String signature(Secret secret, byte[] body) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(body, "body");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
    }
  }

  /**
   * Posts one alert, retrying as configured; never throws for a failed delivery.
   *
   * @param alert the alert
   * @return whether it was delivered, and why not
   */
  public WebhookDelivery deliver(Alert alert) {
    byte[] body = this.body.apply(alert).getBytes(StandardCharsets.UTF_8);
    FetchRequest request =
        FetchRequest.builder(webhook.url())
            .post("application/json", body)
            .header(SIGNATURE_HEADER, signature(secret, body))
            .displayAs(webhook.url().getScheme() + "://" + webhook.url().getAuthority() + "/…")
            .build();
    try {
      FetchResponse response =
          http.scoped(clock.instant().plus(webhook.timeout()), clock).fetch(request);
      return new WebhookDelivery(alert, true, response.status(), null);
    } catch (SourceException e) {
      return new WebhookDelivery(
          alert,
          false,
          e.httpStatus(),
          "webhook "
              + request.displayUri()
              + " failed ("
              + e.reason().id()
              + "): "
              + e.getMessage());
    }
  }

  @Override
  public void close() {
    http.close();
  }

  /** Builder for {@link WebhookSender}. */
  public static final class Builder {
    private final AlertConfig.Webhook webhook;
    private final Secret secret;
    private Clock clock = Clock.systemUTC();
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private Function<Alert, String> body = Alert::toJsonLine;

    private Builder(AlertConfig.Webhook webhook, Secret secret) {
      this.webhook = Objects.requireNonNull(webhook, "webhook");
      this.secret = Objects.requireNonNull(secret, "secret");
      if (secret.reveal().isBlank()) {
        throw new IllegalArgumentException("the webhook secret must not be blank");
      }
    }

    /**
     * The clock that sets each delivery's deadline.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The delay before the first retry and the longest between retries (defaults 500 ms, 5 s).
     *
     * @param initial the first delay
     * @param max the longest delay
     * @return this builder
     */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = Objects.requireNonNull(initial, "initial");
      this.maxBackoff = Objects.requireNonNull(max, "max");
      return this;
    }

    /**
     * How an alert is written in the body of its POST (default {@link Alert#toJsonLine()}), e.g.
     * the very line a command prints for it, so that a receiver reads what stdout shows.
     *
     * @param body writes one alert as the UTF-8 text to post and sign
     * @return this builder
     */
    public Builder body(Function<Alert, String> body) {
      this.body = Objects.requireNonNull(body, "body");
      return this;
    }

    /**
     * Builds the sender.
     *
     * @return the sender; close it when done
     */
    public WebhookSender build() {
      return new WebhookSender(this);
    }
  }
}
