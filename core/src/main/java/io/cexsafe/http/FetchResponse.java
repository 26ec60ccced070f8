package io.cexsafe.http;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response as handed to collectors. Header names are lower case.
 *
 * @param status HTTP status code
 * @param uri the URL that answered (after redirects)
 * @param headers response headers
 * @param body the body bytes; empty for streamed responses
 * @param fromCache true when served from the response cache
 */
public record FetchResponse(
    int status, URI uri, Map<String, List<String>> headers, byte[] body, boolean fromCache) {
  /**
   * Lower-cases the header names, makes the headers unmodifiable and turns a null body into an
   * empty one.
   *
   * @param status HTTP status code
   * @param uri the URL that answered (after redirects)
   * @param headers response headers
   * @param body the body bytes; empty for streamed responses
   * @param fromCache true when served from the response cache
   */
  public FetchResponse {
    TreeMap<String, List<String>> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    headers = Collections.unmodifiableMap(lower);
    body = body == null ? new byte[0] : body;
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, in any case
   * @return its first value, or empty when the response has none
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** {@return the {@code Content-Type} header, or an empty string when there is none} */
  public String contentType() {
    return header("content-type").orElse("");
  }

  /** {@return whether the status is 2xx} */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** {@return the body decoded with the charset the response declares, UTF-8 otherwise} */
  public String text() {
    return new String(body, charset());
  }

  private Charset charset() {
    String type = contentType().toLowerCase(Locale.ROOT);
    int at = type.indexOf("charset=");
    if (at >= 0) {
      String name = type.substring(at + 8).replace("\"", "").split("[;\\s]")[0];
      try {
        return Charset.forName(name);
      } catch (IllegalArgumentException e) {
        return StandardCharsets.UTF_8;
      }
    }
    return StandardCharsets.UTF_8;
  }

  @Override
  public String toString() {
    return "FetchResponse[" + status + " " + uri + ", " + body.length + " bytes]";
  }
}
