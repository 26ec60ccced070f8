package io.cexsafe.por.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds trees from random balances and writes proofs in each scheme's published shape, the way the
 * exchanges' generators do, so the verifiers can be tested on many trees instead of one sample.
 */
final class Generators {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private Generators() {}

  static String randomHex(Random random, int length) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < length; i++) {
      hex.append(Character.forDigit(random.nextInt(16), 16));
    }
    return hex.toString();
  }

  /** A random amount with 0 to 8 decimals, sometimes zero, as a plain string. */
  static BigDecimal randomAmount(Random random) {
    if (random.nextInt(4) == 0) {
      return BigDecimal.ZERO;
    }
    long unscaled = (long) (random.nextDouble() * Math.pow(10, 2 + random.nextInt(10)));
    return BigDecimal.valueOf(unscaled + 1, random.nextInt(9));
  }

  static String json(Object node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  record Built(String proof, String tree) {}

  // ---------------------------------------------------------------- OKX v1

  record OkxNode(String hash, List<BigDecimal> sums, String nonce, List<String> printed) {}

  static Built okxV1(Random random, int leafCount) {
    String auditId = Integer.toString(100000 + random.nextInt(900000));
    List<OkxNode> level = new ArrayList<>();
    for (int i = 0; i < leafCount; i++) {
      String nonce = randomHex(random, 64);
      List<String> printed = new ArrayList<>();
      for (int a = 0; a < 3; a++) {
        printed.add(randomAmount(random).toPlainString());
      }
      String hash = Digests.sha256Hex(nonce + okxJson(printed));
      level.add(new OkxNode(hash, printed.stream().map(BigDecimal::new).toList(), nonce, printed));
    }
    int user = random.nextInt(leafCount);
    OkxNode leaf = level.get(user);
    ArrayNode path = NODES.arrayNode();
    int index = user;
    int height = 1;
    while (level.size() > 1) {
      boolean padded = level.size() % 2 == 1;
      if (padded) {
        OkxNode last = level.get(level.size() - 1);
        level.add(new OkxNode(last.hash(), zeros(), null, List.of("0", "0", "0")));
      }
      int sibling = index ^ 1;
      OkxNode node = level.get(sibling);
      ObjectNode entry = NODES.objectNode();
      entry.put("auditId", auditId);
      entry.set("balances", okxBalances(node));
      int type = padded && sibling == level.size() - 1 ? 4 : (sibling < index ? 1 : 2);
      entry.put("type", type);
      if (node.nonce() != null && height == 1) {
        entry.put("nonce", node.nonce());
      }
      entry.put("hash", node.hash());
      entry.put("height", height);
      path.add(entry);
      List<OkxNode> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        next.add(okxParent(level.get(i), level.get(i + 1), height + 1));
      }
      level = next;
      index /= 2;
      height++;
    }
    ObjectNode root = NODES.objectNode();
    root.put("auditId", auditId);
    root.set("balances", okxBalances(level.get(0)));
    root.put("type", 3);
    root.put("hash", level.get(0).hash());
    root.put("height", height);
    path.add(root);
    ObjectNode self = NODES.objectNode();
    self.put("auditId", auditId);
    self.put("nonce", leaf.nonce());
    self.set("balances", okxBalances(leaf));
    self.put("hash", leaf.hash());
    self.put("type", user % 2 == 0 ? 1 : 2);
    self.put("height", 1);
    ObjectNode file = NODES.objectNode();
    file.set("path", path);
    file.set("self", self);
    return new Built(json(file), null);
  }

  private static List<BigDecimal> zeros() {
    return List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  static OkxNode okxParent(OkxNode left, OkxNode right, int height) {
    List<String> printed = new ArrayList<>();
    for (int a = 0; a < 3; a++) {
      printed.add(Decimals.plain8down(left.sums().get(a).add(right.sums().get(a))));
    }
    String hash = Digests.sha256Hex(left.hash() + right.hash() + String.join("", printed) + height);
    return new OkxNode(hash, printed.stream().map(BigDecimal::new).toList(), null, printed);
  }

  static String okxJson(List<String> printed) {
    return "{\"BTC\":\""
        + printed.get(0)
        + "\",\"ETH\":\""
        + printed.get(1)
        + "\",\"USDT\":\""
        + printed.get(2)
        + "\"}";
  }

  private static ObjectNode okxBalances(OkxNode node) {
    ObjectNode balances = NODES.objectNode();
    balances.put("BTC", node.printed().get(0));
    balances.put("ETH", node.printed().get(1));
    balances.put("USDT", node.printed().get(2));
    return balances;
  }

  // ---------------------------------------------------------------- OKX v2

  /**
   * A v2 tree file: logical levels built left to right, each written right to left (so a level's
   * padding, a zero-balance copy of its last node, comes first), root first and heights descending.
   */
  static Built okxV2(Random random, int userCount) {
    List<OkxNode> leaves = new ArrayList<>();
    ObjectNode userFile = null;
    int chosen = random.nextInt(userCount);
    for (int u = 0; u < userCount; u++) {
      String nonce = randomHex(random, 64);
      int parts = 1 + random.nextInt(3);
      List<List<BigDecimal>> split = new ArrayList<>();
      List<BigDecimal> total = new ArrayList<>(zeros());
      for (int p = 0; p < parts; p++) {
        List<BigDecimal> part = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
          BigDecimal amount = randomAmount(random);
          part.add(amount);
          total.set(a, total.get(a).add(amount));
        }
        split.add(part);
      }
      List<String> totalPrinted = total.stream().map(Decimals::plain).toList();
      String selfHash = Digests.sha256Hex(nonce + okxJson(totalPrinted));
      ArrayNode nodes = NODES.arrayNode();
      for (List<BigDecimal> part : split) {
        List<String> printed = part.stream().map(Decimals::plain).toList();
        String hash = Digests.sha256Hex(selfHash + String.join("", printed));
        OkxNode leaf = new OkxNode(hash, part, null, printed);
        leaves.add(leaf);
        nodes.add(
            NODES.objectNode().<ObjectNode>set("balances", okxBalances(leaf)).put("hash", hash));
      }
      if (u == chosen) {
        userFile = NODES.objectNode();
        userFile.put("hash", selfHash);
        userFile.set("nodes", nodes);
        userFile.put("nonce", nonce);
        userFile.set(
            "totalBalances", okxBalances(new OkxNode(selfHash, total, nonce, totalPrinted)));
      }
    }
    Collections.shuffle(leaves, random);
    List<List<OkxNode>> levels = new ArrayList<>();
    List<OkxNode> level = leaves;
    int height = 1;
    while (true) {
      if (level.size() > 1 && level.size() % 2 == 1) {
        OkxNode last = level.get(level.size() - 1);
        level.add(new OkxNode(last.hash(), zeros(), null, List.of("0", "0", "0")));
      }
      levels.add(level);
      if (level.size() == 1) {
        break;
      }
      List<OkxNode> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        next.add(okxParent(level.get(i), level.get(i + 1), height + 1));
      }
      level = next;
      height++;
    }
    StringBuilder tree = new StringBuilder();
    for (int h = levels.size(); h >= 1; h--) {
      List<OkxNode> lines = new ArrayList<>(levels.get(h - 1));
      Collections.reverse(lines);
      for (OkxNode node : lines) {
        tree.append(node.hash()).append(',').append(h).append(',').append(okxJson(node.printed()));
        tree.append('\n');
      }
    }
    return new Built(json(userFile), tree.toString());
  }

  // ---------------------------------------------------------------- Bitget

  static Built bitget(Random random, int leafCount, boolean format2025) {
    List<String> assets = List.of("BTC", "ETH", "USDT", "USDC");
    record Node(String hash, Map<String, BigDecimal> sums, String uid, String nonce) {}
    String auditId = "Au" + (20220000 + random.nextInt(10000));
    int depth = 1;
    while ((1 << (depth - 1)) < leafCount) {
      depth++;
    }
    List<Node> level = new ArrayList<>();
    for (int i = 0; i < leafCount; i++) {
      String uid = randomHex(random, 64);
      String nonce = randomHex(random, 64);
      Map<String, BigDecimal> balances = new LinkedHashMap<>();
      assets.forEach(asset -> balances.put(asset, randomAmount(random)));
      String hash =
          Digests.sha256Hex(uid + "," + nonce + "," + bitgetJson(balances, format2025))
              .substring(0, 16);
      level.add(new Node(hash, balances, uid, nonce));
    }
    int user = random.nextInt(leafCount);
    Node leaf = level.get(user);
    ArrayNode path = NODES.arrayNode();
    int index = user;
    int levelNumber = depth;
    while (level.size() > 1) {
      boolean padded = level.size() % 2 == 1;
      if (padded) {
        Node last = level.get(level.size() - 1);
        Map<String, BigDecimal> zero = new LinkedHashMap<>();
        assets.forEach(asset -> zero.put(asset, BigDecimal.ZERO));
        level.add(new Node(last.hash(), zero, null, null));
      }
      int sibling = index ^ 1;
      Node node = level.get(sibling);
      ObjectNode entry = NODES.objectNode();
      entry.put("auditId", auditId);
      entry.set("balances", bitgetBalances(node.sums(), format2025));
      if (!format2025 && node.uid() != null && levelNumber == depth) {
        entry.put("encryptUid", node.uid());
        entry.put("nonce", node.nonce());
      }
      entry.put("level", levelNumber);
      entry.put("merkelLeaf", node.hash());
      entry.put("role", padded && sibling == level.size() - 1 ? 0 : sibling < index ? 1 : 2);
      path.add(entry);
      List<Node> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        Node left = level.get(i);
        Node right = level.get(i + 1);
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        assets.forEach(
            asset -> sums.put(asset, left.sums().get(asset).add(right.sums().get(asset))));
        String hash =
            Digests.sha256Hex(
                    left.hash()
                        + right.hash()
                        + ","
                        + bitgetJson(sums, format2025)
                        + ","
                        + (levelNumber - 1))
                .substring(0, 16);
        next.add(new Node(hash, sums, null, null));
      }
      level = next;
      index /= 2;
      levelNumber--;
    }
    ObjectNode root = NODES.objectNode();
    root.put("auditId", auditId);
    root.set("balances", bitgetBalances(level.get(0).sums(), format2025));
    root.put("level", 1);
    root.put("merkelLeaf", level.get(0).hash());
    if (!format2025) {
      root.put("role", 3);
    }
    path.add(root);
    ObjectNode self = NODES.objectNode();
    self.put("auditId", auditId);
    self.set("balances", bitgetBalances(leaf.sums(), format2025));
    self.put("encryptUid", leaf.uid());
    self.put("level", depth);
    self.put("merkelLeaf", leaf.hash());
    self.put("nonce", leaf.nonce());
    self.put("role", user % 2 == 0 ? 1 : 2);
    ObjectNode file = NODES.objectNode();
    file.set("path", path);
    file.set("self", self);
    return new Built(json(file), null);
  }

  private static String bitgetJson(Map<String, BigDecimal> values, boolean quoted) {
    HashMap<String, BigDecimal> map = new HashMap<>(values);
    StringBuilder json = new StringBuilder("{");
    map.forEach(
        (asset, value) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append('"').append(asset).append("\":");
          json.append(quoted ? "\"" + Decimals.plain(value) + "\"" : value.toString());
        });
    return json.append('}').toString();
  }

  private static ObjectNode bitgetBalances(Map<String, BigDecimal> values, boolean quoted) {
    ObjectNode balances = NODES.objectNode();
    values.forEach(
        (asset, value) -> {
          if (quoted) {
            balances.put(asset, Decimals.plain(value));
          } else {
            balances.put(asset, value);
          }
        });
    return balances;
  }

  // ---------------------------------------------------------------- MEXC

  static Built mexc(Random random, int leafCount) {
    List<String> assets = List.of("BTC", "ETH", "USDC", "USDT");
    record Node(String hash, TreeMap<String, BigDecimal> sums) {}
    String proofId =
        "PR-"
            + (2025 + random.nextInt(3))
            + "-0"
            + (1 + random.nextInt(9))
            + "-1"
            + random.nextInt(10);
    List<Node> level = new ArrayList<>();
    List<String> accounts = new ArrayList<>();
    List<TreeMap<String, String>> printedLeaves = new ArrayList<>();
    for (int i = 0; i < leafCount; i++) {
      String account = Long.toString(1_000_000_000L + random.nextInt(1_000_000_000));
      TreeMap<String, String> printed = new TreeMap<>();
      for (String asset : assets) {
        BigDecimal amount = randomAmount(random);
        if (amount.signum() != 0 || printed.isEmpty() && asset.equals("USDT")) {
          printed.put(asset, amount.toPlainString());
        }
      }
      TreeMap<String, BigDecimal> sums = new TreeMap<>();
      printed.forEach((asset, value) -> sums.put(asset, new BigDecimal(value)));
      String hash = mexcHash(proofId + "," + account + "," + mexcList(printed));
      level.add(new Node(hash, sums));
      accounts.add(account);
      printedLeaves.add(printed);
    }
    int user = random.nextInt(leafCount);
    ArrayNode path = NODES.arrayNode();
    int index = user;
    int levelNumber = 0;
    while (level.size() > 1) {
      int sibling = index ^ 1;
      boolean empty = sibling >= level.size();
      if (empty) {
        if (random.nextBoolean()) {
          ObjectNode entry = NODES.objectNode();
          entry.put("level", levelNumber);
          entry.put("type", 2);
          entry.put("hash", "");
          ObjectNode zeros = NODES.objectNode();
          assets.forEach(asset -> zeros.put(asset, "0"));
          entry.set("balances", zeros);
          path.add(entry);
        }
      } else {
        Node node = level.get(sibling);
        ObjectNode entry = NODES.objectNode();
        entry.put("level", levelNumber);
        entry.put("type", sibling < index ? 1 : 2);
        entry.put("hash", node.hash());
        entry.set("balances", mexcBalances(node.sums()));
        path.add(entry);
      }
      List<Node> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        Node left = level.get(i);
        Node right = i + 1 < level.size() ? level.get(i + 1) : null;
        TreeMap<String, BigDecimal> sums = new TreeMap<>(left.sums());
        if (right != null) {
          for (String asset : List.of("BTC", "USDT", "ETH", "USDC")) {
            sums.putIfAbsent(asset, BigDecimal.ZERO);
          }
          right.sums().forEach((asset, value) -> sums.merge(asset, value, BigDecimal::add));
        }
        TreeMap<String, String> printed = new TreeMap<>();
        sums.forEach((asset, value) -> printed.put(asset, Decimals.plain(value)));
        String hash =
            mexcHash(
                left.hash() + "," + (right == null ? "" : right.hash()) + "," + mexcList(printed));
        next.add(new Node(hash, sums));
      }
      level = next;
      index /= 2;
      levelNumber++;
    }
    ObjectNode root = NODES.objectNode();
    root.put("level", levelNumber);
    root.put("type", 3);
    root.put("hash", level.get(0).hash());
    root.set("balances", mexcBalances(level.get(0).sums()));
    path.add(root);
    ObjectNode self = NODES.objectNode();
    self.put("level", 0);
    self.put("type", user % 2 == 0 ? 1 : 2);
    self.put(
        "hash",
        level.isEmpty()
            ? ""
            : mexcHash(
                proofId + "," + accounts.get(user) + "," + mexcList(printedLeaves.get(user))));
    ObjectNode balances = NODES.objectNode();
    printedLeaves.get(user).forEach(balances::put);
    self.set("balances", balances);
    self.put("proofId", proofId);
    self.put("accountId", accounts.get(user));
    ObjectNode file = NODES.objectNode();
    file.set("pathList", path);
    file.set("self", self);
    return new Built(json(file), null);
  }

  private static String mexcHash(String preimage) {
    return Digests.sha256Hex(preimage).substring(0, 32);
  }

  private static String mexcList(TreeMap<String, String> printed) {
    List<String> parts = new ArrayList<>();
    printed.forEach((asset, value) -> parts.add(asset + ":" + value));
    return String.join(",", parts);
  }

  private static ObjectNode mexcBalances(Map<String, BigDecimal> sums) {
    ObjectNode balances = NODES.objectNode();
    sums.forEach((asset, value) -> balances.put(asset, Decimals.plain(value)));
    return balances;
  }

  // ---------------------------------------------------------------- Bybit

  static Built bybit(Random random, int leafCount, String auditId, List<String> assets) {
    record Node(String hash, List<BigDecimal> sums) {}
    List<Node> level = new ArrayList<>();
    List<String> userHashes = new ArrayList<>();
    for (int i = 0; i < leafCount; i++) {
      String userHash = randomHex(random, 64);
      List<BigDecimal> balances = new ArrayList<>();
      StringBuilder input = new StringBuilder(userHash);
      for (int a = 0; a < assets.size(); a++) {
        BigDecimal amount = randomAmount(random).setScale(8);
        balances.add(amount);
        input.append(Decimals.fixed8(amount));
      }
      level.add(new Node(Digests.sha256Hex(input.toString()), balances));
      userHashes.add(userHash);
    }
    int user = random.nextInt(leafCount);
    Node leaf = level.get(user);
    ArrayNode path = NODES.arrayNode();
    int index = user;
    int height = 1;
    while (level.size() > 1) {
      if (level.size() % 2 == 1) {
        Node last = level.get(level.size() - 1);
        level.add(new Node(last.hash(), Collections.nCopies(assets.size(), BigDecimal.ZERO)));
      }
      int sibling = index ^ 1;
      Node node = level.get(sibling);
      ObjectNode entry = NODES.objectNode();
      entry.put("type", sibling < index ? 1 : 2);
      entry.put("hash", node.hash());
      entry.put("height", height);
      entry.set("balance", bybitBalances(assets, node.sums()));
      path.add(entry);
      List<Node> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        List<BigDecimal> sums = new ArrayList<>();
        StringBuilder tail = new StringBuilder();
        for (int a = 0; a < assets.size(); a++) {
          BigDecimal sum = level.get(i).sums().get(a).add(level.get(i + 1).sums().get(a));
          sums.add(sum);
          tail.append(Decimals.fixed8(sum));
        }
        String hash =
            Digests.sha256Hex(level.get(i).hash() + level.get(i + 1).hash() + tail + (height + 1));
        next.add(new Node(hash, sums));
      }
      level = next;
      index /= 2;
      height++;
    }
    ObjectNode root = NODES.objectNode();
    root.put("type", 3);
    root.put("hash", level.get(0).hash());
    root.put("height", height);
    root.set("balance", bybitBalances(assets, level.get(0).sums()));
    path.add(root);
    ObjectNode self = NODES.objectNode();
    self.put("auditId", auditId);
    self.put("type", user % 2 == 0 ? 1 : 2);
    self.put("hash", leaf.hash());
    self.put("height", 1);
    self.put(
        "nonce",
        java.util
            .UUID
            .nameUUIDFromBytes(
                randomHex(random, 8).getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString());
    self.put("userHash", userHashes.get(user));
    self.set("balance", bybitBalances(assets, leaf.sums()));
    ObjectNode file = NODES.objectNode();
    file.set("self", self);
    file.set("path", path);
    return new Built(json(file), null);
  }

  private static ObjectNode bybitBalances(List<String> assets, List<BigDecimal> values) {
    ObjectNode balances = NODES.objectNode();
    for (int a = 0; a < assets.size(); a++) {
      balances.put(assets.get(a), Decimals.fixed8(values.get(a)));
    }
    return balances;
  }

  // ---------------------------------------------------------------- BitMEX

  /** Returns the account line of a random account with a balance, and the liabilities CSV. */
  static Built bitmex(Random random, int accountCount) {
    long blockHeight = 100 + random.nextInt(800_000);
    int leafCount = Integer.highestOneBit(accountCount * 2 - 1) * 2;
    record Part(long account, byte[] subNonce, long value) {}
    List<Part> parts = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    List<Long> balances = new ArrayList<>();
    for (int a = 0; a < accountCount; a++) {
      long account = 1 + a;
      String nonce = randomHex(random, 64);
      byte[] subNonce =
          Digests.sha256(
              ByteBuffer.allocate(48)
                  .put(Digests.unhex(nonce, "nonce"))
                  .order(ByteOrder.LITTLE_ENDIAN)
                  .putLong(blockHeight)
                  .putLong(account)
                  .array());
      long balance = 1 + random.nextInt(1_000_000_000);
      balances.add(balance);
      lines.add(account + "," + nonce);
      parts.add(new Part(account, subNonce, balance));
    }
    while (parts.size() < leafCount) {
      int split = random.nextInt(parts.size());
      Part part = parts.get(split);
      if (part.value() < 2) {
        continue;
      }
      long first = 1 + (long) (random.nextDouble() * (part.value() - 1));
      parts.set(split, new Part(part.account(), part.subNonce(), first));
      parts.add(new Part(part.account(), part.subNonce(), part.value() - first));
    }
    Collections.shuffle(parts, random);
    List<byte[]> digests = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(part.subNonce(), "HmacSHA256"));
        mac.update(BitmexScheme.le(part.value()));
        mac.update(BitmexScheme.le(i));
        digests.add(mac.doFinal());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      values.add(part.value());
    }
    List<List<String>> levels = new ArrayList<>();
    while (true) {
      List<String> rows = new ArrayList<>();
      for (int i = 0; i < digests.size(); i++) {
        rows.add(Digests.hex(digests.get(i)) + "," + values.get(i));
      }
      levels.add(0, rows);
      if (digests.size() == 1) {
        break;
      }
      List<byte[]> nextDigests = new ArrayList<>();
      List<Long> nextValues = new ArrayList<>();
      for (int i = 0; i < digests.size(); i += 2) {
        var sha = Digests.sha256();
        sha.update(digests.get(i));
        sha.update(BitmexScheme.le(values.get(i)));
        sha.update(digests.get(i + 1));
        sha.update(BitmexScheme.le(values.get(i + 1)));
        nextDigests.add(sha.digest());
        nextValues.add(values.get(i) + values.get(i + 1));
      }
      digests = nextDigests;
      values = nextValues;
    }
    StringBuilder tree = new StringBuilder("block_height:" + blockHeight + "\n");
    levels.forEach(rows -> rows.forEach(row -> tree.append(row).append('\n')));
    int chosen = random.nextInt(accountCount);
    return new Built(lines.get(chosen) + "\n", tree.toString());
  }

  // ---------------------------------------------------------------- Silver Sixpence

  static Built silverSixpence(Random random, int leafCount) {
    String auditId = "AUD" + random.nextInt(1000);
    List<byte[]> level = new ArrayList<>();
    List<ObjectNode> preimages = new ArrayList<>();
    for (int i = 0; i < leafCount; i++) {
      ObjectNode proof = NODES.objectNode();
      String client = "client" + random.nextInt(1_000_000);
      String salt = randomHex(random, 32);
      ObjectNode balances = NODES.objectNode();
      balances.put("BTC", randomAmount(random).toPlainString());
      balances.put("ETH", randomAmount(random).toPlainString());
      String leaf =
          Digests.sha256Hex(
              client
                  + salt
                  + auditId
                  + "BTC="
                  + balances.get("BTC").textValue()
                  + "|ETH="
                  + balances.get("ETH").textValue());
      proof.put("leaf", leaf);
      proof.put("clientId", client);
      proof.put("salt", salt);
      proof.put("auditId", auditId);
      proof.set("balances", balances);
      preimages.add(proof);
      level.add(Digests.unhex(leaf, "leaf"));
    }
    int user = random.nextInt(leafCount);
    ArrayNode steps = NODES.arrayNode();
    StringBuilder tree = new StringBuilder();
    int index = user;
    int levelNumber = 0;
    while (level.size() > 1) {
      levelNumber++;
      int sibling = index ^ 1;
      ObjectNode step = NODES.objectNode();
      step.put("level", levelNumber);
      if (sibling >= level.size()) {
        step.put("promoted", true);
      } else {
        step.put("sibling", Digests.hex(level.get(sibling)));
        step.put("position", index % 2 == 0 ? "left" : "right");
      }
      steps.add(step);
      List<byte[]> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        if (i + 1 == level.size()) {
          next.add(level.get(i));
        } else {
          byte[] parent = SilverSixpenceScheme.parent(level.get(i), level.get(i + 1));
          tree.append(Digests.hex(parent)).append(',').append(levelNumber).append(',');
          tree.append(Digests.hex(level.get(i))).append(',').append(Digests.hex(level.get(i + 1)));
          tree.append('\n');
          next.add(parent);
        }
      }
      level = next;
      index /= 2;
    }
    ObjectNode proof = preimages.get(user);
    proof.set("path", steps);
    ObjectNode file = NODES.objectNode();
    file.put("root", Digests.hex(level.get(0)));
    file.set("proofs", NODES.arrayNode().add(proof));
    return new Built(json(file), tree.toString());
  }

  // ---------------------------------------------------------------- Armanino / TNF

  static Built armanino(Random random, int leafCount, boolean concatenate) {
    ArmaninoScheme scheme =
        concatenate ? ArmaninoScheme.concatenateMode() : ArmaninoScheme.defaultMode();
    List<byte[]> level = new ArrayList<>();
    List<String> uids = new ArrayList<>();
    List<Map<String, BigDecimal>> balances = new ArrayList<>();
    for (int i = 0; i < leafCount; i++) {
      String uid = "user-" + random.nextInt(1_000_000);
      Map<String, BigDecimal> amounts = new LinkedHashMap<>();
      amounts.put("BTC", randomAmount(random));
      amounts.put("ETH", randomAmount(random));
      amounts.put("USDT", randomAmount(random));
      uids.add(uid);
      balances.add(amounts);
      level.add(Digests.unhex(scheme.leaf(uid, amounts), "leaf"));
    }
    int user = random.nextInt(leafCount);
    ArrayNode proof = NODES.arrayNode();
    int index = user;
    while (level.size() > 1) {
      int sibling = index ^ 1;
      if (sibling < level.size()) {
        proof.add(
            NODES
                .objectNode()
                .put("position", sibling < index ? "left" : "right")
                .put("data", Digests.hex(level.get(sibling))));
      }
      List<byte[]> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        next.add(
            i + 1 == level.size()
                ? level.get(i)
                : SilverSixpenceScheme.parent(level.get(i), level.get(i + 1)));
      }
      level = next;
      index /= 2;
    }
    ObjectNode file = NODES.objectNode();
    file.put("mode", concatenate ? "concatenate" : "default");
    file.put("uid", uids.get(user));
    ObjectNode amounts = NODES.objectNode();
    balances
        .get(user)
        .forEach((asset, value) -> amounts.put(asset, ArmaninoScheme.generatorNumber(value)));
    file.set("balances", amounts);
    file.put("root", Digests.hex(level.get(0)));
    file.set("proof", proof);
    return new Built(json(file), null);
  }

  // ---------------------------------------------------------------- zk (Poseidon)

  static Built zk(Random random, ZkPoseidonScheme scheme, ZkPoseidonScheme.Layout layout) {
    Poseidon poseidon = scheme.poseidon();
    boolean gate = layout == ZkPoseidonScheme.Layout.GATE_V1;
    boolean v2 = layout == ZkPoseidonScheme.Layout.BINANCE_V2;
    int accounts = 2 + random.nextInt(2);
    Map<Long, BigInteger> leaves = new HashMap<>();
    ObjectNode chosen = null;
    long chosenIndex = -1;
    for (int a = 0; a < accounts; a++) {
      long index = random.nextInt(64);
      while (leaves.containsKey(index)) {
        index = random.nextInt(64);
      }
      BigInteger id = new BigInteger(250, random);
      BigInteger equity = BigInteger.valueOf(random.nextLong() >>> 8);
      BigInteger debt = BigInteger.valueOf(random.nextLong() >>> 20);
      ObjectNode file = NODES.objectNode();
      file.put(gate ? "Arrangement" : "AccountIndex", index);
      file.put(gate ? "UniqueIdentification" : "AccountIdHash", ZkPoseidonScheme.hex(id));
      file.put(gate ? "TotalAssetEquity" : "TotalEquity", equity);
      file.put(gate ? "TotalAssetDebt" : "TotalDebt", debt);
      ArrayNode assets = NODES.arrayNode();
      int count = 1 + random.nextInt(4);
      java.util.Set<Integer> used = new java.util.HashSet<>();
      for (int i = 0; i < count; i++) {
        int slot = random.nextInt(gate ? 800 : 350);
        if (!used.add(slot)) {
          continue;
        }
        ObjectNode asset = NODES.objectNode();
        asset.put("Index", slot);
        asset.put("Equity", random.nextLong() >>> 1);
        asset.put("Debt", random.nextInt(1000));
        if (v2) {
          asset.put("Loan", random.nextInt(1000));
          asset.put("Margin", random.nextInt(1000));
          asset.put("PortfolioMargin", random.nextInt(1000));
        }
        assets.add(asset);
      }
      file.set(gate ? "AssetDetails" : "Assets", assets);
      Map<String, BigDecimal> ignored = new HashMap<>();
      BigInteger leaf;
      if (v2) {
        BigInteger collateral = BigInteger.valueOf(random.nextInt(1_000_000));
        file.put("TotalCollateral", collateral);
        leaf = poseidon.hash(id, equity, debt, collateral, scheme.commitmentV2(assets, ignored));
      } else {
        leaf = poseidon.hash(id, equity, debt, scheme.commitmentV1(assets, ignored));
      }
      leaves.put(index, leaf);
      if (a == 0) {
        chosen = file;
        chosenIndex = index;
      }
    }
    BigInteger nil =
        v2
            ? poseidon.hash(Collections.nCopies(5, BigInteger.ZERO))
            : poseidon.hash(
                BigInteger.ZERO,
                BigInteger.ZERO,
                BigInteger.ZERO,
                scheme.commitmentV1(NODES.arrayNode(), new HashMap<>()));
    Map<Long, BigInteger> level = leaves;
    ArrayNode siblings = NODES.arrayNode();
    long index = chosenIndex;
    BigInteger empty = nil;
    for (int depth = 0; depth < ZkPoseidonScheme.DEPTH; depth++) {
      BigInteger sibling = level.getOrDefault(index ^ 1, empty);
      byte[] bytes = new byte[32];
      byte[] raw = sibling.toByteArray();
      int copy = Math.min(raw.length, 32);
      System.arraycopy(raw, raw.length - copy, bytes, 32 - copy, copy);
      siblings.add(Base64.getEncoder().encodeToString(bytes));
      Map<Long, BigInteger> next = new HashMap<>();
      for (Map.Entry<Long, BigInteger> node : level.entrySet()) {
        long parent = node.getKey() / 2;
        if (next.containsKey(parent)) {
          continue;
        }
        long leftIndex = parent * 2;
        BigInteger left = level.getOrDefault(leftIndex, empty);
        BigInteger right = level.getOrDefault(leftIndex + 1, empty);
        next.put(parent, poseidon.hash(left, right));
      }
      empty = poseidon.hash(empty, empty);
      level = next;
      index /= 2;
    }
    chosen.put(gate ? "TreeRootHash" : "Root", ZkPoseidonScheme.hex(level.get(0L)));
    chosen.set(gate ? "MerkleProofEncode" : "Proof", siblings);
    return new Built(json(chosen), null);
  }
}
