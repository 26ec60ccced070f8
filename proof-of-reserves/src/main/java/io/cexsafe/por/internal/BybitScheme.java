package io.cexsafe.por.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bybit's Merkle-sum tree: balances concatenated without separators in the audit's asset order,
 * sums with exactly eight decimals, heights in the node preimage.
 */
final class BybitScheme extends AbstractScheme {
  private static final int DIGEST_HEX = 64;
  private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]*");

  /** One {@code path} entry below the root, checked for shape, with its JSON path. */
  private record Sibling(
      String where,
      int height,
      int type,
      String hash,
      Map<String, String> printed,
      Map<String, BigDecimal> balances) {}

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
        ProofStrength.SUM_TREE,
        Set.of("bybit"),
        NO_TREE);
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
    String userHash = hex(self, "userHash", "$.self");
    Map<String, String> leafPrinted = Json.balancesAsPrinted(self, "balance", "$.self", false);
    String leafHash = hex(self, "hash", "$.self");
    int selfType = Json.integer(self, "type", "$.self");
    if (selfType != 1 && selfType != 2) {
      throw new MalformedProofException(
          "$.self.type must be 1 (left) or 2 (right), was " + selfType, 1);
    }
    int selfHeight = Json.integer(self, "height", "$.self");
    if (selfHeight != 1) {
      throw new MalformedProofException("$.self.height must be 1 for a leaf, was " + selfHeight, 1);
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
    Map<String, BigDecimal> user = Json.toDecimals(leafPrinted, "$.self.balance");
    Findings.flagNegatives(user, "$.self.balance", findings);

    JsonNode path = Json.array(root, "path", "$");
    if (path.size() < 2) {
      throw new MalformedProofException(
          "$.path has " + path.size() + " entries; it needs at least one sibling and the root");
    }
    int rootIndex = path.size() - 1;
    JsonNode rootEntry = path.get(rootIndex);
    String rootWhere = "$.path[" + rootIndex + "]";
    int rootType = Json.integer(rootEntry, "type", rootWhere);
    if (rootType != 3) {
      throw new MalformedProofException(
          rootWhere + ".type must be 3, the last entry being the root, was " + rootType);
    }
    // The leaf is at height 1 and every sibling adds one.
    int rootHeight = rootIndex + 1;
    int statedRootHeight = Json.integer(rootEntry, "height", rootWhere);
    if (statedRootHeight != rootHeight) {
      throw new MalformedProofException(
          rootWhere
              + ".height must be "
              + rootHeight
              + " after "
              + rootIndex
              + " steps, was "
              + statedRootHeight,
          rootHeight);
    }
    String publishedRoot = hex(rootEntry, "hash", rootWhere);
    Map<String, String> rootPrinted =
        Json.balancesAsPrinted(rootEntry, "balance", rootWhere, false);
    requireAssets(rootPrinted, assets, rootWhere + ".balance");
    Map<String, BigDecimal> rootTotals = Json.toDecimals(rootPrinted, rootWhere + ".balance");

    List<Sibling> siblings = new ArrayList<>(rootIndex);
    for (int i = 0; i < rootIndex; i++) {
      JsonNode entry = path.get(i);
      String where = "$.path[" + i + "]";
      int height = i + 1;
      int type = Paths.siblingSide(entry, where, height, i == 0, selfType);
      int statedHeight = Json.integer(entry, "height", where);
      if (statedHeight != height) {
        throw new MalformedProofException(
            where
                + ".height must be "
                + height
                + " (the running node's height), was "
                + statedHeight,
            height);
      }
      String hash = hex(entry, "hash", where);
      Map<String, String> printed = Json.balancesAsPrinted(entry, "balance", where, false);
      requireAssets(printed, assets, where + ".balance");
      Map<String, BigDecimal> balances = Json.toDecimals(printed, where + ".balance");
      siblings.add(new Sibling(where, height, type, hash, printed, balances));
      Findings.flagNegatives(balances, where + ".balance", findings);
    }
    Findings.flagNegatives(rootTotals, rootWhere + ".balance", findings);

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
    for (Sibling sibling : siblings) {
      if (sibling.hash().equals(running)
          && (sibling.type() != 2
              || sibling.balances().values().stream().anyMatch(value -> value.signum() != 0))) {
        return notIncluded(
            sibling.height(),
            sibling.where()
                + " copies the running node's hash, so it is padding, which Bybit places on the"
                + " right (type 2) with zero balances",
            user,
            rootTotals,
            publishedRoot,
            findings);
      }
      if (sibling.height() > 1) {
        // A sibling above the leaves is an internal node: its sums are printed fixed8.
        for (String asset : assets) {
          String canonical = Decimals.fixed8(sibling.balances().get(asset));
          if (!sibling.printed().get(asset).equals(canonical)) {
            return notIncluded(
                sibling.height(),
                sibling.where()
                    + ".balance."
                    + asset
                    + " is '"
                    + sibling.printed().get(asset)
                    + "', but Bybit prints that sum with 8 decimals as '"
                    + canonical
                    + "'",
                user,
                rootTotals,
                publishedRoot,
                findings);
          }
        }
      }
      StringBuilder tail = new StringBuilder();
      Map<String, BigDecimal> next = new LinkedHashMap<>();
      for (String asset : assets) {
        BigDecimal sum = sums.get(asset).add(sibling.balances().get(asset));
        next.put(asset, sum);
        tail.append(Decimals.fixed8(sum));
      }
      int parentHeight = sibling.height() + 1;
      String left = sibling.type() == 1 ? sibling.hash() : running;
      String right = sibling.type() == 1 ? running : sibling.hash();
      running = Digests.sha256Hex(left + right + tail + parentHeight);
      sums = next;
    }
    if (!running.equals(publishedRoot)) {
      return notIncluded(
          rootHeight,
          "recomputed root " + running + " != published root " + publishedRoot,
          user,
          rootTotals,
          publishedRoot,
          findings);
    }
    // Bybit prints sums fixed8
    String misprinted =
        misprintedTotal(assets, sums, rootPrinted, Decimals::fixed8, rootWhere + ".balance");
    if (misprinted != null) {
      return notIncluded(rootHeight, misprinted, user, rootTotals, publishedRoot, findings);
    }
    return included(
        "leaf and " + rootIndex + " sums recomputed to the published root (audit " + auditId + ")",
        user,
        rootTotals,
        publishedRoot,
        findings);
  }

  /** A 64-hex digest field. */
  private static String hex(JsonNode parent, String name, String path) {
    String value = Json.text(parent, name, path);
    if (value.length() != DIGEST_HEX || !LOWER_HEX.matcher(value).matches()) {
      throw new MalformedProofException(
          path
              + "."
              + name
              + " must be "
              + DIGEST_HEX
              + " lower-case hex characters, was "
              + Texts.quote(value));
    }
    return value;
  }

  private static void requireAssets(Map<String, String> printed, List<String> assets, String at) {
    if (!printed.keySet().equals(new HashSet<>(assets)) || printed.size() != assets.size()) {
      Set<String> missing = new LinkedHashSet<>(assets);
      missing.removeAll(printed.keySet());
      Set<String> unexpected = new LinkedHashSet<>(printed.keySet());
      unexpected.removeAll(assets);
      throw new MalformedProofException(
          at
              + " must hold exactly the audit's "
              + assets.size()
              + " assets"
              + (missing.isEmpty() ? "" : "; missing " + missing)
              + (unexpected.isEmpty() ? "" : "; unexpected " + unexpected));
    }
  }
}
