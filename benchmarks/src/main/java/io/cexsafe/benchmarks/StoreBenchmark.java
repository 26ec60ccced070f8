package io.cexsafe.benchmarks;

import io.cexsafe.Assessor;
import io.cexsafe.Config;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.Scorer;
import io.cexsafe.spi.CollectorRegistry;
import io.cexsafe.store.EvidenceStore;
import io.cexsafe.store.HistoryPoint;
import io.cexsafe.store.RunPlan;
import io.cexsafe.store.StoreLocation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The store's two performance targets (issue #16), measured by a harness rather than JMH: each
 * figure is one long operation against a real database, not a hot loop.
 *
 * <ol>
 *   <li>{@code cost}: storing a 100-exchange run costs at most 10 % of that run's offline assess
 *       time. The run is the bundled catalogue assessed offline (collectors, then scoring) until
 *       100 exchange results exist; the same 100 bundles and scorecards are then stored (one
 *       transaction per exchange, as {@code assess --store} does).
 *   <li>{@code history}: two years of daily runs for 100 exchanges (73,000 scorecards) are stored;
 *       {@code RunHistory.points} for one exchange (730 points) must answer in under 200 ms, with
 *       the heap it allocates reported.
 *   <li>{@code cold}: the storing of one such run in a fresh JVM, phase by phase (open, start,
 *       first commit, the other commits, end), which is what {@code assess --store} pays on top of
 *       the warm per-exchange cost.
 * </ol>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.cexsafe.benchmarks.StoreBenchmark
 * cost|cold|history sqlite|postgres <jdbc-url>}; docs/performance-store.md shows how the PostgreSQL
 * server of the published figures was started.
 */
public final class StoreBenchmark {
  private StoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || (args[1].equals("postgres") && args.length < 3)) {
      System.err.println(
          "usage: StoreBenchmark cost|cold|history|history-read sqlite [file]|postgres <jdbc-url>");
      System.exit(2);
    }
    StoreLocation location;
    if (args[1].equals("sqlite") && args.length < 3) {
      Path dir = Files.createTempDirectory("cexsafe-store-bench");
      location = StoreLocation.sqlite(dir.resolve("store.db"));
    } else {
      location = StoreLocation.parse(args[2]);
    }
    switch (args[0]) {
      case "cost" -> cost(location);
      case "cold" -> cold(location);
      case "history" -> history(location);
      case "history-read" -> {
        // a store the history mode filled, read by a fresh JVM
        List<String> ids =
            ExchangeCatalog.bundled().all().subList(0, 100).stream().map(Exchange::id).toList();
        readHistory(location, ids, new SplittableRandom(42));
      }
      default -> {
        System.err.println("unknown mode " + args[0]);
        System.exit(2);
      }
    }
  }

  /** Timed repetitions of the assess and of the storing; the figures are their medians. */
  private static final int ASSESS_RUNS = 5;

  private static final int WARM_UPS = 5;

  private static final int STORE_RUNS = Integer.getInteger("storeRuns", 7);

  /**
   * Untimed storing runs before the timed ones. The default stops before the JIT's steady state
   * (storing keeps getting faster for 30-45 runs), which a long-lived pipeline reaches.
   */
  private static final int STORE_WARM_UPS = Integer.getInteger("storeWarmUps", 2 * WARM_UPS);

  private static void cost(StoreLocation location) {
    ExchangeCatalog catalog = ExchangeCatalog.bundled();
    Instant asOf = Instant.parse("2026-11-21T23:59:59Z");
    Scorer scorer = Scorer.standard();
    // a 100-exchange run: the catalogue's first 100 exchanges
    List<Exchange> hundred = catalog.all().subList(0, 100);
    // warm up collectors and scoring, then time fresh runs of exactly those 100
    for (int warmUp = 0; warmUp < WARM_UPS; warmUp++) {
      assessOnce(catalog, hundred, asOf, scorer, new ArrayList<>(), new ArrayList<>());
    }
    List<EvidenceBundle> bundles = new ArrayList<>();
    List<Scorecard> cards = new ArrayList<>();
    long[] assessNanos = new long[ASSESS_RUNS];
    long[] assessCpu = new long[ASSESS_RUNS];
    for (int run = 0; run < ASSESS_RUNS; run++) {
      bundles.clear();
      cards.clear();
      long cpuStart = processCpuNanos();
      long assessStart = System.nanoTime();
      assessOnce(catalog, hundred, asOf, scorer, bundles, cards);
      assessNanos[run] = System.nanoTime() - assessStart;
      assessCpu[run] = processCpuNanos() - cpuStart;
    }
    List<String> ids = bundles.stream().map(EvidenceBundle::exchangeId).toList();
    try (EvidenceStore store = EvidenceStore.open(location)) {
      // warm-up runs, not measured: both sides are timed compiled, as in a long-lived process
      for (int warmUp = 0; warmUp < STORE_WARM_UPS; warmUp++) {
        storeRun(store, "warm-up", asOf, ids, bundles, cards);
      }
      long[] storeNanos = new long[STORE_RUNS];
      long[] storeCpu = new long[STORE_RUNS];
      long[] storeThreadCpu = new long[STORE_RUNS];
      long serverCpuStart = serverCpuNanos();
      long bytesBefore = databaseBytes(location);
      for (int run = 0; run < STORE_RUNS; run++) {
        long cpuStart = processCpuNanos();
        long threadCpuStart = THREADS.getCurrentThreadCpuTime();
        long storeStart = System.nanoTime();
        storeRun(store, "measured", asOf, ids, bundles, cards);
        storeNanos[run] = System.nanoTime() - storeStart;
        storeThreadCpu[run] = THREADS.getCurrentThreadCpuTime() - threadCpuStart;
        storeCpu[run] = processCpuNanos() - cpuStart;
      }
      long bytesPerRun = (databaseBytes(location) - bytesBefore) / STORE_RUNS;
      long serverCpu = (serverCpuNanos() - serverCpuStart) / STORE_RUNS;
      int evidence = bundles.stream().mapToInt(b -> b.evidence().size()).sum();
      long assess = median(assessNanos);
      long storing = median(storeNanos);
      System.out.printf(
          Locale.ROOT,
          "store %s%noffline assess of %d exchanges (collect + score), %d runs: %s ms, median %.0f"
              + " ms%nstoring them (%d pieces of evidence, %d transactions), %d runs: %s ms, median"
              + " %.1f ms, min %.1f ms%n= %.1f %% of the assess time (min %.1f %%; target <= 10 %%)%n",
          location.isSqlite() ? "sqlite" : "postgresql",
          bundles.size(),
          ASSESS_RUNS,
          millis(assessNanos),
          assess / 1e6,
          evidence,
          bundles.size() + 2,
          STORE_RUNS,
          millis(storeNanos),
          storing / 1e6,
          Arrays.stream(storeNanos).min().orElseThrow() / 1e6,
          100.0 * storing / assess,
          100.0 * Arrays.stream(storeNanos).min().orElseThrow() / assess);
      // CPU time is what a loaded machine distorts least (the process's, as the assess is
      // parallel): medians, assess then storing
      System.out.printf(
          Locale.ROOT,
          "cpu time (process): assess median %.0f ms, storing median %.1f ms = %.1f %%%n",
          median(assessCpu) / 1e6,
          median(storeCpu) / 1e6,
          100.0 * median(storeCpu) / median(assessCpu));
      // the storing thread's own CPU (SQLite's native code included: it runs on this thread),
      // with nanosecond resolution where the process's comes in 10 ms ticks; and what each run
      // adds to the database, which no load distorts
      System.out.printf(
          Locale.ROOT,
          "cpu time (storing thread): median %.1f ms, min %.1f ms per run (%.3f ms per exchange);"
              + " database growth %.1f KiB per run (%.2f KiB per exchange)%n",
          median(storeThreadCpu) / 1e6,
          Arrays.stream(storeThreadCpu).min().orElseThrow() / 1e6,
          median(storeThreadCpu) / 1e6 / bundles.size(),
          bytesPerRun / 1024.0,
          bytesPerRun / 1024.0 / bundles.size());
      if (System.getProperty("postmaster.pid") != null) {
        System.out.printf(
            Locale.ROOT,
            "cpu time (postgresql server): %.1f ms per stored run (mean); with the client's: %.1f"
                + " %% of the assess%n",
            serverCpu / 1e6,
            100.0 * (median(storeCpu) + serverCpu) / median(assessCpu));
      }
    }
  }

  /**
   * What storing a 100-exchange run costs a fresh JVM, phase by phase, after the run was assessed
   * (collectors and scoring) in the same JVM, as {@code assess --store} does: opening the store
   * (sqlite-jdbc's native library, the schema check), recording the run, the first commit (the
   * codec's first use), the other 99 commits, the run's end and closing. Printed per phase: the
   * calling thread's CPU time and the wall time. Run it several times, alternating with the code it
   * is compared to: one fresh JVM is one sample. Pass the JIT options {@code bin/cexsafe} gives an
   * offline command to see what the command line pays.
   */
  private static void cold(StoreLocation location) {
    ExchangeCatalog catalog = ExchangeCatalog.bundled();
    Instant asOf = Instant.parse("2026-11-21T23:59:59Z");
    List<EvidenceBundle> bundles = new ArrayList<>();
    List<Scorecard> cards = new ArrayList<>();
    assessOnce(catalog, catalog.all().subList(0, 100), asOf, Scorer.standard(), bundles, cards);
    List<String> ids = bundles.stream().map(EvidenceBundle::exchangeId).toList();
    StringBuilder phases = new StringBuilder("cold store " + location.describe() + ":");
    long[] mark = {THREADS.getCurrentThreadCpuTime(), System.nanoTime()};
    java.util.function.Consumer<String> phase =
        name -> {
          long cpu = THREADS.getCurrentThreadCpuTime();
          long wall = System.nanoTime();
          phases.append(
              String.format(
                  Locale.ROOT,
                  " %s %.1f/%.1f ms",
                  name,
                  (cpu - mark[0]) / 1e6,
                  (wall - mark[1]) / 1e6));
          mark[0] = THREADS.getCurrentThreadCpuTime();
          mark[1] = System.nanoTime();
        };
    EvidenceStore store = EvidenceStore.open(location);
    phase.accept("open");
    RunPlan plan = RunPlan.of(asOf, ids);
    store.startRun(plan);
    phase.accept("startRun");
    store.commitExchange(plan.runId(), bundles.get(0), cards.get(0));
    phase.accept("commit#1");
    for (int i = 1; i < bundles.size(); i++) {
      store.commitExchange(plan.runId(), bundles.get(i), cards.get(i));
    }
    phase.accept("commits#2-" + bundles.size());
    store.finishRun(plan.runId());
    phase.accept("finishRun");
    store.close();
    phase.accept("close");
    System.out.println(phases.append(" (thread CPU/wall)"));
  }

  /**
   * CPU time of a local PostgreSQL server (the postmaster given by {@code -Dpostmaster.pid} and its
   * children, from /proc, in 10 ms ticks); 0 without that property.
   */
  private static long serverCpuNanos() {
    String postmaster = System.getProperty("postmaster.pid");
    if (postmaster == null) {
      return 0;
    }
    long ticks = 0;
    try (java.util.stream.Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : processes.toList()) {
        if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
          continue;
        }
        String stat;
        try {
          stat = Files.readString(process.resolve("stat"));
        } catch (java.io.IOException gone) {
          continue;
        }
        // fields after the command's closing parenthesis: state ppid ... utime(14) stime(15)
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        if (process.getFileName().toString().equals(postmaster) || fields[1].equals(postmaster)) {
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return ticks * 10_000_000L;
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      ManagementFactory.getThreadMXBean();

  /** The database's size in bytes: SQLite's pages (WAL included), PostgreSQL's database size. */
  private static long databaseBytes(StoreLocation location) {
    String sql =
        location.isSqlite()
            ? "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"
            : "SELECT pg_database_size(current_database())";
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(location.jdbcUrl());
        java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot measure the store's size: " + e.getMessage(), e);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String millis(long[] nanos) {
    return Arrays.stream(nanos)
        .mapToObj(n -> String.format(Locale.ROOT, "%.1f", n / 1e6))
        .collect(java.util.stream.Collectors.joining(" "));
  }

  private static void assessOnce(
      ExchangeCatalog catalog,
      List<Exchange> exchanges,
      Instant asOf,
      Scorer scorer,
      List<EvidenceBundle> bundles,
      List<Scorecard> cards) {
    Config config = Config.builder().build();
    CollectorRegistry registry =
        CollectorRegistry.builder()
            .config(config)
            .discover(StoreBenchmark.class.getClassLoader())
            .build();
    try (Assessor assessor =
        Assessor.builder()
            .catalog(catalog)
            .collectors(registry)
            .config(config)
            .offline(true)
            .asOf(asOf)
            .build()) {
      for (EvidenceBundle bundle : assessor.assessAll(exchanges)) {
        bundles.add(bundle);
        cards.add(scorer.score(bundle));
      }
    }
  }

  private static void storeRun(
      EvidenceStore store,
      String name,
      Instant asOf,
      List<String> ids,
      List<EvidenceBundle> bundles,
      List<Scorecard> cards) {
    RunPlan plan = new RunPlan(name + "-" + System.nanoTime(), asOf, ids, Map.of());
    store.startRun(plan);
    for (int i = 0; i < bundles.size(); i++) {
      store.commitExchange(plan.runId(), bundles.get(i), cards.get(i));
    }
    store.finishRun(plan.runId());
  }

  private static void history(StoreLocation location) throws Exception {
    int days = 730;
    Instant first = Instant.parse("2024-11-22T06:00:00Z");
    SplittableRandom random = new SplittableRandom(42);
    // what `assess --store` writes for the catalogue's first 100 exchanges, offline: their real
    // bundles (evidence and collector outcomes) and scorecards, re-dated to each day
    ExchangeCatalog catalog = ExchangeCatalog.bundled();
    List<EvidenceBundle> bundles = new ArrayList<>();
    List<Scorecard> cards = new ArrayList<>();
    assessOnce(catalog, catalog.all().subList(0, 100), first, Scorer.standard(), bundles, cards);
    List<String> ids = bundles.stream().map(EvidenceBundle::exchangeId).toList();
    int exchanges = ids.size();
    // one writer is all SQLite takes; PostgreSQL's round trips overlap with several (the store
    // takes concurrent writers; each day is still one run committed exchange by exchange)
    int writers = location.isSqlite() ? 1 : 4;
    long fillStart = System.nanoTime();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(writers);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(
            pool.submit(
                () -> {
                  try (EvidenceStore store = EvidenceStore.open(location)) {
                    for (int day = writer; day < days; day += writers) {
                      Instant asOf = first.plus(Duration.ofDays(day));
                      RunPlan plan = new RunPlan("day-" + day, asOf, ids, Map.of());
                      store.startRun(plan);
                      for (int x = 0; x < exchanges; x++) {
                        EvidenceBundle bundle = bundles.get(x);
                        store.commitExchange(
                            plan.runId(),
                            new EvidenceBundle(
                                bundle.exchangeId(), asOf, bundle.evidence(), bundle.outcomes()),
                            rename(cards.get(x), ids.get(x), asOf));
                      }
                      store.finishRun(plan.runId());
                    }
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> writer : done) {
        writer.get();
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        Locale.ROOT,
        "store %s: filled %d runs, %d scorecards in %.1f s (%d writers)%n",
        location.isSqlite() ? "sqlite" : "postgresql",
        days,
        exchanges * days,
        (System.nanoTime() - fillStart) / 1e9,
        writers);
    readHistory(location, ids, random);
  }

  /**
   * Times {@code RunHistory.points} on a freshly opened store, as a {@code history} command would
   * open it (in a fresh JVM for {@code history-read}).
   */
  private static void readHistory(
      StoreLocation location, List<String> ids, SplittableRandom random) {
    int exchanges = ids.size();
    try (EvidenceStore store = EvidenceStore.open(location)) {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long[] millis = new long[25];
      long[] cpuMicros = new long[millis.length];
      long allocated = 0;
      int points = 0;
      for (int i = 0; i < millis.length; i++) {
        String id = ids.get(random.nextInt(exchanges));
        long before = threads.getCurrentThreadAllocatedBytes();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        List<HistoryPoint> history = store.history().points(id);
        millis[i] = (System.nanoTime() - start) / 1_000_000;
        cpuMicros[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000;
        allocated = Math.max(allocated, threads.getCurrentThreadAllocatedBytes() - before);
        points = history.size();
      }
      long firstCall = millis[0];
      long[] warm = Arrays.copyOfRange(millis, 5, millis.length);
      Arrays.sort(warm);
      System.out.printf(
          Locale.ROOT,
          "history of one exchange (%d points): first call %d ms, then median %d ms, max %d ms"
              + " (target < 200 ms); at most %.1f MiB allocated per call; heap in use %.0f MiB%n",
          points,
          firstCall,
          warm[warm.length / 2],
          warm[warm.length - 1],
          allocated / 1048576.0,
          memory.getHeapMemoryUsage().getUsed() / 1048576.0);
      long[] warmCpu = Arrays.copyOfRange(cpuMicros, 5, cpuMicros.length);
      Arrays.sort(warmCpu);
      // the calling thread's CPU time (the database's own, for PostgreSQL, is not in it): what a
      // loaded machine distorts least
      System.out.printf(
          Locale.ROOT,
          "cpu time of the calling thread: first call %.1f ms, then median %.1f ms, max %.1f ms%n",
          cpuMicros[0] / 1000.0,
          warmCpu[warmCpu.length / 2] / 1000.0,
          warmCpu[warmCpu.length - 1] / 1000.0);
    }
  }

  private static Scorecard rename(Scorecard c, String id, Instant asOf) {
    return new Scorecard(
        id,
        c.methodology(),
        c.methodologyVersion(),
        c.rulesVersion(),
        asOf,
        c.estimate(),
        c.low(),
        c.high(),
        c.confidence(),
        c.grade(),
        c.uncappedGrade(),
        c.notRatedReason(),
        c.provisional(),
        c.redFlags(),
        c.pillars(),
        c.findings(),
        c.staleEvidenceIds(),
        c.unscoredFacts());
  }
}
