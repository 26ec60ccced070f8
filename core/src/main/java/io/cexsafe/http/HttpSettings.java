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

  /** {@code http.connect-timeout}: how long a TCP connect may take (default 10 s). */
  public static final SettingKey<Duration> CONNECT_TIMEOUT =
      SettingKey.duration("http.connect-timeout", "TCP connect timeout")
          .withDefault(Duration.ofSeconds(10))
          .check(HttpSettings::isPositive, POSITIVE);

  /** {@code http.read-timeout}: the longest wait between bytes read (default 30 s). */
  public static final SettingKey<Duration> READ_TIMEOUT =
      SettingKey.duration("http.read-timeout", "longest wait between bytes read")
          .withDefault(Duration.ofSeconds(30))
          .check(HttpSettings::isPositive, POSITIVE);

  /** {@code http.call-timeout}: the longest whole call, retries excluded (default 120 s). */
  public static final SettingKey<Duration> CALL_TIMEOUT =
      SettingKey.duration("http.call-timeout", "longest whole call, retries excluded")
          .withDefault(Duration.ofSeconds(120))
          .check(HttpSettings::isPositive, POSITIVE);

  /** {@code http.max-body-bytes}: the largest response body accepted (default 64 MiB). */
  public static final SettingKey<Long> MAX_BODY_BYTES =
      SettingKey.longInteger("http.max-body-bytes", "largest response body accepted, in bytes")
          .withDefault(64L * 1024 * 1024)
          .check(n -> n >= 1, "a positive integer");

  /** {@code http.max-attempts}: attempts per request, the first included (1 to 20, default 3). */
  public static final SettingKey<Integer> MAX_ATTEMPTS =
      SettingKey.integer("http.max-attempts", "attempts per request, the first included")
          .withDefault(3)
          .within(1, 20);

  /** {@code http.initial-backoff}: the delay before the first retry (default 500 ms). */
  public static final SettingKey<Duration> INITIAL_BACKOFF =
      SettingKey.duration("http.initial-backoff", "delay before the first retry")
          .withDefault(Duration.ofMillis(500))
          .check(HttpSettings::isPositive, POSITIVE);

  /** {@code http.max-backoff}: the longest delay between retries (default 10 s). */
  public static final SettingKey<Duration> MAX_BACKOFF =
      SettingKey.duration("http.max-backoff", "longest delay between retries")
          .withDefault(Duration.ofSeconds(10))
          .check(HttpSettings::isPositive, POSITIVE);

  /** {@code http.max-retry-after}: the longest {@code Retry-After} honoured (default 60 s). */
  public static final SettingKey<Duration> MAX_RETRY_AFTER =
      SettingKey.duration(
              "http.max-retry-after", "longest Retry-After honoured; longer fails as rate-limited")
          .withDefault(Duration.ofSeconds(60))
          .check(d -> !d.isNegative(), "a duration that is not negative");

  /** {@code http.user-agent}: the User-Agent header (default {@code cexsafe/<version>}). */
  public static final SettingKey<String> USER_AGENT =
      SettingKey.string("http.user-agent", "User-Agent header (default: cexsafe/<version>)");

  /** {@code http.max-concurrency-per-host}: parallel calls to any one host (default 4). */
  public static final SettingKey<Integer> MAX_CONCURRENCY_PER_HOST =
      SettingKey.integer("http.max-concurrency-per-host", "parallel calls to any one host")
          .withDefault(4)
          .check(n -> n >= 1, "an integer of at least 1");

  /**
   * {@code http.requests-per-second-per-host}: the request rate to any one host (default 0:
   * unlimited).
   */
  public static final SettingKey<Double> REQUESTS_PER_SECOND_PER_HOST =
      SettingKey.number(
              "http.requests-per-second-per-host", "request rate to any one host (0: unlimited)")
          .withDefault(0.0)
          .check(r -> r >= 0, "a number that is not negative");

  /** {@code http.cache.dir}: the response cache directory (none: no cache). */
  public static final SettingKey<Path> CACHE_DIR =
      SettingKey.path("http.cache.dir", "response cache directory (none: no cache)");

  /** {@code http.cache.max-bytes}: the response cache size (default 256 MiB). */
  public static final SettingKey<Long> CACHE_MAX_BYTES =
      SettingKey.longInteger("http.cache.max-bytes", "response cache size, in bytes")
          .withDefault(256L * 1024 * 1024)
          .check(n -> n >= 1, "a positive integer");

  /**
   * {@code http.hosts.*.max-concurrency}: parallel calls to one host, named with its dots as
   * dashes.
   */
  public static final SettingKey<Integer> HOST_MAX_CONCURRENCY =
      SettingKey.integer(
              "http.hosts.*.max-concurrency", "parallel calls to one host (its dots as dashes)")
          .check(n -> n >= 1, "an integer of at least 1");

  /** {@code http.hosts.*.requests-per-second}: the request rate to one host (0: unlimited). */
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

  /** {@return the settings every key has by default} */
  public static HttpSettings defaults() {
    return builder().build();
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the {@code http.*} settings ({@link #SETTINGS}); a host's own limits come from {@code
   * http.hosts.<host-with-dashes>.max-concurrency} and {@code .requests-per-second}.
   *
   * @param config the configuration to read
   * @return the settings
   * @throws ConfigurationException when a value is invalid
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

  /** {@return how long a TCP connect may take} */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** {@return the longest wait between bytes read} */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** {@return the longest whole call, retries excluded} */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** {@return the largest response body accepted, in bytes} */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** {@return the attempts per request, the first included} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return the delay before the first retry} */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** {@return the longest delay between retries} */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** {@return the longest {@code Retry-After} honoured; a longer one fails as rate-limited} */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** {@return the User-Agent header sent with every request} */
  public String userAgent() {
    return userAgent;
  }

  /** {@return the limits of a host that has no policy of its own} */
  public HostPolicy defaultHostPolicy() {
    return defaultHostPolicy;
  }

  /** {@return the policies of hosts with their own limits, by lower-case host name} */
  public Map<String, HostPolicy> hostPolicies() {
    return hostPolicies;
  }

  /**
   * The limits for {@code host}: its own policy if configured, else the default.
   *
   * @param host a host name, in any case
   * @return the policy that applies to it
   */
  public HostPolicy policyFor(String host) {
    return hostPolicies.getOrDefault(host.toLowerCase(Locale.ROOT), defaultHostPolicy);
  }

  /** {@return the response-cache directory, or null when caching is off} */
  public Path cacheDirectory() {
    return cacheDirectory;
  }

  /** {@return the response cache size, in bytes} */
  public long cacheMaxBytes() {
    return cacheMaxBytes;
  }

  /** {@return a builder holding these settings, to change some of them} */
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

    /**
     * Sets how long a TCP connect may take.
     *
     * @param value a positive duration
     * @return this builder
     * @throws ConfigurationException when it is null, zero or negative
     */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    /**
     * Sets the longest wait between bytes read.
     *
     * @param value a positive duration
     * @return this builder
     * @throws ConfigurationException when it is null, zero or negative
     */
    public Builder readTimeout(Duration value) {
      this.readTimeout = positive(value, "readTimeout");
      return this;
    }

    /**
     * Sets the longest whole call, retries excluded.
     *
     * @param value a positive duration
     * @return this builder
     * @throws ConfigurationException when it is null, zero or negative
     */
    public Builder callTimeout(Duration value) {
      this.callTimeout = positive(value, "callTimeout");
      return this;
    }

    /**
     * Sets the largest response body accepted; a larger one fails the request.
     *
     * @param value a positive number of bytes
     * @return this builder
     * @throws ConfigurationException when it is below 1
     */
    public Builder maxBodyBytes(long value) {
      if (value < 1) {
        throw new ConfigurationException("maxBodyBytes must be positive, was " + value);
      }
      this.maxBodyBytes = value;
      return this;
    }

    /**
     * Sets the attempts per request, the first included.
     *
     * @param value 1 (no retry) to 20
     * @return this builder
     * @throws ConfigurationException when it is outside [1, 20]
     */
    public Builder maxAttempts(int value) {
      if (value < 1 || value > 20) {
        throw new ConfigurationException("maxAttempts must be within [1, 20], was " + value);
      }
      this.maxAttempts = value;
      return this;
    }

    /**
     * Sets the exponential backoff between retries (with jitter).
     *
     * @param initial the delay before the first retry, positive
     * @param max the longest delay, not shorter than {@code initial}
     * @return this builder
     * @throws ConfigurationException when either is not positive or {@code max} is shorter
     */
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

    /**
     * Sets the longest {@code Retry-After} honoured; a longer one fails the request as
     * rate-limited.
     *
     * @param value a duration that is not negative
     * @return this builder
     * @throws ConfigurationException when it is negative
     */
    public Builder maxRetryAfter(Duration value) {
      this.maxRetryAfter = Objects.requireNonNull(value, "maxRetryAfter");
      if (value.isNegative()) {
        throw new ConfigurationException("maxRetryAfter must not be negative, was " + value);
      }
      return this;
    }

    /**
     * Sets the User-Agent header sent with every request.
     *
     * @param value the header's text
     * @return this builder
     * @throws ConfigurationException when it is blank
     */
    public Builder userAgent(String value) {
      if (value == null || value.isBlank()) {
        throw new ConfigurationException("userAgent must not be blank");
      }
      this.userAgent = value;
      return this;
    }

    /**
     * Sets the limits of hosts that have no policy of their own.
     *
     * @param policy the concurrency and rate limits
     * @return this builder
     */
    public Builder defaultHostPolicy(HostPolicy policy) {
      this.defaultHostPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Gives one host its own limits.
     *
     * @param host the host name, in any case
     * @param policy its concurrency and rate limits
     * @return this builder
     */
    public Builder hostPolicy(String host, HostPolicy policy) {
      hostPolicies.put(host.toLowerCase(Locale.ROOT), Objects.requireNonNull(policy, "policy"));
      return this;
    }

    /**
     * Caches responses on disk.
     *
     * @param directory the cache directory
     * @param maxBytes the cache size, positive
     * @return this builder
     * @throws ConfigurationException when {@code maxBytes} is below 1
     */
    public Builder cache(Path directory, long maxBytes) {
      if (maxBytes < 1) {
        throw new ConfigurationException("cache max bytes must be positive, was " + maxBytes);
      }
      this.cacheDirectory = Objects.requireNonNull(directory, "directory");
      this.cacheMaxBytes = maxBytes;
      return this;
    }

    /**
     * Turns the response cache off (the default).
     *
     * @return this builder
     */
    public Builder noCache() {
      this.cacheDirectory = null;
      return this;
    }

    /** {@return the settings} */
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
