package io.cexsafe.benchmarks.defillama;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cexsafe.collectors.defillama.internal.ProtocolStreamParser;
import io.cexsafe.collectors.defillama.internal.ProtocolSummary;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parse benchmark for {@code /protocol/{slug}}: cexsafe's streaming parser against a plain Jackson
 * token scan of the same bytes (the floor for any streaming reader) and against {@code
 * ObjectMapper.readTree}. Not a unit test; run it by hand (see docs/performance-defillama.md):
 *
 * <pre>
 * java -Xmx128m -cp benchmarks/target/benchmarks.jar io.cexsafe.benchmarks.defillama.ProtocolParseBenchmark \
 *     [--file benchmarks/target/protocol-binance-shaped.json] [--mb 200] [--runs 3] [scan|stream|tree|http ...]
 * </pre>
 *
 * The payload is generated once (deterministically) if the file is missing. Each mode is timed over
 * {@code runs} passes after one warm-up pass; peak heap is sampled every millisecond and also read
 * from the heap pools' peak usage.
 */
public final class ProtocolParseBenchmark {
  private ProtocolParseBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of("benchmarks/target/protocol-binance-shaped.json");
    long megabytes = 200;
    int runs = 3;
    java.util.List<String> modes = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--file" -> file = Path.of(args[++i]);
        case "--mb" -> megabytes = Long.parseLong(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        default -> modes.add(args[i]);
      }
    }
    if (modes.isEmpty()) {
      modes = java.util.List.of("scan", "stream", "tree");
    }
    if (!Files.exists(file) || Files.size(file) < megabytes * 1_000_000) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      long started = System.nanoTime();
      long size = BinanceShapedPayload.write(file, megabytes * 1_000_000);
      System.out.printf(
          Locale.ROOT,
          "generated %s: %.1f MB in %.1f s%n",
          file,
          size / 1e6,
          (System.nanoTime() - started) / 1e9);
    }
    long size = Files.size(file);
    System.out.printf(
        Locale.ROOT,
        "payload %.1f MB, max heap %d MB, %d CPUs, %s %s%n",
        size / 1e6,
        Runtime.getRuntime().maxMemory() / (1 << 20),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    for (String mode : modes) {
      run(mode, file, size, runs);
    }
  }

  private static void run(String mode, Path file, long size, int runs) throws Exception {
    String result = "";
    double best = Double.MAX_VALUE;
    double total = 0;
    double bestCpu = Double.MAX_VALUE;
    var threads = ManagementFactory.getThreadMXBean();
    HeapSampler sampler = new HeapSampler();
    sampler.reset();
    try {
      for (int i = 0; i <= runs; i++) {
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        result = pass(mode, file);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        if (i > 0) { // the first pass warms up the JIT
          best = Math.min(best, seconds);
          bestCpu = Math.min(bestCpu, cpu);
          total += seconds;
        }
      }
    } catch (OutOfMemoryError e) {
      sampler.stop();
      System.out.printf(
          Locale.ROOT,
          "%-6s OutOfMemoryError with max heap %d MB (%s)%n",
          mode,
          Runtime.getRuntime().maxMemory() / (1 << 20),
          e.getMessage());
      return;
    }
    sampler.stop();
    String cpuColumn =
        mode.equals("http")
            ? "parsing spread over client threads"
            : String.format(
                Locale.ROOT,
                "parsing thread CPU best %.2f s = %.0f MB/s",
                bestCpu,
                size / 1e6 / bestCpu);
    System.out.printf(
        Locale.ROOT,
        "%-6s wall best %.2f s = %.0f MB/s (mean %.2f s); %s; peak heap sampled %.0f MiB, pool peaks %.0f MiB | %s%n",
        mode,
        best,
        size / 1e6 / best,
        total / runs,
        cpuColumn,
        sampler.peak() / 1048576.0,
        sampler.poolPeaks() / 1048576.0,
        result);
  }

  private static String pass(String mode, Path file) throws IOException, Exception {
    JsonFactory factory = new JsonFactory();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      switch (mode) {
        case "scan" -> {
          long tokens = 0;
          try (JsonParser p = factory.createParser(in)) {
            while (p.nextToken() != null) {
              tokens++;
            }
          }
          return tokens + " tokens";
        }
        case "stream" -> {
          try (JsonParser p = factory.createParser(in)) {
            ProtocolSummary s = ProtocolStreamParser.parse(p, Duration.ofDays(30), file.toString());
            return "latest total "
                + s.latestTotalUsd().toPlainString()
                + ", "
                + s.tokensUsd().size()
                + " tokens, "
                + s.chainsUsd().size()
                + " chains, "
                + s.history().size()
                + " history points";
          }
        }
        case "http" -> {
          return throughTheCollector(file);
        }
        case "tree" -> {
          JsonNode root = new ObjectMapper().readTree(in);
          return root.path("tokensInUsd").size() + " aggregate token entries in the tree";
        }
        default -> throw new IllegalArgumentException("unknown mode " + mode);
      }
    }
  }

  /**
   * The whole path: a local server streams the file as {@code /protocol/binance-cex} and the
   * collector, run by an {@link io.cexsafe.Assessor}, fetches and parses it like any other answer.
   */
  private static String throughTheCollector(Path file) throws Exception {
    String cexs =
        "{\"cexs\":[{\"name\":\"Binance\",\"slug\":\"Binance-CEX\",\"coinSymbol\":\"BNB\","
            + "\"currentTvl\":1.0E11,\"cleanAssetsTvl\":9.0E10,\"inflows_24h\":1,"
            + "\"inflows_1w\":2,\"inflows_1m\":3}]}";
    try (LocalDefiLlama server =
        new LocalDefiLlama(
            2,
            0,
            path ->
                switch (path) {
                  case "/cexs" -> cexs;
                  case "/protocol/binance-cex" -> file;
                  case "/stablecoins" -> "{\"peggedAssets\":[{\"symbol\":\"USDT\"}]}";
                  case "/hacks" -> "[]";
                  default -> null;
                })) {
      io.cexsafe.Config config =
          io.cexsafe.Config.builder()
              .set("defillama.base-url", server.baseUrl())
              .set("defillama.stablecoins-url", server.baseUrl())
              .build();
      try (io.cexsafe.Assessor assessor =
          io.cexsafe.Assessor.builder()
              .collectors(
                  io.cexsafe.spi.CollectorRegistry.builder()
                      .config(config)
                      .register(new io.cexsafe.collectors.defillama.DefiLlamaCollectorProvider())
                      .build())
              .config(config)
              .build()) {
        io.cexsafe.EvidenceBundle bundle = assessor.assess("binance");
        return bundle.outcomes().get(0).status().id()
            + ", "
            + bundle.evidence().size()
            + " evidence: "
            + bundle.evidence().stream()
                .map(e -> e.fact().typeName())
                .distinct()
                .collect(java.util.stream.Collectors.joining(" "));
      }
    }
  }

  /** The largest heap use seen, sampled every millisecond, and the heap pools' peaks. */
  private static final class HeapSampler {
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;

    HeapSampler() {
      var memory = ManagementFactory.getMemoryMXBean();
      thread =
          new Thread(
              () -> {
                while (running) {
                  try {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    Thread.sleep(1);
                  } catch (InterruptedException e) {
                    return;
                  } catch (OutOfMemoryError e) {
                    // the measured code exhausted the heap; the benchmark reports that itself
                  }
                }
              },
              "heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void reset() {
      System.gc();
      peak.set(0);
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          pool.resetPeakUsage();
        }
      }
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }

    long peak() {
      return peak.get();
    }

    long poolPeaks() {
      long sum = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          sum += pool.getPeakUsage().getUsed();
        }
      }
      return sum;
    }
  }
}
