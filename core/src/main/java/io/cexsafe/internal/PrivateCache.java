package io.cexsafe.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import okhttp3.Cache;
import okio.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's exclusive share of a cache directory. OkHttp's disk cache assumes a single user, so
 * the directory holds {@value #SLOTS} slots, {@code slot-<n>/}, each guarded by a lock file {@code
 * slot-<n>.lock}: an engine takes the first slot it can lock (an OS file lock, released by the OS
 * when a process dies, even by {@code kill -9}) and keeps it until closed. When every slot is held,
 * by other processes or other engines of this JVM, the engine runs uncached.
 *
 * <p>Directories are made 0700 and files 0600 on POSIX systems, including entries left by earlier
 * versions. Entries of the pre-slot layout (directly in the directory) are deleted: they may hold a
 * credential in their URL.
 */
final class PrivateCache implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(PrivateCache.class);
  static final int SLOTS = 4;
  private static final Pattern OUR_ENTRY = Pattern.compile("slot-\\d+(\\.lock)?");
  private static final Pattern OLD_LAYOUT_ENTRY =
      Pattern.compile("journal(\\.bkp|\\.tmp)?|[0-9a-f]{32}\\.[01](\\.tmp)?");

  /**
   * Lock files held by engines of this JVM: opening and closing a second channel would drop them.
   */
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final Path lockFile;
  private final FileChannel channel;
  private final FileLock lock;
  private final Path directory;
  private final PrivateCacheFileSystem fileSystem;
  private final Cache cache;

  private PrivateCache(
      Path lockFile,
      FileChannel channel,
      FileLock lock,
      Path directory,
      PrivateCacheFileSystem fileSystem,
      long maxBytes) {
    this.lockFile = lockFile;
    this.channel = channel;
    this.lock = lock;
    this.directory = directory;
    this.fileSystem = fileSystem;
    this.cache = new Cache(fileSystem, okio.Path.get(directory, false), maxBytes);
  }

  /**
   * Takes a free slot under {@code root}, or returns empty (after logging why) when none is free or
   * the directory cannot be used; the caller then runs uncached.
   */
  static Optional<PrivateCache> open(
      Path root, long maxBytes, UnaryOperator<FileSystem> fileSystemWrapper) {
    boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
    Path realRoot;
    try {
      realRoot = prepareRoot(root, posix);
      if (onlyOurEntries(realRoot)) {
        removeOldLayout(realRoot);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("HTTP cache {} cannot be used ({}); running without a cache", root, e.toString());
      return Optional.empty();
    }
    for (int slot = 0; slot < SLOTS; slot++) {
      Path lockFile = realRoot.resolve("slot-" + slot + ".lock");
      if (!HELD_HERE.add(lockFile)) {
        continue;
      }
      FileChannel channel = null;
      try {
        channel = openLockFile(lockFile, posix);
        FileLock lock = tryLock(channel);
        if (lock == null) {
          channel.close();
          HELD_HERE.remove(lockFile);
          continue;
        }
        Path directory = createSlotDirectory(realRoot.resolve("slot-" + slot), posix);
        if (posix) {
          tightenEntries(directory);
        }
        PrivateCacheFileSystem fileSystem =
            new PrivateCacheFileSystem(fileSystemWrapper.apply(FileSystem.SYSTEM), posix);
        LOG.debug("HTTP cache: using {}", directory);
        return Optional.of(
            new PrivateCache(lockFile, channel, lock, directory, fileSystem, maxBytes));
      } catch (IOException | RuntimeException e) {
        closeQuietly(channel);
        HELD_HERE.remove(lockFile);
        LOG.warn("HTTP cache slot {} cannot be used ({})", lockFile, e.toString());
      }
    }
    LOG.info(
        "HTTP cache {}: all {} slots are in use by other runs; running without a cache",
        root,
        SLOTS);
    return Optional.empty();
  }

  Cache okHttpCache() {
    return cache;
  }

  /** The slot directory this engine uses. */
  Path directory() {
    return directory;
  }

  long faults() {
    return fileSystem.faults();
  }

  @Override
  public void close() {
    try {
      cache.close();
    } catch (IOException e) {
      LOG.debug("closing the HTTP cache failed: {}", e.toString());
    }
    try {
      lock.release();
    } catch (IOException e) {
      LOG.debug("releasing the HTTP cache lock failed: {}", e.toString());
    }
    closeQuietly(channel);
    HELD_HERE.remove(lockFile);
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static FileChannel openLockFile(Path lockFile, boolean posix) throws IOException {
    if (posix) {
      try {
        return FileChannel.open(
            lockFile,
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(PrivateCacheFileSystem.FILE_MODE));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // made by an earlier run; fall through and open it as it is
      }
    }
    return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  /**
   * Creates the cache root 0700, or, when it exists, tightens it to 0700 only if everything in it
   * is cexsafe's: a shared directory such as {@code /tmp} given by mistake keeps its mode (the slot
   * directories inside are private anyway).
   */
  static Path prepareRoot(Path root, boolean posix) throws IOException {
    if (!Files.exists(root)) {
      if (posix) {
        Files.createDirectories(
            root, PosixFilePermissions.asFileAttribute(PrivateCacheFileSystem.DIRECTORY_MODE));
      } else {
        Files.createDirectories(root);
      }
    }
    Path real = root.toRealPath();
    if (!Files.isDirectory(real)) {
      throw new IOException("not a directory");
    }
    if (posix
        && !Files.getPosixFilePermissions(real).equals(PrivateCacheFileSystem.DIRECTORY_MODE)
        && onlyOurEntries(real)) {
      Files.setPosixFilePermissions(real, PrivateCacheFileSystem.DIRECTORY_MODE);
    }
    return real;
  }

  private static boolean onlyOurEntries(Path root) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!OUR_ENTRY.matcher(name).matches() && !OLD_LAYOUT_ENTRY.matcher(name).matches()) {
          return false;
        }
      }
    }
    return true;
  }

  /** Creates a slot directory 0700, or tightens an existing one; a symlink is refused. */
  private static Path createSlotDirectory(Path dir, boolean posix) throws IOException {
    if (Files.isSymbolicLink(dir)) {
      throw new IOException(dir + " is a symbolic link");
    }
    if (!posix) {
      return Files.createDirectories(dir);
    }
    if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS)
          .equals(PrivateCacheFileSystem.DIRECTORY_MODE)) {
        Files.setPosixFilePermissions(dir, PrivateCacheFileSystem.DIRECTORY_MODE);
      }
      return dir;
    }
    return Files.createDirectory(
        dir, PosixFilePermissions.asFileAttribute(PrivateCacheFileSystem.DIRECTORY_MODE));
  }

  /** Makes entries written by earlier versions (0644) owner-only. */
  private static void tightenEntries(Path directory) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          Files.setPosixFilePermissions(entry, PrivateCacheFileSystem.FILE_MODE);
        }
      }
    }
  }

  /**
   * Deletes the cache entries earlier versions wrote directly into the directory: a response
   * fetched with a credential in its URL left that URL in them.
   */
  private static void removeOldLayout(Path root) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        if (OLD_LAYOUT_ENTRY.matcher(entry.getFileName().toString()).matches()
            && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(entry);
        }
      }
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing to release beyond the descriptor
      }
    }
  }
}
