package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cexsafe assess --proof}: the user's own inclusion proof counts as evidence. */
class AssessWithProofTest {
  @TempDir Path temp;
  private OkxV2TestProof proof;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeProof() throws Exception {
    proof = OkxV2TestProof.write(temp);
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void aVerifiedProofScoresAsProofOfReservesEvidence() {
    int code =
        run(
            "assess",
            "OKX",
            "--offline",
            "--as-of",
            "2026-11-21",
            "--proof",
            "okx=" + proof.user(),
            "--proof-tree",
            "okx=" + proof.tree(),
            "--proof-date",
            "okx=2026-11-01");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("inclusion verified by cexsafe: 15/15  <proof-of-reserves:")
        .contains("latest liability proof 2026-11-01, 20 days old")
        .containsPattern("proof-of-reserves +ok +1");
  }

  @Test
  void withoutAProofTheCollectorSaysNothingWasChecked() {
    assertThat(run("assess", "okx", "--offline")).as(err.toString()).isZero();
    assertThat(out.toString())
        .containsPattern("proof-of-reserves +skipped \\(disabled\\) +0 +no inclusion proof given")
        .doesNotContain("inclusion verified by cexsafe");
  }

  @Test
  void aProofThatDoesNotVerifyIsAHighWarningNotPoints() throws Exception {
    String tree = Files.readString(proof.tree());
    Files.writeString(
        proof.tree(), tree.replaceFirst("\"BTC\":\"0.00005\"", "\"BTC\":\"0.00006\""));

    int code =
        run(
            "assess",
            "okx",
            "--offline",
            "--proof",
            "okx=" + proof.user(),
            "--proof-tree",
            "okx=" + proof.tree());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("HIGH warning [proof-of-reserves]: inclusion proof did not verify")
        .doesNotContain("inclusion verified by cexsafe");
  }

  @Test
  void badProofOptionsExitTwoWithOneLine() {
    assertThat(run("assess", "okx", "--offline", "--proof", "binance=" + proof.user()))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("cexsafe: error: --proof names binance, which is not being assessed\n");

    err.getBuffer().setLength(0);
    assertThat(run("assess", "okx", "--offline", "--proof", "okx=" + proof.user())).isEqualTo(2);
    assertThat(err.toString()).contains("user.json", "tree").hasLineCount(1);

    err.getBuffer().setLength(0);
    Path missing = temp.resolve("missing.json");
    assertThat(run("assess", "okx", "--offline", "--proof", "okx=" + missing)).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("cexsafe: error: " + missing + ": file not found\n");

    err.getBuffer().setLength(0);
    assertThat(
            run(
                "assess",
                "okx",
                "--offline",
                "--proof",
                "okx=" + proof.user(),
                "--proof-tree",
                "okx=" + proof.tree(),
                "--proof-date",
                "okx=April 2023"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--proof-date okx", "expected a date").hasLineCount(1);
  }

  @Test
  void aProofIsOnlyCountedForAnExchangeThatPublishesItsFormat() {
    assertThat(
            run(
                "assess",
                "kraken",
                "--offline",
                "--proof",
                "kraken=" + proof.user(),
                "--proof-tree",
                "kraken=" + proof.tree()))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "cexsafe: error: "
                + proof.user()
                + ": this okx-v2 proof does not come from kraken; that format is published by okx\n");
  }

  @Test
  void ambiguousOrLateProofOptionsAreRefused() {
    assertThat(
            run(
                "assess",
                "okx",
                "OKX",
                "--offline",
                "--proof",
                "okx=" + proof.user(),
                "--proof",
                "OKX=" + proof.user()))
        .isEqualTo(2);
    assertThat(err.toString()).isEqualTo("cexsafe: error: --proof is given twice for okx\n");

    err.getBuffer().setLength(0);
    assertThat(
            run(
                "assess",
                "okx",
                "--offline",
                "--as-of",
                "2026-11-21",
                "--proof",
                "okx=" + proof.user(),
                "--proof-tree",
                "okx=" + proof.tree(),
                "--proof-date",
                "okx=2026-11-22"))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "cexsafe: error: --proof-date okx: 2026-11-22 is after the assessment date"
                + " 2026-11-21\n");

    err.getBuffer().setLength(0);
    assertThat(
            run(
                "assess",
                "okx",
                "--offline",
                "--set",
                "proof-of-reserves.proof.okex=" + proof.user()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("proof-of-reserves.proof.okex names okex", "proof-of-reserves.proof.okx")
        .hasLineCount(1);

    err.getBuffer().setLength(0);
    assertThat(
            run(
                "assess",
                "okx",
                "--offline",
                "--set",
                "proof-of-reserves.proof.binance=" + proof.user()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("not an exchange being assessed").hasLineCount(1);
  }
}
