package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published test vectors of the PoR reference (docs: proof-of-reserves.md), written from the
 * reference's numbers; nothing here reads the sample files.
 */
class ReferenceVectorsTest {

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
