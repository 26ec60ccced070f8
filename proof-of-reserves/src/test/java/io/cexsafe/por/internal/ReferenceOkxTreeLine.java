package io.cexsafe.por.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The line parser of {@link ReferenceOkxTreeVerifier}, unchanged from before tuning.
 *
 * <p>One parsed line of an OKX v2 liabilities tree, {@code hash,height,{"BTC":"…","ETH":"…",
 * "USDT":"…"}}, held in reusable arrays so verifying millions of lines allocates nothing per line.
 * Amounts are kept both as printed bytes and, when they fit, as longs in units of 10^-8.
 */
final class ReferenceOkxTreeLine {
  static final int ASSETS = 3;
  private static final byte[][] KEYS = {
    "BTC".getBytes(StandardCharsets.US_ASCII),
    "ETH".getBytes(StandardCharsets.US_ASCII),
    "USDT".getBytes(StandardCharsets.US_ASCII)
  };
  private static final long[] POW10 = new long[19];
  private static final byte[] NOT_HEX = new byte[256];

  static {
    java.util.Arrays.fill(NOT_HEX, (byte) 1);
    for (char c : "0123456789abcdef".toCharArray()) {
      NOT_HEX[c] = 0;
    }
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  final byte[] bytes = new byte[LineReader.MAX_LINE];
  int length;
  int height;
  final int[] valueStart = new int[ASSETS];
  final int[] valueEnd = new int[ASSETS];

  /** The amount in units of 10^-8, valid when {@link #exact} is set. */
  final long[] units = new long[ASSETS];

  /** The amount has at most 8 decimals and fits a long. */
  final boolean[] exact = new boolean[ASSETS];

  /** The amount is printed as OKX prints sums: plain, no trailing zeros, zero as "0". */
  final boolean[] canonical = new boolean[ASSETS];

  /** Parses {@code length} bytes already copied into {@link #bytes}; describes problems. */
  void parse(int lineLength, long lineNumber) {
    this.length = lineLength;
    if (lineLength < 66 || bytes[64] != ',') {
      throw malformed(lineNumber, "must start with a 64-hex hash and a comma");
    }
    int bad = 0;
    for (int i = 0; i < 64; i++) {
      bad |= NOT_HEX[bytes[i] & 0xff];
    }
    if (bad != 0) {
      throw malformed(lineNumber, "hash is not lower-case hex");
    }
    int i = 65;
    int value = 0;
    int digits = 0;
    while (i < lineLength && bytes[i] >= '0' && bytes[i] <= '9') {
      value = value * 10 + (bytes[i] - '0');
      i++;
      if (++digits > 4) {
        throw malformed(lineNumber, "height is out of range");
      }
    }
    if (digits == 0 || i >= lineLength || bytes[i] != ',') {
      throw malformed(lineNumber, "needs a decimal height after the hash");
    }
    height = value;
    i++;
    parseBalances(i, lineNumber);
  }

  private void parseBalances(int start, long lineNumber) {
    int i = start;
    if (bytes[i++] != '{') {
      throw malformed(lineNumber, "balances must be a JSON object");
    }
    Arrays.fill(valueStart, -1);
    for (int n = 0; n < ASSETS; n++) {
      i = skipSpaces(i);
      if (i >= length || bytes[i] != '"') {
        throw malformed(lineNumber, "expected a quoted asset name");
      }
      int keyStart = ++i;
      while (i < length && bytes[i] != '"') {
        i++;
      }
      int asset = assetIndex(keyStart, i);
      if (asset < 0 || valueStart[asset] >= 0) {
        throw malformed(lineNumber, "balances must hold BTC, ETH and USDT once each");
      }
      i = skipSpaces(i + 1);
      if (i >= length || bytes[i] != ':') {
        throw malformed(lineNumber, "expected ':' after an asset name");
      }
      i = skipSpaces(i + 1);
      if (i >= length || bytes[i] != '"') {
        throw malformed(lineNumber, "balances must be quoted decimal strings");
      }
      valueStart[asset] = ++i;
      while (i < length && bytes[i] != '"') {
        i++;
      }
      if (i >= length) {
        throw malformed(lineNumber, "unterminated balance");
      }
      valueEnd[asset] = i;
      parseAmount(asset, lineNumber);
      i = skipSpaces(i + 1);
      byte separator = i < length ? bytes[i] : 0;
      if (separator != (n == ASSETS - 1 ? '}' : ',')) {
        throw malformed(lineNumber, "balances must be exactly BTC, ETH and USDT");
      }
      i++;
    }
    if (skipSpaces(i) != length) {
      throw malformed(lineNumber, "unexpected text after the balances");
    }
  }

  private void parseAmount(int asset, long lineNumber) {
    int i = valueStart[asset];
    int end = valueEnd[asset];
    boolean negative = i < end && bytes[i] == '-';
    if (negative) {
      i++;
    }
    int integerStart = i;
    long integer = 0;
    while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
      integer = integer * 10 + (bytes[i] - '0');
      i++;
    }
    int integerDigits = i - integerStart;
    long fraction = 0;
    int fractionDigits = 0;
    boolean lastFractionZero = false;
    if (i < end && bytes[i] == '.') {
      i++;
      int fractionStart = i;
      while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
        if (i - fractionStart < 8) {
          fraction = fraction * 10 + (bytes[i] - '0');
        }
        i++;
      }
      fractionDigits = i - fractionStart;
      if (fractionDigits == 0) {
        throw malformed(lineNumber, "a balance has a '.' without decimals");
      }
      lastFractionZero = bytes[i - 1] == '0';
    }
    if (integerDigits == 0 || i != end) {
      throw malformed(lineNumber, "a balance is not a plain decimal number");
    }
    boolean leadingZero = integerDigits > 1 && bytes[integerStart] == '0';
    exact[asset] = integerDigits <= 10 && fractionDigits <= 8;
    if (exact[asset]) {
      long scaled = integer * POW10[8] + fraction * POW10[8 - Math.min(fractionDigits, 8)];
      units[asset] = negative ? -scaled : scaled;
    }
    boolean zero = exact[asset] && units[asset] == 0;
    canonical[asset] =
        !leadingZero
            && !lastFractionZero
            && fractionDigits <= 8
            && !(negative && (zero || !exact[asset] && isZero(asset)));
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
    return new String(bytes, 0, 64, StandardCharsets.US_ASCII);
  }

  boolean sameHash(ReferenceOkxTreeLine other) {
    return Arrays.equals(bytes, 0, 64, other.bytes, 0, 64);
  }

  boolean allZero() {
    for (int asset = 0; asset < ASSETS; asset++) {
      if (exact[asset] ? units[asset] != 0 : !isZero(asset)) {
        return false;
      }
    }
    return true;
  }

  boolean sameBalanceText(int asset, String printed) {
    return text(asset).equals(printed);
  }

  /** Whether this line's printed amount is OKX's rendering of a + b (rounded down to 8 places). */
  boolean isSumOf(int asset, ReferenceOkxTreeLine a, ReferenceOkxTreeLine b) {
    if (exact[asset] && a.exact[asset] && b.exact[asset] && canonical[asset]) {
      long sum = a.units[asset] + b.units[asset];
      return sum == units[asset];
    }
    String expected = Decimals.plain8down(a.decimal(asset).add(b.decimal(asset)));
    return sameBalanceText(asset, expected);
  }

  boolean isNegative(int asset) {
    return exact[asset] ? units[asset] < 0 : bytes[valueStart[asset]] == '-';
  }

  private int assetIndex(int start, int end) {
    for (int asset = 0; asset < ASSETS; asset++) {
      if (Arrays.equals(bytes, start, end, KEYS[asset], 0, KEYS[asset].length)) {
        return asset;
      }
    }
    return -1;
  }

  private int skipSpaces(int i) {
    while (i < length && bytes[i] == ' ') {
      i++;
    }
    return i;
  }

  private static MalformedProofException malformed(long lineNumber, String problem) {
    return new MalformedProofException("tree line " + lineNumber + " " + problem);
  }
}
