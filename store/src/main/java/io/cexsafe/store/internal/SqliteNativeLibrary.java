package io.cexsafe.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps sqlite-jdbc's native library in the user's cache directory, so that a process opening an
 * SQLite store loads a verified copy instead of having the driver extract it again.
 *
 * <p>Left alone, sqlite-jdbc works out the platform's library on every start (on Linux by running
 * {@code uname -o} as a child process and reading {@code /proc/self/map_files}), then writes the
 * 1.1 MB library to {@code java.io.tmpdir} under a new name, reads it back to compare it with the
 * jar's copy and deletes it at exit: about a tenth of a second of a short command's CPU. Here that
 * happens once per sqlite-jdbc version and platform: the copy is written beside a small description
 * (which jar resource it is, its size and CRC-32) and later processes check the copy's size and
 * CRC-32 against the jar entry's, load it, and point the driver at it through its {@code
 * org.sqlite.lib.path} and {@code org.sqlite.lib.name} system properties.
 *
 * <p>Anything unexpected (no cache directory, an unwritable or full disk, a damaged, truncated or
 * stale copy that cannot be replaced, a copy the JVM cannot load, e.g. from a {@code noexec} mount)
 * leaves the properties unset, and the driver extracts its library as it always did. A damaged or
 * stale copy is replaced, never loaded; copies are written under a temporary name and renamed, so a
 * concurrent process sees either a complete copy or none. A user who set {@code
 * org.sqlite.lib.path} keeps their choice, and {@code -Dcexsafe.sqlite.native-cache=off} turns the
 * cache off.
 */
public final class SqliteNativeLibrary {
  static final String PATH_PROPERTY = "org.sqlite.lib.path";
  static final String NAME_PROPERTY = "org.sqlite.lib.name";

  /** {@code -Dcexsafe.sqlite.native-cache=off} leaves the driver to extract its library. */
  static final String SWITCH_PROPERTY = "cexsafe.sqlite.native-cache";

  /** The description beside the copy: resource path, size and CRC-32, one per line. */
  static final String DESCRIPTION = "library.txt";

  private static boolean prepared;

  private SqliteNativeLibrary() {}

  /** Where the driver's library comes from: its jar resource for this platform. */
  interface Source {
    /** The resource path of the library for this platform (the costly question), or null. */
    String resourcePath();

    /** The resource at {@code path}, or null. */
    URL resource(String path);
  }

  /** The driver's own answers: what its loader would extract. */
  static final Source DRIVER =
      new Source() {
        @Override
        public String resourcePath() {
          return LibraryLoaderUtil.getNativeLibResourcePath()
              + "/"
              + LibraryLoaderUtil.getNativeLibName();
        }

        @Override
        public URL resource(String path) {
          return SQLiteJDBCLoader.class.getResource(path);
        }
      };

  /**
   * Once per process, before the first SQLite connection: points the driver at a verified cached
   * copy of its library, or does nothing (the driver then extracts its own).
   */
  public static synchronized void prepare() {
    if (prepared) {
      return;
    }
    prepared = true;
    if (System.getProperty(PATH_PROPERTY) != null
        || "off".equals(System.getProperty(SWITCH_PROPERTY))
        // a library belongs to the class loader that loaded it: the driver's must be this one
        || SQLiteJDBCLoader.class.getClassLoader() != SqliteNativeLibrary.class.getClassLoader()) {
      return;
    }
    Optional<Path> root = cacheRoot(System.getenv(), System.getProperty("user.home"));
    if (root.isEmpty()) {
      return;
    }
    Path directory = root.get().resolve(directoryName(SQLiteJDBCLoader.getVersion()));
    cachedLibrary(directory, DRIVER, library -> System.load(library.toString()))
        .ifPresent(
            library -> {
              System.setProperty(PATH_PROPERTY, library.getParent().toString());
              System.setProperty(NAME_PROPERTY, library.getFileName().toString());
            });
  }

  /**
   * The cache's root: {@code $XDG_CACHE_HOME/cexsafe/sqlite-native}, or {@code
   * ~/.cache/cexsafe/sqlite-native} when XDG_CACHE_HOME is unset or not absolute; empty without a
   * home directory.
   */
  static Optional<Path> cacheRoot(Map<String, String> environment, String userHome) {
    String cacheHome = environment.get("XDG_CACHE_HOME");
    Path base;
    try {
      if (cacheHome != null && !cacheHome.isBlank() && Path.of(cacheHome).isAbsolute()) {
        base = Path.of(cacheHome);
      } else if (userHome != null && !userHome.isBlank()) {
        base = Path.of(userHome, ".cache");
      } else {
        return Optional.empty();
      }
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
    return Optional.of(base.resolve("cexsafe").resolve("sqlite-native"));
  }

  /**
   * The directory of one driver version's copy on this platform: the version and the JVM's OS and
   * architecture, so that a home directory shared by machines keeps one copy per platform.
   */
  static String directoryName(String driverVersion) {
    return (driverVersion
            + "-"
            + System.getProperty("os.name", "")
            + "-"
            + System.getProperty("os.arch", ""))
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9._-]", "_");
  }

  /**
   * The verified copy of the library in {@code directory}, written there first when missing,
   * damaged or stale, and loaded by {@code load}; empty when any of it fails.
   *
   * @param load loads a library file, throwing {@link UnsatisfiedLinkError} when it cannot
   */
  static Optional<Path> cachedLibrary(Path directory, Source source, Consumer<Path> load) {
    try {
      Path library = verifiedCopy(directory, source);
      if (library == null) {
        return Optional.empty();
      }
      load.accept(library);
      return Optional.of(library);
    } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
      // the driver's own extraction still works: the cache only saves time
      return Optional.empty();
    }
  }

  private static Path verifiedCopy(Path directory, Source source) throws IOException {
    Path description = directory.resolve(DESCRIPTION);
    Described described = Described.read(description);
    if (described != null) {
      URL resource = source.resource(described.resourcePath());
      Path library = described.copyIn(directory);
      if (resource != null
          && described.matches(Checksum.of(resource))
          && described.matches(Checksum.of(library))) {
        return library;
      }
    }
    // first use, or a damaged, stale or foreign copy: write it again from the jar
    String resourcePath = source.resourcePath();
    URL resource = resourcePath == null ? null : source.resource(resourcePath);
    if (resource == null) {
      return null;
    }
    Checksum expected = Checksum.of(resource);
    Described fresh = new Described(resourcePath, expected.size(), expected.crc());
    Path library = fresh.copyIn(directory);
    Files.createDirectories(library.getParent());
    Path partial = Files.createTempFile(library.getParent(), fresh.fileName(), ".tmp");
    try {
      try (InputStream in = resource.openStream();
          OutputStream out = Files.newOutputStream(partial)) {
        in.transferTo(out);
      }
      if (!fresh.matches(Checksum.of(partial))) {
        return null;
      }
      move(partial, library);
      partial = Files.createTempFile(directory, DESCRIPTION, ".tmp");
      Files.writeString(partial, fresh.text(), StandardCharsets.UTF_8);
      move(partial, description);
    } finally {
      Files.deleteIfExists(partial);
    }
    return fresh.matches(Checksum.of(library)) ? library : null;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A size and a CRC-32. */
  record Checksum(long size, long crc) {
    /** The jar entry's recorded size and CRC (nothing inflated), else the content's. */
    static Checksum of(URL resource) throws IOException {
      URLConnection connection = resource.openConnection();
      if (connection instanceof JarURLConnection jar) {
        JarEntry entry = jar.getJarEntry();
        if (entry != null && entry.getSize() >= 0 && entry.getCrc() >= 0) {
          return new Checksum(entry.getSize(), entry.getCrc());
        }
      }
      try (InputStream in = connection.getInputStream()) {
        return of(in);
      }
    }

    static Checksum of(Path file) throws IOException {
      if (!Files.isRegularFile(file)) {
        return new Checksum(-1, -1);
      }
      try (InputStream in = Files.newInputStream(file)) {
        return of(in);
      }
    }

    private static Checksum of(InputStream in) throws IOException {
      CRC32 crc = new CRC32();
      byte[] buffer = new byte[65_536];
      long size = 0;
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        crc.update(buffer, 0, read);
        size += read;
      }
      return new Checksum(size, crc.getValue());
    }
  }

  /** What {@link #DESCRIPTION} says: which resource the copy is, its size and CRC-32. */
  record Described(String resourcePath, long size, long crc) {
    /** The copy's file name: the resource's, which is what the driver loads by name. */
    String fileName() {
      return resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
    }

    /**
     * Where the copy of this content lives: a directory named by its size and CRC-32, so that a
     * verified copy is never replaced by different bytes between its check and its loading (two
     * jars of one driver version with different libraries each get their own).
     */
    Path copyIn(Path directory) {
      return directory.resolve(size + "-" + Long.toHexString(crc)).resolve(fileName());
    }

    boolean matches(Checksum checksum) {
      return checksum.size() == size && checksum.crc() == crc;
    }

    String text() {
      return resourcePath + "\n" + size + "\n" + Long.toHexString(crc) + "\n";
    }

    /** The description in {@code file}; null when missing or not one. */
    static Described read(Path file) {
      try {
        if (!Files.isRegularFile(file) || Files.size(file) > 4096) {
          return null;
        }
        String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
        if (lines.length != 3
            || !lines[0].startsWith("/")
            || lines[0].endsWith("/")
            || lines[0].contains("..")) {
          return null;
        }
        return new Described(
            lines[0], Long.parseLong(lines[1]), Long.parseUnsignedLong(lines[2], 16));
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
  }
}
