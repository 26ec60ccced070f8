package io.cexsafe.por.internal;

import io.cexsafe.por.TreeSource;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads of a few bytes anywhere in a tree file, for sources that can seek cheaply: files (through
 * their channel) and byte arrays. Other streams can only be skipped through byte by byte, so for
 * them {@link #open} answers null and callers scan the file once instead.
 */
final class SeekableTree implements Closeable {
  private final TreeSource source;
  private final InputStream first;
  private final FileChannel channel;
  private final long size;

  private SeekableTree(TreeSource source, InputStream first, FileChannel channel, long size) {
    this.source = source;
    this.first = first;
    this.channel = channel;
    this.size = size;
  }

  /** Random access to the source's bytes, or null when its stream cannot seek cheaply. */
  static SeekableTree open(TreeSource source) throws IOException {
    InputStream in = source.open();
    try {
      if (in instanceof FileInputStream file) {
        FileChannel channel = file.getChannel();
        return new SeekableTree(source, in, channel, channel.size());
      }
      if (in instanceof ByteArrayInputStream) {
        // a fresh array stream skips in constant time and knows its length
        return new SeekableTree(source, in, null, in.available());
      }
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    in.close();
    return null;
  }

  long size() {
    return size;
  }

  /** Reads up to {@code length} bytes from {@code position}; fewer only at the end of the file. */
  int read(long position, byte[] into, int length) throws IOException {
    if (channel != null) {
      ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, position + buffer.position()) < 0) {
          break;
        }
      }
      return buffer.position();
    }
    try (InputStream in = source.open()) {
      in.skipNBytes(Math.min(position, size));
      return in.readNBytes(into, 0, length);
    }
  }

  @Override
  public void close() throws IOException {
    first.close();
  }
}
