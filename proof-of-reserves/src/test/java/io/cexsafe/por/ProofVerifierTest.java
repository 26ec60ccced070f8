package io.cexsafe.por;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.InvalidInputException;
import io.cexsafe.Provenance;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.facts.ProofVerification;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProofVerifierTest {
  private final ProofVerifier verifier = ProofVerifier.standard();

  /** A tiny OKX v2 tree: two leaves of one user under a root, written as OKX writes it. */
  private static final String NONCE =
      "b6f6ea7584742839791ab923f4f1980d7ca3ff7c5d3f3fd9cc2a18c598503553";

  private static final String SELF_HASH =
      "cd7b0c79c62f3c680cdd8e536604b7db1d6e7752dd1111ae4d778103adfec4b9";
  private static final String LEAF_1 =
      "9efbc1a68c383bd8627b73d9a4be6fd552e5a61dc0afb6d217d26e558e96307c";
  private static final String LEAF_2 =
      "ea62bdc3456fd45f2bc49cbd9f076d8b5ecd6407090258e51c45c03c15c4b863";

  private static String userFile() {
    return "{\"hash\":\""
        + SELF_HASH
        + "\",\"nonce\":\""
        + NONCE
        + "\",\"totalBalances\":{\"BTC\":\"0.00005\",\"ETH\":\"0\",\"USDT\":\"0\"},"
        + "\"nodes\":[{\"balances\":{\"BTC\":\"0.0000487\",\"ETH\":\"0\",\"USDT\":\"0\"},"
        + "\"hash\":\""
        + LEAF_1
        + "\"},{\"balances\":{\"BTC\":\"0.0000013\",\"ETH\":\"0\",\"USDT\":\"0\"},\"hash\":\""
        + LEAF_2
        + "\"}]}";
  }

  private static String tree() {
    String root =
        io.cexsafe.por.internal.TestHashes.sha256Hex(LEAF_2 + LEAF_1 + "0.00005" + "0" + "0" + "2");
    return root
        + ",2,{\"BTC\":\"0.00005\",\"ETH\":\"0\",\"USDT\":\"0\"}\n"
        + LEAF_1
        + ",1,{\"BTC\":\"0.0000487\",\"ETH\":\"0\",\"USDT\":\"0\"}\n"
        + LEAF_2
        + ",1,{\"BTC\":\"0.0000013\",\"ETH\":\"0\",\"USDT\":\"0\"}\n";
  }

  private static ProofInput okxV2(String user, String tree) {
    return ProofInput.of(
        "user.json",
        user.getBytes(StandardCharsets.UTF_8),
        "tree.txt",
        TreeSource.of(tree.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void standardRegistryListsEverySchemeOnceWithAStrength() {
    assertThat(verifier.schemes())
        .extracting(ProofScheme::id)
        .containsExactly(
            "okx-v1",
            "okx-v2",
            "bitget-2025",
            "bitget-2022",
            "mexc",
            "bybit",
            "bitmex",
            "silversixpence",
            "armanino",
            "armanino-concatenate",
            "gate-zk-v1",
            "binance-zk-v1",
            "binance-zk-v2");
    assertThat(verifier.scheme("okx-v2").orElseThrow().strength())
        .isEqualTo(ProofStrength.SUM_TREE_FULL_TREE_PUBLISHED);
    assertThat(verifier.scheme("silversixpence").orElseThrow().strength())
        .isEqualTo(ProofStrength.HASH_TREE);
    assertThat(verifier.schemes()).allSatisfy(s -> assertThat(s.description()).isNotBlank());
  }

  @Test
  void okxV2TreeFromTheReferenceLeavesVerifies() {
    Verdict verdict = verifier.verify(okxV2(userFile(), tree()));
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.userBalances())
        .containsExactly(
            Map.entry("BTC", new BigDecimal("0.00005")),
            Map.entry("ETH", BigDecimal.ZERO),
            Map.entry("USDT", BigDecimal.ZERO));
    assertThat(verdict.rootTotals().get("BTC")).isEqualByComparingTo("0.00005");
  }

  @Test
  void aBrokenSumNamesTheHeightWhereTheTreeBreaks() {
    String broken = tree().replace("2,{\"BTC\":\"0.00005\"", "2,{\"BTC\":\"0.00006\"");
    Verdict verdict = verifier.verify(okxV2(userFile(), broken));
    assertThat(verdict.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(verdict.breakingLevel()).isEqualTo(2);
    assertThat(verdict.reason()).contains("height 2").contains("BTC");
  }

  @Test
  void aLeafMissingFromTheTreeIsNotIncludedAtHeightOne() {
    String other = tree().replace(LEAF_2, "0".repeat(64));
    Verdict verdict = verifier.verify(okxV2(userFile(), other));
    assertThat(verdict.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(verdict.breakingLevel()).isEqualTo(1);
  }

  @Test
  void okxV2WithoutItsTreeIsMalformed() {
    Verdict verdict = verifier.verify(ProofInput.of("user.json", userFile()));
    assertThat(verdict.status()).isEqualTo(VerificationStatus.MALFORMED);
    assertThat(verdict.reason()).contains("tree");
  }

  @Test
  void malformedTreeLinesAreReportedWithTheirLineNumber() {
    Verdict verdict = verifier.verify(okxV2(userFile(), tree().replace(",1,{", ",1,[")));
    assertThat(verdict.status()).isEqualTo(VerificationStatus.MALFORMED);
    assertThat(verdict.reason()).contains("tree line 2");
  }

  @Test
  void unrecognisedFormatsAndUnknownIdsAreBadInput() {
    ProofInput junk = ProofInput.of("junk.json", "{\"hello\":1}");
    assertThat(verifier.detect(junk)).isEmpty();
    assertThatThrownBy(() -> verifier.verify(junk))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("junk.json")
        .hasMessageContaining("--format");
    assertThatThrownBy(() -> verifier.verify("okx-v9", junk))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("okx-v9")
        .hasMessageContaining("okx-v2");
  }

  @Test
  void explicitFormatOnTheWrongFileIsMalformedNotAnException() {
    for (ProofScheme scheme : verifier.schemes()) {
      Verdict verdict = scheme.verify(ProofInput.of("junk.json", "{\"hello\":[1,2]}"));
      assertThat(verdict.status()).as(scheme.id()).isEqualTo(VerificationStatus.MALFORMED);
      assertThat(verdict.reason()).as(scheme.id()).isNotBlank();
      Verdict notJson = scheme.verify(ProofInput.of("junk.txt", "not json at all"));
      assertThat(notJson.status()).as(scheme.id()).isEqualTo(VerificationStatus.MALFORMED);
    }
  }

  @Test
  void duplicateKeysAndExponentNumbersAreRefused() {
    String duplicate = userFile().replace("{\"hash\":", "{\"nonce\":\"x\",\"hash\":");
    assertThat(verifier.verify("okx-v2", okxV2(duplicate, tree())).status())
        .isEqualTo(VerificationStatus.MALFORMED);
    String exponent = userFile().replace("\"0.0000487\"", "\"4.87E-5\"");
    assertThat(verifier.verify("okx-v2", okxV2(exponent, tree())).status())
        .isEqualTo(VerificationStatus.MALFORMED);
  }

  @Test
  void verdictBecomesCryptographicallyVerifiedEvidence() {
    Verdict verdict = verifier.verify(okxV2(userFile(), tree()));
    Provenance provenance =
        Verdict.provenance(
            URI.create("https://www.okx.com/proof-of-reserves"),
            "OKX liabilities tree",
            Instant.parse("2023-04-01T00:00:00Z"),
            Instant.parse("2023-04-02T00:00:00Z"));
    Evidence evidence = verdict.toEvidence("okx", provenance, LocalDate.of(2023, 4, 1));
    assertThat(evidence.evidenceClass()).isEqualTo(EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED);
    assertThat(evidence.provenance().collectorId()).isEqualTo(Verdict.COLLECTOR_ID);
    ProofVerification fact = (ProofVerification) evidence.fact();
    assertThat(fact.format()).isEqualTo("okx-v2");
    assertThat(fact.included()).isTrue();
    assertThat(fact.strength()).isEqualTo(ProofStrength.SUM_TREE_FULL_TREE_PUBLISHED);
    assertThat(fact.rootHash()).isEqualTo(verdict.rootHash());
    assertThat(fact.rootTotals()).isEqualTo(verdict.rootTotals());
    assertThat(fact.failure()).isNull();
  }

  @Test
  void aFailedProofIsEvidenceWithItsReasonButAMalformedOneIsNot() {
    String broken = tree().replace("2,{\"BTC\":\"0.00005\"", "2,{\"BTC\":\"0.00006\"");
    Provenance provenance =
        Verdict.provenance(
            URI.create("file:///tmp/tree.txt"), "tree", Instant.EPOCH, Instant.EPOCH);
    Verdict failed = verifier.verify(okxV2(userFile(), broken));
    ProofVerification fact = (ProofVerification) failed.toEvidence("okx", provenance, null).fact();
    assertThat(fact.included()).isFalse();
    assertThat(fact.failure()).isEqualTo(failed.reason());

    Verdict malformed = verifier.verify(ProofInput.of("user.json", userFile()));
    assertThatThrownBy(() -> malformed.toEvidence("okx", provenance, null))
        .isInstanceOf(IllegalStateException.class);
    Provenance disclosure =
        Provenance.builder("x")
            .source("https://example.com", "x")
            .observedAt(Instant.EPOCH)
            .retrievedAt(Instant.EPOCH)
            .evidenceClass(EvidenceClass.EXCHANGE_DISCLOSURE)
            .build();
    Verdict included = verifier.verify(okxV2(userFile(), tree()));
    assertThatThrownBy(() -> included.toEvidence("okx", disclosure, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verdictValidatesAndCopies() {
    java.util.HashMap<String, BigDecimal> balances = new java.util.HashMap<>();
    balances.put("ETH", BigDecimal.ONE);
    balances.put("BTC", BigDecimal.TEN);
    Verdict verdict =
        new Verdict(
            "x",
            VerificationStatus.NOT_INCLUDED,
            ProofStrength.SUM_TREE,
            3,
            "r",
            balances,
            Map.of(),
            "",
            List.of());
    balances.clear();
    assertThat(verdict.userBalances().keySet()).containsExactly("BTC", "ETH");
    assertThatThrownBy(
            () ->
                new Verdict(
                    "x",
                    VerificationStatus.INCLUDED,
                    ProofStrength.SUM_TREE,
                    3,
                    "r",
                    Map.of(),
                    Map.of(),
                    "",
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void filesAreReadFromDiskAndTheTreeIsStreamedFromIt(@TempDir Path temp) throws IOException {
    Path user = Files.writeString(temp.resolve("user.json"), userFile());
    Path tree = Files.writeString(temp.resolve("tree.txt"), tree().replace("\n", "\r\n"));
    Verdict verdict = verifier.verify(ProofInput.fromFiles(user, tree));
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThatThrownBy(() -> ProofInput.fromFiles(user, temp.resolve("missing.txt")))
        .isInstanceOf(io.cexsafe.InvalidInputException.class)
        .hasMessageEndingWith("missing.txt: file not found");
  }

  @Test
  void treesMustBeRegularFilesWithinTheCap(@TempDir Path temp) throws IOException {
    Path user = Files.writeString(temp.resolve("user.json"), userFile());
    Path tree = Files.writeString(temp.resolve("tree.txt"), tree());
    assertThatThrownBy(() -> ProofInput.fromFiles(user, temp))
        .isInstanceOf(io.cexsafe.InvalidInputException.class)
        .hasMessageContaining("is a directory");
    assertThatThrownBy(() -> ProofInput.fromFiles(user, tree, 16))
        .isInstanceOf(io.cexsafe.InvalidInputException.class)
        .hasMessageContaining("larger than the limit of 16 bytes")
        .hasMessageContaining("--max-tree-size");
    Path devZero = Path.of("/dev/zero");
    if (Files.exists(devZero)) {
      assertThatThrownBy(() -> ProofInput.fromFiles(devZero, null))
          .isInstanceOf(io.cexsafe.InvalidInputException.class)
          .hasMessageContaining("not a regular file");
      assertThatThrownBy(() -> ProofInput.fromFiles(user, devZero))
          .isInstanceOf(io.cexsafe.InvalidInputException.class)
          .hasMessageContaining("not a regular file");
    }
  }
}
