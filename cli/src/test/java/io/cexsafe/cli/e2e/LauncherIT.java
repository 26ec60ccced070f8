package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/cexsafe} runs the shaded jar with a class-data-sharing archive from the user's cache
 * directory, and answers exactly as {@code java -jar} does when the archive is absent, stale,
 * damaged or cannot be written.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of(System.getProperty("cexsafe.launcher", "?"));
  private static final Path JAR = Path.of(System.getProperty("cexsafe.jar", "?"));

  /** The plain {@code java -jar} answer every launcher run must match byte for byte. */
  private static String expected;

  /** A cache holding a trained archive for {@link #JAR}: trained once, copied by the tests. */
  private static Path trainedCache;

  @BeforeAll
  static void trainOnce(@TempDir Path shared) throws IOException {
    assumeTrue(Files.isExecutable(LAUNCHER), "bin/cexsafe is not executable here: " + LAUNCHER);
    assumeTrue(javaHasCdsArchives(), "this JVM has no default CDS archive to build on");
    expected =
        JarRunner.inHome(Files.createDirectories(shared.resolve("plain")))
            .withoutSharedArchive()
            .run("exchanges")
            .stdout();
    assertThat(expected).contains("crypto-com");
    trainedCache = shared.resolve("trained");
    Run first =
        launch(
            Files.createDirectories(shared.resolve("home")),
            trainedCache,
            JAR,
            Map.of(),
            "exchanges");
    first.assertAnswered();
    assertThat(archives(trainedCache)).as("the first run trains one archive").hasSize(1);
    try (Stream<Path> files = Files.list(trainedCache.resolve("cexsafe/cds"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("the training's temporary store and class lists are deleted")
          .noneMatch(name -> name.contains(".store.db") || name.contains(".classlist"));
    }
    assertThat(trainedCache.resolve("cexsafe/sqlite-native"))
        .as("the smaller archive's training opens no store")
        .doesNotExist();
  }

  private static boolean javaHasCdsArchives() {
    return Files.exists(Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa"));
  }

  @Test
  void laterRunsMapTheArchive(@TempDir Path temp) throws IOException {
    Path cache = copy(trainedCache, temp.resolve("cache"));
    Path classes = temp.resolve("classes.txt");
    Run run =
        launch(
            temp,
            cache,
            JAR,
            Map.of("CEXSAFE_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
            "exchanges");
    run.assertAnswered();
    assertThat(Files.readString(classes))
        .as("cexsafe's classes and picocli's (Java 5 class files) come from the archive")
        .contains("io.cexsafe.cli.Main source: shared objects file")
        .contains("picocli.CommandLine source: shared objects file");
    assertThat(archives(cache))
        .as("no second archive")
        .extracting(p -> p.getFileName().toString())
        .containsExactly(archives(trainedCache).get(0).getFileName().toString());
  }

  @Test
  void aDamagedArchiveIsDiscardedAndReplaced(@TempDir Path temp) throws IOException {
    Path cache = copy(trainedCache, temp.resolve("cache"));
    Path archive = archives(cache).get(0);
    byte[] bytes = Files.readAllBytes(archive);
    // same size, scrambled past the header: mapped as it is, it would crash the JVM
    for (int i = 4096; i < bytes.length; i += 997) {
      bytes[i] ^= 0x5a;
    }
    archive.toFile().setWritable(true);
    Files.write(archive, bytes);

    launch(temp, cache, JAR, Map.of(), "exchanges").assertAnswered();
    assertThat(Files.readAllBytes(archive)).as("a fresh archive").isNotEqualTo(bytes);

    archive.toFile().setWritable(true);
    Files.write(archive, new byte[] {1, 2, 3});
    launch(temp, cache, JAR, Map.of(), "exchanges").assertAnswered();
    assertThat(Files.size(archive)).as("a truncated archive is replaced too").isGreaterThan(3);
  }

  @Test
  void anArchiveOfAnotherJarIsRefusedQuietly(@TempDir Path temp) throws IOException {
    // a copy of the jar at another path gets its own archive, which the JVM refuses for this jar
    Path otherJar = Files.copy(JAR, temp.resolve("other.jar"));
    Path otherCache = temp.resolve("other-cache");
    launch(temp, otherCache, otherJar, Map.of(), "exchanges").assertAnswered();
    Path cache = copy(trainedCache, temp.resolve("cache"));
    Path archive = archives(cache).get(0);
    archive.toFile().setWritable(true);
    Path otherArchive = archives(otherCache).get(0);
    // moved, not copied: the other archive keeps the size, time and inode its .ok file records
    Files.move(otherArchive, archive, StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        Path.of(otherArchive + ".ok"),
        Path.of(archive + ".ok"),
        StandardCopyOption.REPLACE_EXISTING);

    Path classes = temp.resolve("classes.txt");
    launch(
            temp,
            cache,
            JAR,
            Map.of("CEXSAFE_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
            "exchanges")
        .assertAnswered();
    assertThat(Files.readString(classes))
        .doesNotContain("io.cexsafe.cli.Main source: shared objects file");
  }

  @Test
  void anUnwritableCacheOrCdsOffRunsWithoutAnArchive(@TempDir Path temp) throws IOException {
    Path notADirectory = Files.writeString(temp.resolve("file"), "x");
    launch(temp, notADirectory, JAR, Map.of(), "exchanges").assertAnswered();

    Path cache = temp.resolve("cache");
    launch(temp, cache, JAR, Map.of("CEXSAFE_CDS", "off"), "exchanges").assertAnswered();
    assertThat(cache).doesNotExist();
  }

  @Test
  void exitCodesAndErrorsPassThrough(@TempDir Path temp) throws IOException {
    Path cache = copy(trainedCache, temp.resolve("cache"));
    Run unknown = launch(temp, cache, JAR, Map.of(), "assess", "no-such-exchange", "--offline");
    assertThat(unknown.exitCode).as(unknown.stderr).isEqualTo(2);
    assertThat(unknown.stderr).startsWith("cexsafe: ").doesNotContain("warning");

    Run noJar = launch(temp, cache, temp.resolve("missing.jar"), Map.of(), "exchanges");
    assertThat(noJar.exitCode).isEqualTo(2);
    assertThat(noJar.stderr).startsWith("cexsafe: no jar at ");
  }

  @Test
  void aCommandThatMayFetchTrainsAndMapsAnArchiveWithTheOnlinePath(@TempDir Path temp)
      throws IOException {
    assumeTrue(Runtime.version().feature() < 25, "Java 25's AOT cache is one archive for all");
    Path cache = copy(trainedCache, temp.resolve("cache"));
    Path offlineArchive = archives(cache).get(0);
    // not --offline, so it may fetch; --help answers without fetching
    Run help = launch(temp, cache, JAR, Map.of(), "assess", "crypto-com", "--help");
    assertThat(help.exitCode).as(help.stderr).isZero();
    assertThat(help.stderr).isEmpty();
    List<Path> both = archives(cache);
    assertThat(both).hasSize(2).contains(offlineArchive);
    Path onlineArchive = both.get(0).equals(offlineArchive) ? both.get(1) : both.get(0);
    assertThat(onlineArchive.getFileName().toString()).endsWith("-online.jsa");

    assertThat(sharedClasses(onlineArchive))
        .as("the online assess's classes: HTTP client, DeFiLlama parsing, the training itself")
        .contains(" okhttp3.OkHttpClient ")
        .contains(" io.cexsafe.collectors.defillama.internal.CexList ")
        .contains(" io.cexsafe.cli.OnlineTraining ")
        .as("the client built in the background while an online assess starts")
        .contains(" io.cexsafe.internal.PreparedHttpClient ")
        .as("and the offline comparison's")
        .contains(" io.cexsafe.cli.CompareCommand ")
        .as("but not `por verify`'s: por never maps this archive")
        .doesNotContain(" io.cexsafe.cli.PorCommand ");
    assertThat(sharedClasses(onlineArchive))
        .as("and the store's, from a training run recorded into a temporary store")
        .contains(" io.cexsafe.store.internal.JdbcStore ")
        .contains(" org.sqlite.JDBC ");
    assertThat(cache.resolve("cexsafe/sqlite-native"))
        .as("that run cached SQLite's native library")
        .isDirectoryRecursivelyContaining("glob:**/libsqlitejdbc.*");
    try (Stream<Path> files = Files.list(cache.resolve("cexsafe/cds"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("the training's temporary store and class lists are deleted")
          .noneMatch(name -> name.contains(".store.db") || name.contains(".classlist"));
    }
    assertThat(sharedClasses(offlineArchive))
        .as("offline commands map the smaller archive, without the online and store classes")
        .contains(" io.cexsafe.cli.CompareCommand ")
        .contains(" io.cexsafe.cli.PorCommand ")
        .doesNotContain(" io.cexsafe.cli.OnlineTraining ")
        .doesNotContain(" org.sqlite.JDBC ");
  }

  /** The classes an archive holds, as the JVM lists them. */
  private static String sharedClasses(Path archive) throws IOException {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:SharedArchiveFile=" + archive,
                "-XX:+PrintSharedArchiveAndExit",
                "-XX:+PrintSharedDictionary",
                "-jar",
                JAR.toString())
            .redirectErrorStream(true)
            .start();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void everyCommandGetsTheQuickCompilerOnlyLargeInputsTheFullJit(@TempDir Path temp)
      throws IOException {
    Path cache = copy(trainedCache, temp.resolve("cache"));
    Path small = Files.writeString(temp.resolve("small.json"), "{}");
    Path large = temp.resolve("large-tree.txt");
    try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(large.toFile(), "rw")) {
      file.setLength(16L * 1024 * 1024 + 1);
    }
    assertThat(stopLevel(temp, cache, "", "exchanges")).isEqualTo("1");
    assertThat(stopLevel(temp, cache, "", "assess", "crypto-com", "--offline")).isEqualTo("1");
    assertThat(stopLevel(temp, cache, "", "por", "verify", small.toString())).isEqualTo("1");
    assertThat(stopLevel(temp, cache, "", "por", "verify", small.toString(), large.toString()))
        .as("a tree over 16 MiB")
        .isEqualTo("4");
    assertThat(
            stopLevel(
                temp, cache, "", "assess", "crypto-com", "--offline", "--proof-tree=" + large))
        .as("a large file given as --option=file")
        .isEqualTo("4");
    assertThat(stopLevel(temp, cache, "", "assess", "crypto-com", "--help"))
        .as("assess without --offline: online runs get the quick compiler too")
        .isEqualTo("1");
    assertThat(stopLevel(temp, cache, "-XX:TieredStopAtLevel=4", "exchanges"))
        .as("CEXSAFE_JAVA_OPTS wins")
        .isEqualTo("4");
  }

  /** The JVM's TieredStopAtLevel for a launcher run, read from its final flags. */
  private static String stopLevel(Path home, Path cache, String javaOpts, String... args) {
    Run run =
        launch(
            home,
            cache,
            JAR,
            Map.of("CEXSAFE_JAVA_OPTS", (javaOpts + " -XX:+PrintFlagsFinal").strip()),
            args);
    return run.stdout
        .lines()
        .filter(line -> line.matches("\\s*intx TieredStopAtLevel\\s+=.*"))
        .map(line -> line.replaceAll(".*=\\s*(\\d+).*", "$1"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no flags printed: " + run.stderr));
  }

  // ---------------------------------------------------------------------------------------------

  private record Run(int exitCode, String stdout, String stderr) {
    /** Exit 0, the plain jar's answer on stdout, nothing on stderr. */
    void assertAnswered() {
      assertThat(exitCode).as(stderr).isZero();
      assertThat(stdout).isEqualTo(expected);
      assertThat(stderr).isEmpty();
    }
  }

  private static Run launch(
      Path home, Path cacheHome, Path jar, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("CEXSAFE_"));
    builder.environment().put("HOME", home.toString());
    builder.environment().put("XDG_CACHE_HOME", cacheHome.toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("CEXSAFE_JAR", jar.toString());
    builder.environment().putAll(env);
    try {
      Path out = Files.createTempFile(home, "out", ".txt");
      Path err = Files.createTempFile(home, "err", ".txt");
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("the launcher did not finish in 5 minutes: " + command);
      }
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static List<Path> archives(Path cacheHome) throws IOException {
    Path dir = cacheHome.resolve("cexsafe/cds");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".jsa")).sorted().toList();
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }
}
