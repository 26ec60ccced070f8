package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The check remembers recent valid sources by identity only: it never lets a bad one through. */
class SourceReferenceCheckTest {
  private static final String VALID =
      "github.com/DefiLlama/defillama-server@00b3a04ced524e4a21005fa909c32c00cdf603ef:defi/x.ts";

  @Test
  void aRememberedSourcePassesAndEverythingElseIsStillChecked() {
    for (int i = 0; i < 20; i++) {
      assertThat(SourceReference.check(VALID, "t")).isSameAs(VALID);
      String copy = new String(VALID.toCharArray());
      assertThat(SourceReference.check(copy, "t")).isEqualTo(VALID);
      assertThatThrownBy(() -> SourceReference.check("not a source", "identifier x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("identifier x: source must be");
      assertThat(SourceReference.check("  " + VALID + " ", "t")).isEqualTo(VALID);
      assertThat(SourceReference.check("  ", "t")).isNull();
      assertThat(SourceReference.check(null, "t")).isNull();
      assertThat(SourceReference.check("https://example.com/p" + i, "t"))
          .isEqualTo("https://example.com/p" + i);
    }
  }
}
