package io.cexsafe.por.internal;

import io.cexsafe.por.TreeSource;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a tree file line by line into a caller-owned buffer, tracking byte offsets so a level can
 * be re-opened later by skipping. Memory is one buffer, whatever the file size.
 */
final class LineReader implements Closeable {
  static final int MAX_LINE = 8192;
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private long offset;
  private long lineNumber;
  private boolean eof;

  private LineReader(InputStream in, long startOffset) {
    this.in = in;
    this.offset = startOffset;
  }

  static LineReader open(TreeSource source, long startOffset) throws IOException {
    InputStream in = source.open();
    try {
      in.skipNBytes(startOffset);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    return new LineReader(in, startOffset);
  }

  /** Byte offset of the next line. */
  long offset() {
    return offset;
  }

  long lineNumber() {
    return lineNumber;
  }

  /**
   * Copies the next line (without its line terminator) into {@code target} and returns its length,
   * or -1 at the end of the file.
   */
  int next(byte[] target) throws IOException {
    while (true) {
      byte[] buffer = this.buffer;
      for (int i = position; i < limit; i++) {
        if (buffer[i] == '\n') {
          int length = i - position;
          int end = length > 0 && buffer[i - 1] == '\r' ? i - 1 : i;
          int copied = copy(target, end);
          offset += i + 1 - position;
          position = i + 1;
          lineNumber++;
          return copied;
        }
      }
      if (limit - position > MAX_LINE) {
        throw new MalformedProofException("line " + (lineNumber + 1) + " is too long");
      }
      if (eof) {
        if (position == limit) {
          return -1;
        }
        int end = buffer[limit - 1] == '\r' ? limit - 1 : limit;
        int copied = copy(target, end);
        offset += limit - position;
        position = limit;
        lineNumber++;
        return copied;
      }
      fill();
    }
  }

  String nextString() throws IOException {
    byte[] line = new byte[MAX_LINE];
    int length = next(line);
    return length < 0 ? null : new String(line, 0, length, StandardCharsets.UTF_8);
  }

  private int copy(byte[] target, int end) {
    int length = end - position;
    if (length > target.length) {
      throw new MalformedProofException("line " + (lineNumber + 1) + " is too long");
    }
    System.arraycopy(buffer, position, target, 0, length);
    return length;
  }

  private void fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      eof = true;
    } else {
      limit += read;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
