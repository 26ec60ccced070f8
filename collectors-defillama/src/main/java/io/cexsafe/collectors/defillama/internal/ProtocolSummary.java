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
 * @param asOf the instant the answer was read at (the last points on or before it), or null for its
 *     latest points
 * @param firstDate the date of the earliest total in the answer, whatever {@code asOf}, or null
 * @param unrepresentable what was left out because a value could not be represented, one line each
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
    String serverMessage,
    Instant asOf,
    Instant firstDate,
    List<String> unrepresentable) {
  public ProtocolSummary {
    unrepresentable = List.copyOf(unrepresentable);
    tokensUsd = Collections.unmodifiableMap(new LinkedHashMap<>(tokensUsd));
    chainsUsd = Collections.unmodifiableMap(new LinkedHashMap<>(chainsUsd));
    history = List.copyOf(history);
  }

  /** True when the answer carried any reserve figure at all (on or before {@code asOf}). */
  public boolean hasData() {
    return latestTotalUsd != null || !tokensUsd.isEmpty() || !chainsUsd.isEmpty();
  }

  /** True when the answer has history, all of it after {@code asOf}. */
  public boolean startsAfterAsOf() {
    return asOf != null && firstDate != null && firstDate.isAfter(asOf) && !hasData();
  }

  /** One point of the history of totals. */
  public record TvlPoint(Instant date, double usd) {}
}
