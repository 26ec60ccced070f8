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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bitget (2025, 2022) and OKX v1: the leaf's orientation beside an empty or padding sibling,
 * negative balances, canonical sums, the JSON paths in messages, and targeted tampering. The trees
 * come from a small generator here that lets a test choose the leaves and the user.
 */
class BitgetOkxV1HardeningTest {
  private static final List<String> BITGET_ASSETS = List.of("BTC", "ETH", "USDT", "USDC");
  private final ProofVerifier verifier = ProofVerifier.standard();

  // ------------------------------------------------------------------ generators

  private record Node(
      String hash, Map<String, BigDecimal> sums, Map<String, String> printed, String[] secrets) {}

  /** Leaves with the given printed balances; the proof is for leaf {@code user}. */
  private static ObjectNode bitget(List<Map<String, String>> leaves, int user, boolean in2025) {
    String auditId = "Au20250101";
    List<Node> level = new ArrayList<>();
    for (int i = 0; i < leaves.size(); i++) {
      String uid = hex(i, 64, 'c');
      String nonce = hex(i, 64, '3');
      Map<String, String> printed = leaves.get(i);
      String hash = sha16(uid + "," + nonce + "," + bitgetJson(printed, in2025));
      level.add(new Node(hash, decimals(printed), printed, new String[] {uid, nonce}));
    }
    int depth = 1;
    while ((1 << (depth - 1)) < leaves.size()) {
      depth++;
    }
    ArrayNode path = Generators.NODES.arrayNode();
    int index = user;
    int levelNumber = depth;
    while (level.size() > 1) {
      boolean padded = level.size() % 2 == 1;
      if (padded) {
        Node last = level.get(level.size() - 1);
        Map<String, String> zeros = new LinkedHashMap<>();
        last.printed().keySet().forEach(asset -> zeros.put(asset, "0"));
        level.add(new Node(last.hash(), decimals(zeros), zeros, null));
      }
      int sibling = index ^ 1;
      Node node = level.get(sibling);
      ObjectNode entry = path.addObject();
      entry.put("auditId", auditId);
      entry.set("balances", balances(node.printed(), in2025));
      if (!in2025 && node.secrets() != null && levelNumber == depth) {
        entry.put("encryptUid", node.secrets()[0]);
        entry.put("nonce", node.secrets()[1]);
      }
      entry.put("level", levelNumber);
      entry.put("merkelLeaf", node.hash());
      entry.put("role", padded && sibling == level.size() - 1 ? 0 : sibling < index ? 1 : 2);
      List<Node> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        Node left = level.get(i);
        Node right = level.get(i + 1);
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, String> printed = new LinkedHashMap<>();
        left.sums()
            .forEach(
                (asset, value) -> {
                  BigDecimal sum = value.add(right.sums().get(asset));
                  sums.put(asset, sum);
                  printed.put(asset, in2025 ? Decimals.plain(sum) : sum.toString());
                });
        String hash =
            sha16(
                left.hash()
                    + right.hash()
                    + ","
                    + bitgetJson(printed, in2025)
                    + ","
                    + (levelNumber - 1));
        next.add(new Node(hash, sums, printed, null));
      }
      level = next;
      index /= 2;
      levelNumber--;
    }
    ObjectNode root = path.addObject();
    root.put("auditId", auditId);
    root.set("balances", balances(level.get(0).printed(), in2025));
    root.put("level", 1);
    root.put("merkelLeaf", level.get(0).hash());
    if (!in2025) {
      root.put("role", 3);
    }
    Node leaf = leavesAt(leaves, user, in2025);
    ObjectNode self = Generators.NODES.objectNode();
    self.put("auditId", auditId);
    self.set("balances", balances(leaf.printed(), in2025));
    self.put("encryptUid", hex(user, 64, 'c'));
    self.put("level", depth);
    self.put("merkelLeaf", leaf.hash());
    self.put("nonce", hex(user, 64, '3'));
    self.put("role", user % 2 == 0 ? 1 : 2);
    ObjectNode file = Generators.NODES.objectNode();
    file.set("path", path);
    file.set("self", self);
    return file;
  }

  private static Node leavesAt(List<Map<String, String>> leaves, int user, boolean in2025) {
    Map<String, String> printed = leaves.get(user);
    String hash =
        sha16(hex(user, 64, 'c') + "," + hex(user, 64, '3') + "," + bitgetJson(printed, in2025));
    return new Node(hash, decimals(printed), printed, null);
  }

  /** OKX v1 leaves (BTC, ETH, USDT as printed); the proof is for leaf {@code user}. */
  private static ObjectNode okxV1(List<List<String>> leaves, int user) {
    String auditId = "123456";
    List<Node> level = new ArrayList<>();
    for (int i = 0; i < leaves.size(); i++) {
      String nonce = hex(i, 64, '1');
      Map<String, String> printed = okxMap(leaves.get(i));
      level.add(
          new Node(
              Digests.sha256Hex(nonce + Okx.json(printed)),
              decimals(printed),
              printed,
              new String[] {nonce}));
    }
    ArrayNode path = Generators.NODES.arrayNode();
    int index = user;
    int height = 1;
    while (level.size() > 1) {
      boolean padded = level.size() % 2 == 1;
      if (padded) {
        Node last = level.get(level.size() - 1);
        Map<String, String> zeros = okxMap(List.of("0", "0", "0"));
        level.add(new Node(last.hash(), decimals(zeros), zeros, null));
      }
      int sibling = index ^ 1;
      Node node = level.get(sibling);
      ObjectNode entry = path.addObject();
      entry.put("auditId", auditId);
      entry.set("balances", balances(node.printed(), true));
      entry.put("type", padded && sibling == level.size() - 1 ? 4 : sibling < index ? 1 : 2);
      if (node.secrets() != null && height == 1) {
        entry.put("nonce", node.secrets()[0]);
      }
      entry.put("hash", node.hash());
      entry.put("height", height);
      List<Node> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        Node left = level.get(i);
        Node right = level.get(i + 1);
        Map<String, String> printed = new LinkedHashMap<>();
        Okx.ASSETS.forEach(
            asset ->
                printed.put(
                    asset,
                    Decimals.plain8down(left.sums().get(asset).add(right.sums().get(asset)))));
        String hash =
            Digests.sha256Hex(
                left.hash() + right.hash() + String.join("", printed.values()) + (height + 1));
        next.add(new Node(hash, decimals(printed), printed, null));
      }
      level = next;
      index /= 2;
      height++;
    }
    ObjectNode root = path.addObject();
    root.put("auditId", auditId);
    root.set("balances", balances(level.get(0).printed(), true));
    root.put("type", 3);
    root.put("hash", level.get(0).hash());
    root.put("height", height);
    Map<String, String> printed = okxMap(leaves.get(user));
    ObjectNode self = Generators.NODES.objectNode();
    self.put("auditId", auditId);
    self.put("nonce", hex(user, 64, '1'));
    self.set("balances", balances(printed, true));
    self.put("hash", Digests.sha256Hex(hex(user, 64, '1') + Okx.json(printed)));
    self.put("type", user % 2 == 0 ? 1 : 2);
    self.put("height", 1);
    ObjectNode file = Generators.NODES.objectNode();
    file.set("path", path);
    file.set("self", self);
    return file;
  }

  private static Map<String, String> okxMap(List<String> values) {
    Map<String, String> printed = new LinkedHashMap<>();
    for (int a = 0; a < 3; a++) {
      printed.put(Okx.ASSETS.get(a), values.get(a));
    }
    return printed;
  }

  private static Map<String, String> bitgetLeaf(String... values) {
    Map<String, String> printed = new LinkedHashMap<>();
    for (int a = 0; a < BITGET_ASSETS.size(); a++) {
      printed.put(BITGET_ASSETS.get(a), values[a]);
    }
    return printed;
  }

  private static String hex(int index, int length, char fill) {
    String prefix = Integer.toHexString(index + 1);
    return prefix + String.valueOf(fill).repeat(length - prefix.length());
  }

  private static String sha16(String text) {
    return Digests.sha256Hex(text).substring(0, 16);
  }

  private static Map<String, BigDecimal> decimals(Map<String, String> printed) {
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    printed.forEach((asset, text) -> values.put(asset, new BigDecimal(text)));
    return values;
  }

  private static String bitgetJson(Map<String, String> printed, boolean quoted) {
    HashMap<String, String> map = new HashMap<>(printed);
    StringBuilder json = new StringBuilder("{");
    map.forEach(
        (asset, value) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append('"').append(asset).append("\":");
          json.append(quoted ? "\"" + value + "\"" : value);
        });
    return json.append('}').toString();
  }

  private static ObjectNode balances(Map<String, String> printed, boolean quoted) {
    ObjectNode balances = Generators.NODES.objectNode();
    printed.forEach(
        (asset, value) -> {
          if (quoted) {
            balances.put(asset, value);
          } else {
            balances.put(asset, new BigDecimal(value));
          }
        });
    return balances;
  }

  // ------------------------------------------------------------------ helpers

  private Verdict verify(String scheme, JsonNode proof) {
    return verifier.verify(
        scheme, ProofInput.of("test", Generators.json(proof).getBytes(StandardCharsets.UTF_8)));
  }

  private static ObjectNode changed(ObjectNode proof, Consumer<ObjectNode> change) {
    ObjectNode copy = proof.deepCopy();
    change.accept(copy);
    return copy;
  }

  private static ObjectNode path(ObjectNode proof, int i) {
    return (ObjectNode) proof.get("path").get(i);
  }

  private static ObjectNode rootEntry(ObjectNode proof) {
    return path(proof, proof.get("path").size() - 1);
  }

  private static String bitgetId(boolean in2025) {
    return in2025 ? "bitget-2025" : "bitget-2022";
  }

  /** Three leaves, the user the third: its sibling at the leaf level is empty (role 0). */
  private static ObjectNode bitgetBesideEmpty(boolean in2025) {
    return bitget(
        List.of(
            bitgetLeaf("1.5", "0", "2", "0"),
            bitgetLeaf("1.25", "3", "0", "1"),
            bitgetLeaf("4", "0.125", "0", "0")),
        2,
        in2025);
  }

  private static ObjectNode okxBesideEmpty() {
    return okxV1(
        List.of(List.of("1.5", "0", "2"), List.of("1.25", "3", "0"), List.of("4", "0.125", "0")),
        2);
  }

  private void assertIncluded(String scheme, ObjectNode proof) {
    Verdict verdict = verify(scheme, proof);
    assertThat(verdict.status())
        .as("%s: %s%n%s", scheme, verdict.reason(), proof)
        .isEqualTo(VerificationStatus.INCLUDED);
  }

  private void assertRejected(String scheme, ObjectNode proof, String what) {
    Verdict verdict = verify(scheme, proof);
    assertThat(verdict.status())
        .as("%s %s: %s", scheme, what, verdict.reason())
        .isNotEqualTo(VerificationStatus.INCLUDED);
  }

  // ------------------------------------------------------------------ 1. orientation

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void bitgetLeafBesideAnEmptySiblingMustBeTheLeftChild(boolean in2025) {
    ObjectNode proof = bitgetBesideEmpty(in2025);
    assertThat(path(proof, 0).get("role").intValue()).isZero();
    assertIncluded(bitgetId(in2025), proof);

    Verdict flipped = verify(bitgetId(in2025), changed(proof, p -> selfOf(p).put("role", 2)));
    assertThat(flipped.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(flipped.breakingLevel()).isEqualTo(proof.get("self").get("level").intValue());
    assertThat(flipped.reason()).contains("$.self.role", "$.path[0].role");

    for (int role : new int[] {0, 3, -1, 7}) {
      Verdict bad = verify(bitgetId(in2025), changed(proof, p -> selfOf(p).put("role", role)));
      assertThat(bad.status()).as("role %d", role).isEqualTo(VerificationStatus.MALFORMED);
      assertThat(bad.reason()).startsWith("$.self.role must be 1 (left) or 2 (right)");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void bitgetLeafOnTheSameSideAsARealSiblingIsNotIncluded(boolean in2025) {
    ObjectNode proof =
        bitget(List.of(bitgetLeaf("1", "2", "3", "4"), bitgetLeaf("5", "6", "7", "8")), 0, in2025);
    assertIncluded(bitgetId(in2025), proof);
    Verdict verdict = verify(bitgetId(in2025), changed(proof, p -> selfOf(p).put("role", 2)));
    assertThat(verdict.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(verdict.reason()).contains("$.self.role");
  }

  @Test
  void okxV1LeafBesidePaddingMustBeTheLeftChild() {
    ObjectNode proof = okxBesideEmpty();
    assertThat(path(proof, 0).get("type").intValue()).isEqualTo(4);
    assertIncluded("okx-v1", proof);
    Verdict flipped = verify("okx-v1", changed(proof, p -> selfOf(p).put("type", 2)));
    assertThat(flipped.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(flipped.breakingLevel()).isEqualTo(1);
    assertThat(flipped.reason()).contains("$.self.type", "$.path[0].type");
  }

  // ------------------------------------------------------------------ 2. negative balances

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void bitgetNegativesOfUserSiblingAndRootAreFindings(boolean in2025) {
    ObjectNode proof =
        bitget(
            List.of(
                bitgetLeaf("-5", "1", "0", "0"),
                bitgetLeaf("-1", "2", "0", "0"),
                bitgetLeaf("2", "-3", "0", "0"),
                bitgetLeaf("1", "1", "0", "0")),
            0,
            in2025);
    Verdict verdict = verify(bitgetId(in2025), proof);
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.findings())
        .contains(
            "negative BTC balance -5 at $.self.balances",
            "negative BTC balance -1 at $.path[0].balances",
            "negative ETH balance -2 at $.path[1].balances",
            "negative BTC balance -3 at $.path[2].balances");
  }

  @Test
  void okxV1NegativesOfUserSiblingAndRootAreFindings() {
    ObjectNode proof =
        okxV1(
            List.of(
                List.of("-5", "1", "0"),
                List.of("-1", "2", "0"),
                List.of("2", "-3", "0"),
                List.of("1", "1", "0")),
            0);
    Verdict verdict = verify("okx-v1", proof);
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.findings())
        .contains(
            "negative BTC balance -5 at $.self.balances",
            "negative BTC balance -1 at $.path[0].balances",
            "negative ETH balance -2 at $.path[1].balances",
            "negative BTC balance -3 at $.path[2].balances");
  }

  // ------------------------------------------------------------------ 3. canonical sums

  @Test
  void bitget2025RootTotalsMustBePrintedAsPlain() {
    ObjectNode proof = bitgetBesideEmpty(true);
    assertThat(rootEntry(proof).get("balances").get("BTC").textValue()).isEqualTo("6.75");
    for (String variant : List.of("006.75", "6.750", "6.75000000")) {
      Verdict verdict =
          verify(
              "bitget-2025",
              changed(proof, p -> ((ObjectNode) rootEntry(p).get("balances")).put("BTC", variant)));
      assertThat(verdict.status()).as(variant).isEqualTo(VerificationStatus.NOT_INCLUDED);
      assertThat(verdict.breakingLevel()).isEqualTo(1);
      assertThat(verdict.reason()).contains("$.path[2].balances.BTC");
    }
  }

  @Test
  void bitget2025InternalSumsMustBePrintedAsPlain() {
    ObjectNode proof = bitgetBesideEmpty(true);
    // path[1] is the sum of the first two leaves, BTC 2.75
    assertThat(path(proof, 1).get("balances").get("BTC").textValue()).isEqualTo("2.75");
    Verdict verdict =
        verify(
            "bitget-2025",
            changed(proof, p -> ((ObjectNode) path(p, 1).get("balances")).put("BTC", "2.750")));
    assertThat(verdict.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(verdict.reason()).contains("$.path[1].balances.BTC");
  }

  @Test
  void bitget2022RootTotalsMustKeepTheScaleOfTheSum() {
    ObjectNode proof = bitgetBesideEmpty(false);
    assertThat(rootEntry(proof).get("balances").get("BTC").decimalValue().toString())
        .isEqualTo("6.75");
    for (String variant : List.of("6.750", "6.7500")) {
      Verdict verdict =
          verify(
              "bitget-2022",
              changed(
                  proof,
                  p ->
                      ((ObjectNode) rootEntry(p).get("balances"))
                          .put("BTC", new BigDecimal(variant))));
      assertThat(verdict.status()).as(variant).isEqualTo(VerificationStatus.NOT_INCLUDED);
      assertThat(verdict.reason()).contains("$.path[2].balances.BTC");
    }
  }

  @Test
  void okxV1RootAndInternalSumsMustBePrintedAsPlain8Down() {
    ObjectNode proof = okxBesideEmpty();
    Verdict root =
        verify(
            "okx-v1",
            changed(proof, p -> ((ObjectNode) rootEntry(p).get("balances")).put("BTC", "6.750")));
    assertThat(root.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(root.reason()).contains("$.path[2].balances.BTC");
    Verdict internal =
        verify(
            "okx-v1",
            changed(proof, p -> ((ObjectNode) path(p, 1).get("balances")).put("BTC", "02.75")));
    assertThat(internal.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(internal.reason()).contains("$.path[1].balances.BTC");
  }

  // ------------------------------------------------------------------ 4. JSON paths

  @Test
  void bitgetMessagesNameTheFieldsOfTheFile() {
    ObjectNode proof = bitgetBesideEmpty(true);
    assertThat(
            verify("bitget-2025", changed(proof, p -> selfOf(p).put("encryptUid", "CC"))).reason())
        .startsWith("$.self.encryptUid must be 64 lower-case hex");
    assertThat(
            verify("bitget-2025", changed(proof, p -> selfOf(p).put("merkelLeaf", "xyz"))).reason())
        .startsWith("$.self.merkelLeaf must be 16 lower-case hex");
    assertThat(verify("bitget-2025", changed(proof, p -> selfOf(p).put("level", 9))).reason())
        .startsWith("$.self.level must be 3");
    assertThat(
            verify("bitget-2025", changed(proof, p -> path(p, 1).put("merkelLeaf", "ABC")))
                .reason())
        .startsWith("$.path[1].merkelLeaf must be 16 lower-case hex");
    assertThat(
            verify(
                    "bitget-2025",
                    changed(proof, p -> ((ObjectNode) path(p, 0).get("balances")).put("ETH", "1")))
                .reason())
        .startsWith("$.path[0].balances.ETH must be 0");
    assertThat(verify("bitget-2025", changed(proof, p -> rootEntry(p).put("level", 2))).reason())
        .startsWith("$.path[2].level must be 1");

    ObjectNode old =
        bitget(List.of(bitgetLeaf("1", "2", "3", "4"), bitgetLeaf("5", "6", "7", "8")), 0, false);
    assertThat(path(old, 0).has("encryptUid")).isTrue();
    assertThat(
            verify("bitget-2022", changed(old, p -> path(p, 0).put("encryptUid", "zz"))).reason())
        .startsWith("$.path[0].encryptUid must be 64 lower-case hex");
  }

  @Test
  void okxV1MessagesNameTheFieldsOfTheFile() {
    ObjectNode proof = okxBesideEmpty();
    assertThat(verify("okx-v1", changed(proof, p -> rootEntry(p).put("hash", "AB"))).reason())
        .startsWith("$.path[2].hash must be 64 lower-case hex");
    assertThat(
            verify(
                    "okx-v1",
                    changed(proof, p -> ((ObjectNode) rootEntry(p).get("balances")).remove("ETH")))
                .reason())
        .startsWith("$.path[2].balances must hold exactly");
    assertThat(verify("okx-v1", changed(proof, p -> rootEntry(p).put("type", 2))).reason())
        .startsWith("$.path[2].type must be 3");
    assertThat(verify("okx-v1", changed(proof, p -> selfOf(p).put("nonce", "q"))).reason())
        .startsWith("$.self.nonce must be 64 lower-case hex");
  }

  // ------------------------------------------------------------------ tampering

  @ParameterizedTest
  @ValueSource(strings = {"2025 2", "2025 4", "2022 2", "2022 4"})
  void bitgetTamperedDigitsHashesRolesAndLevelsAreRejected(String formatAndUser) {
    boolean in2025 = formatAndUser.startsWith("2025");
    // user 4 sits beside an empty sibling at the leaf level and at the level above
    int user = Integer.parseInt(formatAndUser.substring(5));
    String scheme = bitgetId(in2025);
    ObjectNode proof =
        bitget(
            List.of(
                bitgetLeaf("1.5", "0", "2", "0"),
                bitgetLeaf("1.25", "3", "0", "1"),
                bitgetLeaf("4", "0.125", "0", "0"),
                bitgetLeaf("0", "0", "7.5", "0"),
                bitgetLeaf("9", "1", "1", "1")),
            user,
            in2025);
    assertIncluded(scheme, proof);
    assertThat(path(proof, 0).get("role").intValue() == 0).isEqualTo(user == 4);
    for (ObjectNode tampered : tamperings(proof, "merkelLeaf", "role", "level", in2025)) {
      assertRejected(scheme, tampered, tampered.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void okxV1TamperedDigitsHashesTypesAndHeightsAreRejected(int user) {
    ObjectNode proof =
        okxV1(
            List.of(
                List.of("1.5", "0", "2"),
                List.of("1.25", "3", "0"),
                List.of("4", "0.125", "0"),
                List.of("0", "0", "7.5"),
                List.of("9", "1", "1")),
            user);
    assertIncluded("okx-v1", proof);
    assertThat(path(proof, 0).get("type").intValue() == 4).isEqualTo(user == 4);
    for (ObjectNode tampered : tamperings(proof, "hash", "type", "height", true)) {
      assertRejected("okx-v1", tampered, tampered.toString());
    }
  }

  /**
   * For the user and every path entry: each balance with one digit changed, the hash with one
   * character changed, every other orientation code, and the level or height one off.
   */
  private static List<ObjectNode> tamperings(
      ObjectNode proof, String hashField, String codeField, String levelField, boolean quoted) {
    List<ObjectNode> out = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    entries.add("self");
    for (int i = 0; i < proof.get("path").size(); i++) {
      entries.add("path" + i);
    }
    for (String name : entries) {
      Consumer<Consumer<ObjectNode>> add =
          change ->
              out.add(
                  changed(
                      proof,
                      p ->
                          change.accept(
                              name.equals("self")
                                  ? selfOf(p)
                                  : path(p, Integer.parseInt(name.substring(4))))));
      ObjectNode original =
          name.equals("self") ? selfOf(proof) : path(proof, Integer.parseInt(name.substring(4)));
      original
          .get("balances")
          .fieldNames()
          .forEachRemaining(
              asset -> {
                String value =
                    quoted
                        ? original.get("balances").get(asset).textValue()
                        : original.get("balances").get(asset).decimalValue().toString();
                String bumped = bumpFirstDigit(value);
                add.accept(
                    e -> {
                      ObjectNode balances = (ObjectNode) e.get("balances");
                      if (quoted) {
                        balances.put(asset, bumped);
                      } else {
                        balances.put(asset, new BigDecimal(bumped));
                      }
                    });
              });
      if (original.has(hashField)) {
        String hash = original.get(hashField).textValue();
        for (int position : new int[] {0, hash.length() - 1}) {
          char[] chars = hash.toCharArray();
          chars[position] = Tamper.bump(chars[position]);
          String bumped = new String(chars);
          add.accept(e -> e.put(hashField, bumped));
        }
      }
      if (original.has(codeField)) {
        int code = original.get(codeField).intValue();
        for (int other = 0; other <= 4; other++) {
          if (other != code) {
            int value = other;
            add.accept(e -> e.put(codeField, value));
          }
        }
      }
      int level = original.get(levelField).intValue();
      add.accept(e -> e.put(levelField, level + 1));
      add.accept(e -> e.put(levelField, level - 1));
    }
    return out;
  }

  private static String bumpFirstDigit(String value) {
    char[] chars = value.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (Character.isDigit(chars[i])) {
        chars[i] = Tamper.bump(chars[i]);
        return new String(chars);
      }
    }
    throw new IllegalArgumentException(value.toLowerCase(Locale.ROOT));
  }

  private static ObjectNode selfOf(ObjectNode proof) {
    return (ObjectNode) proof.get("self");
  }
}
