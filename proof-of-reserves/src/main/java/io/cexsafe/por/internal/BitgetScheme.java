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
import java.util.Set;

/**
 * Bitget's Merkle-sum tree with 64-bit truncated digests. Two serialisations: 2025 (balances as
 * quoted strings, sums without trailing zeros) and 2022 (JSON numbers, sums keeping their scale).
 * Keys follow Java HashMap iteration order, because Bitget serialises a HashMap with fastjson.
 */
final class BitgetScheme extends AbstractScheme {
  private static final int DIGEST_HEX = 16;
  private static final int EMPTY = 0;
  private static final int LEFT = 1;
  private static final int RIGHT = 2;
  private static final int ROOT = 3;
  private final boolean quotedStrings;

  private BitgetScheme(String id, String description, boolean quotedStrings) {
    super(id, description, ProofStrength.SUM_TREE, Set.of("bitget"), NO_TREE);
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
    String uid =
        Digests.requireHex(Json.text(self, "encryptUid", "$.self"), 64, "$.self.encryptUid");
    String nonce = Json.text(self, "nonce", "$.self");
    Map<String, String> leafPrinted = balances(self, "$.self");
    int leafLevel = Json.integer(self, "level", "$.self");
    String leafHash =
        Digests.requireHex(
            Json.text(self, "merkelLeaf", "$.self"), DIGEST_HEX, "$.self.merkelLeaf");
    int selfRole = Json.integer(self, "role", "$.self");
    if (selfRole != LEFT && selfRole != RIGHT) {
      throw new MalformedProofException(
          "$.self.role must be 1 (left) or 2 (right), was " + selfRole, leafLevel);
    }
    JsonNode path = Json.array(root, "path", "$");
    if (path.size() < 2) {
      throw new MalformedProofException("$.path needs at least one sibling and the root");
    }
    if (leafLevel != path.size()) {
      throw new MalformedProofException(
          "$.self.level must be "
              + path.size()
              + " (one level per path entry, the root at level 1), was "
              + leafLevel);
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
    Findings.flagNegatives(user, "$.self.balances", findings);

    String computedLeaf = leaf(uid, nonce, leafPrinted);
    if (!computedLeaf.equals(leafHash)) {
      return notIncluded(
          leafLevel,
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
    int level = leafLevel;
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
      if (role != EMPTY && role != LEFT && role != RIGHT) {
        throw new MalformedProofException(
            where + ".role must be 0, 1 or 2 below the root, was " + role, level);
      }
      // The sibling's role fixes the leaf's side: an empty sibling is a zero-balance copy put on
      // the right (the published verifier pairs the node with it as left, empty), so the leaf is
      // then a left child; a real sibling sits on the other side.
      int expectedSelfRole = role == LEFT ? RIGHT : LEFT;
      if (i == 0 && selfRole != expectedSelfRole) {
        return notIncluded(
            level,
            "$.self.role is "
                + selfRole
                + " but $.path[0].role "
                + role
                + (role == EMPTY ? " (empty sibling, on the right)" : "")
                + " puts the leaf on the "
                + (expectedSelfRole == LEFT ? "left (role 1)" : "right (role 2)"),
            user,
            rootTotals,
            publishedRoot,
            findings);
      }
      Map<String, String> siblingPrinted = balances(entry, where);
      Map<String, BigDecimal> siblingBalances =
          Json.toDecimals(siblingPrinted, where + ".balances");
      Findings.flagNegatives(siblingBalances, where + ".balances", findings);
      if (!siblingBalances.keySet().equals(sums.keySet())) {
        throw new MalformedProofException(
            where
                + ".balances has assets "
                + siblingBalances.keySet()
                + ", expected "
                + sums.keySet(),
            level);
      }
      if (i > 0) {
        String misprinted = misprinted(siblingPrinted, siblingBalances);
        if (misprinted != null) {
          return notIncluded(
              level,
              where
                  + ".balances."
                  + misprinted
                  + " is '"
                  + siblingPrinted.get(misprinted)
                  + "', not the sum as the format prints it ('"
                  + print(siblingBalances.get(misprinted))
                  + "')",
              user,
              rootTotals,
              publishedRoot,
              findings);
        }
      }
      String sibling;
      if (role == EMPTY) {
        String zeroAsset = nonZero(siblingBalances);
        if (zeroAsset != null) {
          throw new MalformedProofException(
              where + ".balances." + zeroAsset + " must be 0 in an empty (role 0) sibling", level);
        }
        sibling = running;
        if (entry.has("merkelLeaf") && !running.equals(Json.text(entry, "merkelLeaf", where))) {
          return notIncluded(
              level,
              where + ".merkelLeaf is empty (role 0) but is not a copy of the running node",
              user,
              rootTotals,
              publishedRoot,
              findings);
        }
      } else {
        sibling =
            Digests.requireHex(
                Json.text(entry, "merkelLeaf", where), DIGEST_HEX, where + ".merkelLeaf");
        if (sibling.equals(running)) {
          // pairing a node with its own copy is what an empty sibling is; as a left or right
          // sibling it would let the empty sibling's role be changed without changing any hash
          return notIncluded(
              level,
              where
                  + ".merkelLeaf is the running node itself, but only an empty (role 0) sibling"
                  + " is a copy of it; role was "
                  + role,
              user,
              rootTotals,
              publishedRoot,
              findings);
        }
      }
      if (entry.has("encryptUid") && entry.has("nonce")) {
        String siblingLeaf =
            leaf(
                Digests.requireHex(
                    Json.text(entry, "encryptUid", where), 64, where + ".encryptUid"),
                Json.text(entry, "nonce", where),
                siblingPrinted);
        if (i != 0 || !siblingLeaf.equals(sibling)) {
          return notIncluded(
              level,
              where
                  + ".merkelLeaf is not the leaf its encryptUid, nonce and balances give"
                  + (i != 0 ? " (only the leaf's sibling, $.path[0], is a leaf)" : ""),
              user,
              rootTotals,
              publishedRoot,
              findings);
        }
      }
      Map<String, BigDecimal> next = new LinkedHashMap<>();
      sums.forEach((asset, value) -> next.put(asset, value.add(siblingBalances.get(asset))));
      boolean siblingLeft = role == LEFT;
      level--;
      String left = siblingLeft ? sibling : running;
      String right = siblingLeft ? running : sibling;
      running = truncate(Digests.sha256Hex(left + right + "," + json(format(next)) + "," + level));
      sums = next;
    }
    if (rootEntry.has("role") && Json.integer(rootEntry, "role", rootWhere) != ROOT) {
      throw new MalformedProofException(rootWhere + ".role must be 3 (root) when present");
    }
    if (Json.integer(rootEntry, "level", rootWhere) != 1) {
      throw new MalformedProofException(rootWhere + ".level must be 1 (the root)", 1);
    }
    if (!auditId.equals(Json.text(rootEntry, "auditId", rootWhere))) {
      throw new MalformedProofException(rootWhere + ".auditId differs from $.self.auditId", 1);
    }
    Findings.flagNegatives(rootTotals, rootWhere + ".balances", findings);
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
          1,
          rootWhere + ".balances has assets " + rootTotals.keySet() + ", the path " + sums.keySet(),
          user,
          rootTotals,
          publishedRoot,
          findings);
    }
    String misprinted =
        misprintedTotal(sums.keySet(), sums, rootPrinted, this::print, rootWhere + ".balances");
    if (misprinted != null) {
      return notIncluded(1, misprinted, user, rootTotals, publishedRoot, findings);
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

  /**
   * The first asset of an internal node whose value is not printed as the format prints sums, or
   * null. Only the 2025 format has a canonical form to check: a 2022 number keeps the scale of the
   * leaves below it, which a path does not show.
   */
  private String misprinted(Map<String, String> printed, Map<String, BigDecimal> values) {
    if (!quotedStrings) {
      return null;
    }
    for (Map.Entry<String, String> entry : printed.entrySet()) {
      if (!print(values.get(entry.getKey())).equals(entry.getValue())) {
        return entry.getKey();
      }
    }
    return null;
  }

  private static String nonZero(Map<String, BigDecimal> balances) {
    for (Map.Entry<String, BigDecimal> entry : balances.entrySet()) {
      if (entry.getValue().signum() != 0) {
        return entry.getKey();
      }
    }
    return null;
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
    sums.forEach((asset, value) -> printed.put(asset, print(value)));
    return printed;
  }

  /** A sum as the format prints it: {@code plain} in 2025, with the scale kept in 2022. */
  private String print(BigDecimal sum) {
    return quotedStrings ? Decimals.plain(sum) : sum.toString();
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
