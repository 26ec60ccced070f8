package io.cexsafe.por.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * MEXC's Merkle-sum tree: 128-bit truncated digests, comma-separated preimages with sorted {@code
 * SYM:amount} lists, siblings keyed by level, and empty siblings hashed as the empty string.
 */
final class MexcScheme extends AbstractScheme {
  private static final int DIGEST_HEX = 32;
  private static final List<String> ZERO_FILLED = List.of("BTC", "USDT", "ETH", "USDC");

  MexcScheme() {
    super(
        "mexc",
        "MEXC Merkle-sum tree (2025): 32-hex digests, level-keyed path, empty siblings",
        ProofStrength.SUM_TREE);
  }

  @Override
  boolean recognises(ProofInput input) {
    JsonNode root = Json.tryParse(input.proof()).orElse(null);
    return root != null && root.path("pathList").isArray() && root.path("self").has("proofId");
  }

  @Override
  Verdict check(ProofInput input) {
    JsonNode root = Json.parse(input.proof(), input.proofName());
    JsonNode self = Json.object(root, "self", "$");
    String proofId = Json.text(self, "proofId", "$.self");
    String accountId = Json.text(self, "accountId", "$.self");
    if (Json.integer(self, "level", "$.self") != 0) {
      throw new MalformedProofException("$.self.level must be 0 for a leaf", 0);
    }
    int selfType = Json.integer(self, "type", "$.self");
    if (selfType != 1 && selfType != 2) {
      throw new MalformedProofException("$.self.type must be 1 (left) or 2 (right)", 0);
    }
    String leafHash =
        Digests.requireHex(Json.text(self, "hash", "$.self"), DIGEST_HEX, "$.self.hash");
    TreeMap<String, String> leafPrinted =
        new TreeMap<>(Json.balancesAsPrinted(self, "balances", "$.self", false));
    Map<String, BigDecimal> user = Json.toDecimals(leafPrinted, "$.self.balances");

    JsonNode pathList = Json.array(root, "pathList", "$");
    if (pathList.isEmpty()) {
      throw new MalformedProofException("$.pathList must end with the root (type 3)");
    }
    JsonNode rootEntry = pathList.get(pathList.size() - 1);
    String rootWhere = "$.pathList[" + (pathList.size() - 1) + "]";
    if (Json.integer(rootEntry, "type", rootWhere) != 3) {
      throw new MalformedProofException(rootWhere + " (the last entry) must be the root, type 3");
    }
    int rootLevel = Json.integer(rootEntry, "level", rootWhere);
    String publishedRoot =
        Digests.requireHex(Json.text(rootEntry, "hash", rootWhere), DIGEST_HEX, rootWhere);
    Map<String, BigDecimal> rootTotals =
        Json.toDecimals(
            Json.balancesAsPrinted(rootEntry, "balances", rootWhere, false),
            rootWhere + ".balances");

    JsonNode[] siblings = new JsonNode[Math.max(rootLevel, 0)];
    if (rootLevel < 1) {
      throw new MalformedProofException(rootWhere + ".level must be at least 1", rootLevel);
    }
    for (int i = 0; i < pathList.size() - 1; i++) {
      JsonNode entry = pathList.get(i);
      String where = "$.pathList[" + i + "]";
      int level = Json.integer(entry, "level", where);
      if (level < 0 || level >= rootLevel) {
        throw new MalformedProofException(
            where + ".level " + level + " is outside 0.." + (rootLevel - 1), level);
      }
      if (siblings[level] != null) {
        throw new MalformedProofException(where + " repeats level " + level, level);
      }
      int type = Json.integer(entry, "type", where);
      if (type != 1 && type != 2) {
        throw new MalformedProofException(where + ".type must be 1 or 2 below the root", level);
      }
      siblings[level] = entry;
    }
    List<String> findings = new ArrayList<>();
    findings.add("digests are truncated to 128 bits (32 hex)");

    String computedLeaf = truncate(proofId + "," + accountId + "," + list(leafPrinted));
    if (!computedLeaf.equals(leafHash)) {
      return notIncluded(
          0,
          "leaf hash "
              + computedLeaf
              + " recomputed from proof id, account and balances != "
              + leafHash,
          user,
          rootTotals,
          publishedRoot,
          findings);
    }
    String running = computedLeaf;
    TreeMap<String, BigDecimal> sums = new TreeMap<>(user);
    for (int level = 0; level < rootLevel; level++) {
      JsonNode entry = siblings[level];
      String where = entry == null ? "level " + level : "$.pathList entry at level " + level;
      String sibling = "";
      int siblingType = 2;
      TreeMap<String, BigDecimal> siblingBalances = new TreeMap<>();
      if (entry != null) {
        sibling = Json.text(entry, "hash", where);
        if (!sibling.isEmpty()) {
          Digests.requireHex(sibling, DIGEST_HEX, where + ".hash");
        }
        siblingType = Json.integer(entry, "type", where);
        siblingBalances.putAll(
            Json.toDecimals(
                Json.balancesAsPrinted(entry, "balances", where, false), where + ".balances"));
      }
      boolean runningLeft;
      if (level == 0) {
        runningLeft = selfType == 1;
        if (entry != null && siblingType == selfType) {
          throw new MalformedProofException(
              "the leaf and its sibling both have type " + selfType, level);
        }
      } else {
        runningLeft = siblingType != 1;
      }
      boolean empty = sibling.isEmpty();
      if (empty && siblingBalances.values().stream().anyMatch(value -> value.signum() != 0)) {
        throw new MalformedProofException(where + " is empty but carries balances", level);
      }
      if (empty && !runningLeft) {
        throw new MalformedProofException(where + " is empty but placed on the left", level);
      }
      TreeMap<String, BigDecimal> next = new TreeMap<>(runningLeft ? sums : siblingBalances);
      if (!empty) {
        ZERO_FILLED.forEach(asset -> next.putIfAbsent(asset, BigDecimal.ZERO));
        (runningLeft ? siblingBalances : sums)
            .forEach((asset, value) -> next.merge(asset, value, BigDecimal::add));
      }
      String left = runningLeft ? running : sibling;
      String right = runningLeft ? sibling : running;
      running = truncate(left + "," + right + "," + list(formatted(next)));
      sums = next;
    }
    if (!running.equals(publishedRoot)) {
      return notIncluded(
          rootLevel,
          "recomputed root " + running + " != published root " + publishedRoot,
          user,
          rootTotals,
          publishedRoot,
          findings);
    }
    if (!sums.keySet().equals(rootTotals.keySet())) {
      return notIncluded(
          rootLevel,
          "root assets " + rootTotals.keySet() + " differ from the path's " + sums.keySet(),
          user,
          rootTotals,
          publishedRoot,
          findings);
    }
    for (Map.Entry<String, BigDecimal> sum : sums.entrySet()) {
      if (sum.getValue().compareTo(rootTotals.get(sum.getKey())) != 0) {
        return notIncluded(
            rootLevel,
            "root "
                + sum.getKey()
                + " total "
                + rootTotals.get(sum.getKey()).toPlainString()
                + " != recomputed "
                + sum.getValue().toPlainString(),
            user,
            rootTotals,
            publishedRoot,
            findings);
      }
    }
    return included(
        "leaf and "
            + rootLevel
            + " levels recomputed to the published root (proof "
            + proofId
            + ")",
        user,
        rootTotals,
        publishedRoot,
        findings);
  }

  private static TreeMap<String, String> formatted(Map<String, BigDecimal> sums) {
    TreeMap<String, String> printed = new TreeMap<>();
    sums.forEach((asset, value) -> printed.put(asset, Decimals.plain(value)));
    return printed;
  }

  private static String list(TreeMap<String, String> printed) {
    StringBuilder list = new StringBuilder();
    printed.forEach(
        (asset, value) -> {
          if (list.length() > 0) {
            list.append(',');
          }
          list.append(asset).append(':').append(value);
        });
    return list.toString();
  }

  private static String truncate(String preimage) {
    return Digests.sha256Hex(preimage).substring(0, DIGEST_HEX);
  }
}
