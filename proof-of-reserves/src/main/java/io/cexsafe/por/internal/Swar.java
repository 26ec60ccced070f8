package io.cexsafe.por.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * ASCII scanning eight bytes at a time ("SIMD within a register"): finding a byte, classifying
 * digits and lower-case hex, parsing up to eight decimal digits and comparing a digest with its hex
 * text, without a branch per byte. Every word read needs eight readable bytes from its index, so
 * callers keep a few spare bytes after the data they scan.
 */
final class Swar {
  private static final VarHandle LITTLE_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LITTLE_ENDIAN_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long LOW_SEVEN_BITS = 0x7f7f7f7f7f7f7f7fL;

  private Swar() {}

  /** Eight bytes from {@code index}, the first in the lowest byte. */
  static long word(byte[] bytes, int index) {
    return (long) LITTLE_ENDIAN.get(bytes, index);
  }

  /** Stores eight bytes at {@code index}, the lowest byte first. */
  static void putWord(byte[] bytes, int index, long word) {
    LITTLE_ENDIAN.set(bytes, index, word);
  }

  /** The eight ASCII characters of a text as one {@link #word}. */
  static long word(String eightCharacters) {
    if (eightCharacters.length() != 8) {
      throw new IllegalArgumentException("a word is eight characters");
    }
    long word = 0;
    for (int i = 7; i >= 0; i--) {
      word = word << 8 | (eightCharacters.charAt(i) & 0xff);
    }
    return word;
  }

  /** The high bit of every byte of the word that equals {@code value}, none above the first. */
  private static long matches(long word, byte value) {
    long x = word ^ (ONES * (value & 0xff));
    // exact for the lowest matching byte; bytes above a match may be flagged spuriously
    return (x - ONES) & ~x & HIGH_BITS;
  }

  /** Index of the first {@code value} in {@code [from, to)}, or -1. */
  static int indexOf(byte[] bytes, int from, int to, byte value) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long found = matches(word(bytes, i), value);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** The high bit of every byte of the word that is an ASCII digit. */
  private static long digits(long word) {
    long x = word & LOW_SEVEN_BITS;
    // adding (0x80 - c) sets a byte's high bit when it is at least c; no carry leaves a byte
    long atLeastZero = x + ONES * (0x80 - '0');
    long aboveNine = x + ONES * (0x80 - '9' - 1);
    return atLeastZero & ~aboveNine & ~word & HIGH_BITS;
  }

  /** How many of the word's bytes, from the first, are ASCII digits (0 to 8). */
  static int leadingDigits(long word) {
    // digits become 0 to 9; adding 0x76 sets the high bit of any other byte. A byte that carries
    // out disturbs only the bytes after it, which are never counted.
    long values = word ^ ONES * '0';
    long notDigits = ((values + ONES * 0x76) | values) & HIGH_BITS;
    return Long.numberOfTrailingZeros(notDigits) >>> 3;
  }

  /** Byte {@code index} (0 to 7) of a word. */
  static int byteAt(long word, int index) {
    return (int) (word >>> (index << 3)) & 0xff;
  }

  /**
   * The value of the first {@code count} bytes of the word, which must be ASCII digits (1 to 8 of
   * them); the remaining bytes are ignored.
   */
  static int parseDigits(long word, int count) {
    return eightDigitValues((word ^ ONES * '0') << ((8 - count) << 3));
  }

  /**
   * The first {@code count} digits of the word (1 to 8) read as the leading digits of an
   * eight-digit fraction, that is, their value times 10^(8 - count).
   */
  static int parseFractionDigits(long word, int count) {
    return eightDigitValues((word ^ ONES * '0') & (-1L >>> ((8 - count) << 3)));
  }

  /** Eight digit values (0 to 9), the most significant in the lowest byte, as a number. */
  private static int eightDigitValues(long values) {
    long pairs = values * 10 + (values >>> 8);
    long quads =
        (pairs & 0x000000FF000000FFL) * (100 + (1000000L << 32))
            + ((pairs >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32));
    return (int) (quads >>> 32);
  }

  /** Whether the {@code length} bytes from {@code from} (a multiple of 8) are lower-case hex. */
  static boolean isLowerHex(byte[] bytes, int from, int length) {
    long bad = 0;
    for (int i = from; i < from + length; i += 8) {
      long word = word(bytes, i);
      long x = word & LOW_SEVEN_BITS;
      long letter = (x + ONES * (0x80 - 'a')) & ~(x + ONES * (0x80 - 'f' - 1));
      bad |= ~((digits(word) | letter) & ~word) & HIGH_BITS;
    }
    return bad == 0;
  }

  /** Whether {@code hex} holds the 64 lower-case hex characters of the 32-byte {@code digest}. */
  static boolean isHexOf(byte[] digest, byte[] hex, int at) {
    // four bytes at a time: digests are written an int at a time, and reading them back the same
    // way lets the processor forward the stores instead of waiting for them
    long different = 0;
    for (int i = 0; i < 32; i += 4) {
      different |= hexOfFour((int) LITTLE_ENDIAN_INT.get(digest, i)) ^ word(hex, at + 2 * i);
    }
    return different == 0;
  }

  /** The eight hex characters of four bytes (the first in the lowest byte) as a {@link #word}. */
  private static long hexOfFour(int fourBytes) {
    // one byte per 16-bit lane, then its high nibble in the lane's first byte, low in its second
    long x = fourBytes & 0xffffffffL;
    x = (x | x << 16) & 0x0000FFFF0000FFFFL;
    x = (x | x << 8) & 0x00FF00FF00FF00FFL;
    x = (x >>> 4 & 0x000F000F000F000FL) | (x & 0x000F000F000F000FL) << 8;
    long letters = ((x + ONES * 6) >>> 4) & ONES;
    return x + ONES * '0' + letters * ('a' - '0' - 10);
  }
}
