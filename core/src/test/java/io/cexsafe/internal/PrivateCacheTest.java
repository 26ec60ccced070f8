package io.cexsafe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.cexsafe.Secret;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.FetchResponse;
import io.cexsafe.http.HttpSettings;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.FileSystem;
import okio.ForwardingFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The response cache is private to one process, holds no secret and never fails a fetch. */
class PrivateCacheTest {
  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path temp;

  private Path root;
  private final List<OkHttpEngine> engines = new ArrayList<>();
  private final List<Process> children = new ArrayList<>();

  @BeforeEach
  void cacheableAnswers() {
    root = temp.resolve("cache");
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .setHeader("Cache-Control", "max-age=600")
                .body("answer for " + request.getTarget())
                .build();
          }
        });
  }

  @AfterEach
  void cleanUp() {
    engines.forEach(OkHttpEngine::close);
    children.forEach(Process::destroyForcibly);
  }

  private OkHttpEngine engine() {
    return engine(UnaryOperator.identity());
  }

  private OkHttpEngine engine(UnaryOperator<FileSystem> cacheFileSystem) {
    OkHttpEngine engine =
        new OkHttpEngine(
            HttpSettings.builder()
                .cache(root, 8L * 1024 * 1024)
                .maxAttempts(2)
                .backoff(Duration.ofMillis(5), Duration.ofMillis(10))
                .readTimeout(Duration.ofSeconds(5))
                .build(),
            cacheFileSystem);
    engines.add(engine);
    return engine;
  }

  private FetchResponse get(OkHttpEngine engine, String path) throws Exception {
    return engine.fetch(FetchRequest.get(server.url(path).uri()), null);
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private List<Path> everythingUnder(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(p -> !p.equals(dir)).toList();
    }
  }

  @Test
  void cacheDirectoriesAre0700AndFiles0600() throws Exception {
    assumeThat(posix()).as("POSIX permissions").isTrue();
    OkHttpEngine engine = engine();
    assertThat(get(engine, "/cexs").fromCache()).isFalse();
    assertThat(get(engine, "/cexs").fromCache()).isTrue();
    assertThat(Files.getPosixFilePermissions(root)).isEqualTo(OWNER_DIR);
    List<Path> entries = everythingUnder(root);
    assertThat(entries).anyMatch(p -> p.getFileName().toString().endsWith(".1"));
    for (Path entry : entries) {
      assertThat(Files.getPosixFilePermissions(entry))
          .as(entry.toString())
          .isEqualTo(Files.isDirectory(entry) ? OWNER_DIR : OWNER_FILE);
    }
  }

  @Test
  void looseModesAndTheOldLayoutLeftByEarlierVersionsAreCleanedUp() throws Exception {
    assumeThat(posix()).as("POSIX permissions").isTrue();
    Files.createDirectories(root.resolve("slot-0"));
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(
        root.resolve("slot-0"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Path oldEntry = root.resolve("0123456789abcdef0123456789abcdef.0");
    Files.writeString(oldEntry, "https://pro-api.example/OLDKEY/api/cexs");
    Files.writeString(root.resolve("journal"), "libcore.io.DiskLruCache");
    Path looseFile = root.resolve("slot-0").resolve("stray");
    Files.writeString(looseFile, "x");
    Files.setPosixFilePermissions(looseFile, PosixFilePermissions.fromString("rw-r--r--"));

    OkHttpEngine engine = engine();

    assertThat(engine.cacheDirectory()).isEqualTo(root.toRealPath().resolve("slot-0"));
    assertThat(Files.getPosixFilePermissions(root)).isEqualTo(OWNER_DIR);
    assertThat(Files.getPosixFilePermissions(root.resolve("slot-0"))).isEqualTo(OWNER_DIR);
    assertThat(Files.getPosixFilePermissions(looseFile)).isEqualTo(OWNER_FILE);
    assertThat(oldEntry).doesNotExist();
    assertThat(root.resolve("journal")).doesNotExist();
  }

  @Test
  void aSharedDirectoryGivenByMistakeKeepsItsModeAndItsFiles() throws Exception {
    assumeThat(posix()).as("POSIX permissions").isTrue();
    Files.createDirectories(root);
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxr-x"));
    Files.writeString(root.resolve("notes.txt"), "someone else's notes");
    Files.writeString(root.resolve("journal"), "someone else's journal");

    OkHttpEngine engine = engine();
    assertThat(get(engine, "/x").status()).isEqualTo(200);

    assertThat(Files.getPosixFilePermissions(root))
        .isEqualTo(PosixFilePermissions.fromString("rwxrwxr-x"));
    assertThat(root.resolve("notes.txt")).hasContent("someone else's notes");
    assertThat(root.resolve("journal")).hasContent("someone else's journal");
    assertThat(Files.getPosixFilePermissions(engine.cacheDirectory())).isEqualTo(OWNER_DIR);
  }

  @Test
  void responsesFetchedWithACredentialAreNeverCachedAndNoFileHoldsTheKey() throws Exception {
    String key = "PR0KEYdoNotStore";
    OkHttpEngine engine = engine();
    FetchRequest pathKeyed =
        FetchRequest.builder(server.url("/" + key + "/api/cexs").uri())
            .credential(Secret.of(key))
            .build();
    FetchRequest headerKeyed =
        FetchRequest.builder(server.url("/register").uri())
            .secretHeader("X-Auth-Key", Secret.of(key))
            .build();
    for (int i = 0; i < 2; i++) {
      assertThat(engine.fetch(pathKeyed, null).fromCache()).isFalse();
      assertThat(engine.fetch(headerKeyed, null).fromCache()).isFalse();
    }
    assertThat(server.getRequestCount()).as("every keyed fetch went to the source").isEqualTo(4);
    get(engine, "/public");
    assertThat(get(engine, "/public").fromCache()).as("unkeyed answers are still cached").isTrue();
    engine.close();
    for (Path entry : everythingUnder(root)) {
      assertThat(entry.toString()).doesNotContain(key);
      if (Files.isRegularFile(entry)) {
        assertThat(new String(Files.readAllBytes(entry), StandardCharsets.ISO_8859_1))
            .as(entry.toString())
            .doesNotContain(key);
      }
    }
  }

  @Test
  void enginesOfOneJvmEachTakeTheirOwnSlotThenRunUncached() throws Exception {
    List<Path> slots = new ArrayList<>();
    for (int i = 0; i < PrivateCache.SLOTS; i++) {
      OkHttpEngine engine = engine();
      slots.add(engine.cacheDirectory());
      get(engine, "/shared");
      assertThat(get(engine, "/shared").fromCache()).isTrue();
    }
    assertThat(slots).doesNotHaveDuplicates().doesNotContainNull();

    OkHttpEngine extra = engine();
    assertThat(extra.cacheDirectory()).as("every slot is taken").isNull();
    assertThat(get(extra, "/shared").text()).isEqualTo("answer for /shared");
    assertThat(get(extra, "/shared").fromCache()).isFalse();

    engines.get(0).close();
    OkHttpEngine next = engine();
    assertThat(next.cacheDirectory()).as("a closed engine frees its slot").isEqualTo(slots.get(0));
    assertThat(get(next, "/shared").fromCache()).as("and leaves its entries").isTrue();
  }

  @Test
  void aCacheThatCannotCommitAnEntryStillAnswers() throws Exception {
    OkHttpEngine engine = engine(FailingMoves::new);
    assertThat(get(engine, "/cexs").text()).isEqualTo("answer for /cexs");
    assertThat(get(engine, "/cexs").text()).isEqualTo("answer for /cexs");
    assertThat(server.getRequestCount()).as("nothing could be cached").isEqualTo(2);
  }

  @Test
  void aCacheThatFailsWhileServingAnEntryFallsBackToTheNetwork() throws Exception {
    AtomicBoolean broken = new AtomicBoolean();
    OkHttpEngine engine = engine(fs -> new FailingReads(fs, broken));
    get(engine, "/cexs");
    assertThat(get(engine, "/cexs").fromCache()).isTrue();
    broken.set(true);

    FetchResponse response = get(engine, "/cexs");
    assertThat(response.text()).isEqualTo("answer for /cexs");
    assertThat(response.fromCache()).isFalse();
    assertThat(engine.cacheDirectory()).as("the cache is switched off").isNull();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(get(engine, "/hacks").text()).isEqualTo("answer for /hacks");
  }

  @Test
  void aCacheThatFailsUnderAStreamedReadIsReadAgainWithoutIt() throws Exception {
    AtomicBoolean broken = new AtomicBoolean();
    OkHttpEngine engine = engine(fs -> new FailingReads(fs, broken));
    get(engine, "/protocol");
    broken.set(true);
    String streamed =
        engine.fetch(
            FetchRequest.get(server.url("/protocol").uri()),
            (body, head) -> new String(body.readAllBytes(), StandardCharsets.UTF_8),
            null);
    assertThat(streamed).isEqualTo("answer for /protocol");
    assertThat(engine.cacheDirectory()).isNull();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  /** Reading a cached body fails once armed, as a failing disk would. */
  private static final class FailingReads extends ForwardingFileSystem {
    private final AtomicBoolean broken;

    FailingReads(FileSystem delegate, AtomicBoolean broken) {
      super(delegate);
      this.broken = broken;
    }

    @Override
    public okio.Source source(okio.Path file) throws IOException {
      okio.Source source = super.source(file);
      return new okio.ForwardingSource(source) {
        @Override
        public long read(okio.Buffer sink, long byteCount) throws IOException {
          if (broken.get() && file.name().endsWith(".1")) {
            throw new IOException("Input/output error");
          }
          return super.read(sink, byteCount);
        }
      };
    }
  }

  @Test
  void anUnusableCacheDirectoryMeansUncachedFetches() throws Exception {
    Files.writeString(temp.resolve("cache"), "a file where the directory should be");
    OkHttpEngine engine = engine();
    assertThat(engine.cacheDirectory()).isNull();
    assertThat(get(engine, "/cexs").text()).isEqualTo("answer for /cexs");
  }

  /** A file system whose renames fail, as when another process removed a cache file. */
  private static final class FailingMoves extends ForwardingFileSystem {
    FailingMoves(FileSystem delegate) {
      super(delegate);
    }

    @Override
    public void atomicMove(okio.Path source, okio.Path target) throws IOException {
      throw new FileNotFoundException(source + " (No such file or directory)");
    }
  }

  // --- a second process ---------------------------------------------------------------------

  private Process child(String mode, String url) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path output = temp.resolve("child-" + children.size() + ".out");
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CacheChildProcess.class.getName(),
                root.toString(),
                url,
                mode)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    children.add(process);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      String text = Files.exists(output) ? Files.readString(output) : "";
      if (text.contains("READY ")) {
        return process;
      }
      if (!process.isAlive()) {
        throw new AssertionError("the child process ended early:\n" + text);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the child process never got ready:\n" + Files.readString(output));
  }

  @Test
  @Timeout(90)
  void anotherProcessHoldingTheCacheLeavesThisOneItsOwnSlot() throws Exception {
    child("hold", server.url("/unused").toString());
    OkHttpEngine engine = engine();
    assertThat(engine.cacheDirectory()).isEqualTo(root.toRealPath().resolve("slot-1"));
    assertThat(get(engine, "/cexs").text()).isEqualTo("answer for /cexs");
    assertThat(get(engine, "/cexs").fromCache()).isTrue();
  }

  @Test
  @Timeout(90)
  void aProcessKilledMidWriteNeverFailsTheSurvivorsFetches() throws Exception {
    byte[] large = "0123456789abcdef".repeat(16 * 1024).getBytes(StandardCharsets.UTF_8);
    AtomicInteger writerRequests = new AtomicInteger();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getTarget().startsWith("/big")) {
              writerRequests.incrementAndGet();
            }
            return new MockResponse.Builder()
                .setHeader("Cache-Control", "max-age=600")
                .body(new okio.Buffer().write(large))
                .throttleBody(32 * 1024, 20, TimeUnit.MILLISECONDS)
                .build();
          }
        });
    Process writer = child("write", server.url("/big").toString());
    OkHttpEngine survivor = engine();
    assertThat(survivor.cacheDirectory()).isEqualTo(root.toRealPath().resolve("slot-1"));
    while (writerRequests.get() < 2) {
      assertThat(survivor.fetch(FetchRequest.get(server.url("/mine").uri()), null).body())
          .isEqualTo(large);
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (everythingUnder(root.resolve("slot-0")).stream()
        .noneMatch(p -> p.getFileName().toString().endsWith(".tmp"))) {
      assertThat(System.nanoTime()).as("the writer starts an entry").isLessThan(until);
      Thread.sleep(5);
    }
    writer.destroyForcibly();
    assertThat(writer.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(everythingUnder(root.resolve("slot-0")))
        .as("the killed process left an entry half-written")
        .anyMatch(p -> p.getFileName().toString().endsWith(".tmp"));

    assertThat(survivor.fetch(FetchRequest.get(server.url("/big?i=1").uri()), null).body())
        .isEqualTo(large);
    OkHttpEngine next = engine();
    assertThat(next.cacheDirectory())
        .as("the killed process's slot is free again")
        .isEqualTo(root.toRealPath().resolve("slot-0"));
    FetchResponse committed = next.fetch(FetchRequest.get(server.url("/big?i=0").uri()), null);
    assertThat(committed.body()).isEqualTo(large);
    assertThat(committed.fromCache()).as("what the killed process finished is reused").isTrue();
    for (int i = 1; i < 4; i++) {
      assertThat(next.fetch(FetchRequest.get(server.url("/big?i=" + i).uri()), null).body())
          .isEqualTo(large);
    }
  }
}
