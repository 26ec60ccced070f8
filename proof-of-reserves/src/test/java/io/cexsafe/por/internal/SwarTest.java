package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SwarTest {
  private static final int SPARE = 8;

  private static byte[] ascii(String text) {
    return Arrays.copyOf(text.getBytes(StandardCharsets.ISO_8859_1), text.length() + SPARE);
  }

  @Test
  void indexOfFindsTheFirstMatchInsideTheRangeOnly() {
    for (int length = 0; length <= 40; length++) {
      for (int at = 0; at < length; at++) {
        byte[] bytes = new byte[length + SPARE];
        Arrays.fill(bytes, (byte) 'x');
        bytes[at] = '\n';
        if (at + 3 < length) {
          bytes[at + 3] = '\n';
        }
        assertThat(Swar.indexOf(bytes, 0, length, (byte) '\n'))
            .as("%d/%d", at, length)
            .isEqualTo(at);
        assertThat(Swar.indexOf(bytes, 0, at, (byte) '\n')).isEqualTo(-1);
        int expectedAfter = at + 3 < length ? at + 3 : -1;
        assertThat(Swar.indexOf(bytes, at + 1, length, (byte) '\n')).isEqualTo(expectedAfter);
      }
      // a match in the spare bytes after the range is not reported
      byte[] bytes = new byte[length + SPARE];
      bytes[length] = '\n';
      assertThat(Swar.indexOf(bytes, 0, length, (byte) '\n')).isEqualTo(-1);
    }
  }

  @Test
  void indexOfIsNotFooledByBytesNextToTheOneSought() {
    // 0x0b and 0x09 differ from '\n' by one bit, 0x8a only in the high bit
    byte[] bytes = ascii("\u000b\u0009\u008a\u000b\u0009\u008a\u000b\u0009\n\u000b");
    assertThat(Swar.indexOf(bytes, 0, 10, (byte) '\n')).isEqualTo(8);
  }

  @Test
  void leadingDigitsCountsDigitsUpToTheFirstOtherByte() {
    for (int count = 0; count <= 8; count++) {
      for (int other = 0; other < 256; other++) {
        if (other >= '0' && other <= '9') {
          continue;
        }
        byte[] bytes = new byte[16];
        Arrays.fill(bytes, (byte) '7');
        if (count < 8) {
          bytes[count] = (byte) other;
        }
        // whatever follows the first non-digit must not matter
        for (int i = count + 1; i < 8; i++) {
          bytes[i] = (byte) (0xff - i);
        }
        assertThat(Swar.leadingDigits(Swar.word(bytes, 0)))
            .as("%d digits then 0x%02x", count, other)
            .isEqualTo(count);
      }
    }
  }

  @Test
  void parsesUpToEightDigitsWhateverFollows() {
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      int count = 1 + random.nextInt(8);
      StringBuilder digits = new StringBuilder();
      for (int i = 0; i < count; i++) {
        digits.append((char) ('0' + random.nextInt(10)));
      }
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      System.arraycopy(digits.toString().getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, count);
      long word = Swar.word(bytes, 0);
      assertThat(Swar.parseDigits(word, count)).isEqualTo(Integer.parseInt(digits.toString()));
      int fraction = Integer.parseInt(digits.toString()) * (int) Math.pow(10, 8 - count);
      assertThat(Swar.parseFractionDigits(word, count)).isEqualTo(fraction);
    }
    assertThat(Swar.parseDigits(Swar.word(ascii("99999999"), 0), 8)).isEqualTo(99_999_999);
    assertThat(Swar.parseFractionDigits(Swar.word(ascii("00000001"), 0), 8)).isEqualTo(1);
    assertThat(Swar.parseFractionDigits(Swar.word(ascii("5\"......"), 0), 1)).isEqualTo(50_000_000);
  }

  @Test
  void lowerHexAcceptsExactlyTheSixteenLowerCaseHexCharacters() {
    byte[] bytes = ascii("0123456789abcdef".repeat(4));
    assertThat(Swar.isLowerHex(bytes, 0, 64)).isTrue();
    for (int position = 0; position < 64; position++) {
      for (int value = 0; value < 256; value++) {
        byte[] changed = bytes.clone();
        changed[position] = (byte) value;
        boolean hex = value >= '0' && value <= '9' || value >= 'a' && value <= 'f';
        assertThat(Swar.isLowerHex(changed, 0, 64))
            .as("0x%02x at %d", value, position)
            .isEqualTo(hex);
      }
    }
  }

  @Test
  void hexOfADigestMatchesOnlyItsOwnLowerCaseHex() {
    Random random = new Random(11);
    HexFormat hex = HexFormat.of();
    for (int n = 0; n < 200; n++) {
      byte[] digest = new byte[32];
      random.nextBytes(digest);
      int at = random.nextInt(5);
      byte[] text = new byte[at + 64 + SPARE];
      byte[] printed = hex.formatHex(digest).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(printed, 0, text, at, 64);
      assertThat(Swar.isHexOf(digest, text, at)).isTrue();
      for (int i = 0; i < 64; i++) {
        byte[] changed = text.clone();
        changed[at + i] = (byte) Tamper.bump((char) changed[at + i]);
        assertThat(Swar.isHexOf(digest, changed, at)).isFalse();
        changed[at + i] = (byte) Character.toUpperCase((char) text[at + i]);
        assertThat(Swar.isHexOf(digest, changed, at)).isEqualTo(changed[at + i] == text[at + i]);
      }
    }
  }

  @Test
  void wordsReadAndWriteTheFirstByteLowest() {
    byte[] bytes = new byte[20];
    Swar.putWord(bytes, 3, Swar.word("abcdefgh"));
    assertThat(new String(bytes, 3, 8, StandardCharsets.US_ASCII)).isEqualTo("abcdefgh");
    assertThat(Swar.byteAt(Swar.word(bytes, 3), 0)).isEqualTo('a');
    assertThat(Swar.byteAt(Swar.word(bytes, 3), 7)).isEqualTo('h');
    assertThatThrownBy(() -> Swar.word("short")).isInstanceOf(IllegalArgumentException.class);
  }
}
