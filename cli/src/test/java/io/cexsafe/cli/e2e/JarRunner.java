package io.cexsafe.cli.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shaded {@code cli/target/cexsafe.jar} as a user would: {@code java -jar} in a child
 * process, with its own home directory (so caches and data never touch the developer's), no
 * inherited {@code cexsafe.*} settings and a hard timeout.
 *
 * <p>Like {@code bin/cexsafe}, a run maps a class-data-sharing archive of the jar ({@link
 * SharedArchive}: trained once per jar into {@code target/}), which takes about a third off each
 * child's CPU time; {@link #withoutSharedArchive()} runs the plain {@code java -jar}, and {@code
 * -Dcexsafe.it.cds=off} runs every child plain (docs/testing.md).
 */
public final class JarRunner {
  private final Path jar;
  private final Path home;
  private final List<String> jvmOptions = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private Path workingDirectory;
  private Duration timeout = Duration.ofSeconds(60);
  private byte[] stdin = new byte[0];
  private Path stdoutFile;
  private long fileSizeLimitKiB;
  private boolean sharedArchive = true;

  private JarRunner(Path jar, Path home) {
    this.jar = jar;
    this.home = home;
    this.workingDirectory = home;
  }

  /** A runner for the jar named by the {@code cexsafe.jar} system property (set by failsafe). */
  public static JarRunner inHome(Path home) {
    String property = System.getProperty("cexsafe.jar");
    if (property == null || property.isBlank()) {
      throw new IllegalStateException(
          "system property cexsafe.jar is not set: run through failsafe");
    }
    Path jar = Path.of(property);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no shaded jar at " + jar + ": run ./mvnw verify");
    }
    return new JarRunner(jar, home);
  }

  /** Adds a JVM option such as {@code -Dcexsafe.regulators.enabled=false}. */
  public JarRunner jvmOption(String option) {
    jvmOptions.add(option);
    return this;
  }

  /** Sets an environment variable for the child. */
  public JarRunner env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  public JarRunner workingDirectory(Path directory) {
    this.workingDirectory = directory;
    return this;
  }

  public JarRunner timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  public JarRunner stdin(String text) {
    this.stdin = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** Sends the child's stdout to a file or device (e.g. {@code /dev/full}) instead of a pipe. */
  public JarRunner stdoutTo(Path file) {
    this.stdoutFile = file;
    return this;
  }

  /**
   * Runs the child under {@code ulimit -f}: a write past the limit kills it with SIGXFSZ, a crash
   * in the middle of writing a file.
   */
  public JarRunner fileSizeLimitKiB(long kib) {
    this.fileSizeLimitKiB = kib;
    return this;
  }

  /**
   * Runs the plain {@code java -jar}, without the class-data-sharing archive: for the checks that
   * the jar works on its own and for references the launcher is compared with.
   */
  public JarRunner withoutSharedArchive() {
    this.sharedArchive = false;
    return this;
  }

  /** Starts {@code java -jar cexsafe.jar args…} without waiting: for tests that kill it. */
  public Process start(String... args) {
    try {
      return processBuilder(args).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProcessBuilder processBuilder(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Duser.home=" + home);
    command.add("-Djava.io.tmpdir=" + home);
    // each run is short: the C1 compiler and the serial collector start faster and change nothing
    // the program does
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    if (sharedArchive) {
      command.addAll(SharedArchive.optionsFor(jar));
    }
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    if (fileSizeLimitKiB > 0) {
      // ulimit counts 1024-byte blocks in bash and 512-byte blocks in some shells: use -f in KiB
      // through bash explicitly
      List<String> wrapped =
          new ArrayList<>(
              List.of("bash", "-c", "ulimit -f " + fileSizeLimitKiB + " && exec \"$0\" \"$@\""));
      wrapped.addAll(command);
      command = wrapped;
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    if (stdoutFile != null) {
      builder.redirectOutput(stdoutFile.toFile());
    }
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("CEXSAFE_"));
    env.put("HOME", home.toString());
    env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    env.putAll(environment);
    return builder;
  }

  /** Runs {@code java -jar cexsafe.jar args…} and waits for it, at most the timeout. */
  public Result run(String... args) {
    ProcessBuilder builder = processBuilder(args);
    try {
      Process process = builder.start();
      CompletableFuture<byte[]> out = drain(process.getInputStream());
      CompletableFuture<byte[]> err = drain(process.getErrorStream());
      try (var in = process.getOutputStream()) {
        in.write(stdin);
      } catch (IOException closedEarly) {
        // the command did not read its input: fine
      }
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
      return new Result(
          finished ? process.exitValue() : -1,
          new String(out.join(), StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8),
          !finished,
          String.join(" ", args));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<byte[]> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** What a run printed and how it ended. */
  public record Result(int exitCode, String stdout, String stderr, boolean timedOut, String args) {
    /** A one-paragraph description for assertion messages. */
    public String describe() {
      return "cexsafe "
          + args
          + " -> exit "
          + exitCode
          + (timedOut ? " (timed out)" : "")
          + "\n--- stdout (first 2000 chars) ---\n"
          + stdout.substring(0, Math.min(2000, stdout.length()))
          + "\n--- stderr ---\n"
          + stderr;
    }

    /** True when stderr shows a Java class, exception name or stack frame. */
    public boolean leaksJava() {
      return stderr.matches(
          "(?s).*(Exception|Error:|\\bat [a-z]+\\.[\\w.$]+\\(|java\\.|io\\.cexsafe\\.).*");
    }
  }
}
