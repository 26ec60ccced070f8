package io.cexsafe.por;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens a published tree file. Full-tree schemes may open it several times and skip within it, so a
 * tree of millions of nodes is streamed rather than loaded; each call must return a fresh stream
 * positioned at the start.
 */
@FunctionalInterface
public interface TreeSource {

  InputStream open() throws IOException;

  static TreeSource of(Path file) {
    Objects.requireNonNull(file, "file");
    // FileInputStream skips by seeking, which re-opening a level deep in a large file relies on
    return () -> new FileInputStream(file.toFile());
  }

  static TreeSource of(byte[] content) {
    byte[] copy = Objects.requireNonNull(content, "content").clone();
    return () -> new ByteArrayInputStream(copy);
  }
}
