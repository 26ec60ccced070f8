package io.cexsafe.benchmarks.defillama;

import io.cexsafe.Assessor;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Config;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.RunEstimate;
import io.cexsafe.collectors.defillama.DefiLlamaCollector;
import io.cexsafe.collectors.defillama.DefiLlamaCollectorProvider;
import io.cexsafe.collectors.reviews.ReviewsCollector;
import io.cexsafe.collectors.reviews.ReviewsCollectorProvider;
import io.cexsafe.http.HostPolicy;
import io.cexsafe.http.HttpSettings;
import io.cexsafe.http.HttpSupport;
import io.cexsafe.spi.CollectorRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end benchmark of {@code assess --all} over the real catalogue (the bundled one, optionally
 * extended with {@code --generated N} made-up exchanges) against loopback mirrors of DeFiLlama, its
 * stablecoin host, Apple's lookup and Google Play, each on its own loopback address so that each
 * gets the limits cexsafe declares for the real host (DeFiLlama 4 at once and 2/s, stablecoins 1/s,
 * Apple 20 a minute, Play 1/s). Prints the estimate the CLI prints before a run, then the measured
 * wall time and the requests each mirror counted. Regulators are off (their registers are not
 * mirrored here); Apple's review feeds and Play's review pages are off unless switched on with
 * {@code --set}: they cost requests per exchange that no batching removes, and the estimate for the
 * default sources is printed beside the measured run so that their cost is visible. Not a unit
 * test; see docs/performance.md.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.cexsafe.benchmarks.defillama.CatalogueScaleBenchmark \
 *     [--runs 1] [--generated 0] [--latency-ms 50] [--set key=value ...]
 * </pre>
 */
public final class CatalogueScaleBenchmark {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final long FIRST_APPLE_ID = 1_700_000_000L;

  private CatalogueScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = 1;
    int generated = 0;
    long latencyMs = 50;
    Map<String, String> extra = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--generated" -> generated = Integer.parseInt(args[++i]);
        case "--latency-ms" -> latencyMs = Long.parseLong(args[++i]);
        case "--set" -> {
          String[] kv = args[++i].split("=", 2);
          extra.put(kv[0], kv[1]);
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    ExchangeCatalog catalog = catalogue(generated);
    List<Exchange> all = catalog.all();
    Map<String, Integer> slugIndex = new LinkedHashMap<>();
    StringBuilder cexs = new StringBuilder("{\"cexs\":[");
    for (Exchange exchange : all) {
      String slug = exchange.identifier("defillama.slug").orElse(null);
      if (slug == null) {
        continue;
      }
      int i = slugIndex.size() + 1;
      slugIndex.put(slug.toLowerCase(Locale.ROOT), i);
      cexs.append(i == 1 ? "" : ",")
          .append("{\"name\":\"")
          .append(exchange.name().replace("\"", ""))
          .append("\",\"slug\":\"")
          .append(slug)
          .append("\",\"currentTvl\":")
          .append(1e9 * i)
          .append(",\"cleanAssetsTvl\":")
          .append(0.9e9 * i)
          .append(",\"inflows_24h\":-1e6,\"inflows_1w\":2e6,\"inflows_1m\":-3e6}");
    }
    String cexsBody = cexs.append("]}").toString();

    Map<String, HostPolicy> real = new LinkedHashMap<>();
    DefiLlamaCollector.create().hostPolicies().forEach(real::put);
    ReviewsCollector.withDefaults().hostPolicies().forEach(real::put);
    try (LocalDefiLlama llama =
            new LocalDefiLlama(
                InetAddress.getByName("127.0.0.2"),
                8,
                latencyMs,
                uri -> llama(uri, cexsBody, slugIndex));
        LocalDefiLlama stablecoins =
            new LocalDefiLlama(
                InetAddress.getByName("127.0.0.3"),
                8,
                latencyMs,
                uri -> "{\"peggedAssets\":[{\"symbol\":\"USDT\"},{\"symbol\":\"USDC\"}]}");
        LocalDefiLlama apple =
            new LocalDefiLlama(
                InetAddress.getByName("127.0.0.4"), 8, latencyMs, CatalogueScaleBenchmark::apple);
        LocalDefiLlama play =
            new LocalDefiLlama(InetAddress.getByName("127.0.0.5"), 8, latencyMs, uri -> null)) {
      Map<String, LocalDefiLlama> mirrors = new LinkedHashMap<>();
      mirrors.put("api.llama.fi", llama);
      mirrors.put("stablecoins.llama.fi", stablecoins);
      mirrors.put("itunes.apple.com", apple);
      mirrors.put("play.google.com", play);
      // the default attempts: the JDK server drops keep-alive connections idle for 30 s, which a
      // lookup waiting on Apple's budget can outlast; a client retries that, as it would in use
      HttpSettings.Builder http = HttpSettings.builder();
      mirrors.forEach(
          (host, mirror) ->
              http.hostPolicy(URI.create(mirror.baseUrl()).getHost(), real.get(host)));
      Config.Builder settings =
          Config.builder()
              .set("defillama.base-url", llama.baseUrl())
              .set("defillama.stablecoins-url", stablecoins.baseUrl())
              .set("reviews.apple-lookup.base-url", apple.baseUrl())
              .set("reviews.apple-reviews.base-url", apple.baseUrl())
              .set("reviews.play-details.base-url", play.baseUrl())
              .set("reviews.play-reviews.base-url", play.baseUrl());
      Config defaults = settings.build();
      settings.set("reviews.apple-reviews.enabled", "false");
      settings.set("reviews.play-reviews.enabled", "false");
      extra.forEach((k, v) -> settings.set(k + "=" + v));
      Config config = settings.build();
      try (HttpSupport client = HttpSupport.create(http.build());
          Assessor withDefaults = assessor(catalog, defaults, client);
          Assessor assessor = assessor(catalog, config, client)) {
        Duration latency = Duration.ofMillis(latencyMs);
        System.out.printf(
            Locale.ROOT,
            "%d exchanges (%d bundled, %d generated; %d with a DeFiLlama slug), latency %d ms,"
                + " %d CPUs%n",
            all.size(),
            all.size() - generated,
            generated,
            slugIndex.size(),
            latencyMs,
            Runtime.getRuntime().availableProcessors());
        System.out.println(
            "estimate, every default source: " + withDefaults.estimate(all, latency).summary());
        RunEstimate estimate = assessor.estimate(all, latency);
        System.out.println("estimate, this run: " + estimate.summary());
        for (int run = 1; run <= runs; run++) {
          mirrors.values().forEach(LocalDefiLlama::reset);
          long started = System.nanoTime();
          List<EvidenceBundle> bundles = assessor.assessAll(all);
          double wallMs = (System.nanoTime() - started) / 1e6;
          Map<OutcomeStatus, Integer> statuses = new EnumMap<>(OutcomeStatus.class);
          Map<String, Integer> failures = new java.util.TreeMap<>();
          for (EvidenceBundle bundle : bundles) {
            for (CollectorOutcome outcome : bundle.outcomes()) {
              statuses.merge(outcome.status(), 1, Integer::sum);
              if (outcome.status() == OutcomeStatus.FAILED) {
                failures.merge(
                    outcome.collectorId() + ": " + outcome.message() + " " + outcome.problems(),
                    1,
                    Integer::sum);
              }
            }
          }
          failures.forEach(
              (why, n) ->
                  System.out.println(
                      "  failed "
                          + n
                          + " × "
                          + (why.length() > 300 ? why.substring(0, 300) : why)));
          List<String> counted = new ArrayList<>();
          mirrors.forEach(
              (host, mirror) ->
                  counted.add(
                      host
                          + " "
                          + mirror.total()
                          + " (max in flight "
                          + mirror.maxInFlight()
                          + ")"));
          System.out.printf(
              Locale.ROOT,
              "run %d: wall %.1f s = %.2f × the estimate; requests %s; lookups %d;"
                  + " /cexs %d, /hacks %d; outcomes %s%n",
              run,
              wallMs / 1000,
              wallMs / estimate.expected().toMillis(),
              String.join(", ", counted),
              apple.count("/lookup"),
              llama.count("/cexs"),
              llama.count("/hacks"),
              statuses);
        }
      }
    }
  }

  private static Assessor assessor(ExchangeCatalog catalog, Config config, HttpSupport http) {
    return Assessor.builder()
        .catalog(catalog)
        .collectors(
            CollectorRegistry.builder()
                .config(config)
                .register(new DefiLlamaCollectorProvider())
                .register(new ReviewsCollectorProvider())
                .build())
        .config(config)
        .http(http)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .collectorTimeout(Duration.ofHours(2))
        .parallelism(64)
        .build();
  }

  /** The bundled catalogue plus {@code generated} exchanges with a slug and app ids. */
  static ExchangeCatalog catalogue(int generated) {
    List<Exchange> extra = new ArrayList<>();
    for (int i = 1; i <= generated; i++) {
      String id = String.format(Locale.ROOT, "gen-%03d", i);
      extra.add(
          new Exchange(
              id,
              "Generated " + i,
              null,
              List.of(),
              List.of(),
              List.of(),
              List.of(
                  new ExchangeIdentifier("defillama.slug", id + "-cex"),
                  new ExchangeIdentifier("apple.id", Long.toString(FIRST_APPLE_ID + i)),
                  new ExchangeIdentifier("play.package", "com.gen.n" + i))));
    }
    return ExchangeCatalog.bundled().extendedWith(ExchangeCatalog.of(extra));
  }

  private static Object llama(URI uri, String cexs, Map<String, Integer> slugs) {
    String path = uri.getPath();
    if (path.equals("/cexs")) {
      return cexs;
    }
    if (path.equals("/hacks")) {
      return "[]";
    }
    if (path.startsWith("/protocol/")) {
      Integer i = slugs.get(path.substring("/protocol/".length()));
      return i == null ? null : AssessAllBenchmark.protocol(i, "TK" + i, 0);
    }
    return null;
  }

  /** Apple's lookup: one rated app record per id asked, in the storefront asked. */
  private static Object apple(URI uri) {
    if (!uri.getPath().equals("/lookup")) {
      return null;
    }
    String ids = null;
    for (String pair : uri.getQuery().split("&")) {
      if (pair.startsWith("id=")) {
        ids = pair.substring(3);
      }
    }
    if (ids == null) {
      return "{\"resultCount\":0,\"results\":[]}";
    }
    StringBuilder results = new StringBuilder();
    String[] all = ids.split(",");
    for (int k = 0; k < all.length; k++) {
      results
          .append(k == 0 ? "" : ",")
          .append("{\"wrapperType\":\"software\",\"kind\":\"software\",\"trackId\":")
          .append(all[k])
          .append(",\"trackName\":\"App ")
          .append(all[k])
          .append("\",\"averageUserRating\":4.25,\"userRatingCount\":")
          .append(1000 + k)
          .append(",\"version\":\"1.0\"}");
    }
    return "{\"resultCount\":" + all.length + ",\"results\":[" + results + "]}";
  }
}
