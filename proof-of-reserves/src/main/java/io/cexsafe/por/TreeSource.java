package io.cexsafe.por;

import io.cexsafe.InputFiles;
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

  /**
   * Opens the tree from its start.
   *
   * @return a stream for the caller to close
   * @throws IOException when the tree cannot be opened
   */
  InputStream open() throws IOException;

  /**
   * A tree file of at most {@link ProofInput#DEFAULT_MAX_TREE_BYTES}.
   *
   * @param file the tree file
   * @return the source
   */
  static TreeSource of(Path file) {
    return of(file, ProofInput.DEFAULT_MAX_TREE_BYTES);
  }

  /**
   * A tree file, checked on every open to be a regular file (never a pipe or device, which would
   * hang or never end) of at most {@code maxBytes}.
   *
   * @param file the tree file
   * @param maxBytes the largest size accepted
   * @return the source
   */
  static TreeSource of(Path file, long maxBytes) {
    Objects.requireNonNull(file, "file");
    return () -> {
      InputFiles.requireRegularFile(file, maxBytes, ProofInput.TREE_CAP_HINT);
      // FileInputStream skips by seeking, which re-opening a level deep in a large file relies on
      return new FileInputStream(file.toFile());
    };
  }

  /**
   * A tree held in memory.
   *
   * @param content the tree's bytes, copied
   * @return the source
   */
  static TreeSource of(byte[] content) {
    byte[] copy = Objects.requireNonNull(content, "content").clone();
    return () -> new ByteArrayInputStream(copy);
  }
}
