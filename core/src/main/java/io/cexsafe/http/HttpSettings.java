package io.cexsafe.http;

import io.cexsafe.Config;
import io.cexsafe.ConfigurationException;
import io.cexsafe.SettingKey;
import io.cexsafe.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How cexsafe talks HTTP. Every knob has a sensible default; {@link #fromConfig(Config)} reads the
 * {@code http.*} settings.
 */
public final class HttpSettings {
  private static final String POSITIVE = "a positive duration";

  public static final SettingKey<Duration> CONNECT_TIMEOUT =
      SettingKey.duration("http.connect-timeout", "TCP connect timeout")
          .withDefault(Duration.ofSeconds(10))
          .check(HttpSettings::isPositive, POSITIVE);
  public static final SettingKey<Duration> READ_TIMEOUT =
      SettingKey.duration("http.read-timeout", "longest wait between bytes read")
          .withDefault(Duration.ofSeconds(30))
          .check(HttpSettings::isPositive, POSITIVE);
  public static final SettingKey<Duration> CALL_TIMEOUT =
      SettingKey.duration("http.call-timeout", "longest whole call, retries excluded")
          .withDefault(Duration.ofSeconds(120))
          .check(HttpSettings::isPositive, POSITIVE);
  public static final SettingKey<Long> MAX_BODY_BYTES =
      SettingKey.longInteger("http.max-body-bytes", "largest response body accepted, in bytes")
          .withDefault(64L * 1024 * 1024)
          .check(n -> n >= 1, "a positive integer");
  public static final SettingKey<Integer> MAX_ATTEMPTS =
      SettingKey.integer("http.max-attempts", "attempts per request, the first included")
          .withDefault(3)
          .within(1, 20);
  public static final SettingKey<Duration> INITIAL_BACKOFF =
      SettingKey.duration("http.initial-backoff", "delay before the first retry")
          .withDefault(Duration.ofMillis(500))
          .check(HttpSettings::isPositive, POSITIVE);
  public static final SettingKey<Duration> MAX_BACKOFF =
      SettingKey.duration("http.max-backoff", "longest delay between retries")
          .withDefault(Duration.ofSeconds(10))
          .check(HttpSettings::isPositive, POSITIVE);
  public static final SettingKey<Duration> MAX_RETRY_AFTER =
      SettingKey.duration(
              "http.max-retry-after", "longest Retry-After honoured; longer fails as rate-limited")
          .withDefault(Duration.ofSeconds(60))
          .check(d -> !d.isNegative(), "a duration that is not negative");
  public static final SettingKey<String> USER_AGENT =
      SettingKey.string("http.user-agent", "User-Agent header (default: cexsafe/<version>)");
  public static final SettingKey<Integer> MAX_CONCURRENCY_PER_HOST =
      SettingKey.integer("http.max-concurrency-per-host", "parallel calls to any one host")
          .withDefault(4)
          .check(n -> n >= 1, "an integer of at least 1");
  public static final SettingKey<Double> REQUESTS_PER_SECOND_PER_HOST =
      SettingKey.number(
              "http.requests-per-second-per-host", "request rate to any one host (0: unlimited)")
          .withDefault(0.0)
          .check(r -> r >= 0, "a number that is not negative");
  public static final SettingKey<Path> CACHE_DIR =
      SettingKey.path("http.cache.dir", "response cache directory (none: no cache)");
  public static final SettingKey<Long> CACHE_MAX_BYTES =
      SettingKey.longInteger("http.cache.max-bytes", "response cache size, in bytes")
          .withDefault(256L * 1024 * 1024)
          .check(n -> n >= 1, "a positive integer");
  public static final SettingKey<Integer> HOST_MAX_CONCURRENCY =
      SettingKey.integer(
              "http.hosts.*.max-concurrency", "parallel calls to one host (its dots as dashes)")
          .check(n -> n >= 1, "an integer of at least 1");
  public static final SettingKey<Double> HOST_REQUESTS_PER_SECOND =
      SettingKey.number(
              "http.hosts.*.requests-per-second", "request rate to one host (0: unlimited)")
          .check(r -> r >= 0, "a number that is not negative");

  /** Every {@code http.*} setting. */
  public static final List<SettingKey<?>> SETTINGS =
      List.of(
          CONNECT_TIMEOUT,
          READ_TIMEOUT,
          CALL_TIMEOUT,
          MAX_BODY_BYTES,
          MAX_ATTEMPTS,
          INITIAL_BACKOFF,
          MAX_BACKOFF,
          MAX_RETRY_AFTER,
          USER_AGENT,
          MAX_CONCURRENCY_PER_HOST,
          REQUESTS_PER_SECOND_PER_HOST,
          CACHE_DIR,
          CACHE_MAX_BYTES,
          HOST_MAX_CONCURRENCY,
          HOST_REQUESTS_PER_SECOND);

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
   * Reads the {@code http.*} settings ({@link #SETTINGS}); a host's own limits come from {@code
   * http.hosts.<host-with-dashes>.max-concurrency} and {@code .requests-per-second}.
   */
  public static HttpSettings fromConfig(Config config) {
    Builder b =
        builder()
            .connectTimeout(config.get(CONNECT_TIMEOUT))
            .readTimeout(config.get(READ_TIMEOUT))
            .callTimeout(config.get(CALL_TIMEOUT))
            .maxBodyBytes(config.get(MAX_BODY_BYTES))
            .maxAttempts(config.get(MAX_ATTEMPTS))
            .backoff(config.get(INITIAL_BACKOFF), config.get(MAX_BACKOFF))
            .maxRetryAfter(config.get(MAX_RETRY_AFTER))
            .defaultHostPolicy(
                new HostPolicy(
                    config.get(MAX_CONCURRENCY_PER_HOST),
                    config.get(REQUESTS_PER_SECOND_PER_HOST)));
    config.find(USER_AGENT).ifPresent(b::userAgent);
    config.find(CACHE_DIR).ifPresent(dir -> b.cache(dir, config.get(CACHE_MAX_BYTES)));
    Map<String, Integer> concurrency = new TreeMap<>();
    config.all(HOST_MAX_CONCURRENCY).forEach((names, n) -> concurrency.put(names.get(0), n));
    Map<String, Double> rates = new TreeMap<>();
    config.all(HOST_REQUESTS_PER_SECOND).forEach((names, r) -> rates.put(names.get(0), r));
    java.util.Set<String> hosts = new java.util.TreeSet<>(concurrency.keySet());
    hosts.addAll(rates.keySet());
    for (String hostKey : hosts) {
      b.hostPolicy(
          hostKey.replace('-', '.'),
          new HostPolicy(
              concurrency.getOrDefault(hostKey, config.get(MAX_CONCURRENCY_PER_HOST)),
              rates.getOrDefault(hostKey, 0.0)));
    }
    return b.build();
  }

  private static boolean isPositive(Duration value) {
    return !value.isZero() && !value.isNegative();
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
