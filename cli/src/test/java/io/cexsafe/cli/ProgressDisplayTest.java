package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.ReasonCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
  @Test
  void showsDoneCountsAndWhatIsStillRunningSlowestFirst() throws Exception {
    StringWriter out = new StringWriter();
    ProgressDisplay display = ProgressDisplay.manual(new PrintWriter(out), 4);
    display.started("okx", "regulators");
    Thread.sleep(20);
    display.started("okx", "defillama");
    display.started("kraken", "disclosures");
    display.finished(
        "kraken",
        new CollectorOutcome("disclosures", OutcomeStatus.OK, ReasonCode.NONE, null, 3, List.of()),
        Duration.ofMillis(5));
    display.finished(
        "kraken",
        new CollectorOutcome(
            "reviews", OutcomeStatus.FAILED, ReasonCode.TIMEOUT, "t", 0, List.of()),
        Duration.ofSeconds(7));
    String line = display.line();
    assertThat(line).startsWith("assessing: 2/4 collector runs done (1 failed)");
    assertThat(line).contains("waiting for regulators @ okx");
    assertThat(line.indexOf("regulators @ okx")).isLessThan(line.indexOf("defillama @ okx"));
    assertThat(display.slowRuns()).containsExactly("reviews @ kraken 7.0s (failed)");
    display.render();
    assertThat(out.toString()).contains("\r").contains("2/4");
  }

  @Test
  void isQuietUnlessAskedWhenNotATerminal() {
    CliTest.Result result = CliTest.run("assess", "okx", "--offline");
    assertThat(result.err()).doesNotContain("assessing:");
    CliTest.Result forced = CliTest.run("assess", "okx", "--offline", "--progress");
    assertThat(forced.code()).isZero();
    assertThat(forced.err()).contains("\r");
  }
}
