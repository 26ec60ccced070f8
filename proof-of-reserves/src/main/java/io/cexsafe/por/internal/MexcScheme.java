package io.cexsafe.por.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * MEXC's Merkle-sum tree: 128-bit truncated digests, comma-separated preimages with sorted {@code
 * SYM:amount} lists, siblings keyed by level, and empty siblings hashed as the empty string.
 */
final class MexcScheme extends AbstractScheme {
  private static final int DIGEST_HEX = 32;

  /**
   * The highest root level a proof may state: a tree of 64 levels holds 2^64 accounts, more than
   * any exchange can have, so a larger level is not a proof but a request to loop.
   */
  static final int MAX_ROOT_LEVEL = 64;

  private static final List<String> ZERO_FILLED = List.of("BTC", "USDT", "ETH", "USDC");
  private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]*");

  /** One {@code pathList} entry below the root, checked for shape, with its JSON path. */
  private record Sibling(
      String where,
      int type,
      String hash,
      TreeMap<String, String> printed,
      Map<String, BigDecimal> balances) {
    boolean empty() {
      return hash.isEmpty();
    }
  }

  MexcScheme() {
    super(
        "mexc",
        "MEXC Merkle-sum tree (2025): 32-hex digests, level-keyed path, empty siblings",
        ProofStrength.SUM_TREE,
        Set.of("mexc"),
        NO_TREE);
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
    int selfLevel = Json.integer(self, "level", "$.self");
    if (selfLevel != 0) {
      throw new MalformedProofException(
          "$.self.level must be 0 for a leaf, was " + selfLevel, selfLevel);
    }
    int selfType = Json.integer(self, "type", "$.self");
    if (selfType != 1 && selfType != 2) {
      throw new MalformedProofException(
          "$.self.type must be 1 (left) or 2 (right), was " + selfType, 0);
    }
    String leafHash = hex(self, "hash", "$.self", false);
    TreeMap<String, String> leafPrinted =
        new TreeMap<>(Json.balancesAsPrinted(self, "balances", "$.self", false));
    Map<String, BigDecimal> user = Json.toDecimals(leafPrinted, "$.self.balances");

    JsonNode pathList = Json.array(root, "pathList", "$");
    if (pathList.isEmpty()) {
      throw new MalformedProofException("$.pathList is empty; it must end with the root (type 3)");
    }
    int rootIndex = pathList.size() - 1;
    JsonNode rootEntry = pathList.get(rootIndex);
    String rootWhere = "$.pathList[" + rootIndex + "]";
    int rootType = Json.integer(rootEntry, "type", rootWhere);
    if (rootType != 3) {
      throw new MalformedProofException(
          rootWhere + ".type must be 3, the last entry being the root, was " + rootType);
    }
    // Bound the level before anything is sized or looped by it.
    int rootLevel = Json.integer(rootEntry, "level", rootWhere);
    if (rootLevel < 1 || rootLevel > MAX_ROOT_LEVEL) {
      throw new MalformedProofException(
          rootWhere
              + ".level must be between 1 and "
              + MAX_ROOT_LEVEL
              + " (a tree of "
              + MAX_ROOT_LEVEL
              + " levels holds 2^64 accounts), was "
              + rootLevel);
    }
    if (rootIndex > rootLevel) {
      throw new MalformedProofException(
          "$.pathList has "
              + rootIndex
              + " entries below the root, but the root's level "
              + rootLevel
              + " leaves room for at most "
              + rootLevel);
    }
    String publishedRoot = hex(rootEntry, "hash", rootWhere, false);
    TreeMap<String, String> rootPrinted =
        new TreeMap<>(Json.balancesAsPrinted(rootEntry, "balances", rootWhere, false));
    Map<String, BigDecimal> rootTotals = Json.toDecimals(rootPrinted, rootWhere + ".balances");

    List<String> findings = new ArrayList<>();
    findings.add("digests are truncated to 128 bits (32 hex)");
    Findings.flagNegatives(user, "$.self.balances", findings);

    Sibling[] siblings = new Sibling[rootLevel];
    for (int i = 0; i < rootIndex; i++) {
      JsonNode entry = pathList.get(i);
      String where = "$.pathList[" + i + "]";
      int level = Json.integer(entry, "level", where);
      if (level < 0 || level >= rootLevel) {
        throw new MalformedProofException(
            where
                + ".level must be between 0 and "
                + (rootLevel - 1)
                + " (below the root's level), was "
                + level);
      }
      if (siblings[level] != null) {
        throw new MalformedProofException(
            where + ".level " + level + " repeats " + siblings[level].where() + ".level", level);
      }
      int type = Paths.siblingSide(entry, where, level, level == 0, selfType);
      String hash = hex(entry, "hash", where, true);
      TreeMap<String, String> printed =
          new TreeMap<>(Json.balancesAsPrinted(entry, "balances", where, false));
      Map<String, BigDecimal> balances = Json.toDecimals(printed, where + ".balances");
      if (hash.isEmpty()) {
        if (balances.values().stream().anyMatch(value -> value.signum() != 0)) {
          throw new MalformedProofException(
              where + ".balances must be zero for an empty sibling (hash \"\")", level);
        }
        if (level > 0 && type == 1) {
          throw new MalformedProofException(
              where + ".type 1 puts an empty sibling (hash \"\") on the left; it is always right",
              level);
        }
      }
      siblings[level] = new Sibling(where, type, hash, printed, balances);
      Findings.flagNegatives(balances, where + ".balances", findings);
    }
    if (selfType == 2 && (siblings[0] == null || siblings[0].empty())) {
      throw new MalformedProofException(
          "$.self.type 2 puts the leaf right of an empty sibling at level 0 ("
              + (siblings[0] == null
                  ? "no entry has level 0"
                  : siblings[0].where() + ".hash is \"\"")
              + "); an empty sibling is always on the right",
          0);
    }
    Findings.flagNegatives(rootTotals, rootWhere + ".balances", findings);

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
      Sibling entry = siblings[level];
      boolean empty = entry == null || entry.empty();
      boolean runningLeft = level == 0 ? selfType == 1 : entry == null || entry.type() != 1;
      TreeMap<String, BigDecimal> siblingBalances =
          entry == null ? new TreeMap<>() : new TreeMap<>(entry.balances());
      if (!empty && level > 0) {
        // A sibling above the leaves is an internal node: its sums are printed `plain`.
        for (Map.Entry<String, String> printed : entry.printed().entrySet()) {
          String canonical = Decimals.plain(siblingBalances.get(printed.getKey()));
          if (!printed.getValue().equals(canonical)) {
            return notIncluded(
                level,
                entry.where()
                    + ".balances."
                    + printed.getKey()
                    + " is '"
                    + printed.getValue()
                    + "', but MEXC prints that sum as '"
                    + canonical
                    + "'",
                user,
                rootTotals,
                publishedRoot,
                findings);
          }
        }
      }
      TreeMap<String, BigDecimal> next = new TreeMap<>(runningLeft ? sums : siblingBalances);
      if (!empty) {
        ZERO_FILLED.forEach(asset -> next.putIfAbsent(asset, BigDecimal.ZERO));
        (runningLeft ? siblingBalances : sums)
            .forEach((asset, value) -> next.merge(asset, value, BigDecimal::add));
      }
      String sibling = entry == null ? "" : entry.hash();
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
    // MEXC prints sums `plain`
    String misprinted =
        misprintedTotal(sums.keySet(), sums, rootPrinted, Decimals::plain, rootWhere + ".balances");
    if (misprinted != null) {
      return notIncluded(rootLevel, misprinted, user, rootTotals, publishedRoot, findings);
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

  /** A 32-hex digest field (or, where allowed, the empty string of an empty sibling). */
  private static String hex(JsonNode parent, String name, String path, boolean emptyAllowed) {
    String value = Json.text(parent, name, path);
    if (emptyAllowed && value.isEmpty()) {
      return value;
    }
    if (value.length() != DIGEST_HEX || !LOWER_HEX.matcher(value).matches()) {
      throw new MalformedProofException(
          path
              + "."
              + name
              + " must be "
              + DIGEST_HEX
              + " lower-case hex characters"
              + (emptyAllowed ? " or \"\" (an empty sibling)" : "")
              + ", was "
              + Texts.quote(value));
    }
    return value;
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
