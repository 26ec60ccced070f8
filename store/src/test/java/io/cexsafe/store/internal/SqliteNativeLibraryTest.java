package io.cexsafe.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.store.internal.SqliteNativeLibrary.Checksum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativeLibraryTest {
  private static final String RESOURCE = "/org/sqlite/native/Test/x1/libsqlitejdbc.so";

  @TempDir Path temp;

  /** A driver whose library is a file this test writes, counting the costly platform lookups. */
  private final class FakeDriver implements SqliteNativeLibrary.Source {
    final Path library = temp.resolve("jar-copy.so");
    int lookups;
    String resourcePath = RESOURCE;

    FakeDriver(String content) throws IOException {
      Files.writeString(library, content);
    }

    @Override
    public String resourcePath() {
      lookups++;
      return resourcePath;
    }

    @Override
    public URL resource(String path) {
      if (!RESOURCE.equals(path) || !Files.exists(library)) {
        return null;
      }
      try {
        return library.toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Records what was loaded: the file and its content at that moment. */
  private static final class Loads implements Consumer<Path> {
    final List<Path> files = new ArrayList<>();
    final List<String> contents = new ArrayList<>();

    @Override
    public void accept(Path file) {
      files.add(file);
      try {
        contents.add(Files.readString(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String crc(String content) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  @Test
  void theFirstUseWritesAVerifiedCopyAndLaterUsesLoadItWithoutThePlatformLookup()
      throws IOException {
    FakeDriver driver = new FakeDriver("library bytes");
    Loads loads = new Loads();
    Path cache = temp.resolve("cache/3.54-linux-amd64");

    Optional<Path> first = SqliteNativeLibrary.cachedLibrary(cache, driver, loads);
    Optional<Path> second = SqliteNativeLibrary.cachedLibrary(cache, driver, loads);

    assertThat(first).contains(cache.resolve("13-" + crc("library bytes") + "/libsqlitejdbc.so"));
    assertThat(second).isEqualTo(first);
    assertThat(driver.lookups).as("the driver's platform lookup runs once").isEqualTo(1);
    assertThat(loads.contents).containsExactly("library bytes", "library bytes");
    assertThat(Files.readString(cache.resolve(SqliteNativeLibrary.DESCRIPTION)))
        .startsWith(RESOURCE + "\n13\n");
    try (var files = Files.walk(cache)) {
      assertThat(files.filter(Files::isRegularFile).map(f -> cache.relativize(f).toString()))
          .as("no temporary file is left behind")
          .containsExactlyInAnyOrder(
              "13-" + crc("library bytes") + "/libsqlitejdbc.so", SqliteNativeLibrary.DESCRIPTION);
    }
  }

  @Test
  void aDamagedCopyOfTheSameSizeIsReplacedBeforeAnythingLoadsIt() throws IOException {
    FakeDriver driver = new FakeDriver("library bytes");
    Path cache = temp.resolve("cache");
    SqliteNativeLibrary.cachedLibrary(cache, driver, new Loads());
    Path copy = SqliteNativeLibrary.cachedLibrary(cache, driver, new Loads()).orElseThrow();
    Files.writeString(copy, "library bytez");
    Loads loads = new Loads();

    assertThat(SqliteNativeLibrary.cachedLibrary(cache, driver, loads)).contains(copy);

    assertThat(loads.contents).containsExactly("library bytes");
    assertThat(Files.readString(copy)).isEqualTo("library bytes");
  }

  @Test
  void aTruncatedOrMissingCopyIsWrittenAgain() throws IOException {
    FakeDriver driver = new FakeDriver("library bytes");
    Path cache = temp.resolve("cache");
    Path copy = SqliteNativeLibrary.cachedLibrary(cache, driver, new Loads()).orElseThrow();
    Files.writeString(copy, "libr");
    Loads loads = new Loads();
    SqliteNativeLibrary.cachedLibrary(cache, driver, loads);
    Files.delete(copy);
    SqliteNativeLibrary.cachedLibrary(cache, driver, loads);

    assertThat(loads.contents).containsExactly("library bytes", "library bytes");
  }

  @Test
  void aStaleCopyIsReplacedWhenTheJarsLibraryChanged() throws IOException {
    FakeDriver driver = new FakeDriver("library bytes");
    Path cache = temp.resolve("cache");
    SqliteNativeLibrary.cachedLibrary(cache, driver, new Loads());
    Files.writeString(driver.library, "a newer library");
    Loads loads = new Loads();

    Optional<Path> newer = SqliteNativeLibrary.cachedLibrary(cache, driver, loads);

    assertThat(loads.contents).containsExactly("a newer library");
    assertThat(newer)
        .as("another content gets another directory: a checked copy is never replaced")
        .contains(cache.resolve("15-" + crc("a newer library") + "/libsqlitejdbc.so"));
  }

  @Test
  void anUnreadableDescriptionIsWrittenAgain() throws IOException {
    FakeDriver driver = new FakeDriver("library bytes");
    Path cache = temp.resolve("cache");
    SqliteNativeLibrary.cachedLibrary(cache, driver, new Loads());
    for (String garbage :
        List.of("", "not a description", "/../../etc/passwd\n1\n2\n", RESOURCE + "\nx\nzz\n")) {
      Files.writeString(cache.resolve(SqliteNativeLibrary.DESCRIPTION), garbage);
      Loads loads = new Loads();

      assertThat(SqliteNativeLibrary.cachedLibrary(cache, driver, loads))
          .contains(cache.resolve("13-" + crc("library bytes") + "/libsqlitejdbc.so"));
      assertThat(loads.contents).containsExactly("library bytes");
    }
  }

  @Test
  void anUnwritableCacheLeavesTheDriverToExtractItsOwnCopy() throws IOException {
    FakeDriver driver = new FakeDriver("library bytes");
    Path notADirectory = temp.resolve("cache");
    Files.writeString(notADirectory, "a file where the cache directory would be");
    Loads loads = new Loads();

    assertThat(SqliteNativeLibrary.cachedLibrary(notADirectory.resolve("v"), driver, loads))
        .isEmpty();
    assertThat(loads.files).isEmpty();
  }

  @Test
  void aCopyTheJvmCannotLoadLeavesTheDriverToExtractItsOwnCopy() throws IOException {
    FakeDriver driver = new FakeDriver("library bytes");

    Optional<Path> library =
        SqliteNativeLibrary.cachedLibrary(
            temp.resolve("cache"),
            driver,
            file -> {
              throw new UnsatisfiedLinkError("noexec mount");
            });

    assertThat(library).isEmpty();
  }

  @Test
  void aPlatformWithoutALibraryInTheJarUsesNoCache() throws IOException {
    FakeDriver driver = new FakeDriver("library bytes");
    driver.resourcePath = "/org/sqlite/native/Other/arch/libsqlitejdbc.so";
    Loads loads = new Loads();

    assertThat(SqliteNativeLibrary.cachedLibrary(temp.resolve("cache"), driver, loads)).isEmpty();
    assertThat(loads.files).isEmpty();
  }

  @Test
  void theDriversOwnLibraryIsCopiedWithTheJarEntrysChecksum() throws IOException {
    String resource = SqliteNativeLibrary.DRIVER.resourcePath();
    URL inJar = SqliteNativeLibrary.DRIVER.resource(resource);
    Loads loads = new Loads();

    Optional<Path> library =
        SqliteNativeLibrary.cachedLibrary(
            temp.resolve("cache"),
            SqliteNativeLibrary.DRIVER,
            f -> {
              loads.files.add(f);
            });

    assertThat(library).isPresent();
    assertThat(loads.files).containsExactly(library.get());
    Checksum copied = Checksum.of(library.get());
    assertThat(copied).isEqualTo(Checksum.of(inJar));
    assertThat(copied.size()).isGreaterThan(100_000);
  }

  @Test
  void theCacheLivesUnderXdgCacheHomeOrTheHomeDirectory() {
    assertThat(SqliteNativeLibrary.cacheRoot(Map.of("XDG_CACHE_HOME", "/c"), "/home/u"))
        .contains(Path.of("/c/cexsafe/sqlite-native"));
    assertThat(SqliteNativeLibrary.cacheRoot(Map.of("XDG_CACHE_HOME", "relative"), "/home/u"))
        .contains(Path.of("/home/u/.cache/cexsafe/sqlite-native"));
    assertThat(SqliteNativeLibrary.cacheRoot(Map.of(), null)).isEmpty();
    assertThat(SqliteNativeLibrary.directoryName("3.54.1.0"))
        .matches("3\\.54\\.1\\.0-[a-z0-9._-]+-[a-z0-9._-]+")
        .doesNotContain(" ", "/");
  }
}
