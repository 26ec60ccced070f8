package io.cexsafe.http;

import io.cexsafe.Secret;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An HTTP request a collector wants sent. Credentials are given as {@link Secret}s, in a header
 * ({@link Builder#secretHeader}), a query parameter ({@link Builder#secretQuery}) or anywhere in
 * the URL ({@link Builder#credential}); they never appear in {@link #toString()}, logs, error
 * messages or the cache. A request carrying one is <em>keyed</em>: it is never redirected to
 * another origin and never cached (see {@code docs/http.md}).
 */
public final class FetchRequest {
  private static final Pattern SENSITIVE_QUERY =
      Pattern.compile("(?i)([?&](?:[a-z_-]*key|token|secret|password|signature)=)[^&]*");

  private final String method;
  private final URI uri;
  private final Map<String, String> headers;
  private final Map<String, Secret> secretHeaders;
  private final List<Secret> urlSecrets;
  private final byte[] body;
  private final String contentType;
  private final Set<Integer> acceptedStatuses;
  private final Long maxBodyBytes;
  private final String displayUri;

  private FetchRequest(Builder b) {
    this.method = b.method;
    this.uri = b.secretQuery.isEmpty() ? b.uri : withQuery(b.uri, b.secretQuery);
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.secretHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.secretHeaders));
    List<Secret> inUrl = new ArrayList<>(b.urlSecrets);
    inUrl.addAll(b.secretQuery.values());
    for (Secret secret : inUrl) {
      if (!containsSecret(uri.toString(), secret)) {
        throw new IllegalArgumentException(
            "the URL of " + method + " " + uri.getHost() + " does not contain its credential");
      }
    }
    this.urlSecrets = List.copyOf(inUrl);
    this.body = b.body;
    this.contentType = b.contentType;
    this.acceptedStatuses = Collections.unmodifiableSet(new TreeSet<>(b.acceptedStatuses));
    this.maxBodyBytes = b.maxBodyBytes;
    String shown = b.displayUri != null ? b.displayUri : uri.toString();
    this.displayUri = redact(SENSITIVE_QUERY.matcher(shown).replaceAll("$1****"));
  }

  private static URI withQuery(URI uri, Map<String, Secret> parameters) {
    StringBuilder text = new StringBuilder(uri.toString());
    int fragment = text.indexOf("#");
    if (fragment >= 0) {
      text.setLength(fragment);
    }
    boolean first = uri.getRawQuery() == null;
    for (Map.Entry<String, Secret> parameter : parameters.entrySet()) {
      text.append(first ? '?' : '&')
          .append(encode(parameter.getKey()))
          .append('=')
          .append(encode(parameter.getValue().reveal()));
      first = false;
    }
    return URI.create(text.toString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The forms a secret may take inside a URL or a message: as is and percent-encoded. */
  private static List<String> forms(Secret secret) {
    String raw = secret.reveal();
    String encoded = encode(raw);
    return raw.equals(encoded) ? List.of(raw) : List.of(raw, encoded);
  }

  private static boolean containsSecret(String text, Secret secret) {
    return forms(secret).stream().anyMatch(text::contains);
  }

  /**
   * True when the request carries a credential (in a header, the query or the path). Keyed requests
   * are never redirected to another origin and never cached.
   *
   * @return whether the request is keyed
   */
  public boolean isKeyed() {
    return !secretHeaders.isEmpty() || !urlSecrets.isEmpty();
  }

  /**
   * {@return true when the URL itself holds a credential, so it must never be shown or stored as
   * is}
   */
  public boolean hasUrlCredential() {
    return !urlSecrets.isEmpty();
  }

  /**
   * Masks this request's credentials in a text, for messages that quote a server or a library.
   *
   * @param text the text to mask, or null
   * @return {@code text} with every credential (header, query or path; as is or percent-encoded)
   *     replaced by {@code ****}, or null for null
   */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    List<Secret> all = new ArrayList<>(urlSecrets);
    all.addAll(secretHeaders.values());
    for (Secret secret : all) {
      for (String form : forms(secret)) {
        result = result.replace(form, "****");
      }
    }
    return result;
  }

  /**
   * Creates a plain GET request.
   *
   * @param uri an http or https URL
   * @return the request
   * @throws IllegalArgumentException when the URL is neither http nor https
   */
  public static FetchRequest get(URI uri) {
    return builder(uri).build();
  }

  /**
   * Starts a request, a GET unless {@link Builder#post} says otherwise.
   *
   * @param uri an http or https URL
   * @return the builder
   * @throws IllegalArgumentException when the URL is neither http nor https
   */
  public static Builder builder(URI uri) {
    return new Builder(uri);
  }

  /** {@return the HTTP method: {@code GET} or {@code POST}} */
  public String method() {
    return method;
  }

  /** {@return the URL to fetch, credentials in the query or path included} */
  public URI uri() {
    return uri;
  }

  /** {@return the headers that hold no credential, by name} */
  public Map<String, String> headers() {
    return headers;
  }

  /** {@return the headers that hold credentials, by name; never shown} */
  public Map<String, Secret> secretHeaders() {
    return secretHeaders;
  }

  /** {@return a copy of the request body, or null for requests without one} */
  public byte[] body() {
    return body == null ? null : body.clone();
  }

  /** {@return the media type of the body, or null for requests without one} */
  public String contentType() {
    return contentType;
  }

  /**
   * {@return the non-2xx statuses the caller wants returned as responses instead of failures (e.g.
   * 404)}
   */
  public Set<Integer> acceptedStatuses() {
    return acceptedStatuses;
  }

  /** {@return a per-request body limit in bytes overriding the client's, or null} */
  public Long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** {@return the URL as it may be shown in logs and messages, with credentials masked} */
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
    private final Map<String, Secret> secretQuery = new LinkedHashMap<>();
    private final List<Secret> urlSecrets = new ArrayList<>();
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

    /**
     * Adds a header that holds no credential.
     *
     * @param name the header name
     * @param value its value
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
      return this;
    }

    /**
     * Adds a header holding a credential: sent only to the request's own origin, never shown.
     *
     * @param name the header name, e.g. {@code Authorization}
     * @param value the credential
     * @return this builder
     */
    public Builder secretHeader(String name, Secret value) {
      secretHeaders.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
      return this;
    }

    /**
     * Appends a query parameter holding a credential to the URL; it is masked wherever shown.
     *
     * @param name the parameter name
     * @param value the credential
     * @return this builder
     * @throws IllegalArgumentException when the name is blank
     */
    public Builder secretQuery(String name, Secret value) {
      if (Objects.requireNonNull(name, "name").isBlank()) {
        throw new IllegalArgumentException("a query parameter needs a name");
      }
      secretQuery.put(name, Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Declares that the URL already holds {@code value} (e.g. an API key in the path), so the
     * request is keyed and the value is masked in every URL and message shown.
     *
     * @param value the credential the URL holds
     * @return this builder
     * @throws IllegalArgumentException at {@link #build()} when the URL does not contain it
     */
    public Builder credential(Secret value) {
      urlSecrets.add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Makes the request a POST with a body.
     *
     * @param contentType the media type of the body
     * @param body the body bytes, copied
     * @return this builder
     */
    public Builder post(String contentType, byte[] body) {
      this.method = "POST";
      this.contentType = Objects.requireNonNull(contentType);
      this.body = body.clone();
      return this;
    }

    /**
     * Makes the request a POST with a text body, encoded in UTF-8.
     *
     * @param contentType the media type of the body
     * @param body the body text
     * @return this builder
     */
    public Builder post(String contentType, String body) {
      return post(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Accepts statuses outside 2xx as responses (e.g. 404 for "not listed") instead of failures.
     *
     * @param statuses the statuses to return to the caller
     * @return this builder
     */
    public Builder accept(int... statuses) {
      for (int status : statuses) {
        acceptedStatuses.add(status);
      }
      return this;
    }

    /**
     * Limits this request's body below or above the client's limit.
     *
     * @param maxBodyBytes the largest body accepted, in bytes
     * @return this builder
     * @throws IllegalArgumentException when it is not positive
     */
    public Builder maxBodyBytes(long maxBodyBytes) {
      if (maxBodyBytes <= 0) {
        throw new IllegalArgumentException("maxBodyBytes must be positive");
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * Sets how to show the URL in logs and errors when it contains a credential in its path.
     *
     * @param displayUri the URL as shown, with the credential left out
     * @return this builder
     */
    public Builder displayAs(String displayUri) {
      this.displayUri = displayUri;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException when a declared {@link #credential} is not in the URL
     */
    public FetchRequest build() {
      return new FetchRequest(this);
    }
  }
}
