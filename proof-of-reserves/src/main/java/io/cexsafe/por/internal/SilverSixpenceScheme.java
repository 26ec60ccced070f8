package io.cexsafe.por.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.TreeSource;
import io.cexsafe.por.Verdict;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Silver Sixpence's plain hash tree (Mazars' Dec 2022 reports for Binance, KuCoin and Crypto.com):
 * parents hash the raw bytes of their children, odd nodes are carried up, and nodes carry no sums.
 *
 * <p>Proof file: {@code {root, proofs: [{leaf, path: [{level, sibling, position} | {level,
 * promoted: true}]}]}}, where {@code position} is the running node's side and step {@code i} builds
 * level {@code i + 1} (leaves are level 0); a proof may add the leaf preimage ({@code clientId,
 * salt, auditId, balances}) to have the leaf recomputed. A promoted node is the unpaired last node
 * of its level, so it stays the last (right-hand) node of every level above it, and a path can
 * never end in a promotion. The optional tree file holds rows {@code node,level,child1,child2}
 * ordered by level (the upper levels only may be given); with it every row is checked, each level
 * must pair the nodes of the level below in order, and each path must have the tree's height and
 * meet its rows at the positions its orientation gives.
 */
final class SilverSixpenceScheme extends AbstractScheme {
  /** More steps than this would mean a tree of over 2^62 leaves. */
  static final int MAX_PATH = 62;

  SilverSixpenceScheme() {
    super(
        "silversixpence",
        "Silver Sixpence plain hash tree (Mazars, Dec 2022: Binance, KuCoin, Crypto.com)",
        ProofStrength.HASH_TREE,
        Set.of("crypto-com", "binance", "kucoin"),
        TAKES_TREE);
  }

  @Override
  boolean recognises(ProofInput input) {
    JsonNode root = Json.tryParse(input.proof()).orElse(null);
    return root != null
        && root.path("root").isTextual()
        && root.path("proofs").isArray()
        && !root.has("mode");
  }

  @Override
  Verdict check(ProofInput input) throws IOException {
    JsonNode file = Json.parse(input.proof(), input.proofName());
    String root = Digests.requireHex(Json.text(file, "root", "$"), 64, "$.root");
    JsonNode proofs = Json.array(file, "proofs", "$");
    if (proofs.isEmpty()) {
      throw new MalformedProofException("$.proofs is empty");
    }
    List<String> findings = new ArrayList<>();
    findings.add("nodes carry no sums: the root's totals cannot be checked");
    Map<String, BigDecimal> user = new LinkedHashMap<>();
    List<List<Step>> paths = new ArrayList<>();
    boolean anyPromotion = false;
    Map<String, String> leafPaths = new HashMap<>();
    for (int p = 0; p < proofs.size(); p++) {
      String where = "$.proofs[" + p + "]";
      JsonNode proof = proofs.get(p);
      String leaf = Digests.requireHex(Json.text(proof, "leaf", where), 64, where + ".leaf");
      // one leaf is one user's balances once: listed again it would be counted again
      String earlier = leafPaths.putIfAbsent(leaf, where + ".leaf");
      if (earlier != null) {
        throw new MalformedProofException(
            where + ".leaf repeats " + earlier + " (" + leaf + "); each leaf is listed once");
      }
      if (proof.has("clientId")) {
        Map<String, String> balances = Json.balancesAsPrinted(proof, "balances", where, false);
        String computed =
            Digests.sha256Hex(
                Json.text(proof, "clientId", where)
                    + Json.text(proof, "salt", where)
                    + Json.text(proof, "auditId", where)
                    + leafBalances(balances));
        if (!computed.equals(leaf)) {
          return notIncluded(
              0,
              where + " leaf " + leaf + " is not the hash of its preimage (" + computed + ")",
              user,
              Map.of(),
              root,
              findings);
        }
        Map<String, BigDecimal> own = Json.toDecimals(balances, where + ".balances");
        Findings.flagNegatives(own, where + ".balances", findings);
        own.forEach((asset, value) -> user.merge(asset, value, BigDecimal::add));
      } else {
        findings.add(where + " gives no leaf preimage; the leaf hash is taken as given");
      }
      byte[] running = Digests.unhex(leaf, where + ".leaf");
      JsonNode path = Json.array(proof, "path", where);
      if (path.size() > MAX_PATH) {
        throw new MalformedProofException(
            where + ".path has " + path.size() + " steps; at most " + MAX_PATH + " are accepted");
      }
      List<Step> steps = new ArrayList<>(path.size());
      boolean promotedBelow = false;
      for (int i = 0; i < path.size(); i++) {
        JsonNode step = path.get(i);
        String at = where + ".path[" + i + "]";
        if (!step.isObject()) {
          throw new MalformedProofException(at + " must be an object");
        }
        int level = Json.integer(step, "level", at);
        // levels are consecutive from the leaf's level 0: the i-th step builds level i + 1
        if (level != i + 1) {
          throw new MalformedProofException(
              at + ".level must be " + (i + 1) + ", was " + level, level);
        }
        boolean promoted = false;
        if (step.has("promoted")) {
          JsonNode flag = step.get("promoted");
          if (!flag.isBoolean()) {
            throw new MalformedProofException(at + ".promoted must be true or false", level);
          }
          promoted = flag.booleanValue();
        }
        if (promoted) {
          if (step.has("sibling") || step.has("position")) {
            throw new MalformedProofException(at + " is promoted but names a sibling", level);
          }
          promotedBelow = true;
          anyPromotion = true;
          steps.add(new Step(level, true, false, Digests.hex(running)));
          continue;
        }
        String siblingHex = Json.text(step, "sibling", at);
        if (siblingHex.length() != 64) {
          throw new MalformedProofException(at + ".sibling must be 64 hex", level);
        }
        byte[] sibling = Digests.unhex(siblingHex, at + ".sibling");
        String position = Json.text(step, "position", at);
        boolean right;
        if (position.equals("left")) {
          right = false;
        } else if (position.equals("right")) {
          right = true;
        } else {
          throw new MalformedProofException(at + ".position must be left or right", level);
        }
        // A node is carried up only as the unpaired last node of an odd level; its parents are
        // then the last node of every level above, so it is always the right-hand node.
        if (promotedBelow && !right) {
          throw new MalformedProofException(
              at
                  + ".position is left, but the node was promoted at a lower level, so it is the"
                  + " last node of this level and can only be the right-hand one",
              level);
        }
        running = right ? parent(sibling, running) : parent(running, sibling);
        steps.add(new Step(level, false, right, Digests.hex(running)));
      }
      if (!steps.isEmpty() && steps.get(steps.size() - 1).promoted()) {
        int level = steps.get(steps.size() - 1).level();
        throw new MalformedProofException(
            where
                + ".path ends with a promoted step at level "
                + level
                + ": a node is carried up only from an odd level of three or more nodes, so a"
                + " level with a sibling must follow",
            level);
      }
      if (!Digests.hex(running).equals(root)) {
        return notIncluded(
            steps.size(),
            where + " reaches " + Digests.hex(running) + ", not the root " + root,
            user,
            Map.of(),
            root,
            findings);
      }
      paths.add(steps);
    }
    if (input.tree().isPresent()) {
      Failure failure = checkTree(input.tree().get(), root, paths, findings);
      if (failure != null) {
        return notIncluded(failure.level(), failure.reason(), user, Map.of(), root, findings);
      }
    } else {
      findings.add(
          "no tree file: the path's length is not checked against the tree's height, and in a"
              + " plain hash tree an internal node can pose as a leaf");
      if (anyPromotion) {
        findings.add(
            "no tree file: promoted steps were checked for shape only (never last, right-hand"
                + " above), not that each promoted node was the unpaired last node of its level");
      }
    }
    return included(
        proofs.size() + " inclusion path(s) reach the root " + root,
        user,
        Map.of(),
        root,
        findings);
  }

  /** One step of a path: the level it builds, its kind, and the running node it yields. */
  record Step(int level, boolean promoted, boolean right, String node) {}

  record Failure(Integer level, String reason) {}

  private record Expected(int proof, int level, String node) {}

  /**
   * Checks the tree file and every path against it. Rows are {@code node,level,child1,child2},
   * ordered by level from the lowest one present to the root, and within a level by position. Level
   * {@code L} holds the pairs of level {@code L-1}'s nodes in order; when level {@code L-1} has an
   * odd number of nodes its last one is carried into level {@code L} unchanged (no row). Pass 1
   * checks every hash and counts rows per level; the counts fix, top-down, where levels are odd.
   * Pass 2 streams the file twice side by side to check that each level's children are the nodes of
   * the level below, in order, and that each path's nodes are the rows at the positions its
   * orientation gives. Memory is independent of the tree's size.
   */
  private static Failure checkTree(
      TreeSource tree, String root, List<List<Step>> paths, List<String> findings)
      throws IOException {
    List<Long> counts = new ArrayList<>();
    int base = -1;
    int top = -1;
    String topNode = null;
    try (RowCursor rows = new RowCursor(tree)) {
      String[] cells;
      while ((cells = rows.next()) != null) {
        String at = "tree line " + rows.number();
        int level = Integer.parseInt(cells[1]);
        if (level == 0) {
          return new Failure(0, at + " has level 0, which is the leaves' level");
        }
        byte[] computed =
            parent(
                Digests.unhex(cells[2], at + " child1"), Digests.unhex(cells[3], at + " child2"));
        if (!Arrays.equals(Digests.unhex(cells[0], at + " node"), computed)) {
          return new Failure(level, at + " (level " + level + ") is not the hash of its children");
        }
        if (base < 0) {
          base = level;
          top = level;
          counts.add(1L);
        } else if (level == top) {
          counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
        } else if (level == top + 1) {
          top = level;
          counts.add(1L);
        } else {
          return new Failure(
              level,
              at
                  + " has level "
                  + level
                  + " after level "
                  + top
                  + "; rows must be ordered by level with no level missing");
        }
        topNode = cells[0];
      }
    }
    if (base < 0) {
      throw new MalformedProofException("the tree file has no rows");
    }
    int height = top - base + 1;
    long[] rowCount = new long[height];
    for (int j = 0; j < height; j++) {
      rowCount[j] = counts.get(j);
    }
    if (rowCount[height - 1] != 1 || !topNode.equals(root)) {
      return new Failure(
          top, "the tree file's top level " + top + " is not the single root " + root);
    }
    // carried[j] = 1 when level base+j-1 has an odd number of nodes, its last carried into base+j
    int[] carried = new int[height];
    for (int j = height - 1; j > 0; j--) {
      long below = 2 * rowCount[j] + carried[j];
      long carry = below - rowCount[j - 1];
      if (carry != 0 && carry != 1) {
        return new Failure(
            base + j - 1,
            "the tree file's level "
                + (base + j - 1)
                + " has "
                + rowCount[j - 1]
                + " rows, but level "
                + (base + j)
                + " pairs "
                + below
                + " nodes of it");
      }
      carried[j - 1] = (int) carry;
    }
    // each path, top-down: the root is node 0 of the top level
    Map<Integer, Map<Long, List<Expected>>> expected = new HashMap<>();
    for (int p = 0; p < paths.size(); p++) {
      List<Step> steps = paths.get(p);
      String where = "$.proofs[" + p + "].path";
      if (steps.size() != top) {
        return new Failure(
            steps.size(),
            where
                + " has "
                + steps.size()
                + " levels, but the tree's root is at level "
                + top
                + ": the leaf is not a node of the tree's leaf level");
      }
      long index = 0;
      for (int level = top; level >= 1; level--) {
        Step step = steps.get(level - 1);
        int j = level - base;
        if (step.promoted()) {
          if (j >= 0 && (index != rowCount[j] || carried[j] != 1)) {
            return new Failure(
                level,
                where
                    + "["
                    + (level - 1)
                    + "] is promoted at level "
                    + level
                    + ", but in the tree that node is not the unpaired last node of level "
                    + (level - 1));
          }
          index = 2 * index;
        } else {
          if (j >= 0) {
            if (index >= rowCount[j]) {
              return new Failure(
                  level,
                  where
                      + "["
                      + (level - 1)
                      + "] pairs two nodes at level "
                      + level
                      + ", but in the tree that node is carried up unpaired");
            }
            expected
                .computeIfAbsent(level, k -> new HashMap<>())
                .computeIfAbsent(index, k -> new ArrayList<>())
                .add(new Expected(p, level, step.node()));
          }
          index = 2 * index + (step.right() ? 1 : 0);
        }
      }
    }
    try (RowCursor rows = new RowCursor(tree);
        RowCursor below = new RowCursor(tree)) {
      // the carried (unpaired last) node of the level below the current one; null when it lies
      // below the lowest level in the file and so is unknown until it is paired
      String carryBelow = null;
      for (int j = 0; j < height; j++) {
        int level = base + j;
        long belowTaken = 0;
        Map<Long, List<Expected>> atLevel = expected.getOrDefault(level, Map.of());
        for (long k = 0; k < rowCount[j]; k++) {
          String[] row = rows.nextOfLevel(level);
          for (Expected e : atLevel.getOrDefault(k, List.of())) {
            if (!e.node().equals(row[0])) {
              return new Failure(
                  level,
                  "$.proofs["
                      + e.proof()
                      + "].path["
                      + (level - 1)
                      + "] builds "
                      + e.node()
                      + ", but node "
                      + k
                      + " of level "
                      + level
                      + " in the tree is "
                      + row[0]
                      + " (tree line "
                      + rows.number()
                      + ")");
            }
          }
          if (j == 0) {
            continue;
          }
          for (int c = 2; c <= 3; c++) {
            String node;
            if (belowTaken < rowCount[j - 1]) {
              node = below.nextOfLevel(level - 1)[0];
              belowTaken++;
            } else {
              node = carryBelow; // the carried node; checked by position only when unknown
            }
            if (node != null && !node.equals(row[c])) {
              return new Failure(
                  level,
                  "tree line "
                      + rows.number()
                      + " (level "
                      + level
                      + "): child "
                      + (c - 1)
                      + " is not node "
                      + (2 * k + c - 2)
                      + " of level "
                      + (level - 1)
                      + "; a level's rows must pair the nodes of the level below, in order");
            }
          }
        }
        if (carried[j] == 1) {
          if (j == 0) {
            carryBelow = null;
          } else if (belowTaken < rowCount[j - 1]) {
            carryBelow = below.nextOfLevel(level - 1)[0];
          }
          // otherwise the level below's own carried node moves up again
        } else {
          carryBelow = null;
        }
      }
    }
    findings.add(
        "every row of the tree file is the hash of its two children, and each level's rows pair"
            + " the nodes of the level below in order");
    if (base == 1) {
      findings.add(
          "each path was matched against the tree from its leaf (one of "
              + (2 * rowCount[0] + carried[0])
              + " leaves) to the root");
    } else {
      findings.add(
          "the tree file starts at level "
              + base
              + ": each path was matched against it from level "
              + base
              + " to the root; its leaf and steps at levels 1-"
              + (base - 1)
              + " (promotions included) were not checked against the tree");
    }
    return null;
  }

  /** The data rows of a tree file, in order; blank lines and a header are skipped. */
  private static final class RowCursor implements Closeable {
    private final LineReader reader;
    private long number;

    RowCursor(TreeSource tree) throws IOException {
      this.reader = LineReader.open(tree, 0);
    }

    long number() {
      return number;
    }

    String[] next() throws IOException {
      String line;
      while ((line = reader.nextString()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("node,")) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length != 4 || !cells[1].matches("[0-9]{1,4}")) {
          throw new MalformedProofException("tree line " + number + " must be node,level,c1,c2");
        }
        for (int c : new int[] {0, 2, 3}) {
          Digests.requireHex(cells[c], 64, "tree line " + number);
        }
        return cells;
      }
      return null;
    }

    String[] nextOfLevel(int level) throws IOException {
      String[] cells = next();
      if (cells == null || Integer.parseInt(cells[1]) != level) {
        throw new MalformedProofException("the tree file changed while it was read");
      }
      return cells;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  static byte[] parent(byte[] left, byte[] right) {
    var sha256 = Digests.sha256();
    sha256.update(left);
    sha256.update(right);
    return sha256.digest();
  }

  static String leafBalances(Map<String, String> balances) {
    StringBuilder text = new StringBuilder();
    balances.forEach(
        (asset, value) -> {
          if (text.length() > 0) {
            text.append('|');
          }
          text.append(asset).append('=').append(value);
        });
    return text.toString();
  }
}
