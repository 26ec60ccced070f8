package io.cexsafe.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.SettingKey;
import io.cexsafe.SettingType;
import io.cexsafe.http.HttpSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The launcher's training run for the online path: {@code bin/cexsafe} runs it once per jar and JVM
 * ({@code java -XX:DumpLoadedClassList=... -cp cexsafe.jar io.cexsafe.cli.OnlineTraining}) and adds
 * the classes it loads to the class-data-sharing archive, so that an online {@code assess} finds
 * its HTTP client, rate limiting, response cache, DeFiLlama parsing and scoring classes in the
 * archive as an offline one finds its own.
 *
 * <p>It starts a JDK HTTP server on the loopback interface that answers small generated documents
 * in DeFiLlama's shapes ({@code /cexs}, {@code /hacks}, {@code /stablecoins}, {@code /protocol},
 * {@code /inflows}) and 404 to anything else, points every URL setting at it, switches every
 * collector and source on, and runs the real {@code assess} command line (text, then JSON) for
 * {@value #EXCHANGES} catalogue exchanges that DeFiLlama tracks. Nothing reaches the network, and
 * nothing is kept: the output is discarded and the response cache lives in a temporary directory
 * deleted at the end. Not a user command: it is not in {@code cexsafe help}; a failure only means a
 * smaller archive (the launcher goes on).
 */
final class OnlineTraining {
  /** How many exchanges the training assesses. */
  static final int EXCHANGES = 2;

  private OnlineTraining() {}

  /**
   * Runs the training; exits 0 when both assessments ran, 1 otherwise.
   *
   * @param args none
   */
  public static void main(String[] args) {
    LoggingStart.select();
    // as Main does for an online assessment, so that the archive holds what that loads
    HttpSupport.prepareInBackground();
    int code;
    try {
      code =
          run(
              new PrintWriter(Writer.nullWriter()),
              new PrintWriter(Writer.nullWriter()),
              path -> {});
    } catch (IOException | RuntimeException e) {
      code = Main.FAILURE;
    }
    System.exit(code);
  }

  /**
   * Serves the generated answers on loopback and runs {@code assess} against them with {@code out}
   * and {@code err} as the command's streams; {@code served} hears the path of every request the
   * server answers.
   *
   * @return the worst exit code of the command lines run
   */
  static int run(PrintWriter out, PrintWriter err, Consumer<String> served) throws IOException {
    List<Exchange> exchanges = trackedExchanges(ExchangeCatalog.bundled());
    Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
    Path cache = Files.createTempDirectory("cexsafe-training");
    ExecutorService handlers = Executors.newFixedThreadPool(EXCHANGES + 1, daemonThreads());
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    try {
      server.setExecutor(handlers);
      server.createContext(
          "/",
          exchange -> {
            served.accept(exchange.getRequestURI().getPath());
            answer(exchange, exchanges, today);
          });
      server.start();
      String base =
          "http://"
              + server.getAddress().getAddress().getHostAddress()
              + ":"
              + server.getAddress().getPort();
      List<String> args = new ArrayList<>(List.of("assess", "--no-progress"));
      exchanges.forEach(e -> args.add(e.id()));
      args.add("--set");
      args.add("http.cache.dir=" + cache);
      for (String key : urlSettings()) {
        args.add("--set");
        args.add(key + "=" + base);
      }
      for (String key : switches()) {
        args.add("--set");
        args.add(key + "=true");
      }
      int text = Main.run(out, err, args.toArray(String[]::new));
      args.add("--format");
      args.add("json");
      int json = Main.run(out, err, args.toArray(String[]::new));
      return Math.max(text, json);
    } finally {
      server.stop(0);
      handlers.shutdownNow();
      deleteTree(cache);
    }
  }

  /**
   * The keys of every declared URL setting except patterns: each collector's base URLs, so that
   * whatever collectors are installed call the loopback server and nothing else.
   */
  static List<String> urlSettings() {
    return CommonOptions.declaredSettings().stream()
        .filter(key -> key.type() == SettingType.URL && !key.isPattern())
        .map(SettingKey::key)
        .sorted()
        .toList();
  }

  /**
   * The keys of every declared {@code *.enabled} switch: a collector or source switched off in the
   * environment is trained too (it calls the loopback server like the others).
   */
  static List<String> switches() {
    return CommonOptions.declaredSettings().stream()
        .filter(
            key ->
                key.type() == SettingType.BOOLEAN
                    && !key.isPattern()
                    && key.key().endsWith(".enabled"))
        .map(SettingKey::key)
        .sorted()
        .toList();
  }

  /** The first {@value #EXCHANGES} catalogue exchanges, by id, that have a DeFiLlama slug. */
  static List<Exchange> trackedExchanges(ExchangeCatalog catalog) {
    List<Exchange> tracked =
        catalog.all().stream()
            .filter(e -> e.identifier("defillama.slug").isPresent())
            .limit(EXCHANGES)
            .toList();
    if (tracked.size() < EXCHANGES) {
      throw new IllegalStateException("the catalogue has too few exchanges with a DeFiLlama slug");
    }
    return tracked;
  }

  private static void answer(HttpExchange exchange, List<Exchange> exchanges, Instant today)
      throws IOException {
    try (exchange) {
      String body = body(exchange.getRequestURI().getPath(), exchanges, today);
      byte[] bytes = (body == null ? "Not found" : body).getBytes(StandardCharsets.UTF_8);
      exchange
          .getResponseHeaders()
          .set("Content-Type", body == null ? "text/plain" : "application/json");
      exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(bytes);
      }
    }
  }

  /** The generated answer for a path, or null for 404. */
  static String body(String path, List<Exchange> exchanges, Instant today) {
    long day = today.getEpochSecond();
    switch (path) {
      case "/cexs":
        return cexs(exchanges);
      case "/hacks":
        return "[{\"date\":"
            + (day - 400 * 86_400L)
            + ",\"name\":"
            + quoted(exchanges.get(0).name())
            + ",\"targetType\":\"CEX\",\"technique\":\"Hot Wallet Compromise\","
            + "\"amount\":1000000,\"returnedFunds\":null,\"chain\":[\"Ethereum\"],"
            + "\"defillamaId\":null,\"source\":\"\"}]";
      case "/stablecoins":
        return "{\"peggedAssets\":[{\"symbol\":\"USDT\"},{\"symbol\":\"USDC\"}]}";
      default:
        break;
    }
    if (path.startsWith("/inflows/")) {
      return "{\"outflows\":-1250000.5,\"oldTokens\":{\"date\":"
          + (day - 86_400L)
          + ",\"tvl\":{}},\"currentTokens\":{\"date\":"
          + day
          + ",\"tvl\":{}}}";
    }
    if (path.startsWith("/protocol/")) {
      String slug = path.substring("/protocol/".length());
      for (int i = 0; i < exchanges.size(); i++) {
        if (exchanges.get(i).identifier("defillama.slug").orElseThrow().equals(slug)) {
          return protocol(i + 1, token(exchanges.get(i), i + 1), day);
        }
      }
    }
    return null;
  }

  /** A {@code /cexs} list of the exchanges; the first, like Binance, with its flows hidden. */
  private static String cexs(List<Exchange> exchanges) {
    StringBuilder json = new StringBuilder("{\"cexs\":[");
    for (int i = 1; i <= exchanges.size(); i++) {
      Exchange exchange = exchanges.get(i - 1);
      String token = token(exchange, i);
      json.append(i == 1 ? "" : ",").append("{\"name\":").append(quoted(exchange.name()));
      json.append(",\"coin\":\"").append(token).append("\",\"coinSymbol\":\"").append(token);
      json.append("\",\"walletsLink\":\"https://example.org/por/").append(i).append('"');
      json.append(",\"slug\":").append(quoted(exchange.identifier("defillama.slug").orElseThrow()));
      json.append(",\"currentTvl\":").append(1e9 * i);
      json.append(",\"cleanAssetsTvl\":").append(0.9e9 * i);
      if (i != 1) {
        json.append(",\"inflows_24h\":").append(-1e6 * i);
        json.append(",\"inflows_1w\":").append(2e6 * i);
        json.append(",\"inflows_1m\":").append(-3e6 * i);
      }
      json.append('}');
    }
    return json.append("],\"cg_volume_cexs\":[]}").toString();
  }

  /** A small {@code /protocol} answer: 31 daily points up to today on three chains, and tokens. */
  private static String protocol(int i, String token, long day) {
    StringBuilder json = new StringBuilder("{\"id\":\"").append(10_000 + i).append("\",");
    json.append("\"name\":\"Exchange ").append(i).append(" CEX\",\"category\":\"CEX\",");
    json.append("\"chainTvls\":{");
    String[] chains = {"Bitcoin", "Ethereum", "Tron"};
    for (int c = 0; c < chains.length; c++) {
      json.append(c == 0 ? "" : ",").append('"').append(chains[c]).append("\":{\"tvl\":");
      series(json, i * (c + 1) * 1e8, day);
      json.append('}');
    }
    json.append("},\"tvl\":");
    series(json, i * 1e9, day);
    json.append(",\"tokensInUsd\":[{\"date\":").append(day).append(",\"tokens\":{");
    json.append("\"BTC\":").append(i * 4e8).append(",\"ETH\":").append(i * 2e8);
    json.append(",\"USDT\":").append(i * 3e8).append(",\"").append(token).append("\":");
    json.append(i * 1e8).append("}}],\"currentChainTvls\":{\"Bitcoin\":").append(i * 5e8);
    json.append(",\"Ethereum\":").append(i * 3e8).append(",\"Tron\":").append(i * 2e8);
    return json.append("}}").toString();
  }

  private static void series(StringBuilder json, double scale, long day) {
    json.append('[');
    for (int d = 30; d >= 0; d--) {
      json.append(d == 30 ? "" : ",")
          .append("{\"date\":")
          .append(day - d * 86_400L)
          .append(",\"totalLiquidityUSD\":")
          .append(String.format(Locale.ROOT, "%.2f", scale * (1 + 0.01 * Math.sin(d))))
          .append('}');
    }
    json.append(']');
  }

  private static String token(Exchange exchange, int i) {
    return exchange.ownTokens().isEmpty() ? "TK" + i : exchange.ownTokens().get(0);
  }

  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return task -> {
      Thread thread = new Thread(task, "cexsafe-training-server");
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the training cache " + root, e);
    }
  }
}
