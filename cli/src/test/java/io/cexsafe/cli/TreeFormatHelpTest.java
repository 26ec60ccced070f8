package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.por.ProofScheme;
import io.cexsafe.por.ProofVerifier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The help texts list the proof formats that take a tree from the schemes themselves. */
class TreeFormatHelpTest {
  private static final String DERIVED =
      ProofVerifier.standard().schemes().stream()
          .filter(ProofScheme::takesTree)
          .map(ProofScheme::id)
          .collect(Collectors.joining(", "));

  private static String help(String... command) {
    CliTest.Result result = CliTest.run(command);
    assertThat(result.code()).isZero();
    return result.out().replaceAll("\\s+", " ");
  }

  @Test
  void theDerivedListIsTheOneTheHelpTextsAlwaysShowed() {
    assertThat(String.join(", ", new TreeFormatIds())).isEqualTo("okx-v2, bitmex, silversixpence");
    assertThat(String.join(", ", new TreeFormatIds())).isEqualTo(DERIVED);
  }

  @Test
  void porVerifyAndTheProofOptionsShowIt() {
    assertThat(help("por", "verify", "--help"))
        .contains("The published full tree, for formats that publish one (" + DERIVED + ").");
    for (String command : new String[] {"assess", "compare"}) {
      assertThat(help(command, "--help"))
          .contains("The published tree that goes with that proof (" + DERIVED + ").");
    }
  }
}
