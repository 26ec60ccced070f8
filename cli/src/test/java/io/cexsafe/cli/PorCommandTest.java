package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PorCommandTest {
  @TempDir Path temp;
  private Path user;
  private Path tree;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeProof() throws Exception {
    OkxV2TestProof proof = OkxV2TestProof.write(temp);
    user = proof.user();
    tree = proof.tree();
  }

  private int run(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "por";
    System.arraycopy(args, 0, all, 1, args.length);
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
  }

  @Test
  void verifiedProofExitsZeroAndPrintsTheVerdict() {
    int code = run("verify", user.toString(), tree.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("format:   okx-v2 (sum tree full tree published)")
        .contains("status:   INCLUDED")
        .contains("balances: BTC 0.00005, ETH 0, USDT 0")
        .contains("root totals: BTC 0.00005");
  }

  @Test
  void explicitFormatIsHonoured() {
    assertThat(run("verify", "--format", "okx-v2", user.toString(), tree.toString())).isZero();
  }

  @Test
  void tamperedTreeExitsOneWithTheBreakingLevel() throws IOException {
    Files.writeString(
        tree, Files.readString(tree).replace(",2,{\"BTC\":\"0.00005\"", ",2,{\"BTC\":\"0.00006\""));
    assertThat(run("verify", user.toString(), tree.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("status:   NOT_INCLUDED").contains("breaks at level: 2");
  }

  @Test
  void badInputExitsTwoWithOneLineAndNoStackTrace() throws IOException {
    Path junk = Files.writeString(temp.resolve("junk.json"), "{\"hello\":1}");
    assertThat(run("verify", junk.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--format").doesNotContain("Exception").hasLineCount(1);

    err.getBuffer().setLength(0);
    assertThat(run("verify", "--format", "nope", user.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown proof format 'nope'").hasLineCount(1);

    err.getBuffer().setLength(0);
    assertThat(run("verify", temp.resolve("missing.json").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("missing.json").hasLineCount(1);

    err.getBuffer().setLength(0);
    Path noTree = temp.resolve("no-tree.txt");
    assertThat(run("verify", user.toString(), noTree.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("cexsafe: error: " + noTree + ": file not found");

    err.getBuffer().setLength(0);
    assertThat(run("verify", user.toString(), temp.toString())).as("a directory").isEqualTo(2);
    assertThat(err.toString()).contains(temp + ": is a directory, not a file").hasLineCount(1);

    err.getBuffer().setLength(0);
    assertThat(run("verify", user.toString())).as("okx-v2 without its tree").isEqualTo(2);
    assertThat(err.toString()).contains("tree").hasLineCount(1);
  }

  @Test
  void formatsListsEveryScheme() {
    assertThat(run("formats")).isZero();
    assertThat(out.toString())
        .contains("okx-v1", "okx-v2", "bitget-2025", "bitget-2022", "mexc", "bybit", "bitmex")
        .contains("silversixpence", "armanino", "armanino-concatenate", "gate-zk-v1")
        .contains("binance-zk-v1", "binance-zk-v2", "zk proof of sums")
        .contains("PUBLISHED BY", "binance,crypto-com,kucoin", "gate,kraken");
  }

  @Test
  void porWithoutASubcommandIsAUsageError() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("missing command");
  }
}
