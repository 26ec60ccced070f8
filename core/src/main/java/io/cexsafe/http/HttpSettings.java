package io.cexsafe.http;

import io.cexsafe.Config;
import io.cexsafe.ConfigurationException;
import io.cexsafe.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How cexsafe talks HTTP. Every knob has a sensible default; {@link #fromConfig(Config)} reads the
 * {@code http.*} settings.
 */
public final class HttpSettings {
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final long maxBodyBytes;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final String userAgent;
  private final HostPolicy defaultHostPolicy;
  private final Map<String, HostPolicy> hostPolicies;
  private final Path cacheDirectory;
  private final long cacheMaxBytes;

  private HttpSettings(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.callTimeout = b.callTimeout;
    this.maxBodyBytes = b.maxBodyBytes;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.userAgent = b.userAgent;
    this.defaultHostPolicy = b.defaultHostPolicy;
    this.hostPolicies = Map.copyOf(b.hostPolicies);
    this.cacheDirectory = b.cacheDirectory;
    this.cacheMaxBytes = b.cacheMaxBytes;
  }

  public static HttpSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads {@code http.connect-timeout}, {@code http.read-timeout}, {@code http.call-timeout},
   * {@code http.max-body-bytes}, {@code http.max-attempts}, {@code http.initial-backoff}, {@code
   * http.max-backoff}, {@code http.max-retry-after}, {@code http.user-agent}, {@code
   * http.max-concurrency-per-host}, {@code http.requests-per-second-per-host}, {@code
   * http.cache.dir}, {@code http.cache.max-bytes} and per host {@code
   * http.hosts.<host-with-dashes>.max-concurrency} / {@code .requests-per-second}.
   */
  public static HttpSettings fromConfig(Config config) {
    Config http = config.scoped("http");
    HttpSettings d = defaults();
    Builder b =
        builder()
            .connectTimeout(http.getDuration("connect-timeout", d.connectTimeout))
            .readTimeout(http.getDuration("read-timeout", d.readTimeout))
            .callTimeout(http.getDuration("call-timeout", d.callTimeout))
            .maxBodyBytes(http.getLong("max-body-bytes", d.maxBodyBytes))
            .maxAttempts(http.getInt("max-attempts", d.maxAttempts))
            .backoff(
                http.getDuration("initial-backoff", d.initialBackoff),
                http.getDuration("max-backoff", d.maxBackoff))
            .maxRetryAfter(http.getDuration("max-retry-after", d.maxRetryAfter))
            .userAgent(http.get("user-agent", d.userAgent))
            .defaultHostPolicy(
                new HostPolicy(
                    http.getInt("max-concurrency-per-host", d.defaultHostPolicy.maxConcurrency()),
                    http.getDouble(
                        "requests-per-second-per-host", d.defaultHostPolicy.permitsPerSecond())));
    http.get("cache.dir")
        .ifPresent(dir -> b.cache(Path.of(dir), http.getLong("cache.max-bytes", d.cacheMaxBytes)));
    for (String key : http.describe().keySet()) {
      if (key.startsWith("hosts.") && key.endsWith(".max-concurrency")) {
        String hostKey =
            key.substring("hosts.".length(), key.length() - ".max-concurrency".length());
        Config host = http.scoped("hosts." + hostKey);
        b.hostPolicy(
            hostKey.replace('-', '.'),
            new HostPolicy(
                host.getInt("max-concurrency", d.defaultHostPolicy.maxConcurrency()),
                host.getDouble("requests-per-second", 0)));
      }
    }
    return b.build();
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public Duration callTimeout() {
    return callTimeout;
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  public String userAgent() {
    return userAgent;
  }

  public HostPolicy defaultHostPolicy() {
    return defaultHostPolicy;
  }

  public Map<String, HostPolicy> hostPolicies() {
    return hostPolicies;
  }

  /** The limits for {@code host}: its own policy if configured, else the default. */
  public HostPolicy policyFor(String host) {
    return hostPolicies.getOrDefault(host.toLowerCase(Locale.ROOT), defaultHostPolicy);
  }

  /** Response-cache directory, or null when caching is off. */
  public Path cacheDirectory() {
    return cacheDirectory;
  }

  public long cacheMaxBytes() {
    return cacheMaxBytes;
  }

  public Builder toBuilder() {
    Builder b =
        builder()
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .callTimeout(callTimeout)
            .maxBodyBytes(maxBodyBytes)
            .maxAttempts(maxAttempts)
            .backoff(initialBackoff, maxBackoff)
            .maxRetryAfter(maxRetryAfter)
            .userAgent(userAgent)
            .defaultHostPolicy(defaultHostPolicy);
    hostPolicies.forEach(b::hostPolicy);
    if (cacheDirectory != null) {
      b.cache(cacheDirectory, cacheMaxBytes);
    }
    return b;
  }

  /** Builder for {@link HttpSettings}; validation names the bad value. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(120);
    private long maxBodyBytes = 64L * 1024 * 1024;
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private String userAgent =
        "cexsafe/" + Version.current() + " (+https://github.com/cexsafe/cexsafe)";
    private HostPolicy defaultHostPolicy = new HostPolicy(4, 0);
    private final Map<String, HostPolicy> hostPolicies = new TreeMap<>();
    private Path cacheDirectory;
    private long cacheMaxBytes = 256L * 1024 * 1024;

    private Builder() {}

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration value) {
      this.readTimeout = positive(value, "readTimeout");
      return this;
    }

    public Builder callTimeout(Duration value) {
      this.callTimeout = positive(value, "callTimeout");
      return this;
    }

    public Builder maxBodyBytes(long value) {
      if (value < 1) {
        throw new ConfigurationException("maxBodyBytes must be positive, was " + value);
      }
      this.maxBodyBytes = value;
      return this;
    }

    public Builder maxAttempts(int value) {
      if (value < 1 || value > 20) {
        throw new ConfigurationException("maxAttempts must be within [1, 20], was " + value);
      }
      this.maxAttempts = value;
      return this;
    }

    public Builder backoff(Duration initial, Duration max) {
      positive(initial, "initialBackoff");
      positive(max, "maxBackoff");
      if (max.compareTo(initial) < 0) {
        throw new ConfigurationException(
            "maxBackoff (" + max + ") must not be shorter than initialBackoff (" + initial + ")");
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** Longest {@code Retry-After} honoured; a longer one fails the request as rate-limited. */
    public Builder maxRetryAfter(Duration value) {
      this.maxRetryAfter = Objects.requireNonNull(value, "maxRetryAfter");
      if (value.isNegative()) {
        throw new ConfigurationException("maxRetryAfter must not be negative, was " + value);
      }
      return this;
    }

    public Builder userAgent(String value) {
      if (value == null || value.isBlank()) {
        throw new ConfigurationException("userAgent must not be blank");
      }
      this.userAgent = value;
      return this;
    }

    public Builder defaultHostPolicy(HostPolicy policy) {
      this.defaultHostPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    public Builder hostPolicy(String host, HostPolicy policy) {
      hostPolicies.put(host.toLowerCase(Locale.ROOT), Objects.requireNonNull(policy, "policy"));
      return this;
    }

    public Builder cache(Path directory, long maxBytes) {
      if (maxBytes < 1) {
        throw new ConfigurationException("cache max bytes must be positive, was " + maxBytes);
      }
      this.cacheDirectory = Objects.requireNonNull(directory, "directory");
      this.cacheMaxBytes = maxBytes;
      return this;
    }

    public Builder noCache() {
      this.cacheDirectory = null;
      return this;
    }

    public HttpSettings build() {
      return new HttpSettings(this);
    }

    private static Duration positive(Duration value, String name) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new ConfigurationException(name + " must be a positive duration, was " + value);
      }
      return value;
    }
  }
}
