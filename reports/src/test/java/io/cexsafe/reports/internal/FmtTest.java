package io.cexsafe.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fmt's numbers read exactly as the {@code String.format} they replace, in every locale. */
class FmtTest {
  private static String formatted(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  @Test
  void fixedMatchesFormatOnTiesSignsAndExtremes() {
    double[] values = {
      0,
      -0.0,
      0.05,
      0.15,
      0.25,
      0.35,
      0.45,
      1.45,
      2.675,
      1.005,
      -0.05,
      -0.04,
      -0.004,
      -0.5,
      -1.25,
      99.95,
      99.949999,
      9.95,
      0.125,
      0.375,
      -0.375,
      100,
      1e-7,
      -1e-7,
      1e15 + 0.05,
      1e20,
      -1e22,
      1.0e-300,
      Double.MIN_VALUE,
      -Double.MIN_VALUE,
      Double.MAX_VALUE,
      -Double.MAX_VALUE,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      0.1 + 0.2,
      2.5,
      3.5,
      -2.5
    };
    for (int decimals = 0; decimals <= 3; decimals++) {
      for (double value : values) {
        assertThat(Fmt.fixed(value, decimals))
            .as("%s with %d decimals", value, decimals)
            .isEqualTo(formatted(value, decimals));
      }
    }
  }

  @Test
  void fixedMatchesFormatOnRandomValuesOfEveryMagnitude() {
    SplittableRandom random = new SplittableRandom(19);
    for (int i = 0; i < 200_000; i++) {
      double value;
      switch (i % 4) {
        case 0 -> value = random.nextDouble(-100, 100);
        // scores, weights and shares: short decimals, many of them ties once rounded
        case 1 -> value = Math.round(random.nextDouble(-1000, 1000) * 1000) / 1000.0;
        case 2 -> value = random.nextDouble() * Math.pow(10, random.nextInt(-8, 19));
        default -> value = Double.longBitsToDouble(random.nextLong());
      }
      int decimals = i % 3;
      assertThat(Fmt.fixed(value, decimals))
          .as("%s with %d decimals", value, decimals)
          .isEqualTo(formatted(value, decimals));
    }
  }

  @Test
  void reportNumbersKeepTheirWording() {
    assertThat(Fmt.num(null)).isEqualTo("-");
    assertThat(Fmt.num(72.25)).isEqualTo("72.3");
    assertThat(Fmt.num(-0.04)).isEqualTo("-0.0");
    assertThat(Fmt.range(40.04, 80.05)).isEqualTo("[40.0, 80.1]");
    assertThat(Fmt.percent(0.125)).isEqualTo("13%");
    assertThat(Fmt.percent(0.004)).isEqualTo("0%");
    assertThat(Fmt.confidence(0.875)).isEqualTo("0.88");
    assertThat(Fmt.points(20.0)).isEqualTo("20");
    assertThat(Fmt.points(12.5)).isEqualTo("12.5");
  }

  @Test
  void theDefaultLocaleChangesNothing() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("de-DE"));
      assertThat(Fmt.num(1234.56)).isEqualTo("1234.6");
      assertThat(Fmt.confidence(0.5)).isEqualTo("0.50");
    } finally {
      Locale.setDefault(before);
    }
  }
}
