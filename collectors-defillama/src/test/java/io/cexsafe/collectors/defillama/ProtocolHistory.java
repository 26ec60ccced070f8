package io.cexsafe.collectors.defillama;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds a {@code /protocol/{slug}} answer in the server's shape (aggregate and per-chain {@code
 * tvl}, {@code tokensInUsd} and {@code tokens} series, {@code currentChainTvls}), one point a day
 * over a span of dates plus the latest hourly point appended at the end, as DeFiLlama does. Every
 * day has its own total, so a test can tell which point was read.
 *
 * <p>Day {@code d} (counted from the first) totals {@code 1,000,000,000 + d × 1,000,000} USD: 50 %
 * BTC on Bitcoin, 30 % USDT and 20 % CRO on Ethereum.
 */
final class ProtocolHistory {
  private final List<Instant> dates = new ArrayList<>();
  private final List<String> totals = new ArrayList<>();

  private ProtocolHistory() {}

  /** Daily points at midnight UTC from {@code first} to {@code last}, both included. */
  static ProtocolHistory daily(LocalDate first, LocalDate last) {
    ProtocolHistory history = new ProtocolHistory();
    int day = 0;
    for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1), day++) {
      history.dates.add(date.atStartOfDay(ZoneOffset.UTC).toInstant());
      history.totals.add(total(day).toPlainString());
    }
    return history;
  }

  /** The total of the {@code day}-th point. */
  static BigDecimal total(int day) {
    return BigDecimal.valueOf(1_000_000_000L + day * 1_000_000L);
  }

  /** Appends the latest hourly point, as the server does. */
  ProtocolHistory latest(Instant at, String total) {
    dates.add(at);
    totals.add(total);
    return this;
  }

  /** Replaces the total text of the point dated {@code at} (e.g. with {@code 1e999999}). */
  ProtocolHistory totalAt(Instant at, String text) {
    totals.set(dates.indexOf(at), text);
    return this;
  }

  String json() {
    StringBuilder tvl = new StringBuilder();
    StringBuilder tokensUsd = new StringBuilder();
    StringBuilder tokens = new StringBuilder();
    StringBuilder bitcoinTvl = new StringBuilder();
    StringBuilder ethereumTvl = new StringBuilder();
    StringBuilder bitcoinTokens = new StringBuilder();
    StringBuilder ethereumTokens = new StringBuilder();
    for (int i = 0; i < dates.size(); i++) {
      String sep = i == 0 ? "" : ",";
      long date = dates.get(i).getEpochSecond();
      String text = totals.get(i);
      BigDecimal total = parseOrNull(text);
      tvl.append(sep).append(point(date, text));
      if (total == null) {
        // an unusable total: the breakdowns of that point are left out altogether
        continue;
      }
      BigDecimal btc = total.multiply(new BigDecimal("0.5"));
      BigDecimal usdt = total.multiply(new BigDecimal("0.3"));
      BigDecimal cro = total.multiply(new BigDecimal("0.2"));
      tokensUsd
          .append(tokensUsd.length() == 0 ? "" : ",")
          .append(tokenPoint(date, "\"BTC\":" + btc + ",\"USDT\":" + usdt + ",\"CRO\":" + cro));
      tokens
          .append(tokens.length() == 0 ? "" : ",")
          .append(tokenPoint(date, "\"BTC\":12.5,\"USDT\":" + usdt + ",\"CRO\":1000000"));
      bitcoinTvl.append(bitcoinTvl.length() == 0 ? "" : ",").append(point(date, btc.toString()));
      ethereumTvl
          .append(ethereumTvl.length() == 0 ? "" : ",")
          .append(point(date, usdt.add(cro).toString()));
      bitcoinTokens
          .append(bitcoinTokens.length() == 0 ? "" : ",")
          .append(tokenPoint(date, "\"BTC\":" + btc));
      ethereumTokens
          .append(ethereumTokens.length() == 0 ? "" : ",")
          .append(tokenPoint(date, "\"USDT\":" + usdt + ",\"CRO\":" + cro));
    }
    BigDecimal last = parseOrNull(totals.get(totals.size() - 1));
    String current =
        last == null
            ? "{}"
            : String.format(
                Locale.ROOT,
                "{\"Bitcoin\":%s,\"Ethereum\":%s}",
                last.multiply(new BigDecimal("0.5")),
                last.multiply(new BigDecimal("0.5")));
    return "{\"id\":\"2270\",\"name\":\"Crypto-com\",\"symbol\":\"CRO\",\"category\":\"CEX\","
        + "\"chains\":[\"Bitcoin\",\"Ethereum\"],\"listedAt\":1668170565,"
        + "\"chainTvls\":{"
        + "\"Bitcoin\":{\"tvl\":["
        + bitcoinTvl
        + "],\"tokensInUsd\":["
        + bitcoinTokens
        + "],\"tokens\":null},"
        + "\"Ethereum\":{\"tvl\":["
        + ethereumTvl
        + "],\"tokensInUsd\":["
        + ethereumTokens
        + "],\"tokens\":null}},"
        + "\"tvl\":["
        + tvl
        + "],\"tokensInUsd\":["
        + tokensUsd
        + "],\"tokens\":["
        + tokens
        + "],\"currentChainTvls\":"
        + current
        + ",\"raises\":[],\"mcap\":null}";
  }

  private static String point(long date, String total) {
    return "{\"date\":" + date + ",\"totalLiquidityUSD\":" + total + "}";
  }

  private static String tokenPoint(long date, String tokens) {
    return "{\"date\":" + date + ",\"tokens\":{" + tokens + "}}";
  }

  private static BigDecimal parseOrNull(String text) {
    try {
      BigDecimal value = new BigDecimal(text);
      return value.precision() - value.scale() > 20 ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
