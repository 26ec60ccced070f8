package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar runs the backtest bundled inside it, and refuses a bad case file in one line. */
class BacktestJarIT {
  @TempDir Path home;

  @Test
  void runsTheBundledBacktestFromInsideTheJar() {
    JarRunner.Result result = JarRunner.inHome(home).run("backtest");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout())
        .contains("PASS  ftx-2022-11-01 below coinbase-2022-11-01")
        .contains("backtest passed");
    assertThat(result.leaksJava()).as(result.describe()).isFalse();
  }

  @Test
  void aBadCaseFileExitsTwoWithoutAStackTrace() throws Exception {
    Path cases = home.resolve("cases.jsonl");
    Files.writeString(cases, "{\"id\": \"x\"}\n");
    JarRunner.Result result = JarRunner.inHome(home).run("backtest", cases.toString());
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
    assertThat(result.stderr()).contains("line 1.exchange: missing");
    assertThat(result.leaksJava()).as(result.describe()).isFalse();
  }
}
