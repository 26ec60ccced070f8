package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass parser for OKX's own layout must agree with the general parser on every line it
 * accepts, and accept the lines OKX writes.
 */
class OkxTreeLineTest {
  private static final String HASH = "0123456789abcdef".repeat(4);

  private static final List<String> CANONICAL_AMOUNTS =
      List.of("0", "5", "1234567", "0.5", "0.00000001", "12.3456789", "9999999.99999999");

  private static final List<String> OTHER_AMOUNTS =
      List.of(
          "00",
          "01",
          "1.50",
          "1.",
          ".5",
          "-1",
          "-0",
          "-0.0",
          "12345678",
          "123456789012.5",
          "1e5",
          "",
          " 1",
          "1.123456789",
          "0.000000000",
          "+1",
          "1,5",
          "١");

  /** A line and where it sits in a buffer. */
  private record Placed(byte[] buffer, int from, int limit, boolean endOfInput) {}

  private static Placed place(String line, String terminator, boolean cut, Random random) {
    byte[] text = (line + terminator).getBytes(StandardCharsets.UTF_8);
    int from = random.nextInt(9);
    byte[] buffer = new byte[from + text.length + 40];
    random.nextBytes(buffer);
    System.arraycopy(text, 0, buffer, from, text.length);
    int limit = from + text.length;
    if (cut) {
      limit = from + random.nextInt(text.length);
    }
    // whatever follows the data is garbage here; the parser must not mistake it for the line
    return new Placed(buffer, from, limit, !cut && terminator.isEmpty());
  }

  private static String amount(Random random) {
    if (random.nextInt(3) == 0) {
      return OTHER_AMOUNTS.get(random.nextInt(OTHER_AMOUNTS.size()));
    }
    if (random.nextInt(3) == 0) {
      return CANONICAL_AMOUNTS.get(random.nextInt(CANONICAL_AMOUNTS.size()));
    }
    BigDecimal value = BigDecimal.valueOf(random.nextLong(1, 1_000_000_000_000_000L), 8);
    value = value.movePointLeft(random.nextInt(12));
    return Decimals.plain8down(value);
  }

  private static String balances(String btc, String eth, String usdt, Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> "{\"ETH\":\"" + eth + "\",\"BTC\":\"" + btc + "\",\"USDT\":\"" + usdt + "\"}";
      case 1 ->
          "{ \"BTC\": \"" + btc + "\", \"ETH\": \"" + eth + "\", \"USDT\": \"" + usdt + "\" }";
      case 2 -> "{\"BTC\":\"" + btc + "\",\"ETH\":\"" + eth + "\"}";
      default -> "{\"BTC\":\"" + btc + "\",\"ETH\":\"" + eth + "\",\"USDT\":\"" + usdt + "\"}";
    };
  }

  @Test
  void theOnePassParserAgreesWithTheGeneralParserOnEveryLineItAccepts() {
    Random random = new Random(17);
    int accepted = 0;
    for (int n = 0; n < 200_000; n++) {
      String hash = random.nextInt(10) == 0 ? HASH.replace('a', 'A') : HASH;
      int height = 1 + random.nextInt(random.nextBoolean() ? 9 : 300);
      int expected = random.nextInt(10) == 0 ? height + 1 : height;
      String heightText = random.nextInt(20) == 0 ? "0" + height : Integer.toString(height);
      String line =
          hash
              + ","
              + heightText
              + ","
              + balances(amount(random), amount(random), amount(random), random);
      String terminator = List.of("\n", "\r\n", "", "\r").get(random.nextInt(4));
      Placed placed = place(line, terminator, random.nextInt(8) == 0, random);
      if (placed.limit - placed.from < OkxTreeLine.CANONICAL_MINIMUM) {
        continue;
      }
      OkxTreeLine fast = new OkxTreeLine();
      boolean ok =
          fast.parseCanonical(
              placed.buffer,
              placed.from,
              placed.limit,
              placed.endOfInput,
              new OkxTreeLine.Header(expected),
              true);
      if (!ok) {
        continue;
      }
      accepted++;
      String described = line + " " + terminator.replace("\r", "\\r").replace("\n", "\\n");
      assertThat(fast.height).as(described).isEqualTo(expected).isEqualTo(height);
      assertThat(fast.start).isEqualTo(placed.from);
      assertThat(fast.end - fast.start).as(described).isEqualTo(line.length());
      int following = placed.from + line.length() + terminator.length();
      assertThat(fast.next).as(described).isEqualTo(following);
      assertThat(fast.next).isLessThanOrEqualTo(placed.limit);
      OkxTreeLine general = new OkxTreeLine();
      if (!hash.equals(HASH)) {
        assertThatThrownBy(
                () -> general.parse(placed.buffer, placed.from, placed.from + line.length(), 9))
            .hasMessage("tree line 9 hash is not lower-case hex");
        continue;
      }
      general.parse(placed.buffer, placed.from, placed.from + line.length(), 9);
      assertSame(fast, general, described);
    }
    assertThat(accepted).isGreaterThan(10_000);
  }

  private static void assertSame(OkxTreeLine fast, OkxTreeLine general, String described) {
    assertThat(fast.height).as(described).isEqualTo(general.height);
    assertThat(fast.end).isEqualTo(general.end);
    assertThat(fast.negative).isEqualTo(general.negative);
    assertThat(fast.allExact).isEqualTo(general.allExact);
    assertThat(fast.allCanonical).as(described).isEqualTo(general.allCanonical);
    for (int asset = 0; asset < OkxTreeLine.ASSETS; asset++) {
      assertThat(fast.valueStart[asset]).isEqualTo(general.valueStart[asset]);
      assertThat(fast.valueEnd[asset]).isEqualTo(general.valueEnd[asset]);
      assertThat(fast.exact(asset)).isEqualTo(general.exact(asset));
      assertThat(fast.canonical(asset)).isEqualTo(general.canonical(asset));
      assertThat(fast.units[asset]).as(described).isEqualTo(general.units[asset]);
    }
    assertThat(Arrays.copyOf(fast.tail, fast.tailLength))
        .as(described)
        .isEqualTo(Arrays.copyOf(general.tail, general.tailLength));
  }

  @Test
  void theOnePassParserTakesTheLinesOkxWrites() {
    Random random = new Random(23);
    for (int n = 0; n < 20_000; n++) {
      int height = 1 + random.nextInt(99);
      String btc = CANONICAL_AMOUNTS.get(random.nextInt(CANONICAL_AMOUNTS.size()));
      // OKX's sums and leaves: below 10^7 with up to 8 decimals
      BigDecimal value = BigDecimal.valueOf(random.nextLong(1, 1_000_000_000_000_000L), 8);
      String eth = Decimals.plain8down(value.movePointLeft(random.nextInt(9)));
      String usdt = random.nextBoolean() ? "0" : Decimals.plain8down(value.movePointLeft(8));
      String line =
          HASH
              + ","
              + height
              + ",{\"BTC\":\""
              + btc
              + "\",\"ETH\":\""
              + eth
              + "\",\"USDT\":\""
              + usdt
              + "\"}";
      String terminator = List.of("\n", "\r\n", "").get(random.nextInt(3));
      Placed placed = place(line, terminator, false, random);
      OkxTreeLine fast = new OkxTreeLine();
      boolean ok =
          fast.parseCanonical(
              placed.buffer,
              placed.from,
              placed.limit,
              placed.endOfInput,
              new OkxTreeLine.Header(height),
              height > 1);
      assertThat(ok).as(line).isTrue();
      OkxTreeLine general = new OkxTreeLine();
      general.parse(placed.buffer, placed.from, placed.from + line.length(), 1);
      if (height > 1) {
        assertSame(fast, general, line);
      }
      assertThat(fast.units).isEqualTo(general.units);
    }
  }

  @Test
  void headersSpellTheHeightAsOkxPrintsIt() {
    for (int height : new int[] {1, 9, 10, 99, 100, 256}) {
      OkxTreeLine.Header header = new OkxTreeLine.Header(height);
      String digits = Integer.toString(height);
      assertThat(header.height).isEqualTo(height);
      assertThat(header.length).isEqualTo((",".concat(digits) + ",{\"BTC\":\"").length());
      assertThat(header.heightLength).isEqualTo(digits.length());
      byte[] expected = Arrays.copyOf(digits.getBytes(StandardCharsets.US_ASCII), 8);
      assertThat(Swar.word(expected, 0)).isEqualTo(header.heightDigits);
    }
  }

  @Test
  void generalParserReportsProblemsWithTheLineNumber() {
    OkxTreeLine line = new OkxTreeLine();
    byte[] negativeZero =
        (HASH + ",1,{\"BTC\":\"-0\",\"ETH\":\"0\",\"USDT\":\"-1.5\"}")
            .getBytes(StandardCharsets.US_ASCII);
    line.parse(negativeZero, 0, negativeZero.length, 4);
    assertThat(line.canonical(0)).isFalse();
    assertThat(line.isNegative(0)).isFalse();
    assertThat(line.isNegative(2)).isTrue();
    assertThat(line.negative).isTrue();
    assertThat(line.allCanonical).isFalse();
    byte[] dot = (HASH + ",1,{\"BTC\":\"1.\",\"ETH\":\"0\",\"USDT\":\"0\"}").getBytes();
    assertThatThrownBy(() -> line.parse(dot, 0, dot.length, 4))
        .hasMessage("tree line 4 a balance has a '.' without decimals");
    byte[] huge =
        (HASH + ",1,{\"BTC\":\"123456789012345678901\",\"ETH\":\"0\",\"USDT\":\"0\"}")
            .getBytes(StandardCharsets.US_ASCII);
    line.parse(huge, 0, huge.length, 4);
    assertThat(line.exact(0)).isFalse();
    assertThat(line.decimal(0)).isEqualByComparingTo("123456789012345678901");
  }
}
