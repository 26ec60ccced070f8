package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.facts.ReserveComposition;
import io.cexsafe.facts.ReserveTrend;
import io.cexsafe.facts.TokenHolding;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Shares, concentration and trend computed from DeFiLlama's breakdowns and history. */
final class ReserveMath {
  /** Symbols counted as bitcoin: the coin and its common wrapped forms. */
  static final Set<String> BTC_FAMILY = Set.of("BTC", "WBTC", "BTCB", "CBBTC");

  /** Symbols counted as ether. Liquid-staking tokens are deliberately not included. */
  static final Set<String> ETH_FAMILY = Set.of("ETH", "WETH");

  private ReserveMath() {}

  /** True when {@code symbol} is one of {@code own} or its wrapped form ({@code W} + symbol). */
  static boolean isOwnToken(String symbol, Set<String> own) {
    return own.contains(symbol)
        || (symbol.length() > 1 && symbol.charAt(0) == 'W' && own.contains(symbol.substring(1)));
  }

  /** USD value of the own tokens in a breakdown, or null when the breakdown is empty. */
  static BigDecimal ownTokenUsd(Map<String, BigDecimal> tokens, Set<String> own) {
    if (tokens.isEmpty()) {
      return null;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> e : tokens.entrySet()) {
      if (e.getValue().signum() > 0 && isOwnToken(e.getKey(), own)) {
        sum = sum.add(e.getValue());
      }
    }
    return sum;
  }

  /** Composition and the symbols that drove it, for the evidence's note. */
  record Composition(
      ReserveComposition fact, Set<String> ownMatched, Set<String> stableMatched, int tokens) {}

  /**
   * @param own the own-token symbols, or null when nobody says which tokens are the exchange's (the
   *     own-token share is then unknown)
   * @param stablecoins the stablecoin list, or null when it could not be read (stablecoin and
   *     major-asset shares are then unknown)
   * @return null when neither breakdown carries a positive value
   */
  static Composition composition(
      Map<String, BigDecimal> tokens,
      Map<String, BigDecimal> chains,
      Set<String> own,
      Stablecoins stablecoins,
      int topN) {
    Set<String> ownSymbols = own == null ? Set.of() : own;
    BigDecimal total = positiveSum(tokens);
    Double ownShare = null;
    Double stableShare = null;
    Double majorShare = null;
    Double longTail = null;
    Double tokenHhi = null;
    List<TokenHolding> top = List.of();
    Set<String> ownMatched = new TreeSet<>();
    Set<String> stableMatched = new TreeSet<>();
    int count = 0;
    if (total.signum() > 0) {
      BigDecimal ownUsd = BigDecimal.ZERO;
      BigDecimal stableUsd = BigDecimal.ZERO;
      BigDecimal majorUsd = BigDecimal.ZERO;
      List<TokenHolding> holdings = new ArrayList<>();
      for (Map.Entry<String, BigDecimal> e : tokens.entrySet()) {
        BigDecimal usd = e.getValue();
        if (usd.signum() <= 0) {
          continue;
        }
        count++;
        String symbol = e.getKey();
        if (isOwnToken(symbol, ownSymbols)) {
          ownUsd = ownUsd.add(usd);
          ownMatched.add(symbol);
        }
        boolean stable = stablecoins != null && stablecoins.contains(symbol);
        if (stable) {
          stableUsd = stableUsd.add(usd);
          stableMatched.add(symbol);
        }
        if (stable || BTC_FAMILY.contains(symbol) || ETH_FAMILY.contains(symbol)) {
          majorUsd = majorUsd.add(usd);
        }
        holdings.add(new TokenHolding(symbol, usd, share(usd, total)));
      }
      ownShare = own == null ? null : share(ownUsd, total);
      if (stablecoins != null) {
        stableShare = share(stableUsd, total);
        majorShare = share(majorUsd, total);
        longTail = clamp(1 - majorShare);
      }
      tokenHhi = hhi(tokens, total);
      holdings.sort(
          Comparator.comparing(TokenHolding::usd).reversed().thenComparing(TokenHolding::symbol));
      top = holdings.subList(0, Math.min(topN, holdings.size()));
    }
    BigDecimal chainTotal = positiveSum(chains);
    Double chainHhi = chainTotal.signum() > 0 ? hhi(chains, chainTotal) : null;
    if (tokenHhi == null && chainHhi == null) {
      return null;
    }
    return new Composition(
        new ReserveComposition(
            ownShare, stableShare, majorShare, longTail, tokenHhi, chainHhi, top),
        ownMatched,
        stableMatched,
        count);
  }

  /**
   * Change and maximum drawdown over a history, oldest first; null with fewer than two points or a
   * non-positive base.
   */
  static ReserveTrend trend(List<ProtocolSummary.TvlPoint> history) {
    if (history.size() < 2 || !(history.get(0).usd() > 0)) {
      return null;
    }
    ProtocolSummary.TvlPoint base = history.get(0);
    ProtocolSummary.TvlPoint last = history.get(history.size() - 1);
    double peak = base.usd();
    double drawdown = 0;
    for (ProtocolSummary.TvlPoint point : history) {
      peak = Math.max(peak, point.usd());
      drawdown = Math.max(drawdown, (peak - point.usd()) / peak);
    }
    long days = Math.round(Duration.between(base.date(), last.date()).getSeconds() / 86_400.0);
    return new ReserveTrend((int) Math.max(1, days), last.usd() / base.usd() - 1, clamp(drawdown));
  }

  private static BigDecimal positiveSum(Map<String, BigDecimal> values) {
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal value : values.values()) {
      if (value.signum() > 0) {
        sum = sum.add(value);
      }
    }
    return sum;
  }

  private static double hhi(Map<String, BigDecimal> values, BigDecimal total) {
    double sum = 0;
    for (BigDecimal value : values.values()) {
      if (value.signum() > 0) {
        double s = share(value, total);
        sum += s * s;
      }
    }
    return clamp(sum);
  }

  static double share(BigDecimal part, BigDecimal total) {
    return clamp(part.divide(total, MathContext.DECIMAL64).doubleValue());
  }

  private static double clamp(double value) {
    return Math.max(0, Math.min(1, value));
  }
}
