package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DecimalsTest {
  @Test
  void acceptsEverydayAmounts() {
    for (String text :
        new String[] {"0", "0.00", "-12.5", "1000000000", "0.000000000000000001", "1e30"}) {
      assertThat(Decimals.problem(new BigDecimal(text))).as(text).isEmpty();
      assertThat(Decimals.parse(text)).isEqualByComparingTo(text);
    }
  }

  @Test
  void refusesHugeAndTinyExponentsWithoutArithmetic() {
    assertThat(Decimals.problem(new BigDecimal("1e999999"))).get().asString().contains("1e999999");
    assertThat(Decimals.problem(new BigDecimal("1e-999999"))).isPresent();
    assertThat(Decimals.problem(new BigDecimal("1e61"))).isPresent();
    assertThat(Decimals.problem(new BigDecimal("9.9e60"))).isEmpty();
    assertThatThrownBy(() -> Decimals.parse("1e999999"))
        .isInstanceOf(NumberFormatException.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void refusesTooManyDigitsAndOverlongText() {
    assertThat(Decimals.problem(new BigDecimal("1." + "1".repeat(70)))).isPresent();
    // trailing zeros are not significant
    assertThat(Decimals.problem(new BigDecimal("1." + "0".repeat(70)))).isEmpty();
    assertThatThrownBy(() -> Decimals.parse("1".repeat(500)))
        .hasMessageContaining("500 characters");
    assertThatThrownBy(() -> Decimals.parse("abc")).isInstanceOf(NumberFormatException.class);
  }
}
