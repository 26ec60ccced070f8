package io.cexsafe.por.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One parsed line of an OKX v2 liabilities tree, {@code hash,height,{"BTC":"…","ETH":"…",
 * "USDT":"…"}}, parsed in place in a buffer the caller owns and reuses, so verifying millions of
 * lines allocates nothing per line. Amounts are kept both as printed bytes and, when they fit, as
 * longs in units of 10^-8.
 *
 * <p>{@link #parseCanonical} reads the exact layout OKX writes in one pass, without finding the
 * line's end first; anything else (spaces, another key order, signs, long amounts, trailing zeros)
 * is left to {@link #parse}, which accepts and rejects exactly what the format allows.
 */
final class OkxTreeLine {
  static final int ASSETS = 3;

  /** The shortest text {@link #parseCanonical} tries; shorter tails go to {@link #parse}. */
  static final int CANONICAL_MINIMUM = 96;

  private static final byte[][] KEYS = {
    "BTC".getBytes(StandardCharsets.US_ASCII),
    "ETH".getBytes(StandardCharsets.US_ASCII),
    "USDT".getBytes(StandardCharsets.US_ASCII)
  };
  private static final long ETH_KEY = Swar.word(",\"ETH\":\"");
  private static final long USDT_KEY = Swar.word("\"USDT\":\"");
  private static final int CLOSE_NEWLINE = '}' | '\n' << 8;
  private static final int CLOSE_RETURN_NEWLINE = '}' | '\r' << 8 | '\n' << 16;
  private static final long ZERO_AMOUNT = '0' | '"' << 8;
  private static final long UNIT = 100_000_000L;

  /**
   * What a line of one height starts with after its hash, {@code ,<height>,{"BTC":"}, as words
   * to compare with, and the height's digits for the hash preimage.
   */
  static final class Header {
    final long first;
    final long second;
    final long secondMask;
    final int length;
    final long heightDigits;
    final int heightLength;
    final int height;

    Header(int height) {
      this.height = height;
      String digits = Integer.toString(height);
      byte[] text =
          Arrays.copyOf(
              (",".concat(digits).concat(",{\"BTC\":\"")).getBytes(StandardCharsets.US_ASCII), 16);
      length = 10 + digits.length();
      first = Swar.word(text, 0);
      secondMask = length >= 16 ? -1L : (1L << ((length - 8) << 3)) - 1;
      second = Swar.word(text, 8) & secondMask;
      heightDigits = Swar.word(Arrays.copyOf(digits.getBytes(StandardCharsets.US_ASCII), 8), 0);
      heightLength = digits.length();
    }
  }

  /** The buffer holding the line; owned by the caller and only valid until it is refilled. */
  byte[] bytes;

  /** Where the line (its hash) starts in {@link #bytes}. */
  int start;

  /** Where the line's text ends, before its line terminator. */
  int end;

  /** Where the next line starts; set by {@link #parseCanonical} only. */
  int next;

  int height;
  final int[] valueStart = new int[ASSETS];
  final int[] valueEnd = new int[ASSETS];

  /** The amount in units of 10^-8, valid when {@link #exact} says so. */
  final long[] units = new long[ASSETS];

  private final boolean[] exact = new boolean[ASSETS];
  private final boolean[] canonical = new boolean[ASSETS];

  /** Every amount is {@link #exact}. */
  boolean allExact;

  /** Every amount is {@link #exact} and {@link #canonical}. */
  boolean allCanonical;

  /** Some amount is below zero. */
  boolean negative;

  /**
   * The printed amounts, BTC, ETH and USDT, one after another, then the height in decimal: the end
   * of the hash preimage when this line is a parent. Not filled for leaves by {@link
   * #parseCanonical}.
   */
  final byte[] tail = new byte[LineReader.MAX_LINE + 32];

  int tailLength;

  /**
   * Parses the line at {@code from} if it has the given height and is laid out exactly as OKX
   * writes it, ending with "\n", "\r\n" or the end of the input at {@code limit}; returns false,
   * changing nothing the caller relies on, for any other line. The hash is not checked for being
   * hex: callers check it or compare it with a digest. Needs 32 readable bytes after {@code limit}
   * and at least {@link #CANONICAL_MINIMUM} bytes from {@code from} to {@code limit}.
   *
   * @param withTail whether to fill {@link #tail}, needed when the line is a parent
   */
  boolean parseCanonical(
      byte[] source, int from, int limit, boolean endOfInput, Header header, boolean withTail) {
    int i = from + 64;
    if (Swar.word(source, i) != header.first
        || (Swar.word(source, i + 8) & header.secondMask) != header.second) {
      return false;
    }
    tailLength = 0;
    // each amount stops at its closing quote; what follows is compared as whole words
    i = canonicalAmount(source, 0, i + header.length, withTail);
    if (i < 0 || Swar.word(source, i + 1) != ETH_KEY) {
      return false;
    }
    i = canonicalAmount(source, 1, i + 9, withTail);
    if (i < 0 || Swar.word(source, i + 2) != USDT_KEY || source[i + 1] != ',') {
      return false;
    }
    i = canonicalAmount(source, 2, i + 10, withTail);
    if (i < 0) {
      return false;
    }
    int textEnd = i + 2;
    int ending = (int) Swar.word(source, i + 1) & 0xffffff;
    if ((ending & 0xffff) == CLOSE_NEWLINE && textEnd < limit) {
      next = textEnd + 1;
    } else if (ending == CLOSE_RETURN_NEWLINE && textEnd + 1 < limit) {
      next = textEnd + 2;
    } else if ((ending & 0xff) == '}' && textEnd == limit && endOfInput) {
      next = limit;
    } else {
      return false;
    }
    if (withTail) {
      Swar.putWord(tail, tailLength, header.heightDigits);
      tailLength += header.heightLength;
    }
    bytes = source;
    start = from;
    end = textEnd;
    height = header.height;
    allExact = true;
    allCanonical = true;
    negative = false;
    return true;
  }

  /**
   * An amount as OKX prints sums, from {@code i} to a closing quote: 1 to 7 integer digits without
   * a leading zero, optionally '.' and 1 to 8 decimals not ending in 0. Returns the index of the
   * closing quote, or -1 for any other text.
   */
  private int canonicalAmount(byte[] source, int asset, int i, boolean withTail) {
    long word = Swar.word(source, i);
    int j;
    long value;
    if ((word & 0xffff) == ZERO_AMOUNT) {
      j = i + 1;
      value = 0;
    } else {
      int integerDigits = Swar.leadingDigits(word);
      if (integerDigits == 0 || integerDigits == 8 || integerDigits > 1 && (word & 0xff) == '0') {
        return -1;
      }
      value = Swar.parseDigits(word, integerDigits) * UNIT;
      j = i + integerDigits;
      int terminator = Swar.byteAt(word, integerDigits);
      if (terminator == '.') {
        long decimals = Swar.word(source, j + 1);
        int fractionDigits = Swar.leadingDigits(decimals);
        if (fractionDigits == 0 || Swar.byteAt(decimals, fractionDigits - 1) == '0') {
          return -1;
        }
        value += Swar.parseFractionDigits(decimals, fractionDigits);
        j += 1 + fractionDigits;
        terminator = source[j];
      }
      if (terminator != '"') {
        return -1;
      }
    }
    units[asset] = value;
    valueStart[asset] = i;
    valueEnd[asset] = j;
    if (withTail) {
      // at most 16 bytes; the next amount overwrites what is copied beyond this one
      Swar.putWord(tail, tailLength, word);
      Swar.putWord(tail, tailLength + 8, Swar.word(source, i + 8));
      tailLength += j - i;
    }
    return j;
  }

  /**
   * Parses the line text {@code [from, to)} of {@code source} in any layout the format allows;
   * describes problems naming the line number.
   */
  void parse(byte[] source, int from, int to, long lineNumber) {
    allExact = false;
    allCanonical = false;
    bytes = source;
    start = from;
    end = to;
    if (to - from < 66 || source[from + 64] != ',') {
      throw malformed(lineNumber, "must start with a 64-hex hash and a comma");
    }
    if (!Swar.isLowerHex(source, from, 64)) {
      throw malformed(lineNumber, "hash is not lower-case hex");
    }
    int i = from + 65;
    int value = 0;
    int digits = 0;
    while (i < to && source[i] >= '0' && source[i] <= '9') {
      value = value * 10 + (source[i] - '0');
      i++;
      if (++digits > 4) {
        throw malformed(lineNumber, "height is out of range");
      }
    }
    if (digits == 0 || i >= to || source[i] != ',') {
      throw malformed(lineNumber, "needs a decimal height after the hash");
    }
    height = value;
    i++;
    parseBalances(i, lineNumber);
    allExact = exact[0] && exact[1] && exact[2];
    allCanonical = allExact && canonical[0] && canonical[1] && canonical[2];
    negative = false;
    tailLength = 0;
    for (int asset = 0; asset < ASSETS; asset++) {
      negative |= isNegative(asset);
      int length = valueEnd[asset] - valueStart[asset];
      System.arraycopy(bytes, valueStart[asset], tail, tailLength, length);
      tailLength += length;
    }
    byte[] heightText = Integer.toString(height).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(heightText, 0, tail, tailLength, heightText.length);
    tailLength += heightText.length;
  }

  private void parseBalances(int from, long lineNumber) {
    int i = from;
    if (i >= end || bytes[i++] != '{') {
      throw malformed(lineNumber, "balances must be a JSON object");
    }
    Arrays.fill(valueStart, -1);
    for (int n = 0; n < ASSETS; n++) {
      i = skipSpaces(i);
      if (i >= end || bytes[i] != '"') {
        throw malformed(lineNumber, "expected a quoted asset name");
      }
      int keyStart = ++i;
      while (i < end && bytes[i] != '"') {
        i++;
      }
      int asset = assetIndex(keyStart, i);
      if (asset < 0 || valueStart[asset] >= 0) {
        throw malformed(lineNumber, "balances must hold BTC, ETH and USDT once each");
      }
      i = skipSpaces(i + 1);
      if (i >= end || bytes[i] != ':') {
        throw malformed(lineNumber, "expected ':' after an asset name");
      }
      i = skipSpaces(i + 1);
      if (i >= end || bytes[i] != '"') {
        throw malformed(lineNumber, "balances must be quoted decimal strings");
      }
      valueStart[asset] = ++i;
      while (i < end && bytes[i] != '"') {
        i++;
      }
      if (i >= end) {
        throw malformed(lineNumber, "unterminated balance");
      }
      valueEnd[asset] = i;
      parseAmount(asset, lineNumber);
      i = skipSpaces(i + 1);
      byte separator = i < end ? bytes[i] : 0;
      if (separator != (n == ASSETS - 1 ? '}' : ',')) {
        throw malformed(lineNumber, "balances must be exactly BTC, ETH and USDT");
      }
      i++;
    }
    if (skipSpaces(i) != end) {
      throw malformed(lineNumber, "unexpected text after the balances");
    }
  }

  private void parseAmount(int asset, long lineNumber) {
    int i = valueStart[asset];
    int stop = valueEnd[asset];
    if (stop - i > Decimals.MAX_NUMBER_CHARS) {
      // BigDecimal reads long text in quadratic time; no balance needs this many characters
      throw malformed(
          lineNumber,
          "a balance is "
              + (stop - i)
              + " characters long; numbers are at most "
              + Decimals.MAX_NUMBER_CHARS);
    }
    boolean minus = i < stop && bytes[i] == '-';
    if (minus) {
      i++;
    }
    int integerStart = i;
    while (i < stop && bytes[i] >= '0' && bytes[i] <= '9') {
      i++;
    }
    int integerDigits = i - integerStart;
    int fractionDigits = 0;
    boolean lastFractionZero = false;
    if (i < stop && bytes[i] == '.') {
      i++;
      int fractionStart = i;
      while (i < stop && bytes[i] >= '0' && bytes[i] <= '9') {
        i++;
      }
      fractionDigits = i - fractionStart;
      if (fractionDigits == 0) {
        throw malformed(lineNumber, "a balance has a '.' without decimals");
      }
      lastFractionZero = bytes[i - 1] == '0';
    }
    if (integerDigits == 0 || i != stop) {
      throw malformed(lineNumber, "a balance is not a plain decimal number");
    }
    boolean leadingZero = integerDigits > 1 && bytes[integerStart] == '0';
    long parsed = FixedPoint8.parse(bytes, valueStart[asset], stop);
    exact[asset] = parsed != FixedPoint8.NOT_EXACT;
    units[asset] = exact[asset] ? parsed : 0;
    boolean zero = exact[asset] && parsed == 0;
    canonical[asset] =
        !leadingZero
            && !lastFractionZero
            && fractionDigits <= 8
            && !(minus && (zero || !exact[asset] && isZero(asset)));
  }

  private boolean isZero(int asset) {
    return decimal(asset).signum() == 0;
  }

  BigDecimal decimal(int asset) {
    return new BigDecimal(text(asset));
  }

  String text(int asset) {
    return new String(
        bytes, valueStart[asset], valueEnd[asset] - valueStart[asset], StandardCharsets.US_ASCII);
  }

  String hash() {
    return new String(bytes, start, 64, StandardCharsets.US_ASCII);
  }

  boolean sameHash(OkxTreeLine other) {
    return Arrays.equals(bytes, start, start + 64, other.bytes, other.start, other.start + 64);
  }

  boolean hashEquals(byte[] hash) {
    return Arrays.equals(bytes, start, start + 64, hash, 0, 64);
  }

  /** The amount fits {@link FixedPoint8}: at most 8 decimals and not too large. */
  boolean exact(int asset) {
    return allExact || exact[asset];
  }

  /** The amount is printed as OKX prints sums: plain, no trailing zeros, zero as "0". */
  boolean canonical(int asset) {
    return allCanonical || canonical[asset];
  }

  boolean allZero() {
    for (int asset = 0; asset < ASSETS; asset++) {
      if (exact(asset) ? units[asset] != 0 : !isZero(asset)) {
        return false;
      }
    }
    return true;
  }

  boolean sameBalanceText(int asset, String printed) {
    return text(asset).equals(printed);
  }

  /** Whether this line's printed amount is OKX's rendering of a + b (rounded down to 8 places). */
  boolean isSumOf(int asset, OkxTreeLine a, OkxTreeLine b) {
    if (allCanonical && a.allExact && b.allExact
        || exact(asset) && a.exact(asset) && b.exact(asset) && canonical(asset)) {
      return a.units[asset] + b.units[asset] == units[asset];
    }
    String expected = Decimals.plain8down(a.decimal(asset).add(b.decimal(asset)));
    return sameBalanceText(asset, expected);
  }

  boolean isNegative(int asset) {
    return exact(asset) ? units[asset] < 0 : bytes[valueStart[asset]] == '-';
  }

  private int assetIndex(int from, int to) {
    for (int asset = 0; asset < ASSETS; asset++) {
      if (Arrays.equals(bytes, from, to, KEYS[asset], 0, KEYS[asset].length)) {
        return asset;
      }
    }
    return -1;
  }

  private int skipSpaces(int i) {
    while (i < end && bytes[i] == ' ') {
      i++;
    }
    return i;
  }

  private static MalformedProofException malformed(long lineNumber, String problem) {
    return new MalformedProofException("tree line " + lineNumber + " " + problem);
  }
}
