package io.cexsafe.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogCurveTest {
  private static final Curve.Log COVER = Curve.log10(6, 9, Curve::usd);

  @ParameterizedTest
  @CsvSource({
    "-5, 0",
    "0, 0",
    "1000, 0",
    "1000000, 0",
    "10000000, 0.3333333",
    "31622776.6, 0.5",
    "100000000, 0.6666667",
    "1000000000, 1",
    "5000000000000, 1"
  })
  void creditRisesWithTheLogarithmBetweenItsThresholds(double usd, double fraction) {
    assertThat(COVER.fraction(usd)).isCloseTo(fraction, within(1e-6));
  }

  @Test
  void itStatesItsThresholdsInItsOwnUnit() {
    assertThat(COVER.zero()).isEqualTo("USD 1M");
    assertThat(COVER.full()).isEqualTo("USD 1B");
    assertThat(COVER.terms("cover"))
        .containsEntry("cover.zero", "USD 1M")
        .containsEntry("cover.full", "USD 1B");
    assertThat(Curve.log10(-4, -1, Curve::percent).terms("ratio"))
        .containsEntry("ratio.zero", "0.01 %")
        .containsEntry("ratio.full", "10 %");
    assertThat(Curve.log10(4, 5, Curve::usd).zero()).isEqualTo("USD 10k");
    assertThat(COVER.rubric(30))
        .isEqualTo("nothing at USD 1M or less, full points at USD 1B or more, on a log scale");
  }

  @Test
  void thresholdsOutOfOrderAreRejected() {
    assertThatThrownBy(() -> Curve.log10(9, 6, Curve::usd))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("log curve thresholds out of order: nothing at 1e9, full at 1e6");
    assertThatThrownBy(() -> Curve.log10(6, 6, Curve::usd))
        .hasMessage("log curve thresholds out of order: nothing at 1e6, full at 1e6");
  }
}
