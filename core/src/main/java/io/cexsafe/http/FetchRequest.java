package io.cexsafe.http;

import io.cexsafe.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An HTTP request a collector wants sent. Headers carrying credentials are given as {@link Secret}s
 * and never appear in {@link #toString()}, logs or error messages.
 */
public final class FetchRequest {
  private static final Pattern SENSITIVE_QUERY =
      Pattern.compile("(?i)([?&](?:[a-z_-]*key|token|secret|password|signature)=)[^&]*");

  private final String method;
  private final URI uri;
  private final Map<String, String> headers;
  private final Map<String, Secret> secretHeaders;
  private final byte[] body;
  private final String contentType;
  private final Set<Integer> acceptedStatuses;
  private final Long maxBodyBytes;
  private final String displayUri;

  private FetchRequest(Builder b) {
    this.method = b.method;
    this.uri = b.uri;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.secretHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.secretHeaders));
    this.body = b.body;
    this.contentType = b.contentType;
    this.acceptedStatuses = Collections.unmodifiableSet(new TreeSet<>(b.acceptedStatuses));
    this.maxBodyBytes = b.maxBodyBytes;
    this.displayUri =
        b.displayUri != null
            ? b.displayUri
            : SENSITIVE_QUERY.matcher(uri.toString()).replaceAll("$1****");
  }

  public static FetchRequest get(URI uri) {
    return builder(uri).build();
  }

  public static Builder builder(URI uri) {
    return new Builder(uri);
  }

  public String method() {
    return method;
  }

  public URI uri() {
    return uri;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public Map<String, Secret> secretHeaders() {
    return secretHeaders;
  }

  /** The request body, or null for requests without one. */
  public byte[] body() {
    return body == null ? null : body.clone();
  }

  public String contentType() {
    return contentType;
  }

  /** Non-2xx statuses the caller wants returned as responses instead of failures (e.g. 404). */
  public Set<Integer> acceptedStatuses() {
    return acceptedStatuses;
  }

  /** A per-request body limit overriding the client's, or null. */
  public Long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** The URL as it may be shown in logs and messages, with credentials masked. */
  public String displayUri() {
    return displayUri;
  }

  @Override
  public String toString() {
    return method + " " + displayUri;
  }

  /** Builder for {@link FetchRequest}. */
  public static final class Builder {
    private String method = "GET";
    private final URI uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, Secret> secretHeaders = new LinkedHashMap<>();
    private byte[] body;
    private String contentType;
    private final Set<Integer> acceptedStatuses = new TreeSet<>();
    private Long maxBodyBytes;
    private String displayUri;

    private Builder(URI uri) {
      this.uri = Objects.requireNonNull(uri, "uri");
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("only http and https URLs can be fetched: " + uri);
      }
    }

    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
      return this;
    }

    public Builder secretHeader(String name, Secret value) {
      secretHeaders.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
      return this;
    }

    public Builder post(String contentType, byte[] body) {
      this.method = "POST";
      this.contentType = Objects.requireNonNull(contentType);
      this.body = body.clone();
      return this;
    }

    public Builder post(String contentType, String body) {
      return post(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public Builder accept(int... statuses) {
      for (int status : statuses) {
        acceptedStatuses.add(status);
      }
      return this;
    }

    public Builder maxBodyBytes(long maxBodyBytes) {
      if (maxBodyBytes <= 0) {
        throw new IllegalArgumentException("maxBodyBytes must be positive");
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** How to show the URL in logs and errors when it contains a credential in its path. */
    public Builder displayAs(String displayUri) {
      this.displayUri = displayUri;
      return this;
    }

    public FetchRequest build() {
      return new FetchRequest(this);
    }
  }
}
