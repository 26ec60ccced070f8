package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.ProofVerifier;
import io.cexsafe.por.Verdict;
import io.cexsafe.por.VerificationStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MEXC and Bybit against hostile or sloppy proofs: level bounds, negative balances, sums printed
 * other than the scheme prints them, exact JSON paths in messages, and single-field tampering.
 */
class MexcBybitHardeningTest {
  private final ProofVerifier verifier = ProofVerifier.standard();

  private Verdict verify(String scheme, JsonNode proof) {
    byte[] bytes = Generators.json(proof).getBytes(StandardCharsets.UTF_8);
    return verifier.verify(scheme, ProofInput.of("test", bytes));
  }

  private static ObjectNode read(String json) {
    try {
      return (ObjectNode) Generators.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- MEXC fixtures

  private static String mexcHash(String preimage) {
    return Digests.sha256Hex(preimage).substring(0, 32);
  }

  private static String mexcList(Map<String, String> printed) {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(printed).forEach((asset, value) -> parts.add(asset + ":" + value));
    return String.join(",", parts);
  }

  private static ObjectNode balances(Map<String, String> printed) {
    ObjectNode node = Generators.NODES.objectNode();
    printed.forEach(node::put);
    return node;
  }

  /**
   * A two-leaf MEXC tree: the user's leaf on the left, one sibling leaf on the right, the root at
   * level 1 with its totals printed {@code plain} unless {@code rootOverride} says otherwise.
   */
  private static ObjectNode mexc(
      Map<String, String> leaf, Map<String, String> sibling, Map<String, String> rootOverride) {
    String proofId = "PR-2099-01-01";
    String account = "4242";
    String leafHash = mexcHash(proofId + "," + account + "," + mexcList(leaf));
    String siblingHash = mexcHash("sibling");
    TreeMap<String, BigDecimal> sums = new TreeMap<>();
    leaf.forEach((asset, value) -> sums.put(asset, new BigDecimal(value)));
    for (String asset : List.of("BTC", "USDT", "ETH", "USDC")) {
      sums.putIfAbsent(asset, BigDecimal.ZERO);
    }
    sibling.forEach((asset, value) -> sums.merge(asset, new BigDecimal(value), BigDecimal::add));
    TreeMap<String, String> printedSums = new TreeMap<>();
    sums.forEach((asset, value) -> printedSums.put(asset, Decimals.plain(value)));
    String rootHash = mexcHash(leafHash + "," + siblingHash + "," + mexcList(printedSums));
    TreeMap<String, String> rootPrinted = new TreeMap<>(printedSums);
    rootPrinted.putAll(rootOverride);

    ObjectNode self = Generators.NODES.objectNode();
    self.put("level", 0);
    self.put("type", 1);
    self.put("hash", leafHash);
    self.set("balances", balances(leaf));
    self.put("proofId", proofId);
    self.put("accountId", account);
    ArrayNode path = Generators.NODES.arrayNode();
    ObjectNode entry = path.addObject();
    entry.put("level", 0);
    entry.put("type", 2);
    entry.put("hash", siblingHash);
    entry.set("balances", balances(sibling));
    ObjectNode root = path.addObject();
    root.put("level", 1);
    root.put("type", 3);
    root.put("hash", rootHash);
    root.set("balances", balances(rootPrinted));
    ObjectNode file = Generators.NODES.objectNode();
    file.set("self", self);
    file.set("pathList", path);
    return file;
  }

  private static ObjectNode mexcNegativeSibling() {
    return mexc(Map.of("ETH", "5", "USDT", "10"), Map.of("USDT", "-50"), Map.of());
  }

  // ---------------------------------------------------------------- Bybit fixtures

  /**
   * A two-leaf Bybit tree for an unregistered audit (assets BTC, ETH in file order): the user's
   * leaf on the right, its sibling leaf on the left, the root at height 2.
   */
  private static ObjectNode bybit(
      Map<String, String> leaf, Map<String, String> sibling, Map<String, String> rootOverride) {
    List<String> assets = List.of("BTC", "ETH");
    String userHash = "e".repeat(64);
    StringBuilder leafInput = new StringBuilder(userHash);
    assets.forEach(asset -> leafInput.append(leaf.get(asset)));
    String leafHash = Digests.sha256Hex(leafInput.toString());
    String siblingHash = "f".repeat(64);
    StringBuilder tail = new StringBuilder();
    Map<String, String> rootPrinted = new LinkedHashMap<>();
    for (String asset : assets) {
      String sum =
          Decimals.fixed8(new BigDecimal(leaf.get(asset)).add(new BigDecimal(sibling.get(asset))));
      tail.append(sum);
      rootPrinted.put(asset, rootOverride.getOrDefault(asset, sum));
    }
    String rootHash = Digests.sha256Hex(siblingHash + leafHash + tail + 2);

    ObjectNode self = Generators.NODES.objectNode();
    self.put("auditId", "1999010100");
    self.put("userHash", userHash);
    self.put("nonce", "x");
    self.set("balance", balances(ordered(assets, leaf)));
    self.put("hash", leafHash);
    self.put("type", 2);
    self.put("height", 1);
    ArrayNode path = Generators.NODES.arrayNode();
    ObjectNode entry = path.addObject();
    entry.put("type", 1);
    entry.put("hash", siblingHash);
    entry.put("height", 1);
    entry.set("balance", balances(ordered(assets, sibling)));
    ObjectNode root = path.addObject();
    root.put("type", 3);
    root.put("hash", rootHash);
    root.put("height", 2);
    root.set("balance", balances(rootPrinted));
    ObjectNode file = Generators.NODES.objectNode();
    file.set("self", self);
    file.set("path", path);
    return file;
  }

  private static Map<String, String> ordered(List<String> assets, Map<String, String> values) {
    Map<String, String> ordered = new LinkedHashMap<>();
    assets.forEach(asset -> ordered.put(asset, values.get(asset)));
    return ordered;
  }

  private static ObjectNode bybitNegativeSibling() {
    return bybit(
        Map.of("BTC", "1.00000000", "ETH", "2.00000000"),
        Map.of("BTC", "-5.00000000", "ETH", "1.00000000"),
        Map.of());
  }

  // ---------------------------------------------------------------- 1. MEXC level bound

  @ParameterizedTest
  @ValueSource(ints = {65, 30_000_000, 2_000_000_000, Integer.MAX_VALUE, 0, -1})
  void mexcRootLevelOutsideWhatATreeCanHoldIsMalformedAtOnce(int level) {
    ObjectNode proof = mexcNegativeSibling();
    ((ObjectNode) proof.get("pathList").get(1)).put("level", level);
    Verdict verdict =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> verify("mexc", proof));
    assertThat(verdict.status()).isEqualTo(VerificationStatus.MALFORMED);
    assertThat(verdict.reason()).startsWith("$.pathList[1].level must be between 1 and 64");
  }

  @Test
  void mexcRootLevelAtTheBoundIsCheckedNotRefused() {
    ObjectNode proof = mexcNegativeSibling();
    ((ObjectNode) proof.get("pathList").get(1)).put("level", MexcScheme.MAX_ROOT_LEVEL);
    Verdict verdict = verify("mexc", proof);
    assertThat(verdict.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(verdict.breakingLevel()).isEqualTo(64);
  }

  @Test
  void mexcMoreEntriesThanLevelsIsMalformed() {
    ObjectNode proof = mexcNegativeSibling();
    ArrayNode path = (ArrayNode) proof.get("pathList");
    path.insert(0, path.get(0).deepCopy());
    Verdict verdict = verify("mexc", proof);
    assertThat(verdict.status()).isEqualTo(VerificationStatus.MALFORMED);
    assertThat(verdict.reason()).startsWith("$.pathList has 2 entries below the root");
  }

  // ---------------------------------------------------------------- 2. negative balances

  @Test
  void mexcNegativeSiblingAndRootAreIncludedWithFindings() {
    Verdict verdict = verify("mexc", mexcNegativeSibling());
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.findings())
        .contains(
            "negative USDT balance -50 at $.pathList[0].balances",
            "negative USDT balance -40 at $.pathList[1].balances");
  }

  @Test
  void mexcNegativeUserBalanceIsAFinding() {
    Verdict verdict = verify("mexc", mexc(Map.of("ETH", "-5"), Map.of("ETH", "7"), Map.of()));
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.findings()).contains("negative ETH balance -5 at $.self.balances");
  }

  @Test
  void bybitNegativeSiblingAndRootAreIncludedWithFindings() {
    Verdict verdict = verify("bybit", bybitNegativeSibling());
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.findings())
        .contains(
            "negative BTC balance -5.00000000 at $.path[0].balance",
            "negative BTC balance -4.00000000 at $.path[1].balance");
  }

  @Test
  void bybitNegativeUserBalanceIsAFinding() {
    Verdict verdict =
        verify(
            "bybit",
            bybit(
                Map.of("BTC", "-1.00000000", "ETH", "2.00000000"),
                Map.of("BTC", "5.00000000", "ETH", "1.00000000"),
                Map.of()));
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.findings()).contains("negative BTC balance -1.00000000 at $.self.balance");
  }

  // ---------------------------------------------------------------- 3. canonical sums

  @ParameterizedTest
  @ValueSource(strings = {"-040.000", "-40.0", "-040", "-40.00000000"})
  void mexcRootTotalMustBePrintedPlain(String printed) {
    Verdict verdict =
        verify(
            "mexc",
            mexc(Map.of("ETH", "5", "USDT", "10"), Map.of("USDT", "-50"), Map.of("USDT", printed)));
    assertThat(verdict.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(verdict.breakingLevel()).isEqualTo(1);
    assertThat(verdict.reason())
        .contains("'" + printed + "'", "'-40'", "$.pathList[1].balances.USDT");
  }

  @Test
  void mexcRootTotalThatIsNoDecimalIsMalformed() {
    Verdict verdict =
        verify(
            "mexc",
            mexc(Map.of("ETH", "5", "USDT", "10"), Map.of("USDT", "-50"), Map.of("USDT", "-4e1")));
    assertThat(verdict.status()).isEqualTo(VerificationStatus.MALFORMED);
    assertThat(verdict.reason()).startsWith("$.pathList[1].balances.USDT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-0004", "-4", "-4.0000000", "-4.000000000", "-04.00000000"})
  void bybitRootTotalMustBePrintedFixed8(String printed) {
    Verdict verdict =
        verify(
            "bybit",
            bybit(
                Map.of("BTC", "1.00000000", "ETH", "2.00000000"),
                Map.of("BTC", "-5.00000000", "ETH", "1.00000000"),
                Map.of("BTC", printed)));
    assertThat(verdict.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(verdict.breakingLevel()).isEqualTo(2);
    assertThat(verdict.reason())
        .contains("'" + printed + "'", "'-4.00000000'", "$.path[1].balance.BTC");
  }

  /** An internal sibling's sum printed with an extra zero: same value, but not as MEXC prints. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void mexcInternalSiblingSumMustBePrintedPlain(int seed) {
    ObjectNode proof = read(Generators.mexc(new Random(seed), 12 + seed).proof());
    assertThat(verify("mexc", proof).status()).isEqualTo(VerificationStatus.INCLUDED);
    ArrayNode path = (ArrayNode) proof.get("pathList");
    ObjectNode internal = null;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonNode entry = path.get(i);
      if (entry.get("level").intValue() > 0 && !entry.get("hash").textValue().isEmpty()) {
        internal = (ObjectNode) entry;
      }
    }
    assertThat(internal).isNotNull();
    ObjectNode sums = (ObjectNode) internal.get("balances");
    String asset = sums.fieldNames().next();
    String value = sums.get(asset).textValue();
    sums.put(asset, value.contains(".") ? value + "0" : value + ".0");
    Verdict verdict = verify("mexc", proof);
    assertThat(verdict.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(verdict.breakingLevel()).isEqualTo(internal.get("level").intValue());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void mexcGeneratedRootTotalWithALeadingZeroIsNotIncluded(int seed) {
    ObjectNode proof = read(Generators.mexc(new Random(seed), 5 + seed).proof());
    ArrayNode path = (ArrayNode) proof.get("pathList");
    ObjectNode root = (ObjectNode) path.get(path.size() - 1);
    ObjectNode totals = (ObjectNode) root.get("balances");
    String asset = totals.fieldNames().next();
    totals.put(asset, "0" + totals.get(asset).textValue());
    Verdict verdict = verify("mexc", proof);
    assertThat(verdict.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(verdict.breakingLevel()).isEqualTo(root.get("level").intValue());
  }

  /** An internal sibling's sum with nine decimals: same value, but Bybit prints eight. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void bybitInternalSiblingSumMustBePrintedFixed8(int seed) {
    ObjectNode proof =
        read(
            Generators.bybit(new Random(seed), 6, "1999010100", List.of("BTC", "ETH", "USDT"))
                .proof());
    assertThat(verify("bybit", proof).status()).isEqualTo(VerificationStatus.INCLUDED);
    ObjectNode internal = (ObjectNode) proof.get("path").get(1);
    assertThat(internal.get("height").intValue()).isEqualTo(2);
    ObjectNode sums = (ObjectNode) internal.get("balance");
    String value = sums.get("ETH").textValue();
    sums.put("ETH", value + "0");
    Verdict verdict = verify("bybit", proof);
    assertThat(verdict.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(verdict.breakingLevel()).isEqualTo(2);
    assertThat(verdict.reason()).startsWith("$.path[1].balance.ETH is '");
  }

  // ---------------------------------------------------------------- 4. JSON paths in messages

  private void assertMalformed(String scheme, JsonNode proof, String reasonStart) {
    Verdict verdict = verify(scheme, proof);
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.MALFORMED);
    assertThat(verdict.reason()).startsWith(reasonStart);
  }

  @Test
  void bybitMessagesNameTheField() {
    ObjectNode proof = bybitNegativeSibling();
    ((ObjectNode) proof.get("self")).put("userHash", "E");
    assertMalformed(
        "bybit", proof, "$.self.userHash must be 64 lower-case hex characters, was 'E'");

    proof = bybitNegativeSibling();
    ((ObjectNode) proof.get("self")).put("userHash", "a".repeat(5000));
    Verdict verdict = verify("bybit", proof);
    assertThat(verdict.reason()).startsWith("$.self.userHash ").endsWith("(5000 characters)");
    assertThat(verdict.reason().length()).isLessThan(200);

    proof = bybitNegativeSibling();
    ((ObjectNode) proof.get("self")).put("hash", "x");
    assertMalformed("bybit", proof, "$.self.hash must be 64");

    proof = bybitNegativeSibling();
    ((ObjectNode) proof.get("path").get(0)).put("hash", "x");
    assertMalformed("bybit", proof, "$.path[0].hash must be 64");

    proof = bybitNegativeSibling();
    ((ObjectNode) proof.get("path").get(1)).put("hash", "x");
    assertMalformed("bybit", proof, "$.path[1].hash must be 64");

    proof = bybitNegativeSibling();
    ((ObjectNode) proof.get("path").get(1)).put("type", 2);
    assertMalformed("bybit", proof, "$.path[1].type must be 3");

    proof = bybitNegativeSibling();
    ((ObjectNode) proof.get("path").get(0)).put("type", 2);
    assertMalformed("bybit", proof, "$.path[0].type 2 puts the leaf's sibling on the leaf's own");

    proof = bybitNegativeSibling();
    ((ObjectNode) proof.get("path").get(0)).put("height", 2);
    assertMalformed("bybit", proof, "$.path[0].height must be 1");

    proof = bybitNegativeSibling();
    ((ObjectNode) proof.get("path").get(1)).put("height", 3);
    assertMalformed("bybit", proof, "$.path[1].height must be 2");

    proof = bybitNegativeSibling();
    ((ObjectNode) proof.get("path").get(0).get("balance")).remove("ETH");
    assertMalformed("bybit", proof, "$.path[0].balance must hold exactly the audit's 2 assets");

    proof = bybitNegativeSibling();
    ((ObjectNode) proof.get("path").get(0)).remove("hash");
    assertMalformed("bybit", proof, "$.path[0].hash is missing");
  }

  @Test
  void mexcMessagesNameTheField() {
    ObjectNode proof = mexcNegativeSibling();
    ((ObjectNode) proof.get("pathList").get(1)).put("hash", "XYZ");
    assertMalformed(
        "mexc", proof, "$.pathList[1].hash must be 32 lower-case hex characters, was 'XYZ'");

    proof = mexcNegativeSibling();
    ((ObjectNode) proof.get("pathList").get(0)).put("hash", "XYZ");
    assertMalformed("mexc", proof, "$.pathList[0].hash must be 32 lower-case hex characters");

    proof = mexcNegativeSibling();
    ((ObjectNode) proof.get("self")).put("hash", "XYZ");
    assertMalformed("mexc", proof, "$.self.hash must be 32");

    proof = mexcNegativeSibling();
    ((ObjectNode) proof.get("pathList").get(0)).remove("hash");
    assertMalformed("mexc", proof, "$.pathList[0].hash is missing");

    proof = mexcNegativeSibling();
    ((ObjectNode) proof.get("pathList").get(0)).put("type", 1);
    assertMalformed("mexc", proof, "$.pathList[0].type 1 puts the leaf's sibling");

    proof = mexcNegativeSibling();
    ((ObjectNode) proof.get("pathList").get(1)).put("type", 2);
    assertMalformed("mexc", proof, "$.pathList[1].type must be 3");

    proof = mexcNegativeSibling();
    ((ObjectNode) proof.get("pathList").get(0)).put("level", 1);
    assertMalformed("mexc", proof, "$.pathList[0].level must be between 0 and 0");

    proof = mexcNegativeSibling();
    ((ObjectNode) proof.get("pathList").get(0)).put("hash", "");
    assertMalformed("mexc", proof, "$.pathList[0].balances must be zero for an empty sibling");

    proof = mexcNegativeSibling();
    ((ObjectNode) proof.get("self")).put("type", 2);
    ((ObjectNode) proof.get("pathList").get(0)).put("type", 1);
    ((ObjectNode) proof.get("pathList").get(0)).put("hash", "");
    ((ObjectNode) proof.get("pathList").get(0)).set("balances", balances(Map.of("USDT", "0")));
    assertMalformed("mexc", proof, "$.self.type 2 puts the leaf right of an empty sibling");

    proof = mexcNegativeSibling();
    ((ObjectNode) proof.get("pathList").get(1)).put("level", 2);
    ((ArrayNode) proof.get("pathList")).insert(1, proof.get("pathList").get(0).deepCopy());
    ((ObjectNode) proof.get("pathList").get(1)).put("type", 1);
    assertMalformed("mexc", proof, "$.pathList[1].level 0 repeats $.pathList[0].level");
  }

  // ---------------------------------------------------------------- tampering

  /** Every single-field change of a generated proof: a balance digit, a hash, a type, a level. */
  private void assertEachTamperRejected(
      String scheme, String proof, List<Map.Entry<String, Consumer<ObjectNode>>> tampers) {
    assertThat(verify(scheme, read(proof)).status()).isEqualTo(VerificationStatus.INCLUDED);
    for (Map.Entry<String, Consumer<ObjectNode>> tamper : tampers) {
      ObjectNode copy = read(proof);
      tamper.getValue().accept(copy);
      Verdict verdict = verify(scheme, copy);
      assertThat(verdict.status())
          .as("%s: %s", tamper.getKey(), verdict.reason())
          .isNotEqualTo(VerificationStatus.INCLUDED);
    }
  }

  private static void bumpFirstDigit(ObjectNode parent, String field) {
    String value = parent.get(field).textValue();
    for (int i = 0; i < value.length(); i++) {
      if (Character.isDigit(value.charAt(i))) {
        parent.put(
            field, value.substring(0, i) + Tamper.bump(value.charAt(i)) + value.substring(i + 1));
        return;
      }
    }
    throw new IllegalArgumentException(value);
  }

  private static void bumpLastChar(ObjectNode parent, String field) {
    String value = parent.get(field).textValue();
    int last = value.length() - 1;
    parent.put(field, value.substring(0, last) + Tamper.bump(value.charAt(last)));
  }

  private static List<Map.Entry<String, Consumer<ObjectNode>>> balanceAndHashTampers(
      ObjectNode proof, String pathName, String balancesName) {
    List<Map.Entry<String, Consumer<ObjectNode>>> tampers = new ArrayList<>();
    Iterator<String> assets = proof.get("self").get(balancesName).fieldNames();
    while (assets.hasNext()) {
      String asset = assets.next();
      tampers.add(
          Map.entry(
              "self balance " + asset,
              p -> bumpFirstDigit((ObjectNode) p.get("self").get(balancesName), asset)));
    }
    tampers.add(Map.entry("self hash", p -> bumpLastChar((ObjectNode) p.get("self"), "hash")));
    int size = proof.get(pathName).size();
    for (int i = 0; i < size; i++) {
      int index = i;
      JsonNode entry = proof.get(pathName).get(i);
      if (!entry.get("hash").textValue().isEmpty()) {
        tampers.add(
            Map.entry(
                pathName + "[" + i + "].hash",
                p -> bumpLastChar((ObjectNode) p.get(pathName).get(index), "hash")));
        Iterator<String> names = entry.get(balancesName).fieldNames();
        while (names.hasNext()) {
          String asset = names.next();
          tampers.add(
              Map.entry(
                  pathName + "[" + i + "]." + balancesName + "." + asset,
                  p ->
                      bumpFirstDigit(
                          (ObjectNode) p.get(pathName).get(index).get(balancesName), asset)));
        }
      }
    }
    return tampers;
  }

  private static Consumer<ObjectNode> setInt(String pathName, int index, String field, int value) {
    return p ->
        ((ObjectNode) (index < 0 ? p.get("self") : p.get(pathName).get(index))).put(field, value);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void mexcTamperedBalanceHashTypeOrLevelIsRejected(int seed) {
    String proof = Generators.mexc(new Random(seed), 4 + seed * 3).proof();
    ObjectNode parsed = read(proof);
    List<Map.Entry<String, Consumer<ObjectNode>>> tampers =
        balanceAndHashTampers(parsed, "pathList", "balances");
    int selfType = parsed.get("self").get("type").intValue();
    tampers.add(Map.entry("self type", setInt("pathList", -1, "type", 3 - selfType)));
    tampers.add(Map.entry("self level", setInt("pathList", -1, "level", 1)));
    ArrayNode path = (ArrayNode) parsed.get("pathList");
    int rootIndex = path.size() - 1;
    int rootLevel = path.get(rootIndex).get("level").intValue();
    tampers.add(Map.entry("root type", setInt("pathList", rootIndex, "type", 2)));
    tampers.add(Map.entry("root level +1", setInt("pathList", rootIndex, "level", rootLevel + 1)));
    tampers.add(Map.entry("root level -1", setInt("pathList", rootIndex, "level", rootLevel - 1)));
    for (int i = 0; i < rootIndex; i++) {
      JsonNode entry = path.get(i);
      if (entry.get("hash").textValue().isEmpty()) {
        continue; // an explicit empty sibling means the same as a missing one
      }
      int type = entry.get("type").intValue();
      int level = entry.get("level").intValue();
      tampers.add(Map.entry("type of [" + i + "]", setInt("pathList", i, "type", 3 - type)));
      tampers.add(Map.entry("level of [" + i + "] +1", setInt("pathList", i, "level", level + 1)));
      if (level > 0) {
        tampers.add(
            Map.entry("level of [" + i + "] -1", setInt("pathList", i, "level", level - 1)));
      }
    }
    assertEachTamperRejected("mexc", proof, tampers);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void bybitTamperedBalanceHashTypeOrHeightIsRejected(int seed) {
    List<String> assets = List.of("BTC", "ETH", "USDT");
    String proof = Generators.bybit(new Random(seed), 3 + seed * 2, "1999010100", assets).proof();
    ObjectNode parsed = read(proof);
    List<Map.Entry<String, Consumer<ObjectNode>>> tampers =
        balanceAndHashTampers(parsed, "path", "balance");
    tampers.add(
        Map.entry("self userHash", p -> bumpLastChar((ObjectNode) p.get("self"), "userHash")));
    int selfType = parsed.get("self").get("type").intValue();
    tampers.add(Map.entry("self type", setInt("path", -1, "type", 3 - selfType)));
    tampers.add(Map.entry("self height", setInt("path", -1, "height", 2)));
    ArrayNode path = (ArrayNode) parsed.get("path");
    int rootIndex = path.size() - 1;
    int rootHeight = path.get(rootIndex).get("height").intValue();
    tampers.add(Map.entry("root type", setInt("path", rootIndex, "type", 2)));
    tampers.add(Map.entry("root height +1", setInt("path", rootIndex, "height", rootHeight + 1)));
    tampers.add(Map.entry("root height -1", setInt("path", rootIndex, "height", rootHeight - 1)));
    for (int i = 0; i < rootIndex; i++) {
      int type = path.get(i).get("type").intValue();
      int height = path.get(i).get("height").intValue();
      tampers.add(Map.entry("type of [" + i + "]", setInt("path", i, "type", 3 - type)));
      tampers.add(Map.entry("height of [" + i + "] +1", setInt("path", i, "height", height + 1)));
      tampers.add(Map.entry("height of [" + i + "] -1", setInt("path", i, "height", height - 1)));
    }
    assertEachTamperRejected("bybit", proof, tampers);
  }

  /** A padding sibling (a copy of the running node) swapped to the left hashes the same. */
  @Test
  void bybitPaddingSiblingOnTheLeftIsRejected() {
    boolean found = false;
    for (int seed = 1; seed <= 20 && !found; seed++) {
      ObjectNode proof =
          read(Generators.bybit(new Random(seed), 5, "1999010100", List.of("BTC", "ETH")).proof());
      ArrayNode path = (ArrayNode) proof.get("path");
      for (int i = 0; i < path.size() - 1; i++) {
        ObjectNode entry = (ObjectNode) path.get(i);
        boolean zero = true;
        for (JsonNode value : entry.get("balance")) {
          zero &= new BigDecimal(value.textValue()).signum() == 0;
        }
        if (i > 0 && zero && entry.get("type").intValue() == 2) {
          entry.put("type", 1);
          Verdict verdict = verify("bybit", proof);
          if (verdict.reason().contains("padding")) {
            found = true;
            assertThat(verdict.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
            assertThat(verdict.breakingLevel()).isEqualTo(entry.get("height").intValue());
          }
          entry.put("type", 2);
        }
      }
    }
    assertThat(found).as("some seed gives a padding sibling above the leaves").isTrue();
  }
}
