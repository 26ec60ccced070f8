package io.cexsafe.collectors.defillama;

import io.cexsafe.Config;
import io.cexsafe.ConfigurationException;
import io.cexsafe.InvalidSettingException;
import io.cexsafe.Secret;
import io.cexsafe.SettingKey;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the DeFiLlama collector. Every value has a default; {@link #fromConfig(Config)} reads
 * the {@code defillama.*} keys (given without their prefix):
 *
 * <ul>
 *   <li>{@code base-url} (default {@code https://api.llama.fi}), {@code pro-base-url} ({@code
 *       https://pro-api.llama.fi}, used only with an {@code api-key}), {@code stablecoins-url}
 *       ({@code https://stablecoins.llama.fi}), {@code web-url} ({@code https://defillama.com}, for
 *       the human-readable pages evidence points to);
 *   <li>{@code api-key}: a DeFiLlama Pro key; when set, API calls go to the Pro host with the key
 *       as a path segment (never shown in messages or evidence);
 *   <li>{@code cexs.enabled}, {@code protocol.enabled}, {@code inflows.enabled}, {@code
 *       hacks.enabled}, {@code stablecoins.enabled} (all {@code true});
 *   <li>{@code protocol.max-body-bytes} (1 GiB): the body cap for {@code /protocol/{slug}}, which
 *       is streamed and may exceed the client's general cap;
 *   <li>{@code trend.window-days} (30) and {@code top-holdings} (10).
 * </ul>
 */
public final class DefiLlamaSettings {
  private static final String HTTP_URL = "an absolute http(s) URL without query or fragment";

  /** {@code base-url}: the free API's base URL (default {@code https://api.llama.fi}). */
  public static final SettingKey<URI> BASE_URL =
      url("base-url", "free API base URL", "https://api.llama.fi");

  /** {@code pro-base-url}: the Pro API's base URL, used with an API key. */
  public static final SettingKey<URI> PRO_BASE_URL =
      url("pro-base-url", "Pro API base URL, used with an api-key", "https://pro-api.llama.fi");

  /** {@code stablecoins-url}: the stablecoins API's base URL. */
  public static final SettingKey<URI> STABLECOINS_URL =
      url("stablecoins-url", "stablecoins API base URL", "https://stablecoins.llama.fi");

  /** {@code web-url}: the site the evidence links to (default {@code https://defillama.com}). */
  public static final SettingKey<URI> WEB_URL =
      url("web-url", "site the evidence links to", "https://defillama.com");

  /** {@code api-key}: a DeFiLlama Pro API key; API calls then go to the Pro host. */
  public static final SettingKey<Secret> API_KEY =
      SettingKey.secret("api-key", "DeFiLlama Pro API key; API calls then go to the Pro host");

  /** {@code cexs.enabled}: whether to read the {@code /cexs} list. */
  public static final SettingKey<Boolean> CEXS_ENABLED = flag("cexs", "read the /cexs list");

  /** {@code protocol.enabled}: whether to read each {@code /protocol} document. */
  public static final SettingKey<Boolean> PROTOCOL_ENABLED =
      flag("protocol", "read each /protocol document");

  /** {@code inflows.enabled}: whether to read net flows. */
  public static final SettingKey<Boolean> INFLOWS_ENABLED = flag("inflows", "read net flows");

  /** {@code hacks.enabled}: whether to read the hacks list. */
  public static final SettingKey<Boolean> HACKS_ENABLED = flag("hacks", "read the hacks list");

  /** {@code stablecoins.enabled}: whether to read stablecoin data. */
  public static final SettingKey<Boolean> STABLECOINS_ENABLED =
      flag("stablecoins", "read stablecoin data");

  /**
   * {@code protocol.max-body-bytes}: the largest {@code /protocol} body, streamed (default 1 GiB).
   */
  public static final SettingKey<Long> PROTOCOL_MAX_BODY_BYTES =
      SettingKey.longInteger(
              "protocol.max-body-bytes", "largest /protocol body, streamed, in bytes")
          .withDefault(1L << 30)
          .check(n -> n >= 1, "a positive integer");

  /** {@code trend.window-days}: the days of reserve trend (1 to 365, default 30). */
  public static final SettingKey<Integer> TREND_WINDOW_DAYS =
      SettingKey.integer("trend.window-days", "days of reserve trend")
          .withDefault(30)
          .within(1, 365);

  /** {@code top-holdings}: the token holdings kept per exchange (1 to 100, default 10). */
  public static final SettingKey<Integer> TOP_HOLDINGS =
      SettingKey.integer("top-holdings", "token holdings kept per exchange")
          .withDefault(10)
          .within(1, 100);

  /** Every setting, relative to {@code defillama.}. */
  public static final List<SettingKey<?>> SETTINGS =
      List.of(
          BASE_URL,
          PRO_BASE_URL,
          STABLECOINS_URL,
          WEB_URL,
          API_KEY,
          CEXS_ENABLED,
          PROTOCOL_ENABLED,
          INFLOWS_ENABLED,
          HACKS_ENABLED,
          STABLECOINS_ENABLED,
          PROTOCOL_MAX_BODY_BYTES,
          TREND_WINDOW_DAYS,
          TOP_HOLDINGS);

  private final URI baseUrl;
  private final URI proBaseUrl;
  private final URI stablecoinsUrl;
  private final URI webUrl;
  private final Secret apiKey;
  private final boolean cexsEnabled;
  private final boolean protocolEnabled;
  private final boolean inflowsEnabled;
  private final boolean hacksEnabled;
  private final boolean stablecoinsEnabled;
  private final long protocolMaxBodyBytes;
  private final Duration trendWindow;
  private final int topHoldings;

  private DefiLlamaSettings(Builder b) {
    this.baseUrl = b.baseUrl;
    this.proBaseUrl = b.proBaseUrl;
    this.stablecoinsUrl = b.stablecoinsUrl;
    this.webUrl = b.webUrl;
    this.apiKey = b.apiKey;
    this.cexsEnabled = b.cexsEnabled;
    this.protocolEnabled = b.protocolEnabled;
    this.inflowsEnabled = b.inflowsEnabled;
    this.hacksEnabled = b.hacksEnabled;
    this.stablecoinsEnabled = b.stablecoinsEnabled;
    this.protocolMaxBodyBytes = b.protocolMaxBodyBytes;
    this.trendWindow = b.trendWindow;
    this.topHoldings = b.topHoldings;
  }

  /** {@return the settings every key has by default} */
  public static DefiLlamaSettings defaults() {
    return builder().build();
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the collector's settings.
   *
   * @param settings the settings under {@code defillama.}, with the prefix removed
   * @return the settings
   * @throws io.cexsafe.ConfigurationException when a value is invalid
   */
  public static DefiLlamaSettings fromConfig(Config settings) {
    try {
      return read(settings);
    } catch (InvalidSettingException e) {
      // a config scoped to defillama names its keys without the prefix
      throw e.key().startsWith(DefiLlamaCollector.ID + ".") ? e : e.under(DefiLlamaCollector.ID);
    }
  }

  private static DefiLlamaSettings read(Config settings) {
    Builder b =
        builder()
            .baseUrl(settings.get(BASE_URL))
            .proBaseUrl(settings.get(PRO_BASE_URL))
            .stablecoinsUrl(settings.get(STABLECOINS_URL))
            .webUrl(settings.get(WEB_URL))
            .cexsEnabled(settings.get(CEXS_ENABLED))
            .protocolEnabled(settings.get(PROTOCOL_ENABLED))
            .inflowsEnabled(settings.get(INFLOWS_ENABLED))
            .hacksEnabled(settings.get(HACKS_ENABLED))
            .stablecoinsEnabled(settings.get(STABLECOINS_ENABLED))
            .protocolMaxBodyBytes(settings.get(PROTOCOL_MAX_BODY_BYTES))
            .trendWindow(Duration.ofDays(settings.get(TREND_WINDOW_DAYS)))
            .topHoldings(settings.get(TOP_HOLDINGS));
    settings.find(API_KEY).ifPresent(b::apiKey);
    return b.build();
  }

  private static SettingKey<URI> url(String key, String doc, String defaultUrl) {
    return SettingKey.url(key, doc)
        .withDefault(URI.create(defaultUrl))
        .check(DefiLlamaSettings::isHttpUrl, HTTP_URL);
  }

  private static SettingKey<Boolean> flag(String source, String doc) {
    return SettingKey.bool(source + ".enabled", doc).withDefault(true);
  }

  private static boolean isHttpUrl(URI value) {
    String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
    return (scheme.equals("http") || scheme.equals("https"))
        && value.getHost() != null
        && value.getRawQuery() == null
        && value.getRawFragment() == null;
  }

  /** {@return the free API's base URL} */
  public URI baseUrl() {
    return baseUrl;
  }

  /** {@return the Pro API's base URL, used with an API key} */
  public URI proBaseUrl() {
    return proBaseUrl;
  }

  /** {@return the stablecoins API's base URL} */
  public URI stablecoinsUrl() {
    return stablecoinsUrl;
  }

  /** {@return the site the evidence links to} */
  public URI webUrl() {
    return webUrl;
  }

  /** {@return the Pro API key, or empty for the free API} */
  public Optional<Secret> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /** {@return whether the {@code /cexs} list is read} */
  public boolean cexsEnabled() {
    return cexsEnabled;
  }

  /** {@return whether each {@code /protocol} document is read} */
  public boolean protocolEnabled() {
    return protocolEnabled;
  }

  /** {@return whether net flows are read} */
  public boolean inflowsEnabled() {
    return inflowsEnabled;
  }

  /** {@return whether the hacks list is read} */
  public boolean hacksEnabled() {
    return hacksEnabled;
  }

  /** {@return whether stablecoin data is read} */
  public boolean stablecoinsEnabled() {
    return stablecoinsEnabled;
  }

  /** {@return the largest {@code /protocol} body accepted, in bytes} */
  public long protocolMaxBodyBytes() {
    return protocolMaxBodyBytes;
  }

  /** {@return the span of the reserve trend} */
  public Duration trendWindow() {
    return trendWindow;
  }

  /** {@return the number of token holdings kept per exchange} */
  public int topHoldings() {
    return topHoldings;
  }

  @Override
  public String toString() {
    return "DefiLlamaSettings[baseUrl="
        + baseUrl
        + (apiKey == null ? "" : ", pro " + proBaseUrl + " with an API key")
        + ", stablecoinsUrl="
        + stablecoinsUrl
        + ", protocolMaxBodyBytes="
        + protocolMaxBodyBytes
        + "]";
  }

  /** Builder for {@link DefiLlamaSettings}; validation names the bad value. */
  public static final class Builder {
    private URI baseUrl = URI.create("https://api.llama.fi");
    private URI proBaseUrl = URI.create("https://pro-api.llama.fi");
    private URI stablecoinsUrl = URI.create("https://stablecoins.llama.fi");
    private URI webUrl = URI.create("https://defillama.com");
    private Secret apiKey;
    private boolean cexsEnabled = true;
    private boolean protocolEnabled = true;
    private boolean inflowsEnabled = true;
    private boolean hacksEnabled = true;
    private boolean stablecoinsEnabled = true;
    private long protocolMaxBodyBytes = 1L << 30;
    private Duration trendWindow = Duration.ofDays(30);
    private int topHoldings = 10;

    private Builder() {}

    /**
     * Sets the free API's base URL.
     *
     * @param value an absolute http(s) URL without query or fragment
     * @return this builder
     */
    public Builder baseUrl(URI value) {
      this.baseUrl = httpUrl(value, "base-url");
      return this;
    }

    /**
     * Sets the Pro API's base URL.
     *
     * @param value an absolute http(s) URL without query or fragment
     * @return this builder
     */
    public Builder proBaseUrl(URI value) {
      this.proBaseUrl = httpUrl(value, "pro-base-url");
      return this;
    }

    /**
     * Sets the stablecoins API's base URL.
     *
     * @param value an absolute http(s) URL without query or fragment
     * @return this builder
     */
    public Builder stablecoinsUrl(URI value) {
      this.stablecoinsUrl = httpUrl(value, "stablecoins-url");
      return this;
    }

    /**
     * Sets the site the evidence links to.
     *
     * @param value an absolute http(s) URL without query or fragment
     * @return this builder
     */
    public Builder webUrl(URI value) {
      this.webUrl = httpUrl(value, "web-url");
      return this;
    }

    /**
     * Sets a Pro API key; API calls then go to the Pro host.
     *
     * @param value the key, or null for the free API
     * @return this builder
     */
    public Builder apiKey(Secret value) {
      this.apiKey = value;
      return this;
    }

    /**
     * Sets whether to read the {@code /cexs} list.
     *
     * @param value false to skip it
     * @return this builder
     */
    public Builder cexsEnabled(boolean value) {
      this.cexsEnabled = value;
      return this;
    }

    /**
     * Sets whether to read each {@code /protocol} document.
     *
     * @param value false to skip them
     * @return this builder
     */
    public Builder protocolEnabled(boolean value) {
      this.protocolEnabled = value;
      return this;
    }

    /**
     * Sets whether to read net flows.
     *
     * @param value false to skip them
     * @return this builder
     */
    public Builder inflowsEnabled(boolean value) {
      this.inflowsEnabled = value;
      return this;
    }

    /**
     * Sets whether to read the hacks list.
     *
     * @param value false to skip it
     * @return this builder
     */
    public Builder hacksEnabled(boolean value) {
      this.hacksEnabled = value;
      return this;
    }

    /**
     * Sets whether to read stablecoin data.
     *
     * @param value false to skip it
     * @return this builder
     */
    public Builder stablecoinsEnabled(boolean value) {
      this.stablecoinsEnabled = value;
      return this;
    }

    /**
     * Sets the largest {@code /protocol} body accepted.
     *
     * @param value a positive number of bytes
     * @return this builder
     * @throws io.cexsafe.ConfigurationException when it is below 1
     */
    public Builder protocolMaxBodyBytes(long value) {
      if (value < 1) {
        throw new ConfigurationException(
            "defillama.protocol.max-body-bytes must be positive, was " + value);
      }
      this.protocolMaxBodyBytes = value;
      return this;
    }

    /**
     * Sets the span of the reserve trend.
     *
     * @param value 1 to 365 days
     * @return this builder
     * @throws io.cexsafe.ConfigurationException when it is outside [1, 365] days
     */
    public Builder trendWindow(Duration value) {
      Objects.requireNonNull(value, "trendWindow");
      if (value.toDays() < 1 || value.toDays() > 365) {
        throw new ConfigurationException(
            "defillama.trend.window-days must be within [1, 365], was " + value.toDays());
      }
      this.trendWindow = value;
      return this;
    }

    /**
     * Sets the number of token holdings kept per exchange.
     *
     * @param value 1 to 100
     * @return this builder
     * @throws io.cexsafe.ConfigurationException when it is outside [1, 100]
     */
    public Builder topHoldings(int value) {
      if (value < 1 || value > 100) {
        throw new ConfigurationException(
            "defillama.top-holdings must be within [1, 100], was " + value);
      }
      this.topHoldings = value;
      return this;
    }

    /** {@return the settings} */
    public DefiLlamaSettings build() {
      return new DefiLlamaSettings(this);
    }

    private static URI httpUrl(URI value, String key) {
      Objects.requireNonNull(value, key);
      String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || value.getHost() == null) {
        throw new ConfigurationException(
            "defillama." + key + " must be an absolute http(s) URL, was '" + value + "'");
      }
      if (value.getRawQuery() != null || value.getRawFragment() != null) {
        throw new ConfigurationException(
            "defillama." + key + " must not carry a query or fragment, was '" + value + "'");
      }
      return value;
    }
  }
}
