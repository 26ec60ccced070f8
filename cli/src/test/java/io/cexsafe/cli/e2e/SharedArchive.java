package io.cexsafe.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The class-data-sharing archive the jar-subprocess tests run with, made the way {@code
 * bin/cexsafe} makes one for users: a dynamic AppCDS archive ({@code -XX:ArchiveClassesAtExit})
 * trained by one offline comparison of five exchanges, then mapped by every child ({@code
 * -XX:SharedArchiveFile}) with the launcher's logging options (JVM warnings on stderr, archive
 * notices off).
 *
 * <p>It is trained once per jar and JVM, into {@code target/it-cds/} beside the jar, under a file
 * lock so that test JVMs running side by side train it once between them. The JVM itself checks the
 * archive against the jar it runs (path, size and modification time) and runs without it when they
 * differ. A JVM without a default CDS archive to build on, a failed training, or {@code
 * -Dcexsafe.it.cds=off} means the plain {@code java -jar}.
 */
final class SharedArchive {
  /** The launcher's logging options: warnings to stderr, nothing about the archive itself. */
  private static final List<String> QUIET =
      List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-Xlog:cds*=off:stderr");

  /** The launcher's training run ({@code bin/cexsafe}). */
  private static final List<String> TRAINING_COMMAND =
      List.of("compare", "crypto-com", "coinbase", "kraken", "binance", "okx", "--offline");

  private static final Map<Path, List<String>> OPTIONS = new HashMap<>();

  private SharedArchive() {}

  /**
   * The JVM options that map the archive of {@code jar}, training it first if this build has none;
   * empty when the children run without one.
   */
  static synchronized List<String> optionsFor(Path jar) {
    return OPTIONS.computeIfAbsent(jar.toAbsolutePath(), SharedArchive::prepare);
  }

  private static List<String> prepare(Path jar) {
    if ("off".equalsIgnoreCase(System.getProperty("cexsafe.it.cds", "on"))) {
      return List.of();
    }
    Path javaHome = Path.of(System.getProperty("java.home"));
    if (!Files.isRegularFile(javaHome.resolve("lib/server/classes.jsa"))) {
      // a dynamic archive builds on the JDK's default archive
      return List.of();
    }
    try {
      Path dir = Files.createDirectories(jar.resolveSibling("it-cds"));
      String key =
          Integer.toHexString(
              List.of(
                      jar.toString(),
                      Files.size(jar),
                      Files.getLastModifiedTime(jar).toMillis(),
                      javaHome.toString(),
                      System.getProperty("java.vm.version"))
                  .hashCode());
      Path archive = dir.resolve("cexsafe-" + key + ".jsa");
      try (FileChannel channel =
              FileChannel.open(
                  dir.resolve("training.lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock held = channel.lock()) {
        if (!Files.isRegularFile(archive)) {
          deleteOlderArchives(dir);
          train(jar, javaHome, archive);
        }
      }
      if (Files.isRegularFile(archive)) {
        List<String> options = new ArrayList<>(QUIET);
        options.add("-XX:SharedArchiveFile=" + archive);
        return List.copyOf(options);
      }
    } catch (IOException e) {
      System.err.println("jar tests run without a class-data-sharing archive: " + e);
    }
    return List.of();
  }

  /** One training run; the archive appears under its final name only when it is complete. */
  private static void train(Path jar, Path javaHome, Path archive) throws IOException {
    Path home = Files.createTempDirectory(archive.getParent(), "training-home");
    Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    List<String> command =
        new ArrayList<>(
            List.of(
                javaHome.resolve("bin/java").toString(),
                "-Duser.home=" + home,
                "-Djava.io.tmpdir=" + home,
                // the options every child runs with (JarRunner)
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
    command.addAll(QUIET);
    command.add("-XX:ArchiveClassesAtExit=" + partial);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(TRAINING_COMMAND);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(home.resolve("training.err").toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("CEXSAFE_"));
    builder.environment().put("HOME", home.toString());
    builder.environment().put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    builder.environment().put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      boolean finished = process.waitFor(3, TimeUnit.MINUTES);
      if (!finished) {
        process.destroyForcibly().waitFor();
      }
      if (finished && process.exitValue() == 0 && Files.isRegularFile(partial)) {
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
      } else {
        System.err.println(
            "jar tests run without a class-data-sharing archive: training "
                + (finished ? "exited " + process.exitValue() : "timed out")
                + ": "
                + Files.readString(home.resolve("training.err")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      Files.deleteIfExists(partial);
      deleteTree(home);
    }
  }

  /** The archives of earlier jars of this build directory: no JVM would map them again. */
  private static void deleteOlderArchives(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".jsa")).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
