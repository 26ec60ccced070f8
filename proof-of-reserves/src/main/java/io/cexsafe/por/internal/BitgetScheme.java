package io.cexsafe.por.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bitget's Merkle-sum tree with 64-bit truncated digests. Two serialisations: 2025 (balances as
 * quoted strings, sums without trailing zeros) and 2022 (JSON numbers, sums keeping their scale).
 * Keys follow Java HashMap iteration order, because Bitget serialises a HashMap with fastjson.
 */
final class BitgetScheme extends AbstractScheme {
  private static final int DIGEST_HEX = 16;
  private final boolean quotedStrings;

  private BitgetScheme(String id, String description, boolean quotedStrings) {
    super(id, description, ProofStrength.SUM_TREE);
    this.quotedStrings = quotedStrings;
  }

  static BitgetScheme format2025() {
    return new BitgetScheme(
        "bitget-2025",
        "Bitget Merkle-sum tree (2025 format): string balances, 16-hex digests, levels",
        true);
  }

  static BitgetScheme format2022() {
    return new BitgetScheme(
        "bitget-2022",
        "Bitget Merkle-sum tree (2022 format): numeric balances, 16-hex digests, levels",
        false);
  }

  @Override
  boolean recognises(ProofInput input) {
    JsonNode root = Json.tryParse(input.proof()).orElse(null);
    if (root == null || !root.path("path").isArray() || !root.path("self").has("merkelLeaf")) {
      return false;
    }
    JsonNode balances = root.path("self").path("balances");
    if (!balances.isObject() || balances.isEmpty()) {
      return false;
    }
    JsonNode first = balances.elements().next();
    return quotedStrings ? first.isTextual() : first.isNumber();
  }

  @Override
  Verdict check(ProofInput input) {
    JsonNode root = Json.parse(input.proof(), input.proofName());
    JsonNode self = Json.object(root, "self", "$");
    String auditId = Json.text(self, "auditId", "$.self");
    String uid = Digests.requireHex(Json.text(self, "encryptUid", "$.self"), 64, "$.self.uid");
    String nonce = Json.text(self, "nonce", "$.self");
    Map<String, String> leafPrinted = balances(self, "$.self");
    int level = Json.integer(self, "level", "$.self");
    String leafHash =
        Digests.requireHex(Json.text(self, "merkelLeaf", "$.self"), DIGEST_HEX, "$.self.leaf");
    int selfRole = Json.integer(self, "role", "$.self");
    if (selfRole != 1 && selfRole != 2) {
      throw new MalformedProofException("$.self.role must be 1 (left) or 2 (right)", level);
    }
    JsonNode path = Json.array(root, "path", "$");
    if (path.size() < 2) {
      throw new MalformedProofException("$.path needs at least one sibling and the root");
    }
    String rootWhere = "$.path[" + (path.size() - 1) + "]";
    JsonNode rootEntry = path.get(path.size() - 1);
    Map<String, String> rootPrinted = balances(rootEntry, rootWhere);
    Map<String, BigDecimal> rootTotals = Json.toDecimals(rootPrinted, rootWhere + ".balances");
    String publishedRoot =
        Digests.requireHex(
            Json.text(rootEntry, "merkelLeaf", rootWhere), DIGEST_HEX, rootWhere + ".merkelLeaf");
    Map<String, BigDecimal> user = Json.toDecimals(leafPrinted, "$.self.balances");
    List<String> findings = new ArrayList<>();
    findings.add("digests are truncated to 64 bits (16 hex): collisions cost about 2^32 work");

    String computedLeaf = leaf(uid, nonce, leafPrinted);
    if (!computedLeaf.equals(leafHash)) {
      return notIncluded(
          level,
          "leaf hash "
              + computedLeaf
              + " recomputed from uid, nonce and balances != stated "
              + leafHash,
          user,
          rootTotals,
          publishedRoot,
          findings);
    }
    String running = computedLeaf;
    Map<String, BigDecimal> sums = user;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonNode entry = path.get(i);
      String where = "$.path[" + i + "]";
      if (!auditId.equals(Json.text(entry, "auditId", where))) {
        throw new MalformedProofException(where + ".auditId differs from $.self.auditId", level);
      }
      if (Json.integer(entry, "level", where) != level) {
        throw new MalformedProofException(
            where + ".level must be " + level + " (the running node's level)", level);
      }
      int role = Json.integer(entry, "role", where);
      if (role != 0 && role != 1 && role != 2) {
        throw new MalformedProofException(
            where + ".role must be 0, 1 or 2 below the root, was " + role, level);
      }
      if (i == 0 && role != 0 && role == selfRole) {
        throw new MalformedProofException("the leaf and its sibling both have role " + role, level);
      }
      Map<String, String> siblingPrinted = balances(entry, where);
      Map<String, BigDecimal> siblingBalances =
          Json.toDecimals(siblingPrinted, where + ".balances");
      String sibling;
      if (role == 0) {
        if (siblingBalances.values().stream().anyMatch(value -> value.signum() != 0)) {
          throw new MalformedProofException(where + " is empty (role 0) but has balances", level);
        }
        sibling = running;
        if (entry.has("merkelLeaf") && !running.equals(Json.text(entry, "merkelLeaf", where))) {
          return notIncluded(
              level,
              where + " is empty (role 0) but is not a copy of the running node",
              user,
              rootTotals,
              publishedRoot,
              findings);
        }
      } else {
        sibling =
            Digests.requireHex(
                Json.text(entry, "merkelLeaf", where), DIGEST_HEX, where + ".merkelLeaf");
      }
      if (entry.has("encryptUid") && entry.has("nonce")) {
        String siblingLeaf =
            leaf(
                Digests.requireHex(Json.text(entry, "encryptUid", where), 64, where + ".uid"),
                Json.text(entry, "nonce", where),
                siblingPrinted);
        if (i != 0 || !siblingLeaf.equals(sibling)) {
          return notIncluded(
              level,
              where + " carries a uid and nonce but its hash is not the leaf they give",
              user,
              rootTotals,
              publishedRoot,
              findings);
        }
      }
      if (!siblingBalances.keySet().equals(sums.keySet())) {
        throw new MalformedProofException(
            where
                + ".balances has assets "
                + siblingBalances.keySet()
                + ", expected "
                + sums.keySet(),
            level);
      }
      Map<String, BigDecimal> next = new LinkedHashMap<>();
      sums.forEach((asset, value) -> next.put(asset, value.add(siblingBalances.get(asset))));
      for (Map.Entry<String, BigDecimal> sum : siblingBalances.entrySet()) {
        if (sum.getValue().signum() < 0) {
          findings.add(
              "negative "
                  + sum.getKey()
                  + " sum "
                  + sum.getValue().toPlainString()
                  + " at level "
                  + level
                  + " (a sum tree without non-negativity proofs)");
        }
      }
      boolean siblingLeft = role == 1;
      level--;
      String left = siblingLeft ? sibling : running;
      String right = siblingLeft ? running : sibling;
      running = truncate(Digests.sha256Hex(left + right + "," + json(format(next)) + "," + level));
      sums = next;
    }
    if (rootEntry.has("role") && Json.integer(rootEntry, "role", rootWhere) != 3) {
      throw new MalformedProofException(rootWhere + ".role must be 3 (root) when present");
    }
    if (Json.integer(rootEntry, "level", rootWhere) != level || level != 1) {
      throw new MalformedProofException(
          rootWhere + ".level must be 1, the level reached after the path, here " + level, level);
    }
    if (!auditId.equals(Json.text(rootEntry, "auditId", rootWhere))) {
      throw new MalformedProofException(rootWhere + ".auditId differs from $.self.auditId", 1);
    }
    if (!running.equals(publishedRoot)) {
      return notIncluded(
          1,
          "recomputed root " + running + " != published root " + publishedRoot,
          user,
          rootTotals,
          publishedRoot,
          findings);
    }
    if (!rootTotals.keySet().equals(sums.keySet())) {
      return notIncluded(
          1, "root assets differ from the path's", user, rootTotals, publishedRoot, findings);
    }
    for (Map.Entry<String, BigDecimal> sum : sums.entrySet()) {
      if (sum.getValue().compareTo(rootTotals.get(sum.getKey())) != 0) {
        return notIncluded(
            1,
            "root "
                + sum.getKey()
                + " total "
                + rootTotals.get(sum.getKey()).toPlainString()
                + " != recomputed sum "
                + sum.getValue().toPlainString(),
            user,
            rootTotals,
            publishedRoot,
            findings);
      }
    }
    return included(
        "leaf and "
            + (path.size() - 1)
            + " sums recomputed to the published root (audit "
            + auditId
            + ")",
        user,
        rootTotals,
        publishedRoot,
        findings);
  }

  private Map<String, String> balances(JsonNode owner, String where) {
    Map<String, String> printed = Json.balancesAsPrinted(owner, "balances", where, !quotedStrings);
    if (printed.isEmpty()) {
      throw new MalformedProofException(where + ".balances is empty");
    }
    return printed;
  }

  private Map<String, String> format(Map<String, BigDecimal> sums) {
    Map<String, String> printed = new LinkedHashMap<>();
    sums.forEach(
        (asset, value) ->
            printed.put(asset, quotedStrings ? Decimals.plain(value) : value.toString()));
    return printed;
  }

  private String leaf(String uid, String nonce, Map<String, String> printed) {
    return truncate(Digests.sha256Hex(uid + "," + nonce + "," + json(printed)));
  }

  /** fastjson's rendering of a {@code HashMap<String, BigDecimal>} filled in file order. */
  private String json(Map<String, String> printed) {
    HashMap<String, String> hashMap = new HashMap<>();
    printed.forEach(hashMap::put);
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, String> entry : hashMap.entrySet()) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"').append(entry.getKey()).append("\":");
      if (quotedStrings) {
        json.append('"').append(entry.getValue()).append('"');
      } else {
        json.append(entry.getValue());
      }
    }
    return json.append('}').toString();
  }

  private static String truncate(String hex) {
    return hex.substring(0, DIGEST_HEX);
  }
}
