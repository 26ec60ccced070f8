package io.cexsafe.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {
  private static final Table UNDERWRITER =
      Table.best("named", 15).then("broker", 7).then("none", 0);

  @Test
  void theBestLevelIsTheMaximumAndEachLevelEarnsItsPoints() {
    assertThat(UNDERWRITER.max()).isEqualTo(15);
    assertThat(UNDERWRITER.points("named")).isEqualTo(15);
    assertThat(UNDERWRITER.points("broker")).isEqualTo(7);
    assertThat(UNDERWRITER.points("none")).isZero();
    assertThat(UNDERWRITER.fraction("broker")).isEqualTo(7 / 15.0);
    assertThat(UNDERWRITER.terms()).containsEntry("named", "15").containsEntry("broker", "7");
  }

  @Test
  void aRubricStatesEveryLevelFromTheTable() {
    assertThat(
            Rubric.render(
                "insurance.x",
                "{named} points when named, {broker} for a broker, {none} otherwise.",
                UNDERWRITER))
        .isEqualTo("15 points when named, 7 for a broker, 0 otherwise.");
  }

  @Test
  void equalLevelsAreAllowed() {
    Table table = Table.best("a", 5).then("b", 5);
    assertThat(table.points("b")).isEqualTo(5);
  }

  @Test
  void anUndeclaredLevelIsRejected() {
    assertThatThrownBy(() -> UNDERWRITER.points("insurer"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no level insurer in this table");
  }

  @Test
  void aLevelWorthMoreThanABetterOneIsRejected() {
    assertThatThrownBy(() -> Table.best("named", 15).then("broker", 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("levels must not increase: broker (16) after named (15)");
  }

  @Test
  void aBestLevelWorthNothingIsRejected() {
    assertThatThrownBy(() -> Table.best("named", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the best level named must be worth more than 0 points");
  }

  @Test
  void negativeOrInfinitePointsAreRejected() {
    assertThatThrownBy(() -> Table.best("named", -3))
        .hasMessage("level named must be worth a finite, non-negative number of points");
    assertThatThrownBy(() -> Table.best("named", 5).then("broker", Double.NaN))
        .hasMessage("level broker must be worth a finite, non-negative number of points");
    assertThatThrownBy(() -> Table.best("named", Double.POSITIVE_INFINITY))
        .hasMessage("level named must be worth a finite, non-negative number of points");
  }

  @Test
  void aLevelDeclaredTwiceIsRejected() {
    assertThatThrownBy(() -> Table.best("named", 5).then("named", 3))
        .hasMessage("level named is declared twice");
  }
}
