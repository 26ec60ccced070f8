package io.cexsafe.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompositeTest {
  private static final Composite SEGREGATION =
      Composite.of(
          Composite.part("backing", 4),
          Composite.part("segregated", 3),
          Composite.part("remote", 3));

  @Test
  void theMaximumIsTheSumOfThePartsAndEachPartEarnsItsShare() {
    assertThat(SEGREGATION.max()).isEqualTo(10);
    assertThat(SEGREGATION.part("backing")).isEqualTo(4);
    assertThat(SEGREGATION.points("segregated", 1)).isEqualTo(3);
    assertThat(SEGREGATION.points("remote", 0)).isZero();
    assertThat(SEGREGATION.points("backing", 0.5)).isEqualTo(2);
    assertThat(SEGREGATION.total(4, 3, 3)).isEqualTo(10);
    assertThat(SEGREGATION.terms())
        .containsEntry("backing", "4")
        .containsEntry("segregated", "3")
        .containsEntry("remote", "3");
  }

  @Test
  void aCapBoundsTheTotal() {
    Composite capped =
        Composite.of(Composite.part("core", 9), Composite.part("safeguards", 1.5)).cappedAt(10);
    assertThat(capped.max()).isEqualTo(10);
    assertThat(capped.total(9, 1.5)).isEqualTo(10);
    assertThat(capped.total(8, 1)).isEqualTo(9);
  }

  @Test
  void aFractionOutsideZeroToOneIsRejected() {
    assertThatThrownBy(() -> SEGREGATION.points("backing", 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("part backing earns a fraction within [0, 1], not 1.5");
    assertThatThrownBy(() -> SEGREGATION.points("backing", -0.1))
        .hasMessage("part backing earns a fraction within [0, 1], not -0.1");
  }

  @Test
  void anUndeclaredPartIsRejected() {
    assertThatThrownBy(() -> SEGREGATION.part("trust")).hasMessage("no part trust in this rule");
  }

  @Test
  void aNegativeOrZeroPartMaximumIsRejected() {
    assertThatThrownBy(() -> Composite.part("backing", -4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("part backing must have a finite maximum above 0, not -4.0");
    assertThatThrownBy(() -> Composite.part("backing", 0))
        .hasMessage("part backing must have a finite maximum above 0, not 0.0");
  }

  @Test
  void aCapThatCannotBindIsRejected() {
    assertThatThrownBy(() -> SEGREGATION.cappedAt(12))
        .hasMessage("a cap must lie above 0 and below the parts' total 10, not 12.0");
  }

  @Test
  void aPartDeclaredTwiceOrNoPartIsRejected() {
    assertThatThrownBy(() -> Composite.of(Composite.part("a", 1), Composite.part("a", 2)))
        .hasMessage("part a is declared twice");
    assertThatThrownBy(Composite::of).hasMessage("a composite needs at least one part");
  }
}
