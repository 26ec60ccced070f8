package io.cexsafe.http;

import io.cexsafe.SourceException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a response body as a stream, so that large payloads never have to sit in memory whole.
 *
 * @param <T> what the reader produces
 */
@FunctionalInterface
public interface BodyReader<T> {
  /**
   * Reads the body.
   *
   * @param body the (decompressed, size-capped) body stream; closed by the caller afterwards
   * @param head status and headers; its body is empty
   * @return what was read
   * @throws IOException when the stream fails
   * @throws SourceException when the body is not what the source should send
   */
  T read(InputStream body, FetchResponse head) throws IOException, SourceException;
}
