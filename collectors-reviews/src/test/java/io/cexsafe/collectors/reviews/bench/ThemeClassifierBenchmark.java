package io.cexsafe.collectors.reviews.bench;

import io.cexsafe.collectors.reviews.BenchmarkAccess;
import io.cexsafe.collectors.reviews.internal.ThemeLexicon;
import io.cexsafe.collectors.reviews.internal.ThemeMatcher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Theme classification throughput on one core: the Aho–Corasick {@link ThemeMatcher} against the
 * naive one-regex-per-theme baseline, over the same generated reviews, in the same run, checking
 * that both give identical labels for every review.
 *
 * <p>Run from the repository root (figures and machine in docs/performance-reviews.md):
 *
 * <pre>
 * ./mvnw -q -pl core,testing install -DskipTests
 * ./mvnw -q -pl collectors-reviews test-compile
 * ./mvnw -q -pl collectors-reviews exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xms3g -Xmx3g -cp %classpath \
 *     io.cexsafe.collectors.reviews.bench.ThemeClassifierBenchmark 1000000 1"
 * </pre>
 *
 * <p>Arguments: reviews (default 1,000,000) and rounds (default 1). Throughput comes from the
 * thread's CPU time, since the machine may be shared.
 */
public final class ThemeClassifierBenchmark {
  private ThemeClassifierBenchmark() {}

  public static void main(String[] args) {
    int reviews = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    ThemeLexicon lexicon = ThemeLexicon.bundled();
    ThemeMatcher matcher = ThemeMatcher.compile(lexicon);
    ToIntFunction<String> baseline = BenchmarkAccess.regexBaseline(lexicon);

    long start = System.nanoTime();
    List<String> corpus = BenchmarkAccess.corpus(lexicon, 42L, reviews);
    long bytes = 0;
    long chars = 0;
    for (String text : corpus) {
      bytes += text.getBytes(StandardCharsets.UTF_8).length;
      chars += text.length();
    }
    System.out.printf(
        Locale.ROOT,
        "corpus: %,d reviews, %,d UTF-8 bytes (%.1f MB), %,d chars, mean %.0f chars;"
            + " generated in %.1f s%n",
        reviews,
        bytes,
        bytes / 1e6,
        chars,
        chars / (double) reviews,
        (System.nanoTime() - start) / 1e9);
    System.out.printf(
        Locale.ROOT,
        "java %s, %s, %d processors available%n",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors());

    // Both classifiers run on this one thread over the same blocks of reviews, alternating block
    // by block, so that load from other processes on a shared machine hits both alike. Every label
    // is kept and compared review by review after the first round.
    int[] fast = new int[reviews];
    int[] slow = new int[reviews];
    warmUp(corpus, matcher::matchBits, fast);
    warmUp(corpus, baseline, slow);
    double bestFast = 0;
    double bestSlow = 0;
    for (int round = 1; round <= rounds; round++) {
      long fastNanos = 0;
      long slowNanos = 0;
      long fastCpu = 0;
      long slowCpu = 0;
      for (int from = 0; from < reviews; from += BLOCK) {
        int to = Math.min(reviews, from + BLOCK);
        long cpu = THREADS.getCurrentThreadCpuTime();
        fastNanos += time(corpus, from, to, matcher::matchBits, fast);
        long cpuMid = THREADS.getCurrentThreadCpuTime();
        slowNanos += time(corpus, from, to, baseline, slow);
        fastCpu += cpuMid - cpu;
        slowCpu += THREADS.getCurrentThreadCpuTime() - cpuMid;
      }
      if (round == 1) {
        int labelled = 0;
        for (int i = 0; i < reviews; i++) {
          if (fast[i] != slow[i]) {
            throw new AssertionError("labels differ for review " + i + ": " + corpus.get(i));
          }
          labelled += fast[i] != 0 ? 1 : 0;
        }
        System.out.printf(
            Locale.ROOT,
            "labels identical for all %,d reviews (%,d with at least one theme)%n",
            reviews,
            labelled);
      }
      System.out.printf(
          Locale.ROOT,
          "round %d wall clock: automaton %.2f s, regex baseline %.2f s%n",
          round,
          fastNanos / 1e9,
          slowNanos / 1e9);
      // Throughput from this thread's CPU time: on a shared machine the wall clock also counts
      // the time other processes held the core.
      double fastSeconds = fastCpu / 1e9;
      double slowSeconds = slowCpu / 1e9;
      bestFast = Math.max(bestFast, reviews / fastSeconds);
      bestSlow = Math.max(bestSlow, reviews / slowSeconds);
      System.out.printf(
          Locale.ROOT,
          "round %d CPU time: automaton %.2f s (%,.0f reviews/s, %.1f MB/s) | regex baseline %.2f s"
              + " (%,.0f reviews/s, %.1f MB/s) | speed-up %.1fx%n",
          round,
          fastSeconds,
          reviews / fastSeconds,
          bytes / 1e6 / fastSeconds,
          slowSeconds,
          reviews / slowSeconds,
          bytes / 1e6 / slowSeconds,
          slowSeconds / fastSeconds);
    }
    System.out.printf(
        Locale.ROOT,
        "best: automaton %,.0f reviews/s (%.1f MB/s), baseline %,.0f reviews/s (%.1f MB/s),"
            + " speed-up %.1fx%n",
        bestFast,
        bestFast * bytes / reviews / 1e6,
        bestSlow,
        bestSlow * bytes / reviews / 1e6,
        bestFast / bestSlow);
  }

  private static final int BLOCK = 10_000;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static void warmUp(List<String> corpus, ToIntFunction<String> classifier, int[] labels) {
    int n = Math.min(corpus.size(), 20_000);
    for (int i = 0; i < n; i++) {
      labels[i] = classifier.applyAsInt(corpus.get(i));
    }
  }

  private static long time(
      List<String> corpus, int from, int to, ToIntFunction<String> classifier, int[] labels) {
    long start = System.nanoTime();
    for (int i = from; i < to; i++) {
      labels[i] = classifier.applyAsInt(corpus.get(i));
    }
    return System.nanoTime() - start;
  }
}
