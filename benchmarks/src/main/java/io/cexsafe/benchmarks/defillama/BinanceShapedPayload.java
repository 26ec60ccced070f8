package io.cexsafe.benchmarks.defillama;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic {@code /protocol/binance-cex} answer: the real shape (metadata, {@code
 * chainTvls.<chain>.{tvl,tokensInUsd,tokens}} daily since 2022-11-11 plus a final hourly point, the
 * same three aggregates, {@code currentChainTvls}), with as many tokens per chain as it takes to
 * reach the requested size. Deterministic for a given size.
 */
final class BinanceShapedPayload {
  static final long FIRST_DAY = 1_668_124_800L; // 2022-11-11
  static final long LAST_HOUR = 1_795_258_800L; // 2026-11-21T11:00Z
  private static final String[] CHAINS = {
    "Bitcoin",
    "Ethereum",
    "Binance",
    "Tron",
    "Solana",
    "Arbitrum",
    "Optimism",
    "Polygon",
    "Avalanche",
    "Ripple",
    "Litecoin",
    "Polkadot",
    "Algorand",
    "Aptos",
    "Fantom",
    "Sui",
    "TON"
  };
  private static final int[] BASE_TOKENS = {
    2, 60, 50, 12, 20, 15, 10, 12, 8, 2, 2, 2, 2, 3, 3, 4, 3
  };

  private BinanceShapedPayload() {}

  /** Writes at least {@code targetBytes} to {@code file}; returns the size written. */
  static long write(Path file, long targetBytes) throws IOException {
    // the size grows linearly with the number of tokens per chain
    long one = write(OutputStream.nullOutputStream(), 1);
    long two = write(OutputStream.nullOutputStream(), 2);
    int multiplier = (int) Math.max(1, Math.ceil((double) (targetBytes - one) / (two - one)) + 1);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(out, multiplier);
    }
    return Files.size(file);
  }

  static long write(OutputStream sink, int multiplier) throws IOException {
    CountingStream out = new CountingStream(sink);
    List<List<String>> symbols = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (int c = 0; c < CHAINS.length; c++) {
      List<String> chainSymbols = new ArrayList<>();
      chainSymbols.add(c == 0 ? "BTC" : c == 2 ? "BNB" : c == 1 ? "ETH" : "NATIVE" + c);
      if (c == 1 || c == 2 || c == 3) {
        chainSymbols.add("USDT");
        chainSymbols.add("USDC");
      }
      if (c == 2) {
        chainSymbols.add("WBNB");
        chainSymbols.add("FDUSD");
      }
      int count = BASE_TOKENS[c] * multiplier;
      for (int i = chainSymbols.size(); i < count; i++) {
        chainSymbols.add(String.format(Locale.ROOT, "T%dX%d", c, i));
      }
      symbols.add(chainSymbols);
      for (String s : chainSymbols) {
        if (!all.contains(s)) {
          all.add(s);
        }
      }
    }
    long days = (LAST_HOUR - FIRST_DAY) / 86_400 + 1;
    SplittableRandom random = new SplittableRandom(42);
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("id", "2269");
      g.writeStringField("name", "Binance CEX");
      g.writeNullField("address");
      g.writeStringField("symbol", "BNB");
      g.writeStringField("url", "https://www.binance.com");
      g.writeStringField("category", "CEX");
      g.writeArrayFieldStart("chains");
      for (String chain : CHAINS) {
        g.writeString(chain);
      }
      g.writeEndArray();
      g.writeNumberField("listedAt", 1668170565);
      g.writeStringField("methodology", "Synthetic payload for the cexsafe parse benchmark.");
      g.writeObjectFieldStart("chainTvls");
      for (int c = 0; c < CHAINS.length; c++) {
        g.writeObjectFieldStart(CHAINS[c]);
        writeSeries(g, days, c + 1, random);
        writeTokens(g, "tokensInUsd", days, symbols.get(c), random, 1e6);
        writeTokens(g, "tokens", days, symbols.get(c), random, 1e3);
        g.writeEndObject();
      }
      g.writeEndObject();
      writeSeries(g, days, 100, random);
      writeTokens(g, "tokensInUsd", days, all, random, 1e7);
      writeTokens(g, "tokens", days, all, random, 1e4);
      g.writeObjectFieldStart("currentChainTvls");
      for (int c = 0; c < CHAINS.length; c++) {
        g.writeNumberField(CHAINS[c], (c + 1) * 1e9);
      }
      g.writeEndObject();
      g.writeArrayFieldStart("raises");
      g.writeEndArray();
      g.writeNullField("mcap");
      g.writeEndObject();
    }
    return out.count;
  }

  private static void writeSeries(JsonGenerator g, long days, double scale, SplittableRandom r)
      throws IOException {
    g.writeArrayFieldStart("tvl");
    for (long d = 0; d < days; d++) {
      g.writeStartObject();
      g.writeNumberField("date", FIRST_DAY + d * 86_400);
      g.writeNumberField("totalLiquidityUSD", round5(scale * 1e9 * (0.8 + 0.4 * r.nextDouble())));
      g.writeEndObject();
    }
    g.writeStartObject();
    g.writeNumberField("date", LAST_HOUR);
    g.writeNumberField("totalLiquidityUSD", round5(scale * 1e9));
    g.writeEndObject();
    g.writeEndArray();
  }

  private static void writeTokens(
      JsonGenerator g,
      String field,
      long days,
      List<String> symbols,
      SplittableRandom r,
      double scale)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (long d = 0; d <= days; d++) {
      g.writeStartObject();
      g.writeNumberField("date", d == days ? LAST_HOUR : FIRST_DAY + d * 86_400);
      g.writeObjectFieldStart("tokens");
      for (String symbol : symbols) {
        g.writeNumberField(symbol, round5(scale * r.nextDouble() * 100));
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static double round5(double value) {
    return Math.round(value * 1e5) / 1e5;
  }

  private static final class CountingStream extends OutputStream {
    private final OutputStream out;
    long count;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
