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
 * </ol>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.cexsafe.benchmarks.StoreBenchmark
 * cost|history sqlite|postgres <jdbc-url>}; docs/performance-store.md shows how the PostgreSQL
 * server of the published figures was started.
 */
public final class StoreBenchmark {
  private StoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || (args[1].equals("postgres") && args.length < 3)) {
      System.err.println("usage: StoreBenchmark cost|history sqlite|postgres <jdbc-url>");
      System.exit(2);
    }
    StoreLocation location;
    if (args[1].equals("sqlite")) {
      Path dir = Files.createTempDirectory("cexsafe-store-bench");
      location = StoreLocation.sqlite(dir.resolve("store.db"));
    } else {
      location = StoreLocation.parse(args[2]);
    }
    if (args[0].equals("cost")) {
      cost(location);
    } else {
      history(location);
    }
  }

  private static void cost(StoreLocation location) {
    ExchangeCatalog catalog = ExchangeCatalog.bundled();
    Instant asOf = Instant.parse("2026-11-21T23:59:59Z");
    Scorer scorer = Scorer.standard();
    List<EvidenceBundle> bundles = new ArrayList<>();
    List<Scorecard> cards = new ArrayList<>();
    // warm up collectors, scoring and the store once, then measure fresh work
    assessOnce(catalog, asOf, scorer, new ArrayList<>(), new ArrayList<>());
    long assessStart = System.nanoTime();
    while (bundles.size() < 100) {
      assessOnce(catalog, asOf, scorer, bundles, cards);
    }
    long assessNanos = System.nanoTime() - assessStart;
    int n = Math.min(100, bundles.size());
    List<String> ids = new ArrayList<>();
    List<EvidenceBundle> renamed = new ArrayList<>();
    List<Scorecard> renamedCards = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // a 100-exchange run names 100 distinct exchanges: give each result its own id
      String id = bundles.get(i).exchangeId() + "-" + i;
      ids.add(id);
      renamed.add(rename(bundles.get(i), id));
      renamedCards.add(rename(cards.get(i), id));
    }
    try (EvidenceStore store = EvidenceStore.open(location)) {
      // warm-up run, not measured
      storeRun(store, "warm-up", asOf, ids, renamed, renamedCards);
      long storeStart = System.nanoTime();
      storeRun(store, "measured", asOf, ids, renamed, renamedCards);
      long storeNanos = System.nanoTime() - storeStart;
      int evidence = renamed.stream().mapToInt(b -> b.evidence().size()).sum();
      System.out.printf(
          Locale.ROOT,
          "store %s%noffline assess of %d exchanges (collect + score): %.0f ms%n"
              + "storing them (%d pieces of evidence, %d transactions): %.0f ms = %.1f %% of the assess"
              + " time (target <= 10 %%)%n",
          location.isSqlite() ? "sqlite" : "postgresql",
          n,
          assessNanos / 1e6,
          evidence,
          n + 2,
          storeNanos / 1e6,
          100.0 * storeNanos / assessNanos);
    }
  }

  private static void assessOnce(
      ExchangeCatalog catalog,
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
      List<Exchange> exchanges = catalog.all();
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

  private static EvidenceBundle rename(EvidenceBundle bundle, String id) {
    return new EvidenceBundle(
        id,
        bundle.asOf(),
        bundle.evidence().stream()
            .map(e -> io.cexsafe.Evidence.of(id, e.fact(), e.provenance()))
            .toList(),
        bundle.outcomes());
  }

  private static Scorecard rename(Scorecard c, String id) {
    return new Scorecard(
        id,
        c.methodology(),
        c.methodologyVersion(),
        c.rulesVersion(),
        c.asOf(),
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

  private static void history(StoreLocation location) {
    int exchanges = 100;
    int days = 730;
    Instant first = Instant.parse("2024-11-22T06:00:00Z");
    SplittableRandom random = new SplittableRandom(42);
    List<String> ids = new ArrayList<>();
    for (int x = 0; x < exchanges; x++) {
      ids.add("exchange-" + x);
    }
    try (EvidenceStore store = EvidenceStore.open(location)) {
      long fillStart = System.nanoTime();
      for (int day = 0; day < days; day++) {
        Instant asOf = first.plus(Duration.ofDays(day));
        RunPlan plan = new RunPlan("day-" + day, asOf, ids, Map.of());
        store.startRun(plan);
        for (String id : ids) {
          EvidenceBundle bundle = new EvidenceBundle(id, asOf, List.of(), List.of());
          Scorecard card = ScoringBenchmark.syntheticCard(id, random);
          store.commitExchange(plan.runId(), bundle, rename(card, id, asOf));
        }
        store.finishRun(plan.runId());
      }
      System.out.printf(
          Locale.ROOT,
          "store %s: filled %d scorecards in %.1f s%n",
          location.isSqlite() ? "sqlite" : "postgresql",
          exchanges * days,
          (System.nanoTime() - fillStart) / 1e9);
    }
    // a fresh store object, as a `history` command would open it
    try (EvidenceStore store = EvidenceStore.open(location)) {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long[] millis = new long[25];
      long allocated = 0;
      int points = 0;
      for (int i = 0; i < millis.length; i++) {
        String id = ids.get(random.nextInt(exchanges));
        long before = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        List<HistoryPoint> history = store.history().points(id);
        millis[i] = (System.nanoTime() - start) / 1_000_000;
        allocated = threads.getCurrentThreadAllocatedBytes() - before;
        points = history.size();
      }
      long firstCall = millis[0];
      long[] warm = Arrays.copyOfRange(millis, 5, millis.length);
      Arrays.sort(warm);
      System.out.printf(
          Locale.ROOT,
          "history of one exchange (%d points): first call %d ms, then median %d ms, max %d ms"
              + " (target < 200 ms); %.1f MiB allocated per call; heap in use %.0f MiB%n",
          points,
          firstCall,
          warm[warm.length / 2],
          warm[warm.length - 1],
          allocated / 1048576.0,
          memory.getHeapMemoryUsage().getUsed() / 1048576.0);
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
