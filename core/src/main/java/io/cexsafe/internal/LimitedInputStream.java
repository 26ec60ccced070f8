package io.cexsafe.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Fails as soon as more than the limit has been read, with {@link BodyTooLargeException} or the
 * exception its owner supplies: a capped read never returns a silently truncated input.
 */
public final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private final Supplier<? extends IOException> exceeded;
  private long count;

  LimitedInputStream(InputStream in, long limit) {
    this(in, limit, () -> new BodyTooLargeException(limit));
  }

  /**
   * @param exceeded the exception thrown when more than {@code limit} bytes are read
   */
  public LimitedInputStream(InputStream in, long limit, Supplier<? extends IOException> exceeded) {
    super(in);
    this.limit = limit;
    this.exceeded = exceeded;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    advance(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void advance(long n) throws IOException {
    count += n;
    if (count > limit) {
      throw exceeded.get();
    }
  }

  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long limit) {
      super("response body exceeds the limit of " + limit + " bytes");
    }
  }
}
