package io.cexsafe.por.internal;

import io.cexsafe.por.TreeSource;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A window onto a stream of lines in which callers parse lines in place, where {@link LineReader}
 * would copy each one out. {@link #require} guarantees that a number of bytes from {@link
 * #position} are in the buffer (or all that is left of the input), so lines found after it stay
 * where they are until the next {@code require}. The buffer always has {@link #SLACK} zero bytes
 * after {@link #limit}, so word-at-a-time scans may read a little past the data.
 */
final class LineWindow implements Closeable {
  static final int SLACK = 32;

  private final InputStream in;
  final byte[] bytes;
  private final int capacity;

  /** The next unread byte. */
  int position;

  /** The end of the data read so far. */
  int limit;

  /** The stream has no more bytes beyond {@link #limit}. */
  boolean endOfInput;

  /** The stream offset of {@code bytes[0]}. */
  private long base;

  /** Where the line found by {@link #lineEnd} is followed by the next one. */
  int following;

  LineWindow(InputStream in, long startOffset, int capacity) {
    this.in = in;
    this.capacity = capacity;
    this.bytes = new byte[capacity + SLACK];
    this.base = startOffset;
  }

  /** A window onto {@code source} from byte {@code startOffset} on. */
  static LineWindow open(TreeSource source, long startOffset, int capacity) throws IOException {
    InputStream in = source.open();
    try {
      in.skipNBytes(startOffset);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    return new LineWindow(in, startOffset, capacity);
  }

  /** The stream offset of {@link #position}. */
  long offset() {
    return base + position;
  }

  /**
   * Makes {@code count} bytes from {@link #position} available, or all that is left of the input;
   * moves the unread bytes to the start of the buffer when it has to read, so indexes into the
   * buffer taken before this call are no longer valid.
   */
  void require(int count) throws IOException {
    if (count > capacity) {
      throw new IllegalArgumentException(
          count + " bytes do not fit a " + capacity + "-byte window");
    }
    if (limit - position >= count || endOfInput) {
      return;
    }
    if (position > 0) {
      System.arraycopy(bytes, position, bytes, 0, limit - position);
      base += position;
      limit -= position;
      position = 0;
    }
    while (limit < count && !endOfInput) {
      int read = in.read(bytes, limit, capacity - limit);
      if (read < 0) {
        endOfInput = true;
      } else {
        limit += read;
      }
    }
    Arrays.fill(bytes, limit, limit + SLACK, (byte) 0);
  }

  /**
   * The end of the text of the line at {@link #position}, without its "\n" or "\r\n" (or a final
   * "\r" at the end of the input), setting {@link #following} to where the next line starts; -1
   * when no bytes are left. The line must fit the bytes {@link #require}d, at most {@code
   * maxLength} bytes of text and its terminator.
   */
  int lineEnd(int maxLength) {
    if (position == limit && endOfInput) {
      return -1;
    }
    int newline = Swar.indexOf(bytes, position, limit, (byte) '\n');
    int textEnd;
    if (newline >= 0) {
      following = newline + 1;
      textEnd = newline > position && bytes[newline - 1] == '\r' ? newline - 1 : newline;
    } else if (endOfInput) {
      following = limit;
      textEnd = bytes[limit - 1] == '\r' ? limit - 1 : limit;
    } else {
      textEnd = limit;
    }
    if (textEnd - position > maxLength || newline < 0 && !endOfInput) {
      throw new MalformedProofException("a tree line at byte " + offset() + " is too long");
    }
    return textEnd;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
