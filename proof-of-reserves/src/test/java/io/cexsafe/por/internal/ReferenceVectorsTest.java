package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.por.ProofInput;
import io.cexsafe.por.ProofScheme;
import io.cexsafe.por.ProofVerifier;
import io.cexsafe.por.TreeSource;
import io.cexsafe.por.Verdict;
import io.cexsafe.por.VerificationStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The published test vectors of the PoR reference (docs: proof-of-reserves.md), written from the
 * reference's numbers; nothing here reads the sample files.
 */
class ReferenceVectorsTest {
  private final ProofVerifier verifier = ProofVerifier.standard();

  private Verdict verifyAs(String scheme, String proof, String tree) {
    byte[] bytes = proof.getBytes(StandardCharsets.UTF_8);
    ProofInput input =
        tree == null
            ? ProofInput.of("reference-vector", bytes)
            : ProofInput.of(
                "reference-vector",
                bytes,
                "tree",
                TreeSource.of(tree.getBytes(StandardCharsets.UTF_8)));
    assertThat(verifier.detect(input)).map(ProofScheme::id).contains(scheme);
    return verifier.verify(input);
  }

  /** {@code a - b} of two decimals printed in the reference, printed plainly. */
  private static String minus(String a, String b) {
    return Decimals.plain(new BigDecimal(a).subtract(new BigDecimal(b)));
  }

  @Test
  void okxV1LeafAndFirstParent() {
    assertThat(
            Digests.sha256Hex(
                "580c5e814d180153ba6d28eb61a5b60b145450884f9931822b15fd9e0f50ae22"
                    + "{\"BTC\":\"1.000069\",\"ETH\":\"0.99908176\",\"USDT\":\"19398.33550812\"}"))
        .isEqualTo("461a101e9aa20e694e52cb95dae0d84d81787f532859f1385bae3f009926366c");
    assertThat(
            Digests.sha256Hex(
                "dc10136acff1cab6674355c932f2ec9967f966bafd7cd497e492a1a063893447"
                    + "461a101e9aa20e694e52cb95dae0d84d81787f532859f1385bae3f009926366c"
                    + "1.000069"
                    + "0.99908176"
                    + "19398.33558094"
                    + "2"))
        .isEqualTo("d5f8a4f82609aa460c1d7aeb0347591c56b58a5ecd00a1b98609e51d7cf43df1");
    // the first sum: 19398.33550812 + 0.00007282, printed the OKX way
    assertThat(
            Decimals.plain8down(new BigDecimal("19398.33550812").add(new BigDecimal("0.00007282"))))
        .isEqualTo("19398.33558094");
  }

  /**
   * §4: the leaf and the first parent, recomputed by the OKX v1 verifier from a one-step proof
   * whose root is the reference's first parent. The sibling's balances are the reference's first
   * sums minus the leaf's balances (its nonce is not printed, so its own leaf is not rechecked).
   */
  @Test
  void okxV1FirstParentThroughTheVerifier() {
    String audit = "\"auditId\":\"499930592\"";
    String proof =
        "{\"self\":{"
            + audit
            + ",\"nonce\":\"580c5e814d180153ba6d28eb61a5b60b145450884f9931822b15fd9e0f50ae22\","
            + "\"balances\":{\"BTC\":\"1.000069\",\"ETH\":\"0.99908176\","
            + "\"USDT\":\"19398.33550812\"},"
            + "\"hash\":\"461a101e9aa20e694e52cb95dae0d84d81787f532859f1385bae3f009926366c\","
            + "\"type\":2,\"height\":1},\"path\":[{"
            + audit
            + ",\"hash\":\"dc10136acff1cab6674355c932f2ec9967f966bafd7cd497e492a1a063893447\","
            + "\"balances\":{\"BTC\":\""
            + minus("1.000069", "1.000069")
            + "\",\"ETH\":\""
            + minus("0.99908176", "0.99908176")
            + "\",\"USDT\":\""
            + minus("19398.33558094", "19398.33550812")
            + "\"},\"type\":1,\"height\":1},{"
            + audit
            + ",\"hash\":\"d5f8a4f82609aa460c1d7aeb0347591c56b58a5ecd00a1b98609e51d7cf43df1\","
            + "\"balances\":{\"BTC\":\"1.000069\",\"ETH\":\"0.99908176\","
            + "\"USDT\":\"19398.33558094\"},\"type\":3,\"height\":2}]}";
    Verdict verdict = verifyAs("okx-v1", proof, null);
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.rootHash())
        .isEqualTo("d5f8a4f82609aa460c1d7aeb0347591c56b58a5ecd00a1b98609e51d7cf43df1");
  }

  @Test
  void okxV2SelfHashLeavesAndPair() {
    String selfHash =
        Digests.sha256Hex(
            "b6f6ea7584742839791ab923f4f1980d7ca3ff7c5d3f3fd9cc2a18c598503553"
                + Okx.json(
                    new java.util.LinkedHashMap<>(
                        java.util.Map.of("BTC", "0.00005", "ETH", "0", "USDT", "0"))));
    assertThat(selfHash)
        .isEqualTo("cd7b0c79c62f3c680cdd8e536604b7db1d6e7752dd1111ae4d778103adfec4b9");
    assertThat(Digests.sha256Hex(selfHash + "0.0000487" + "0" + "0"))
        .isEqualTo("9efbc1a68c383bd8627b73d9a4be6fd552e5a61dc0afb6d217d26e558e96307c");
    assertThat(Digests.sha256Hex(selfHash + "0.0000013" + "0" + "0"))
        .isEqualTo("ea62bdc3456fd45f2bc49cbd9f076d8b5ecd6407090258e51c45c03c15c4b863");
  }

  /**
   * §5: the reference's user file (nonce, total, selfHash and its two leaves) checked by the OKX v2
   * verifier. The tree beside it is a fixture built here, not a reference value: the two leaves
   * under one root whose hash is computed by the §5 node rule.
   */
  @Test
  void okxV2SelfHashAndLeavesThroughTheVerifier() {
    String selfHash = "cd7b0c79c62f3c680cdd8e536604b7db1d6e7752dd1111ae4d778103adfec4b9";
    String leaf1 = "9efbc1a68c383bd8627b73d9a4be6fd552e5a61dc0afb6d217d26e558e96307c";
    String leaf2 = "ea62bdc3456fd45f2bc49cbd9f076d8b5ecd6407090258e51c45c03c15c4b863";
    String user =
        "{\"nonce\":\"b6f6ea7584742839791ab923f4f1980d7ca3ff7c5d3f3fd9cc2a18c598503553\","
            + "\"totalBalances\":{\"BTC\":\"0.00005\",\"ETH\":\"0\",\"USDT\":\"0\"},"
            + "\"hash\":\""
            + selfHash
            + "\",\"nodes\":["
            + "{\"balances\":{\"BTC\":\"0.0000487\",\"ETH\":\"0\",\"USDT\":\"0\"},"
            + "\"hash\":\""
            + leaf1
            + "\"},{\"balances\":{\"BTC\":\"0.0000013\",\"ETH\":\"0\",\"USDT\":\"0\"},"
            + "\"hash\":\""
            + leaf2
            + "\"}]}";
    String fixtureRoot = Digests.sha256Hex(leaf2 + leaf1 + "0.00005" + "0" + "0" + "2");
    String tree =
        fixtureRoot
            + ",2,{\"BTC\":\"0.00005\",\"ETH\":\"0\",\"USDT\":\"0\"}\n"
            + leaf1
            + ",1,{\"BTC\":\"0.0000487\",\"ETH\":\"0\",\"USDT\":\"0\"}\n"
            + leaf2
            + ",1,{\"BTC\":\"0.0000013\",\"ETH\":\"0\",\"USDT\":\"0\"}\n";
    Verdict verdict = verifyAs("okx-v2", user, tree);
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.reason()).startsWith("selfHash, 2 user leaves");

    // the reference's leaf with one digit changed is no longer the user's
    Verdict changed = verifyAs("okx-v2", user.replace("0.0000487", "0.0000488"), tree);
    assertThat(changed.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(changed.reason()).contains("$.nodes[0] hash " + leaf1);
  }

  @Test
  void okxJsonKeepsTheFixedKeyOrderWhateverTheInputOrder() {
    java.util.Map<String, String> printed = new java.util.LinkedHashMap<>();
    printed.put("USDT", "3");
    printed.put("BTC", "1");
    printed.put("ETH", "2");
    assertThat(Okx.json(printed)).isEqualTo("{\"BTC\":\"1\",\"ETH\":\"2\",\"USDT\":\"3\"}");
  }

  @Test
  void bitgetLeavesAndFirstParents() {
    assertThat(
            Digests.sha256Hex(
                    "8aaa8c58e3ea1f4f049e400ed2858598e7485e5938ba96b12c71e9c78646eb5a,"
                        + "a70d0984464510f56603cf3180f5390d220585f3c7e0c309d8bf085ebcb4fa21,"
                        + "{\"BTC\":\"0\",\"ETH\":\"0\",\"USDT\":\"0.00012635\",\"USDC\":\"0\"}")
                .substring(0, 16))
        .isEqualTo("1234601ae9644912");
    assertThat(
            Digests.sha256Hex(
                    "1234601ae96449127aed7abe4fc5294b,"
                        + "{\"BTC\":\"0\",\"ETH\":\"0\",\"USDT\":\"0.00012635\",\"USDC\":\"0\"},26")
                .substring(0, 16))
        .isEqualTo("2aa857dbe756ffeb");
    assertThat(
            Digests.sha256Hex(
                    "b3e887893212aa3faea8923b3b4c8589131895e7f468d394c4c508e31e3c85bf,"
                        + "wx9bzgdojl0hoz7ckgft0k1cdyly7qohglaphsmqkx0hv80hjlwf0igvnamdqbh7,"
                        + "{\"BTC\":0,\"ETH\":5000,\"USDT\":5560.49}")
                .substring(0, 16))
        .isEqualTo("1fa8ef498dc505f6");
    assertThat(
            Digests.sha256Hex(
                    "1fa8ef498dc505f664ced402edefa4da,"
                        + "{\"BTC\":0,\"ETH\":5000,\"USDT\":13242.22476302},10")
                .substring(0, 16))
        .isEqualTo("dad97b5b07f207f0");
  }

  @Test
  void bitgetKeyOrderIsJavaHashMapOrder() {
    java.util.HashMap<String, String> map = new java.util.HashMap<>();
    for (String asset : List.of("USDC", "USDT", "ETH", "BTC")) {
      map.put(asset, "0");
    }
    assertThat(new ArrayList<>(map.keySet())).containsExactly("BTC", "ETH", "USDT", "USDC");
  }

  @Test
  void mexcEveryLevelUpToTheRoot() {
    String[][] levels = {
      {"PR-2025-01-22,1745297673,ETH:195462.73", "8c288ee092d370002ff31d0f8f48eb5f"},
      {"8c288ee092d370002ff31d0f8f48eb5f,,ETH:195462.73", "b14c25fd8654714240b820bbfc70def9"},
      {"b14c25fd8654714240b820bbfc70def9,,ETH:195462.73", "918e0d559883b8712b8da280c5bf01d7"},
      {
        "fd16e2873b7ba421eaa5f712103fa051,918e0d559883b8712b8da280c5bf01d7,"
            + "BTC:1523108.27,ETH:1428802.22,USDC:0,USDT:2053858.51",
        "87ad09e9fda29988926c9539fb55de0c"
      },
      {
        "ed771820c0a237db0aa06020b0c6595c,87ad09e9fda29988926c9539fb55de0c,"
            + "BTC:4386831.37,ETH:5001729.74,USDC:0,USDT:5099023.18",
        "35d01ffef2beec3ff0166c03f3d9b0cc"
      }
    };
    for (String[] level : levels) {
      assertThat(Digests.sha256Hex(level[0]).substring(0, 32)).isEqualTo(level[1]);
    }
  }

  /**
   * §8: the whole MEXC path as a proof file, verified by the MEXC verifier: the reference's leaf
   * inputs, empty siblings at levels 0 and 1 (one written as {@code ""}, one left out), the
   * siblings {@code fd16e287…} and {@code ed771820…} on the left with balances taken as the
   * differences of the reference's printed sums, and the reference's root and root balances.
   */
  @Test
  void mexcRootAndRootBalancesThroughTheVerifier() {
    String level3Btc = "1523108.27";
    String level3Eth = "1428802.22";
    String level3Usdt = "2053858.51";
    String level2 =
        mexcSibling(
            2,
            "fd16e2873b7ba421eaa5f712103fa051",
            level3Btc,
            minus(level3Eth, "195462.73"),
            level3Usdt);
    String level3 =
        mexcSibling(
            3,
            "ed771820c0a237db0aa06020b0c6595c",
            minus("4386831.37", level3Btc),
            minus("5001729.74", level3Eth),
            minus("5099023.18", level3Usdt));
    String root =
        "{\"level\":4,\"type\":3,\"hash\":\"35d01ffef2beec3ff0166c03f3d9b0cc\",\"balances\":"
            + "{\"BTC\":\"4386831.37\",\"ETH\":\"5001729.74\",\"USDT\":\"5099023.18\","
            + "\"USDC\":\"0\"}}";
    String self =
        "{\"level\":0,\"type\":1,\"hash\":\"8c288ee092d370002ff31d0f8f48eb5f\","
            + "\"balances\":{\"ETH\":\"195462.73\"},\"proofId\":\"PR-2025-01-22\","
            + "\"accountId\":\"1745297673\"}";
    String empty = "{\"level\":0,\"type\":2,\"hash\":\"\",\"balances\":{}}";
    String proof =
        "{\"self\":"
            + self
            + ",\"pathList\":["
            + String.join(",", empty, level2, level3, root)
            + "]}";
    Verdict verdict = verifyAs("mexc", proof, null);
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.rootHash()).isEqualTo("35d01ffef2beec3ff0166c03f3d9b0cc");
    assertThat(verdict.rootTotals())
        .containsOnlyKeys("BTC", "ETH", "USDT", "USDC")
        .containsEntry("BTC", new BigDecimal("4386831.37"))
        .containsEntry("ETH", new BigDecimal("5001729.74"))
        .containsEntry("USDT", new BigDecimal("5099023.18"))
        .containsEntry("USDC", new BigDecimal("0"));
    assertThat(verdict.userBalances()).containsExactly(entry("ETH", "195462.73"));

    // one cent off a root balance is caught by the sums, the root hash being right
    Verdict offByOne = verifyAs("mexc", proof.replace("5001729.74", "5001729.75"), null);
    assertThat(offByOne.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(offByOne.reason()).contains("root ETH total");
  }

  private static java.util.Map.Entry<String, BigDecimal> entry(String asset, String value) {
    return java.util.Map.entry(asset, new BigDecimal(value));
  }

  private static String mexcSibling(int level, String hash, String btc, String eth, String usdt) {
    return "{\"level\":"
        + level
        + ",\"type\":1,\"hash\":\""
        + hash
        + "\",\"balances\":{\"BTC\":\""
        + btc
        + "\",\"ETH\":\""
        + eth
        + "\",\"USDT\":\""
        + usdt
        + "\",\"USDC\":\"0\"}}";
  }

  /**
   * §10: BitMEX's generated tree (block height 100, 8 leaves) rebuilt from the reference's table:
   * each leaf is the HMAC, under the printed sub_nonce of its account, of its printed value and
   * index. The reference's example node and root come out of it, and the verifier checks every node
   * of the 15-line tree file written from those leaves. (The account nonces are printed
   * abbreviated, so a sub_nonce itself, and the verifier's matching of leaves to an account, cannot
   * be recomputed from the reference.)
   */
  @Test
  void bitmexNodeAndRootFromTheSubNonces() {
    String account1 = "64bce7609e44a825ffcdc99044124997ac113b876bddababd418192492b23bf0";
    String account2 = "42abd92d80a8be41a33c94f31c8b23bc77fb0b3d45dad647255896f92638095e";
    String account4 = "fd1b7637bdbbacef7c0d1024a36be1d325d575043987b9ba509cb15faefc6490";
    String[] owner = {
      account4, account1, account2, account4, account4, account1, account2, account4
    };
    long[] sats = {964671482L, 532L, 493L, 516473676L, 1834125508L, 468L, 2507L, 684729334L};
    assertThat(sats[1] + sats[5]).isEqualTo(1000L);
    assertThat(sats[2] + sats[6]).isEqualTo(3000L);
    assertThat(sats[0] + sats[3] + sats[4] + sats[7]).isEqualTo(4000000000L);

    // breadth-first from the root: index 0 is the root, 7..14 the leaves
    byte[][] digests = new byte[15][];
    long[] values = new long[15];
    for (int leaf = 0; leaf < 8; leaf++) {
      digests[7 + leaf] = bitmexLeaf(owner[leaf], sats[leaf], leaf);
      values[7 + leaf] = sats[leaf];
    }
    assertThat(Digests.hex(digests[7])).startsWith("96b35af0").endsWith("5e6d");
    assertThat(Digests.hex(digests[8])).startsWith("d1ba14d7").endsWith("d391");
    for (int node = 6; node >= 0; node--) {
      int left = 2 * node + 1;
      int right = left + 1;
      digests[node] =
          Digests.sha256(
              concat(
                  digests[left],
                  BitmexScheme.le(values[left]),
                  digests[right],
                  BitmexScheme.le(values[right])));
      values[node] = values[left] + values[right];
    }
    assertThat(Digests.hex(digests[3]))
        .isEqualTo("29723b80ba763da52ec027e80b1c62ed88fa19fe6e0fc4e3b9c9e82bf5d3d3af");
    assertThat(values[3]).isEqualTo(964672014L);
    assertThat(Digests.hex(digests[0]))
        .isEqualTo("7808d57aeed72e4a2ade2802be013e9262f358a65cb82f112162d7e362f3d4cb");
    assertThat(values[0]).isEqualTo(4000004000L);

    StringBuilder tree = new StringBuilder("block_height:100\n");
    for (int node = 0; node < 15; node++) {
      tree.append(Digests.hex(digests[node])).append(',').append(values[node]).append('\n');
    }
    // a nonce of no account: the verifier recomputes all 15 nodes, then finds no leaf of its own
    String stranger = "9,".concat("0".repeat(64));
    Verdict verdict = verifyAs("bitmex", stranger, tree.toString());
    assertThat(verdict.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(verdict.reason()).startsWith("the tree checks out");
    assertThat(verdict.rootHash())
        .isEqualTo("7808d57aeed72e4a2ade2802be013e9262f358a65cb82f112162d7e362f3d4cb");
    assertThat(verdict.rootTotals()).containsEntry("XBt", new BigDecimal("4000004000"));

    Verdict tampered =
        verifyAs("bitmex", stranger, tree.toString().replace(",4000004000\n", ",4000004001\n"));
    assertThat(tampered.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(tampered.reason()).contains("at depth 0 is not the hash and sum");
  }

  private static byte[] bitmexLeaf(String subNonce, long value, long index) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Digests.unhex(subNonce, "sub_nonce"), "HmacSHA256"));
      return mac.doFinal(concat(BitmexScheme.le(value), BitmexScheme.le(index)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void silverSixpenceReadmeParentHashesRawBytes() {
    byte[] parent =
        SilverSixpenceScheme.parent(
            Digests.unhex("e5f039b0905c0b6c82bdd7edf6f87ac7b3e983b0124acfaaeb4ed1c05302ec1f", "l"),
            Digests.unhex("ff9345288cc66a29dd711784a0cf0b499ad99159bfd982d8537b12bd1449c61f", "r"));
    assertThat(Digests.hex(parent))
        .isEqualTo("917c99591ea45feb6096b83b7e265f7b3040db5a659497c42c5a02f4076fa7eb");
  }

  @Test
  void formatsOfSums() {
    assertThat(Decimals.plain8down(new BigDecimal("1.123456789"))).isEqualTo("1.12345678");
    assertThat(Decimals.plain8down(new BigDecimal("0.000000001"))).isEqualTo("0");
    assertThat(Decimals.plain8down(new BigDecimal("-0.000000001"))).isEqualTo("0");
    assertThat(Decimals.plain(new BigDecimal("100.500"))).isEqualTo("100.5");
    assertThat(Decimals.plain(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(Decimals.fixed8(new BigDecimal("14.5520174"))).isEqualTo("14.55201740");
    assertThat(Decimals.fixed8(BigDecimal.ZERO)).isEqualTo("0.00000000");
    assertThat(ArmaninoScheme.generatorNumber(new BigDecimal("5"))).isEqualTo("5.0");
    assertThat(ArmaninoScheme.generatorNumber(new BigDecimal("5.10"))).isEqualTo("5.1");
  }

  /** Gate's published zk proof, rebuilt from the reference's numbers (N = 800, chunks of 12). */
  @Test
  void gateCommitmentNilLeafLeafAndRoot() {
    ZkPoseidonScheme gate = ZkPoseidonScheme.gateV1();
    Poseidon poseidon = gate.poseidon();
    // all 1600 equity/debt values are zero except slot 110's equity, sequence position 220
    List<BigInteger> sequence = new ArrayList<>(Collections.nCopies(1600, BigInteger.ZERO));
    sequence.set(220, BigInteger.valueOf(29774));
    List<BigInteger> packed = ZkPoseidonScheme.pack(sequence);
    assertThat(packed).hasSize(534);
    assertThat(packed.get(73)).isEqualTo(BigInteger.valueOf(29774).shiftLeft(64));
    BigInteger commitment = poseidon.hash(packed);
    assertThat(ZkPoseidonScheme.hex(commitment))
        .isEqualTo("05e5163fd6d77841574040c4ff0a75557457098f5d2695be065bc9200dcbae76");

    BigInteger zero = BigInteger.ZERO;
    BigInteger nilLeaf =
        poseidon.hash(
            zero,
            zero,
            zero,
            poseidon.hash(ZkPoseidonScheme.pack(Collections.nCopies(1600, zero))));
    assertThat(ZkPoseidonScheme.hex(nilLeaf))
        .isEqualTo("2853aadbbd06deb5d6a1389d23a89ff47658aaf4a45b287ecfd62df192bd91a4");

    BigInteger leaf =
        poseidon.hash(
            new BigInteger("151471e6f7b7e67511800b8e56f6b8e3df52b0d8854f89d94193a0303682a985", 16),
            new BigInteger("1737312900000000"),
            zero,
            commitment);
    assertThat(ZkPoseidonScheme.hex(leaf))
        .isEqualTo("1d36d3bee715af47a84e71294057a24b38e17ad3a249d2f5859b18e864531cf5");

    // account index 0 in an otherwise empty tree: every sibling is the nil subtree of its depth
    BigInteger node = leaf;
    BigInteger nil = nilLeaf;
    for (int depth = 0; depth < ZkPoseidonScheme.DEPTH; depth++) {
      node = poseidon.hash(node, nil);
      nil = poseidon.hash(nil, nil);
    }
    assertThat(ZkPoseidonScheme.hex(node))
        .isEqualTo("2e7e01ad51d5c668e8d581be83fcfe806644b7c834876d540b188816a67778e6");
  }
}
