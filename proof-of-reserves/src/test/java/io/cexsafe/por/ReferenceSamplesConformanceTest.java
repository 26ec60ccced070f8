package io.cexsafe.por;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cexsafe.facts.ProofStrength;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the verifier over the third-party sample proofs when {@code -Dcexsafe.reference=<dir>}
 * points at them (the {@code samples} directory); skips otherwise. The samples are read in place,
 * never copied into the repository.
 */
class ReferenceSamplesConformanceTest {
  private static Path por;
  private final ProofVerifier verifier = ProofVerifier.standard();

  @BeforeAll
  static void locateSamples() {
    String reference = System.getProperty("cexsafe.reference", "");
    assumeTrue(!reference.isBlank(), "set -Dcexsafe.reference to the samples directory");
    por = Path.of(reference).resolve("por");
    assumeTrue(Files.isDirectory(por), "no por/ directory under " + reference);
  }

  private Verdict verify(String proof, String tree, String expectedScheme) throws IOException {
    ProofInput input =
        ProofInput.fromFiles(por.resolve(proof), tree == null ? null : por.resolve(tree));
    assertThat(verifier.detect(input)).map(ProofScheme::id).contains(expectedScheme);
    return verifier.verify(input);
  }

  @Test
  void okxV1() throws IOException {
    Verdict verdict = verify("okx/v1_merkle_proof_file.json", null, "okx-v1");
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.rootHash())
        .isEqualTo("ac6b39d2a0aa8112bd1aadff5e7d4b5c2b91cd54d595262ba4367f5d2db4160d");
    assertThat(verdict.rootTotals().get("BTC")).isEqualByComparingTo("95088.55505656");
    assertThat(verdict.rootTotals().get("USDT")).isEqualByComparingTo("3137909428.88369702");
    assertThat(verdict.strength()).isEqualTo(ProofStrength.SUM_TREE);
  }

  @Test
  void okxV2WithFullTree() throws IOException {
    Verdict verdict =
        verify("okx/v2_user_info_file.json", "okx/v2_full-liabilities-merkle-tree.txt", "okx-v2");
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.rootHash())
        .isEqualTo("9e98ebde32ef22ded88a5fb2d5e53d76ed57cb9c6b2c966f250721defe6ab041");
    assertThat(verdict.userBalances().get("BTC")).isEqualByComparingTo("0.00005");
    assertThat(verdict.strength()).isEqualTo(ProofStrength.SUM_TREE_FULL_TREE_PUBLISHED);
  }

  @Test
  void bitget2025And2022() throws IOException {
    Verdict v2025 = verify("bitget/merkel_tree_bg_2025-11.json", null, "bitget-2025");
    assertThat(v2025.status()).as(v2025.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(v2025.rootHash()).isEqualTo("8eac815c495e6a67");
    assertThat(v2025.findings()).anyMatch(finding -> finding.startsWith("negative USDC"));
    Verdict v2022 = verify("bitget/merkel_tree_bg_2022-11.json", null, "bitget-2022");
    assertThat(v2022.status()).as(v2022.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(v2022.rootHash()).isEqualTo("ffedeaf82363b23c");
  }

  @Test
  void mexc() throws IOException {
    Verdict verdict = verify("mexc/merkle_proof.json", null, "mexc");
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.rootHash()).isEqualTo("35d01ffef2beec3ff0166c03f3d9b0cc");
    assertThat(verdict.userBalances()).containsEntry("ETH", new BigDecimal("195462.73"));
  }

  @Test
  void bybitMock() throws IOException {
    Verdict verdict = verify("bybit/mock_user_merkle_tree_path_40_v5.json", null, "bybit");
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.rootHash())
        .isEqualTo("c91d5de0554f97244e4d9f8056fad70fa0cb2cdb23c290ec597a042645dcbc03");
  }

  @Test
  void bitmexAccountsAndTheReadmeSampleThatMustFail(@TempDir Path temp) throws IOException {
    Path tree = por.resolve("bitmex/generated_liabilities-100-proof.csv");
    List<String> nonces = Files.readAllLines(por.resolve("bitmex/generated_input_nonces.txt"));
    for (String line : nonces) {
      Path account = temp.resolve("account-" + line.substring(0, line.indexOf(',')) + ".txt");
      Files.writeString(account, line);
      Verdict verdict = verifier.verify(ProofInput.fromFiles(account, tree));
      BigDecimal sats = verdict.userBalances().get("XBt");
      switch (line.substring(0, line.indexOf(','))) {
        case "1" -> assertThat(sats).isEqualByComparingTo("1000");
        case "2" -> assertThat(sats).isEqualByComparingTo("3000");
        case "4" -> assertThat(sats).isEqualByComparingTo("4000000000");
        default -> assertThat(verdict.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
      }
      assertThat(verdict.rootHash())
          .isEqualTo("7808d57aeed72e4a2ade2802be013e9262f358a65cb82f112162d7e362f3d4cb");
      assertThat(verdict.rootTotals().get("XBt")).isEqualByComparingTo("4000004000");
    }
    Path account2 = temp.resolve("account-2.txt");
    Verdict readme =
        verifier.verify(
            ProofInput.fromFiles(
                account2,
                por.resolve("bitmex/readme_sample_liabilities-100-proof_DOES_NOT_VERIFY.csv")));
    assertThat(readme.status()).isNotEqualTo(VerificationStatus.INCLUDED);
  }

  @Test
  void silverSixpencePathsAndTree(@TempDir Path temp) throws IOException {
    Path tree = temp.resolve("tree.csv");
    try (OutputStream out = Files.newOutputStream(tree)) {
      for (int level = 9; level <= 14; level++) {
        out.write(Files.readAllBytes(por.resolve("silversixpence/tree-level" + level + ".csv")));
        out.write('\n');
      }
    }
    ProofInput input =
        ProofInput.fromFiles(
            por.resolve("silversixpence/extracted_proofs_from_full_tree.json"), tree);
    Verdict verdict = verifier.verify(input);
    assertThat(verdict.schemeId()).isEqualTo("silversixpence");
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.rootHash())
        .isEqualTo("0d955039b7944c33a7721745870254532d0c904f2804b2a4cde52afaaa3cbba0");
  }

  @Test
  void gateZk() throws IOException {
    Verdict verdict = verify("gate/zk_user_config.json", null, "gate-zk-v1");
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.reason())
        .contains("1d36d3bee715af47a84e71294057a24b38e17ad3a249d2f5859b18e864531cf5");
    assertThat(verdict.strength()).isEqualTo(ProofStrength.ZK_PROOF_OF_SUMS);
  }

  @Test
  void binanceSamplesParseButHaveNoConfirmedVector() throws IOException {
    Verdict v1 = verify("binance/v1_user_config_2022.json", null, "binance-zk-v1");
    assertThat(v1.status()).as(v1.reason()).isNotEqualTo(VerificationStatus.MALFORMED);
    Verdict v2 = verify("binance/v2_user_config_2024.json", null, "binance-zk-v2");
    assertThat(v2.status()).as(v2.reason()).isNotEqualTo(VerificationStatus.MALFORMED);
  }
}
