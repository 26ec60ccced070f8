package io.cexsafe.por.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bybit's Merkle-sum tree: balances concatenated without separators in the audit's asset order,
 * sums with exactly eight decimals, heights in the node preimage.
 */
final class BybitScheme extends AbstractScheme {

  /**
   * Asset order per audit. The order is part of the hash and changes between audits (assets are
   * added and renamed), so it is looked up by audit id rather than taken from the JSON.
   */
  private static final Map<String, List<String>> ASSET_ORDER_BY_AUDIT =
      Map.of(
          "2025061709",
          List.of(
              "AGLA", "APT", "ATOM", "AVAX", "MNT", "BTC", "DOGE", "DOT", "DYDX", "A", "ETH", "S",
              "LTC", "POL", "SOL", "USDC", "USDT", "XRP", "SHIB", "OP", "SAND", "LDO", "LINK",
              "COMP", "UNI", "MANA", "CRV", "BLUR", "SUSHI", "PEPE", "WLD", "BEAM", "AGI", "FET",
              "IMX", "RENDER", "GALA", "APEX", "SHRAP", "USDE"));

  BybitScheme() {
    super(
        "bybit",
        "Bybit Merkle-sum tree: userHash leaves, fixed-8 sums in the audit's asset order",
        ProofStrength.SUM_TREE);
  }

  @Override
  boolean recognises(ProofInput input) {
    JsonNode root = Json.tryParse(input.proof()).orElse(null);
    return root != null
        && root.path("path").isArray()
        && root.path("self").has("userHash")
        && root.path("self").has("balance");
  }

  @Override
  Verdict check(ProofInput input) {
    JsonNode root = Json.parse(input.proof(), input.proofName());
    JsonNode self = Json.object(root, "self", "$");
    String auditId = Json.text(self, "auditId", "$.self");
    String userHash = Digests.requireHex(Json.text(self, "userHash", "$.self"), 64, "$.self");
    Map<String, String> leafPrinted = Json.balancesAsPrinted(self, "balance", "$.self", false);
    String leafHash = Digests.requireHex(Json.text(self, "hash", "$.self"), 64, "$.self.hash");
    int selfType = Json.integer(self, "type", "$.self");
    if (selfType != 1 && selfType != 2) {
      throw new MalformedProofException("$.self.type must be 1 (left) or 2 (right)", 1);
    }
    if (Json.integer(self, "height", "$.self") != 1) {
      throw new MalformedProofException("$.self.height must be 1 for a leaf", 1);
    }
    List<String> findings = new ArrayList<>();
    List<String> assets = ASSET_ORDER_BY_AUDIT.get(auditId);
    if (assets == null) {
      assets = List.copyOf(leafPrinted.keySet());
      findings.add(
          "asset order for audit "
              + auditId
              + " is not registered; the file's key order was"
              + " used (a wrong order can only fail, never pass, the check)");
    }
    requireAssets(leafPrinted, assets, "$.self.balance");
    JsonNode path = Json.array(root, "path", "$");
    if (path.size() < 2) {
      throw new MalformedProofException("$.path needs at least one sibling and the root");
    }
    JsonNode rootEntry = path.get(path.size() - 1);
    String rootWhere = "$.path[" + (path.size() - 1) + "]";
    Map<String, String> rootPrinted =
        Json.balancesAsPrinted(rootEntry, "balance", rootWhere, false);
    requireAssets(rootPrinted, assets, rootWhere + ".balance");
    Map<String, BigDecimal> rootTotals = Json.toDecimals(rootPrinted, rootWhere + ".balance");
    String publishedRoot =
        Digests.requireHex(Json.text(rootEntry, "hash", rootWhere), 64, rootWhere + ".hash");
    Map<String, BigDecimal> user = Json.toDecimals(leafPrinted, "$.self.balance");

    StringBuilder leafInput = new StringBuilder(userHash);
    assets.forEach(asset -> leafInput.append(leafPrinted.get(asset)));
    String computedLeaf = Digests.sha256Hex(leafInput.toString());
    if (!computedLeaf.equals(leafHash)) {
      return notIncluded(
          1,
          "leaf hash " + computedLeaf + " recomputed from userHash and balances != " + leafHash,
          user,
          rootTotals,
          publishedRoot,
          findings);
    }
    String running = computedLeaf;
    Map<String, BigDecimal> sums = new LinkedHashMap<>(user);
    int height = 1;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonNode entry = path.get(i);
      String where = "$.path[" + i + "]";
      int type = Json.integer(entry, "type", where);
      if (type != 1 && type != 2) {
        throw new MalformedProofException(where + ".type must be 1 or 2 below the root", height);
      }
      if (i == 0 && type == selfType) {
        throw new MalformedProofException("the leaf and its sibling both have type " + type, 1);
      }
      if (Json.integer(entry, "height", where) != height) {
        throw new MalformedProofException(
            where + ".height must be " + height + " (the running node's height)", height);
      }
      String sibling = Digests.requireHex(Json.text(entry, "hash", where), 64, where + ".hash");
      Map<String, String> siblingPrinted = Json.balancesAsPrinted(entry, "balance", where, false);
      requireAssets(siblingPrinted, assets, where + ".balance");
      StringBuilder tail = new StringBuilder();
      Map<String, BigDecimal> next = new LinkedHashMap<>();
      for (String asset : assets) {
        BigDecimal sum =
            sums.get(asset)
                .add(Decimals.parse(siblingPrinted.get(asset), where + ".balance." + asset));
        next.put(asset, sum);
        tail.append(Decimals.fixed8(sum));
      }
      height++;
      String left = type == 1 ? sibling : running;
      String right = type == 1 ? running : sibling;
      running = Digests.sha256Hex(left + right + tail + height);
      sums = next;
    }
    if (Json.integer(rootEntry, "type", rootWhere) != 3) {
      throw new MalformedProofException(rootWhere + " (the last entry) must be the root, type 3");
    }
    if (Json.integer(rootEntry, "height", rootWhere) != height) {
      throw new MalformedProofException(
          rootWhere + ".height must be " + height + " after " + (path.size() - 1) + " steps",
          height);
    }
    if (!running.equals(publishedRoot)) {
      return notIncluded(
          height,
          "recomputed root " + running + " != published root " + publishedRoot,
          user,
          rootTotals,
          publishedRoot,
          findings);
    }
    for (String asset : assets) {
      if (sums.get(asset).compareTo(rootTotals.get(asset)) != 0) {
        return notIncluded(
            height,
            "root "
                + asset
                + " total "
                + rootPrinted.get(asset)
                + " != recomputed "
                + Decimals.fixed8(sums.get(asset)),
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

  private static void requireAssets(Map<String, String> printed, List<String> assets, String at) {
    if (!printed.keySet().equals(new HashSet<>(assets)) || printed.size() != assets.size()) {
      throw new MalformedProofException(
          at + " must hold exactly the audit's " + assets.size() + " assets " + assets);
    }
  }
}
