package io.cexsafe.collectors.defillama.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What cexsafe keeps from a {@code /protocol/{slug}} answer: the latest token and chain breakdowns
 * and the recent history of totals. Whatever the size of the answer, this stays small.
 *
 * @param id DeFiLlama's numeric protocol id (as a string), or null
 * @param name the protocol name (which differs from the {@code /cexs} name), or null
 * @param latestDate the date of the latest total, or null when the answer had none
 * @param latestTotalUsd the latest total in USD, or null
 * @param tokensDate the date of the latest token breakdown, or null
 * @param tokensUsd the latest USD value per token symbol (upper case); empty when unknown
 * @param chainsDate the date of the chain breakdown, or null
 * @param chainsUsd the latest USD value per chain; empty when unknown
 * @param history totals within the trend window (plus the point before it), oldest first
 * @param serverMessage an error message the server put in the body instead of data, or null
 */
public record ProtocolSummary(
    String id,
    String name,
    Instant latestDate,
    BigDecimal latestTotalUsd,
    Instant tokensDate,
    Map<String, BigDecimal> tokensUsd,
    Instant chainsDate,
    Map<String, BigDecimal> chainsUsd,
    List<TvlPoint> history,
    String serverMessage) {
  public ProtocolSummary {
    tokensUsd = Collections.unmodifiableMap(new LinkedHashMap<>(tokensUsd));
    chainsUsd = Collections.unmodifiableMap(new LinkedHashMap<>(chainsUsd));
    history = List.copyOf(history);
  }

  /** True when the answer carried any reserve figure at all. */
  public boolean hasData() {
    return latestTotalUsd != null || !tokensUsd.isEmpty() || !chainsUsd.isEmpty();
  }

  /** One point of the history of totals. */
  public record TvlPoint(Instant date, double usd) {}
}
