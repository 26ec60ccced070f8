package io.cexsafe.benchmarks.defillama;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU of a CLI child's JVM while it runs, from {@code /proc}: the whole process and its main thread
 * (the JVM's thread named {@code java} that is not the launcher's first thread), so that a run's
 * CPU splits into before the first request, between it and the last answer, and after. The JVM is
 * found by a word only its command line holds (the mirror's address). Everything is 0 where there
 * is no {@code /proc}.
 */
final class ChildCpu {
  /**
   * Process, main-thread and JIT compiler threads' CPU at one moment, in ms; {@code pid} 0 when no
   * JVM was found.
   */
  record Snapshot(long pid, long processMs, long mainThreadMs, long compilerMs) {
    static final Snapshot NONE = new Snapshot(0, 0, 0, 0);
  }

  private ChildCpu() {}

  /** The JVM whose command line contains {@code marker}, or 0. */
  static long findJvm(String marker) {
    Path proc = Path.of("/proc");
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path entry : entries) {
        try {
          byte[] line = Files.readAllBytes(entry.resolve("cmdline"));
          String text = new String(line, java.nio.charset.StandardCharsets.UTF_8);
          if (text.startsWith("/") || text.startsWith("java")) {
            String program = text.substring(0, Math.max(0, text.indexOf('\0')));
            if (program.endsWith("java") && text.contains(marker)) {
              return Long.parseLong(entry.getFileName().toString());
            }
          }
        } catch (IOException | RuntimeException gone) {
          // a process that ended while listed
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }

  /** The CPU of JVM {@code pid} now. */
  static Snapshot read(long pid) {
    if (pid == 0) {
      return Snapshot.NONE;
    }
    try {
      long process = ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
      long main = 0;
      long compilers = 0;
      try (DirectoryStream<Path> tasks =
          Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
        for (Path task : tasks) {
          if (task.getFileName().toString().equals(Long.toString(pid))) {
            continue; // the launcher's thread, which only waits for the JVM's main thread
          }
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.equals("java")) {
            main = ticks(stat);
          } else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            compilers += ticks(stat);
          }
        }
      }
      return new Snapshot(pid, process * 10, main * 10, compilers * 10);
    } catch (IOException | RuntimeException e) {
      return Snapshot.NONE;
    }
  }

  /** utime + stime of a {@code stat} line, in clock ticks (10 ms). */
  private static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
