package io.cexsafe.benchmarks.defillama;

import io.cexsafe.Assessor;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Config;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.collectors.defillama.DefiLlamaCollectorProvider;
import io.cexsafe.spi.CollectorRegistry;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end benchmark: assess 90 exchanges of the bundled catalogue (every one with a DeFiLlama
 * slug, with its real slug, name and token, filled up with ones without a slug) against a local
 * mirror that adds 50 ms to every response and serves 8 requests at once, with {@code
 * http.max-concurrency-per-host=8}. Reports the wall time against the lower bound that latency and
 * concurrency impose, {@code ceil(requests / 8) * 50 ms}, and how often each shared dataset was
 * requested (counted at the server). Not a unit test; see docs/performance-defillama.md.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.cexsafe.benchmarks.defillama.AssessAllBenchmark [--runs 5]
 * </pre>
 *
 * <p>With {@code --cli 'COMMAND'} (repeatable) every run is instead a fresh CLI process, as users
 * start it, e.g. {@code --cli bin/cexsafe --cli 'java -jar cli/target/cexsafe.jar'}: see {@link
 * CliRuns}.
 */
public final class AssessAllBenchmark {
  static final int EXCHANGES = 90;
  static final int CONCURRENCY = 8;
  static final long LATENCY_MS = 50;
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private AssessAllBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = 5;
    boolean timeline = false;
    List<String> extra = new ArrayList<>();
    List<String> cli = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--runs")) {
        runs = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--timeline")) {
        timeline = true;
      } else if (args[i].equals("--set")) {
        extra.add(args[++i]);
      } else if (args[i].equals("--cli")) {
        cli.add(args[++i]);
      }
    }
    if (!cli.isEmpty()) {
      // a CLI process reads the real clock: the same answers, dated up to today
      long shift =
          java.time.LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
              - NOW.truncatedTo(java.time.temporal.ChronoUnit.DAYS).getEpochSecond();
      CliRuns.measure(generate(shift), runs, cli, extra);
      return;
    }
    Generated data = generate();
    try (LocalDefiLlama server = new LocalDefiLlama(CONCURRENCY, LATENCY_MS, data::route)) {
      Config.Builder settings =
          Config.builder()
              .set("http.max-concurrency-per-host", String.valueOf(CONCURRENCY))
              .set("defillama.base-url", server.baseUrl())
              .set("defillama.stablecoins-url", server.baseUrl());
      extra.forEach(settings::set);
      Config config = settings.build();
      int tracked = data.bySlug.size();
      System.out.printf(
          Locale.ROOT,
          "%d bundled exchanges (%d tracked, %d without a slug), latency %d ms, concurrency %d,"
              + " %d CPUs%n",
          data.catalog.size(),
          tracked,
          data.catalog.size() - tracked,
          LATENCY_MS,
          CONCURRENCY,
          Runtime.getRuntime().availableProcessors());
      try (Assessor assessor =
          Assessor.builder()
              .catalog(data.catalog)
              .collectors(
                  CollectorRegistry.builder()
                      .config(config)
                      .register(new DefiLlamaCollectorProvider())
                      .build())
              .config(config)
              .clock(Clock.fixed(NOW, ZoneOffset.UTC))
              .build()) {
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int run = 0; run <= runs; run++) {
          server.reset();
          // read before the clock starts: the first read loads the management classes
          long cpuStarted = processCpuNanos();
          Map<String, Long> threadCpuBefore = timeline ? threadCpuTicks() : Map.of();
          long classesBefore = classes.getTotalLoadedClassCount();
          long jitBefore = jit.getTotalCompilationTime();
          Instant startedAt = Instant.now();
          long started = System.nanoTime();
          List<EvidenceBundle> bundles = assessor.assessAll(data.catalog.all());
          double wallMs = (System.nanoTime() - started) / 1e6;
          double cpuMs = (processCpuNanos() - cpuStarted) / 1e6;
          long classesLoaded = classes.getTotalLoadedClassCount() - classesBefore;
          long jitMs = jit.getTotalCompilationTime() - jitBefore;
          double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
          long requests = server.total();
          long bound = (long) Math.ceil(requests / (double) CONCURRENCY) * LATENCY_MS;
          Map<OutcomeStatus, Integer> statuses = new EnumMap<>(OutcomeStatus.class);
          int evidence = 0;
          for (EvidenceBundle bundle : bundles) {
            for (CollectorOutcome outcome : bundle.outcomes()) {
              statuses.merge(outcome.status(), 1, Integer::sum);
            }
            evidence += bundle.evidence().size();
          }
          System.out.printf(
              Locale.ROOT,
              "%s wall %.0f ms, %d requests, bound %d ms, ratio %.2f, max in flight %d,"
                  + " /cexs %d, /hacks %d, /stablecoins %d, outcomes %s, %d evidence,"
                  + " process CPU %.0f ms, JIT %d ms, %d classes loaded, load average %.1f%n",
              run == 0 ? "cold" : "run " + run,
              wallMs,
              requests,
              bound,
              wallMs / bound,
              server.maxInFlight(),
              server.count("/cexs"),
              server.count("/hacks"),
              server.count("/stablecoins"),
              statuses,
              evidence,
              cpuMs,
              jitMs,
              classesLoaded,
              load);
          if (timeline) {
            printThreadCpu(threadCpuBefore, threadCpuTicks());
            printTimeline(server.served(), startedAt, started, cpuStarted, wallMs);
          }
        }
      }
    }
  }

  /**
   * Where a run's wall time went, as the server saw it: when the first request arrived, when {@code
   * /cexs} was answered, and how long the connection slots sat idle between an answer and the next
   * request (the k-th request can start once the (k-8)-th answer is out); then every request with
   * its arrival and answer, in ms from the start of the run.
   */
  private static void printTimeline(
      List<LocalDefiLlama.Served> served,
      Instant startedAt,
      long startedNanos,
      long cpuStartedNanos,
      double wallMs) {
    List<LocalDefiLlama.Served> byArrival =
        served.stream()
            .sorted(java.util.Comparator.comparingLong(LocalDefiLlama.Served::arrivedNanos))
            .toList();
    long[] answers =
        served.stream().mapToLong(LocalDefiLlama.Served::answeredNanos).sorted().toArray();
    double idleMs = 0;
    double worstMs = 0;
    for (int k = CONCURRENCY; k < byArrival.size(); k++) {
      double gap = Math.max(0, (byArrival.get(k).arrivedNanos() - answers[k - CONCURRENCY]) / 1e6);
      idleMs += gap;
      worstMs = Math.max(worstMs, gap);
    }
    double firstMs = (byArrival.get(0).arrivedNanos() - startedNanos) / 1e6;
    double lastMs = (answers[answers.length - 1] - startedNanos) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "  started %s, first request at %.0f ms, last answer at %.0f ms, done at %.0f ms;"
            + " slots idle between an answer and the next request: %.0f ms in all"
            + " (%.1f ms per request, worst %.0f ms)%n",
        startedAt,
        firstMs,
        lastMs,
        wallMs,
        idleMs,
        idleMs / Math.max(1, byArrival.size() - CONCURRENCY),
        worstMs);
    for (LocalDefiLlama.Served request : byArrival) {
      System.out.printf(
          Locale.ROOT,
          "  %6.1f %6.1f %s (process CPU %.0f ms at arrival)%n",
          (request.arrivedNanos() - startedNanos) / 1e6,
          (request.answeredNanos() - startedNanos) / 1e6,
          request.path(),
          (request.processCpuAtArrival() - cpuStartedNanos) / 1e6);
    }
  }

  /**
   * CPU time (user + system, in clock ticks) of this process's threads by kind, from {@code
   * /proc/self/task}: JIT compiler threads, GC, the collectors' workers, OkHttp, the mirror's
   * handlers; empty where there is no {@code /proc}. A thread that ended during the run is missed.
   */
  private static Map<String, Long> threadCpuTicks() {
    Map<String, Long> ticks = new java.util.TreeMap<>();
    java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
    if (tasks == null) {
      return ticks;
    }
    for (java.io.File task : tasks) {
      try {
        String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        ticks.merge(kind(name), used, Long::sum);
      } catch (java.io.IOException | RuntimeException gone) {
        // the thread ended while we looked
      }
    }
    return ticks;
  }

  private static String kind(String threadName) {
    if (threadName.startsWith("C2 Compiler")) {
      return "C2";
    }
    if (threadName.startsWith("C1 Compiler")) {
      return "C1";
    }
    if (threadName.startsWith("GC ") || threadName.startsWith("G1 ")) {
      return "GC";
    }
    if (threadName.startsWith("cexsafe-collec")) {
      return "collectors";
    }
    if (threadName.startsWith("OkHttp")) {
      return "okhttp";
    }
    if (threadName.startsWith("pool-") || threadName.startsWith("HTTP-Dispatcher")) {
      return "mirror";
    }
    if (threadName.equals("java")) {
      return "main";
    }
    return "other";
  }

  private static void printThreadCpu(Map<String, Long> before, Map<String, Long> after) {
    if (after.isEmpty()) {
      return;
    }
    StringBuilder line = new StringBuilder("  thread CPU (ms):");
    long tickMs = 10; // USER_HZ is 100 on Linux
    after.forEach(
        (kind, ticks) ->
            line.append(' ')
                .append(kind)
                .append(' ')
                .append((ticks - before.getOrDefault(kind, 0L)) * tickMs));
    System.out.println(line);
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  /** The served /cexs, per-exchange answers, the exchanges assessed and the one with a hack. */
  record Generated(
      ExchangeCatalog catalog,
      String cexs,
      Map<String, String> bySlug,
      String hackedName,
      long shiftSeconds) {
    Object route(String path) {
      if (path.equals("/cexs")) {
        return cexs;
      }
      if (path.equals("/hacks")) {
        return "[{\"date\":1642377600,\"name\":\""
            + hackedName
            + "\",\"targetType\":\"CEX\","
            + "\"technique\":\"Hot Wallet Compromise\",\"amount\":1000000,\"returnedFunds\":null,"
            + "\"chain\":[\"Ethereum\"],\"defillamaId\":null,\"source\":\"\"}]";
      }
      if (path.equals("/stablecoins")) {
        return "{\"peggedAssets\":[{\"symbol\":\"USDT\"},{\"symbol\":\"USDC\"}]}";
      }
      if (path.startsWith("/protocol/")) {
        return bySlug.get(path.substring("/protocol/".length()));
      }
      if (path.startsWith("/inflows/")) {
        return "{\"outflows\":-1250000.5,\"oldTokens\":{\"date\":"
            + (1795176000L + shiftSeconds)
            + ",\"tvl\":{}},\"currentTokens\":{\"date\":"
            + (1795258800L + shiftSeconds)
            + ",\"tvl\":{}}}";
      }
      return null;
    }
  }

  /**
   * The first {@value #EXCHANGES} entries of the bundled catalogue (by id), served as a {@code
   * /cexs} in DeFiLlama's shape: an entry with a {@code defillama.slug} is tracked (every other
   * slug is served with a capital first letter, as DeFiLlama writes some), the others are listed by
   * name only.
   */
  static Generated generate() {
    return generate(0);
  }

  /** {@link #generate()} with every date moved by {@code shiftSeconds}. */
  static Generated generate(long shiftSeconds) {
    List<Exchange> bundled = ExchangeCatalog.bundled().all();
    List<Exchange> tracked =
        bundled.stream().filter(e -> e.identifier("defillama.slug").isPresent()).toList();
    List<Exchange> chosen =
        new ArrayList<>(tracked.subList(0, Math.min(EXCHANGES, tracked.size())));
    bundled.stream()
        .filter(e -> e.identifier("defillama.slug").isEmpty())
        .limit(Math.max(0, EXCHANGES - chosen.size()))
        .forEach(chosen::add);
    List<Exchange> exchanges = bundled.stream().filter(chosen::contains).toList();
    StringBuilder cexs = new StringBuilder("{\"cexs\":[");
    Map<String, String> bySlug = new java.util.HashMap<>();
    for (int i = 1; i <= exchanges.size(); i++) {
      Exchange exchange = exchanges.get(i - 1);
      String slug = exchange.identifier("defillama.slug").orElse(null);
      String token = exchange.ownTokens().isEmpty() ? "TK" + i : exchange.ownTokens().get(0);
      if (i > 1) {
        cexs.append(',');
      }
      cexs.append("{\"name\":").append(quoted(exchange.name()));
      cexs.append(",\"coin\":\"").append(token).append("\",\"coinSymbol\":\"").append(token);
      cexs.append("\",\"walletsLink\":\"https://example.org/por/").append(i).append('"');
      if (slug != null) {
        String served =
            i % 2 == 0 ? Character.toUpperCase(slug.charAt(0)) + slug.substring(1) : slug;
        cexs.append(",\"slug\":").append(quoted(served));
        cexs.append(",\"currentTvl\":").append(1e9 * i).append(",\"cleanAssetsTvl\":");
        cexs.append(0.9e9 * i);
        if (i != 1) { // the first, like Binance, has its flows hidden
          cexs.append(",\"inflows_24h\":").append(-1e6 * i);
          cexs.append(",\"inflows_1w\":").append(2e6 * i);
          cexs.append(",\"inflows_1m\":").append(-3e6 * i);
        }
        bySlug.put(slug, protocol(i, token, shiftSeconds));
      } else if (i % 3 == 0) {
        cexs.append(",\"auditor\":\"Auditor ").append(i).append("\",\"lastAuditDate\":1640908800");
      }
      cexs.append('}');
    }
    cexs.append("],\"cg_volume_cexs\":[]}");
    return new Generated(
        ExchangeCatalog.of(exchanges),
        cexs.toString(),
        bySlug,
        exchanges.get(2).name(),
        shiftSeconds);
  }

  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** A small /protocol answer: 31 daily points and a token breakdown on three chains. */
  static String protocol(int i, String token, long shiftSeconds) {
    StringBuilder json = new StringBuilder("{\"id\":\"").append(10_000 + i).append("\",");
    json.append("\"name\":\"Exchange ").append(i).append(" CEX\",\"category\":\"CEX\",");
    json.append("\"chainTvls\":{");
    String[] chains = {"Bitcoin", "Ethereum", "Tron"};
    for (int c = 0; c < chains.length; c++) {
      json.append(c == 0 ? "" : ",").append('"').append(chains[c]).append("\":{\"tvl\":");
      series(json, i * (c + 1) * 1e8, shiftSeconds);
      json.append('}');
    }
    json.append("},\"tvl\":");
    series(json, i * 1e9, shiftSeconds);
    json.append(",\"tokensInUsd\":[{\"date\":")
        .append(1795258800L + shiftSeconds)
        .append(",\"tokens\":{");
    json.append("\"BTC\":").append(i * 4e8).append(",\"ETH\":").append(i * 2e8);
    json.append(",\"USDT\":").append(i * 3e8).append(",\"").append(token).append("\":");
    json.append(i * 1e8).append("}}],\"currentChainTvls\":{\"Bitcoin\":").append(i * 5e8);
    json.append(",\"Ethereum\":").append(i * 3e8).append(",\"Tron\":").append(i * 2e8);
    json.append("}}");
    return json.toString();
  }

  private static void series(StringBuilder json, double scale, long shiftSeconds) {
    json.append('[');
    for (int d = 0; d <= 31; d++) {
      json.append(d == 0 ? "" : ",")
          .append("{\"date\":")
          .append(1_792_540_800L + shiftSeconds + d * 86_400L)
          .append(",\"totalLiquidityUSD\":")
          .append(scale * (1 + 0.01 * Math.sin(d)))
          .append('}');
    }
    json.append(']');
  }
}
