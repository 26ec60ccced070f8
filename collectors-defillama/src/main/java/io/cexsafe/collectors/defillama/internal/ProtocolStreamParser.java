package io.cexsafe.collectors.defillama.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cexsafe.SourceException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a {@code /protocol/{slug}} answer token by token and keeps only the aggregates cexsafe
 * needs, so that memory stays bounded whatever the payload's size (Binance's is tens of megabytes
 * and grows every day).
 *
 * <p>Per-token maps are the bulk of the payload: for each daily entry the parser copies the number
 * texts into a reusable buffer, and turns into {@link BigDecimal}s only the entry that turns out to
 * be the latest. Nothing is allocated per entry in the steady state.
 */
public final class ProtocolStreamParser {
  /** Keys of {@code chainTvls} that are not chains (DeFi protocols' sub-balances). */
  private static final Set<String> NON_CHAIN_KEYS =
      Set.of(
          "staking",
          "pool2",
          "borrowed",
          "vesting",
          "offers",
          "treasury",
          "doublecounted",
          "liquidstaking",
          "dcandlsoverlap");

  private static final long DAY = 86_400L;

  /** Plain number texts up to this length cannot exceed {@link Values#MAX_MAGNITUDE}. */
  private static final int MAX_PLAIN_LENGTH = Values.MAX_MAGNITUDE;

  private static final int HISTORY_CAPACITY = 4096;

  /** Magnitudes between these two are within Values' bounds with a wide margin for rounding. */
  private static final double SURELY_ABOVE_MIN = Math.pow(10, Values.MIN_MAGNITUDE + 2);

  private static final double SURELY_BELOW_MAX = Math.pow(10, Values.MAX_MAGNITUDE - 2);

  private final long windowSeconds;
  private final Instant asOf;
  private final long cutoff;
  private long firstDate = Long.MAX_VALUE;
  private int unrepresentableTotals;
  private long lastUnrepresentableTotal;
  private String unrepresentableChain;

  private String id;
  private String name;
  private String serverMessage;
  private final Series total = new Series(HISTORY_CAPACITY);
  private final TokenSeries tokens = new TokenSeries();
  private final Map<String, Series> chainTotals = new TreeMap<>();
  private final Map<String, TokenSeries> chainTokens = new TreeMap<>();
  private final Map<String, BigDecimal> currentChains = new LinkedHashMap<>();

  private final DatedPoints dated;

  private ProtocolStreamParser(Duration window, Instant asOf, DatedPoints dated) {
    this.windowSeconds = window.getSeconds();
    this.asOf = asOf;
    this.cutoff = asOf == null ? Long.MAX_VALUE : asOf.getEpochSecond();
    this.dated = dated;
  }

  /**
   * Receives every dated point of the answer's top-level series as the parser meets them, for a
   * backfill that needs the whole history and not just its latest point. The parser keeps none of
   * them: the receiver decides what to keep.
   */
  public interface DatedPoints {
    /**
     * One point of the totals history ({@code tvl}); unrepresentable values never arrive here.
     *
     * @param date the point's date
     * @param usd the total in USD
     */
    void total(Instant date, BigDecimal usd);

    /**
     * One entry of the token breakdown history ({@code tokensInUsd}).
     *
     * @param date the entry's date
     * @param usdBySymbol USD per upper-case symbol, or null when a value could not be represented
     *     (one missing value would bias every share: the whole entry goes)
     */
    void tokens(Instant date, Map<String, BigDecimal> usdBySymbol);
  }

  /**
   * Parses one answer.
   *
   * @param window how much history of totals to keep, counted back from the latest point
   * @throws IOException for malformed JSON (a {@link
   *     com.fasterxml.jackson.core.JsonProcessingException}) or a failing stream
   * @throws SourceException when the document is not an object
   */
  public static ProtocolSummary parse(JsonParser parser, Duration window, String source)
      throws IOException, SourceException {
    return parse(parser, window, null, source);
  }

  /**
   * Parses one answer as of an instant: every series is read up to its last point on or before
   * {@code asOf}, and the trend window ends there. {@code currentChainTvls}, which has no date, is
   * ignored; the chains' own series give the chain breakdown instead.
   *
   * @param asOf the instant to read at, or null for the latest points
   */
  public static ProtocolSummary parse(
      JsonParser parser, Duration window, Instant asOf, String source)
      throws IOException, SourceException {
    return new ProtocolStreamParser(window, asOf, null).read(parser, source);
  }

  /**
   * Parses one answer at its latest points, handing every dated point of its top-level totals and
   * token breakdown to {@code dated} on the way.
   *
   * @param dated receives the dated points
   */
  public static ProtocolSummary parse(
      JsonParser parser, Duration window, String source, DatedPoints dated)
      throws IOException, SourceException {
    return new ProtocolStreamParser(window, null, dated).read(parser, source);
  }

  private ProtocolSummary read(JsonParser p, String source) throws IOException, SourceException {
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT) {
      throw Payloads.malformed(
          "the /protocol answer is not a JSON object (starts with " + t + ")", source);
    }
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (field) {
        case "id" -> id = scalar(p, t);
        case "name" -> name = scalar(p, t);
        case "message", "error" -> serverMessage = scalar(p, t);
        case "tvl" -> readSeries(p, t, total);
        case "tokensInUsd" -> readTokenSeries(p, t, tokens);
        case "chainTvls" -> readChains(p, t);
        case "currentChainTvls" -> {
          if (asOf == null) {
            readNumbers(p, t, currentChains);
          } else {
            p.skipChildren(); // today's values: nothing to do with a past as-of
          }
        }
        default -> p.skipChildren();
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw Payloads.malformed("the /protocol answer ends unexpectedly", source);
    }
    if (p.nextToken() != null) {
      throw Payloads.malformed("the /protocol answer has content after its end", source);
    }
    return summary();
  }

  private ProtocolSummary summary() {
    List<String> unrepresentable = new ArrayList<>();
    if (unrepresentableTotals > 0) {
      unrepresentable.add(
          unrepresentableTotals
              + (unrepresentableTotals == 1 ? " point" : " points")
              + " of the totals history (the latest of "
              + Instant.ofEpochSecond(lastUnrepresentableTotal)
              + ") could not be represented and were skipped");
    }
    Instant latestDate = null;
    BigDecimal latestTotal = null;
    if (total.hasLatest()) {
      latestDate = Instant.ofEpochSecond(total.latestDate);
      latestTotal = Values.decimal(total.latestText);
    } else {
      // an /updatedProtocol-shaped answer without aggregates: sum the chains' latest points
      long newest = chainTotals.values().stream().mapToLong(s -> s.latestDate).max().orElse(0);
      for (Series chain : chainTotals.values()) {
        BigDecimal value = Values.decimal(chain.latestText);
        if (chain.hasLatest() && chain.latestDate >= newest - DAY && value != null) {
          latestTotal = latestTotal == null ? value : latestTotal.add(value);
          latestDate = Instant.ofEpochSecond(newest);
        }
      }
    }

    Instant tokensDate = null;
    Map<String, BigDecimal> tokenMap = new LinkedHashMap<>();
    String badToken = null;
    if (tokens.hasLatest()) {
      tokensDate = Instant.ofEpochSecond(tokens.latestDate);
      badToken = tokens.latest.addTo(tokenMap);
    } else {
      long newest = chainTokens.values().stream().mapToLong(s -> s.latestDate).max().orElse(0);
      for (TokenSeries chain : chainTokens.values()) {
        if (chain.hasLatest() && chain.latestDate >= newest - DAY) {
          String bad = chain.latest.addTo(tokenMap);
          badToken = badToken != null ? badToken : bad;
          tokensDate = Instant.ofEpochSecond(newest);
        }
      }
    }
    if (badToken != null) {
      // one value missing would bias every share: the whole breakdown goes
      unrepresentable.add(
          "the token breakdown of "
              + tokensDate
              + " holds a value that cannot be represented ("
              + badToken
              + "); no composition from it");
      tokenMap.clear();
      tokensDate = null;
    }

    Instant chainsDate = null;
    Map<String, BigDecimal> chainMap = new LinkedHashMap<>();
    if (unrepresentableChain != null) {
      unrepresentable.add(
          "currentChainTvls holds a value that cannot be represented ("
              + unrepresentableChain
              + "); the chain breakdown comes from the chains' series");
    }
    if (!currentChains.isEmpty() && unrepresentableChain == null) {
      chainMap.putAll(currentChains);
      chainsDate = latestDate;
    } else {
      long newest = chainTotals.values().stream().mapToLong(s -> s.latestDate).max().orElse(0);
      for (Map.Entry<String, Series> chain : chainTotals.entrySet()) {
        BigDecimal value = Values.decimal(chain.getValue().latestText);
        if (chain.getValue().hasLatest()
            && chain.getValue().latestDate >= newest - DAY
            && value != null) {
          chainMap.put(chain.getKey(), value);
          chainsDate = Instant.ofEpochSecond(newest);
        }
      }
    }
    return new ProtocolSummary(
        id,
        name,
        latestDate,
        latestTotal,
        tokensDate,
        tokenMap,
        chainsDate,
        chainMap,
        total.window(windowSeconds),
        serverMessage,
        asOf,
        firstDate == Long.MAX_VALUE ? null : Instant.ofEpochSecond(firstDate),
        unrepresentable);
  }

  private void readChains(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String chain = p.currentName();
      JsonToken value = p.nextToken();
      if (value != JsonToken.START_OBJECT || !isChain(chain)) {
        p.skipChildren();
        continue;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken inner = p.nextToken();
        if (field.equals("tvl")) {
          readSeries(p, inner, chainTotals.computeIfAbsent(chain, c -> new Series(0)));
        } else if (field.equals("tokensInUsd") && !tokens.hasLatest()) {
          // per-chain tokens are only a fallback for answers without the aggregate breakdown
          readTokenSeries(p, inner, chainTokens.computeIfAbsent(chain, c -> new TokenSeries()));
        } else {
          p.skipChildren();
        }
      }
    }
  }

  private static String shorten(String text) {
    return text.length() > 40
        ? text.substring(0, 40) + "… (" + text.length() + " characters)"
        : text;
  }

  static boolean isChain(String key) {
    return !key.contains("-") && !NON_CHAIN_KEYS.contains(key.toLowerCase(Locale.ROOT));
  }

  /** Reads {@code [{date, totalLiquidityUSD}, …]}, up to the cutoff. */
  private void readSeries(JsonParser p, JsonToken t, Series series) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    JsonToken element;
    while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
      if (element != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      long date = 0;
      double value = Double.NaN;
      String text = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals("date")) {
          date = epochSeconds(p, v);
        } else if (field.equals("totalLiquidityUSD") && v.isNumeric()) {
          text = p.getText();
          value = p.getDoubleValue();
        } else {
          p.skipChildren();
        }
      }
      if (date <= 0) {
        continue;
      }
      firstDate = Math.min(firstDate, date);
      if (date > cutoff || text == null) {
        continue;
      }
      if (representable(value, text)) {
        series.add(date, value, text);
        if (dated != null && series == total) {
          BigDecimal usd = Values.decimal(text);
          if (usd != null) {
            dated.total(Instant.ofEpochSecond(date), usd);
          }
        }
      } else {
        unrepresentableTotals++;
        lastUnrepresentableTotal = Math.max(lastUnrepresentableTotal, date);
      }
    }
  }

  /** Most values pass the cheap test; only odd ones are parsed (see {@link Values#bounded}). */
  private static boolean representable(double value, String text) {
    if (!Double.isFinite(value)) {
      return false;
    }
    if (text.length() <= MAX_PLAIN_LENGTH && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
      return true; // at most 18 characters: within Values' 18 orders of magnitude
    }
    double magnitude = Math.abs(value);
    if (text.length() <= Values.MAX_DIGITS
        && magnitude >= SURELY_ABOVE_MIN
        && magnitude < SURELY_BELOW_MAX) {
      // no more digits than characters, and a leading digit well inside Values' orders of
      // magnitude whichever way the double rounded: what Values.decimal would accept, without
      // building a BigDecimal for every point written with an exponent
      return true;
    }
    return Values.decimal(text) != null;
  }

  /**
   * Reads {@code [{date, tokens: {SYM: usd}}, …]}, keeping only the latest entry up to the cutoff.
   */
  private void readTokenSeries(JsonParser p, JsonToken t, TokenSeries series) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    JsonToken element;
    while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
      if (element != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      long date = 0;
      boolean filled = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals("date")) {
          date = epochSeconds(p, v);
        } else if (field.equals("tokens") && v == JsonToken.START_OBJECT) {
          TokenBuffer scratch = series.scratch;
          scratch.clear();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String symbol = p.currentName();
            JsonToken amount = p.nextToken();
            if (amount == JsonToken.VALUE_NUMBER_FLOAT || amount == JsonToken.VALUE_NUMBER_INT) {
              scratch.put(symbol, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } else {
              p.skipChildren();
            }
          }
          filled = true;
        } else {
          p.skipChildren();
        }
      }
      if (filled && date > 0) {
        firstDate = Math.min(firstDate, date);
        if (date <= cutoff) {
          if (dated != null && series == tokens) {
            Map<String, BigDecimal> usd = new LinkedHashMap<>();
            String bad = series.scratch.addTo(usd);
            dated.tokens(Instant.ofEpochSecond(date), bad == null ? usd : null);
          }
          series.commit(date);
        }
      }
    }
  }

  private void readNumbers(JsonParser p, JsonToken t, Map<String, BigDecimal> into)
      throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (v.isNumeric() && isChain(key)) {
        BigDecimal value = Values.decimal(p.getText());
        if (value != null) {
          into.put(key, value);
        } else if (unrepresentableChain == null) {
          unrepresentableChain = key + " " + shorten(p.getText());
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private static String scalar(JsonParser p, JsonToken t) throws IOException {
    if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
      String text = p.getText().trim();
      return text.isEmpty() ? null : text;
    }
    p.skipChildren();
    return null;
  }

  /** A date in seconds; milliseconds and numeric strings are accepted. 0 when unusable. */
  private static long epochSeconds(JsonParser p, JsonToken t) throws IOException {
    Instant instant;
    if (t == JsonToken.VALUE_NUMBER_INT
        || t == JsonToken.VALUE_NUMBER_FLOAT
        || t == JsonToken.VALUE_STRING) {
      // from the text: getDecimalValue() throws on exponents no BigDecimal can hold
      instant = Values.epoch(Values.decimal(p.getText()));
    } else {
      p.skipChildren();
      return 0;
    }
    return instant == null ? 0 : instant.getEpochSecond();
  }

  /** The latest point of a series of totals, and optionally the most recent points. */
  private static final class Series {
    private final long[] dates;
    private final double[] values;
    private int next;
    private int count;
    long latestDate = Long.MIN_VALUE;
    String latestText;

    Series(int capacity) {
      dates = new long[capacity];
      values = new double[capacity];
    }

    boolean hasLatest() {
      return latestText != null;
    }

    void add(long date, double value, String text) {
      if (dates.length > 0) {
        dates[next] = date;
        values[next] = value;
        next = (next + 1) % dates.length;
        count = Math.min(count + 1, dates.length);
      }
      if (date >= latestDate) {
        latestDate = date;
        latestText = text;
      }
    }

    /** Points within {@code window} of the latest, plus the one just before, oldest first. */
    List<ProtocolSummary.TvlPoint> window(long window) {
      TreeMap<Long, Double> byDate = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        int at = (next - count + i + dates.length) % dates.length;
        byDate.put(dates[at], values[at]);
      }
      List<ProtocolSummary.TvlPoint> out = new ArrayList<>();
      if (byDate.isEmpty()) {
        return out;
      }
      long start = byDate.lastKey() - window;
      Long from = byDate.floorKey(start);
      for (Map.Entry<Long, Double> e :
          byDate.tailMap(from == null ? byDate.firstKey() : from, true).entrySet()) {
        out.add(new ProtocolSummary.TvlPoint(Instant.ofEpochSecond(e.getKey()), e.getValue()));
      }
      return out;
    }
  }

  /** The latest token map of a series, double-buffered. */
  private static final class TokenSeries {
    TokenBuffer latest = new TokenBuffer();
    TokenBuffer scratch = new TokenBuffer();
    long latestDate = Long.MIN_VALUE;

    boolean hasLatest() {
      return latestDate != Long.MIN_VALUE;
    }

    void commit(long date) {
      if (date >= latestDate) {
        TokenBuffer swap = latest;
        latest = scratch;
        scratch = swap;
        latestDate = date;
      }
    }
  }

  /** Symbols and the raw text of their values, in reusable arrays. */
  private static final class TokenBuffer {
    private String[] symbols = new String[64];
    private int[] starts = new int[64];
    private int[] lengths = new int[64];
    private char[] chars = new char[2048];
    private int size;
    private int used;

    void clear() {
      size = 0;
      used = 0;
    }

    void put(String symbol, char[] source, int offset, int length) {
      if (size == symbols.length) {
        symbols = Arrays.copyOf(symbols, size * 2);
        starts = Arrays.copyOf(starts, size * 2);
        lengths = Arrays.copyOf(lengths, size * 2);
      }
      if (used + length > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
      }
      System.arraycopy(source, offset, chars, used, length);
      symbols[size] = symbol;
      starts[size] = used;
      lengths[size] = length;
      used += length;
      size++;
    }

    /**
     * Adds this buffer's values to {@code into}, by upper-case symbol.
     *
     * @return the first value that cannot be represented (symbol and text), or null when all can
     */
    String addTo(Map<String, BigDecimal> into) {
      String unrepresentable = null;
      for (int i = 0; i < size; i++) {
        BigDecimal value;
        try {
          value = Values.bounded(new BigDecimal(chars, starts[i], lengths[i]));
        } catch (NumberFormatException | ArithmeticException e) {
          value = null;
        }
        if (value == null) {
          if (unrepresentable == null) {
            unrepresentable =
                symbols[i].trim() + " " + shorten(new String(chars, starts[i], lengths[i]));
          }
          continue;
        }
        String symbol = symbols[i].trim();
        if (!symbol.isEmpty()) {
          into.merge(symbol.toUpperCase(Locale.ROOT), value, BigDecimal::add);
        }
      }
      return unrepresentable;
    }
  }
}
