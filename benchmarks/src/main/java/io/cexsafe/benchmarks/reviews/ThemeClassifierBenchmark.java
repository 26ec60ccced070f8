package io.cexsafe.benchmarks.reviews;

import io.cexsafe.collectors.reviews.BenchmarkAccess;
import io.cexsafe.collectors.reviews.internal.ThemeLexicon;
import io.cexsafe.collectors.reviews.internal.ThemeMatcher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Theme classification throughput on one core: the Aho–Corasick {@link ThemeMatcher} against the
 * naive one-regex-per-theme baseline, over the same generated reviews, in the same run, checking
 * that both give identical labels for every review.
 *
 * <p>Two ways to run it after {@code ./mvnw -q -pl benchmarks -am package -DskipTests} (figures and
 * machine in docs/performance-reviews.md):
 *
 * <ul>
 *   <li>the one-million-review comparison, both classifiers in the same run with identical labels
 *       checked: {@code java -Xms3g -Xmx3g -cp benchmarks/target/benchmarks.jar
 *       io.cexsafe.benchmarks.reviews.ThemeClassifierBenchmark [reviews=1000000] [rounds=1]};
 *       throughput comes from the thread's CPU time, since the machine may be shared;
 *   <li>JMH, reviews per second over a 10,000-review corpus: {@code java -jar
 *       benchmarks/target/benchmarks.jar ThemeClassifierBenchmark}.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThemeClassifierBenchmark {
  private static final int JMH_REVIEWS = 10_000;

  private List<String> jmhCorpus;
  private ThemeMatcher jmhMatcher;
  private ToIntFunction<String> jmhBaseline;

  @Setup
  public void generate() {
    ThemeLexicon lexicon = ThemeLexicon.bundled();
    jmhCorpus = BenchmarkAccess.corpus(lexicon, 7L, JMH_REVIEWS);
    jmhMatcher = ThemeMatcher.compile(lexicon);
    jmhBaseline = BenchmarkAccess.regexBaseline(lexicon);
  }

  /** The automaton over 10,000 reviews (multiply the score by 10,000 for reviews per second). */
  @Benchmark
  public void automaton(Blackhole sink) {
    for (String review : jmhCorpus) {
      sink.consume(jmhMatcher.matchBits(review));
    }
  }

  /** The regex baseline over 10,000 reviews. */
  @Benchmark
  public void regexBaseline(Blackhole sink) {
    for (String review : jmhCorpus) {
      sink.consume(jmhBaseline.applyAsInt(review));
    }
  }

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
