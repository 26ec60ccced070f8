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
   * @param body the (decompressed, size-capped) body stream; closed by the caller afterwards
   * @param head status and headers; its body is empty
   */
  T read(InputStream body, FetchResponse head) throws IOException, SourceException;
}
