package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixedPoint8Test {

  private static long parse(String text) {
    // surrounded by other bytes: only [from, to) may be read
    byte[] bytes = ("9" + text + "9").getBytes(StandardCharsets.US_ASCII);
    return FixedPoint8.parse(bytes, 1, 1 + text.length());
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "-0, 0",
    "1, 100000000",
    "0.00000001, 1",
    "12.345, 1234500000",
    "1.10000000, 110000000",
    "-1.5, -150000000",
    "007, 700000000",
    "46116860184.27387903, 4611686018427387903",
    "-46116860184.27387903, -4611686018427387903"
  })
  void exactAmounts(String text, long units) {
    assertThat(parse(text)).isEqualTo(units);
  }

  @ParameterizedTest
  @CsvSource({
    "0.000000001",
    "1.100000000",
    "46116860184.27387904",
    "46116860185",
    "-46116860185",
    "99999999999999999999",
    "184467440737095516160000"
  })
  void amountsWithoutAnExactLongAreFlaggedNotWrapped(String text) {
    assertThat(parse(text)).isEqualTo(FixedPoint8.NOT_EXACT);
  }

  @Test
  void twoExactAmountsAlwaysAddWithoutOverflow() {
    long largest = parse("46116860184.27387903");
    assertThat(largest + largest).isPositive();
    assertThat(Math.addExact(largest, largest)).isEqualTo(2 * largest);
  }

  @Test
  void agreesWithBigDecimalOnRandomAmounts() {
    Random random = new Random(3);
    for (int n = 0; n < 50_000; n++) {
      int integerDigits = 1 + random.nextInt(13);
      int decimals = random.nextInt(11);
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
      for (int i = 0; i < integerDigits; i++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
      if (decimals > 0) {
        text.append('.');
        for (int i = 0; i < decimals; i++) {
          text.append((char) ('0' + random.nextInt(10)));
        }
      }
      BigDecimal units = new BigDecimal(text.toString()).movePointRight(8);
      long parsed = parse(text.toString());
      boolean fits =
          decimals <= 8 && units.abs().compareTo(BigDecimal.valueOf(FixedPoint8.LIMIT)) < 0;
      if (fits) {
        assertThat(parsed).as(text.toString()).isEqualTo(units.longValueExact());
      } else {
        assertThat(parsed).as(text.toString()).isEqualTo(FixedPoint8.NOT_EXACT);
      }
    }
  }
}
