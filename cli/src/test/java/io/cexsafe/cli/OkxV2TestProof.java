package io.cexsafe.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** An OKX v2 user file and a two-leaf tree built from the reference's leaf values. */
public record OkxV2TestProof(Path user, Path tree) {
  private static final String NONCE =
      "b6f6ea7584742839791ab923f4f1980d7ca3ff7c5d3f3fd9cc2a18c598503553";

  public static OkxV2TestProof write(Path dir) throws Exception {
    String selfHash = sha256Hex(NONCE + "{\"BTC\":\"0.00005\",\"ETH\":\"0\",\"USDT\":\"0\"}");
    String leaf1 = sha256Hex(selfHash + "0.0000487" + "0" + "0");
    String leaf2 = sha256Hex(selfHash + "0.0000013" + "0" + "0");
    String root = sha256Hex(leaf2 + leaf1 + "0.00005" + "0" + "0" + "2");
    Path user =
        Files.writeString(
            dir.resolve("user.json"),
            "{\"hash\":\""
                + selfHash
                + "\",\"nonce\":\""
                + NONCE
                + "\","
                + "\"totalBalances\":{\"BTC\":\"0.00005\",\"ETH\":\"0\",\"USDT\":\"0\"},"
                + "\"nodes\":[{\"balances\":{\"BTC\":\"0.0000487\",\"ETH\":\"0\",\"USDT\":\"0\"},"
                + "\"hash\":\""
                + leaf1
                + "\"},"
                + "{\"balances\":{\"BTC\":\"0.0000013\",\"ETH\":\"0\",\"USDT\":\"0\"},"
                + "\"hash\":\""
                + leaf2
                + "\"}]}");
    Path tree =
        Files.writeString(
            dir.resolve("tree.txt"),
            root
                + ",2,{\"BTC\":\"0.00005\",\"ETH\":\"0\",\"USDT\":\"0\"}\n"
                + leaf1
                + ",1,{\"BTC\":\"0.0000487\",\"ETH\":\"0\",\"USDT\":\"0\"}\n"
                + leaf2
                + ",1,{\"BTC\":\"0.0000013\",\"ETH\":\"0\",\"USDT\":\"0\"}\n");
    return new OkxV2TestProof(user, tree);
  }

  private static String sha256Hex(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
