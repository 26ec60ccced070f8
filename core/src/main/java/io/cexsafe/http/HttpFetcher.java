package io.cexsafe.http;

import io.cexsafe.SourceException;
import java.net.URI;

/**
 * cexsafe's small HTTP interface. Implementations retry 429, 5xx and I/O failures with backoff,
 * honour {@code Retry-After}, apply per-host concurrency and rate limits, time out and cap body
 * sizes. Failures arrive as {@link SourceException}s with a reason code.
 */
public interface HttpFetcher {
  /**
   * Sends a request and returns the whole response.
   *
   * @param request the request
   * @return the response, with its whole body
   * @throws SourceException for network errors, timeouts, oversized bodies and statuses outside 2xx
   *     that the request does not accept
   */
  FetchResponse fetch(FetchRequest request) throws SourceException;

  /**
   * Sends a request and streams the body through {@code reader}, so that a large body never sits in
   * memory whole.
   *
   * @param <T> what the reader produces
   * @param request the request
   * @param reader reads the body stream
   * @return what the reader produced
   * @throws SourceException for network errors, timeouts, oversized bodies, statuses outside 2xx
   *     that the request does not accept, and failures of the reader
   */
  <T> T fetch(FetchRequest request, BodyReader<T> reader) throws SourceException;

  /**
   * Fetches a URL with a plain GET request.
   *
   * @param uri an http or https URL
   * @return the response, with its whole body
   * @throws SourceException as {@link #fetch(FetchRequest)}
   */
  default FetchResponse get(URI uri) throws SourceException {
    return fetch(FetchRequest.get(uri));
  }
}
