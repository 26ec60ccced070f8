package io.cexsafe.benchmarks.defillama;

import io.cexsafe.Exchange;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@link AssessAllBenchmark}'s users' mode: every run is a fresh CLI process, started the way a
 * user starts it (the launcher with its options and class-data-sharing archive, or plain {@code
 * java -jar}), that assesses the same 90 bundled exchanges against the same loopback mirror. So the
 * cold figure is what a user gets: JVM start, class loading, JIT, the online assess, scoring and
 * the text report (discarded), and the exit.
 *
 * <p>The child runs {@code assess <90 ids> --no-progress} (no {@code --as-of}: a past date would
 * read histories instead, 311 requests) on answers dated up to today, with the DeFiLlama URLs
 * pointed at the mirror, {@code http.max-concurrency-per-host=8}, a fresh empty response cache and
 * the two collectors that would reach real hosts (regulators, reviews) switched off; {@code --set}
 * options given to the benchmark are added. Commands are run by {@code sh -c}, so one may start
 * with environment assignments ({@code CEXSAFE_JAVA_OPTS=-XX:TieredStopAtLevel=1 bin/cexsafe}).
 * Each round runs every command once, in turn; one untimed run of each (the same online assess)
 * first lets the launcher train the archive online commands map. CPU is the child's user + system
 * time, with its own children, read from this process's {@code /proc/self/stat} once the child is
 * reaped.
 */
final class CliRuns {
  private CliRuns() {}

  static void measure(
      AssessAllBenchmark.Generated data, int rounds, List<String> commands, List<String> extra)
      throws IOException, InterruptedException {
    List<String> ids = data.catalog().all().stream().map(Exchange::id).toList();
    Path work = Files.createTempDirectory("cexsafe-assess-cli");
    try (LocalDefiLlama server =
        new LocalDefiLlama(
            AssessAllBenchmark.CONCURRENCY, AssessAllBenchmark.LATENCY_MS, data::route)) {
      System.out.printf(
          Locale.ROOT,
          "%d bundled exchanges, latency %d ms, concurrency %d, %d CPUs; each run a fresh CLI"
              + " process%n",
          ids.size(),
          AssessAllBenchmark.LATENCY_MS,
          AssessAllBenchmark.CONCURRENCY,
          Runtime.getRuntime().availableProcessors());
      server.watchChild();
      for (int c = 0; c < commands.size(); c++) {
        System.out.printf(Locale.ROOT, "command %d: %s%n", c + 1, commands.get(c));
        // an online assess, not a fetch-free command: the launcher trains the archive that online
        // commands map on the first of them, which must not fall in a measured round
        server.reset();
        Result warmUp =
            run(
                commands.get(c),
                assessArguments(ids, server, Files.createTempDirectory(work, "http-cache"), extra),
                work);
        if (warmUp.exitCode != 0) {
          throw new IllegalStateException(
              "command " + (c + 1) + " failed (" + warmUp.exitCode + "): " + warmUp.stderr);
        }
      }
      List<List<Double>> walls = new ArrayList<>();
      List<List<Double>> cpus = new ArrayList<>();
      List<List<Double>> ratios = new ArrayList<>();
      for (int c = 0; c < commands.size(); c++) {
        walls.add(new ArrayList<>());
        cpus.add(new ArrayList<>());
        ratios.add(new ArrayList<>());
      }
      for (int round = 1; round <= rounds; round++) {
        for (int c = 0; c < commands.size(); c++) {
          server.reset();
          Path cache = Files.createTempDirectory(work, "http-cache");
          List<String> args = assessArguments(ids, server, cache, extra);
          Result result = run(commands.get(c), args, work);
          if (result.exitCode != 0) {
            throw new IllegalStateException(
                "command " + (c + 1) + " failed (" + result.exitCode + "): " + result.stderr);
          }
          List<LocalDefiLlama.Served> served = server.served();
          long requests = server.total();
          long bound =
              (long) Math.ceil(requests / (double) AssessAllBenchmark.CONCURRENCY)
                  * AssessAllBenchmark.LATENCY_MS;
          double firstMs =
              served.stream().mapToLong(LocalDefiLlama.Served::arrivedNanos).min().orElse(0) / 1e6
                  - result.startedNanos / 1e6;
          double lastMs =
              served.stream().mapToLong(LocalDefiLlama.Served::answeredNanos).max().orElse(0) / 1e6
                  - result.startedNanos / 1e6;
          ChildCpu.Snapshot first = server.childAtFirstRequest();
          ChildCpu.Snapshot last = server.childAtLastAnswer();
          walls.get(c).add(result.wallMs);
          cpus.get(c).add(result.cpuMs);
          ratios.get(c).add(result.wallMs / bound);
          System.out.printf(
              Locale.ROOT,
              "round %d command %d: wall %.0f ms, ratio %.2f (bound %d ms, %d requests, max in"
                  + " flight %d, /cexs %d, /hacks %d, /stablecoins %d), process CPU %.0f ms;"
                  + " first request at %.0f ms, last answer at %.0f ms, exit %.0f ms later;"
                  + " process CPU before the first request %d ms (main thread %d ms, JIT %d ms),"
                  + " by the last answer %d ms (main thread %d ms, JIT %d ms); load average"
                  + " %.1f%n",
              round,
              c + 1,
              result.wallMs,
              result.wallMs / bound,
              bound,
              requests,
              server.maxInFlight(),
              server.count("/cexs"),
              server.count("/hacks"),
              server.count("/stablecoins"),
              result.cpuMs,
              firstMs,
              lastMs,
              result.wallMs - lastMs,
              first.processMs(),
              first.mainThreadMs(),
              first.compilerMs(),
              last.processMs(),
              last.mainThreadMs(),
              last.compilerMs(),
              ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
      }
      for (int c = 0; c < commands.size(); c++) {
        System.out.printf(
            Locale.ROOT,
            "command %d (%s), %d fresh processes: wall min/median/max %s ms, ratio %s,"
                + " process CPU %s ms%n",
            c + 1,
            commands.get(c),
            walls.get(c).size(),
            spread(walls.get(c), "%.0f"),
            spread(ratios.get(c), "%.2f"),
            spread(cpus.get(c), "%.0f"));
      }
    } finally {
      deleteTree(work);
    }
  }

  /** The measured command's arguments: the 90 exchanges against the mirror, a fresh cache. */
  private static List<String> assessArguments(
      List<String> ids, LocalDefiLlama server, Path cache, List<String> extra) {
    List<String> args = new ArrayList<>(List.of("assess"));
    args.addAll(ids);
    args.addAll(
        List.of(
            "--no-progress",
            "--set",
            "http.max-concurrency-per-host=" + AssessAllBenchmark.CONCURRENCY,
            "--set",
            "defillama.base-url=" + server.baseUrl(),
            "--set",
            "defillama.stablecoins-url=" + server.baseUrl(),
            "--set",
            "regulators.enabled=false",
            "--set",
            "reviews.enabled=false",
            "--set",
            "http.cache.dir=" + cache));
    for (String setting : extra) {
      args.add("--set");
      args.add(setting);
    }
    return args;
  }

  /** One child process: its exit code, wall and CPU time, when it started, and its stderr. */
  private record Result(
      int exitCode, double wallMs, double cpuMs, long startedNanos, String stderr) {}

  private static Result run(String command, List<String> args, Path work)
      throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of("sh", "-c", command + " \"$@\"", "sh"));
    line.addAll(args);
    Path stderr = Files.createTempFile(work, "stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(line)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    long cpuBefore = childrenCpuMillis();
    long started = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("no answer in 10 minutes: " + command);
    }
    double wallMs = (System.nanoTime() - started) / 1e6;
    long cpuMs = childrenCpuMillis() - cpuBefore;
    String errors = Files.readString(stderr);
    return new Result(
        process.exitValue(),
        wallMs,
        cpuMs,
        started,
        errors.length() > 2000 ? errors.substring(0, 2000) : errors);
  }

  /**
   * User + system time of this process's reaped children and theirs ({@code cutime + cstime} of
   * {@code /proc/self/stat}, 10 ms ticks), or 0 where there is no {@code /proc}.
   */
  private static long childrenCpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static String spread(List<Double> values, String format) {
    List<Double> sorted = values.stream().sorted().toList();
    double median =
        sorted.size() % 2 == 1
            ? sorted.get(sorted.size() / 2)
            : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    return String.format(Locale.ROOT, format, sorted.get(0))
        + " / "
        + String.format(Locale.ROOT, format, median)
        + " / "
        + String.format(Locale.ROOT, format, sorted.get(sorted.size() - 1));
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
