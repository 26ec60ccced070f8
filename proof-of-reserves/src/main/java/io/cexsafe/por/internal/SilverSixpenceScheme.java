package io.cexsafe.por.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.TreeSource;
import io.cexsafe.por.Verdict;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Silver Sixpence's plain hash tree (Mazars' Dec 2022 reports for Binance, KuCoin and Crypto.com):
 * parents hash the raw bytes of their children, odd nodes are carried up, and nodes carry no sums.
 *
 * <p>Proof file: {@code {root, proofs: [{leaf, path: [{level, sibling, position} | {level,
 * promoted: true}]}]}}, where {@code position} is the running node's side; a proof may add the leaf
 * preimage ({@code clientId, salt, auditId, balances}) to have the leaf recomputed. The optional
 * tree file holds rows {@code node,level,child1,child2} ordered by level; each row is checked, and
 * above the lowest level present each row must sit one level above its left child.
 */
final class SilverSixpenceScheme extends AbstractScheme {

  SilverSixpenceScheme() {
    super(
        "silversixpence",
        "Silver Sixpence plain hash tree (Mazars, Dec 2022: Binance, KuCoin, Crypto.com)",
        ProofStrength.HASH_TREE);
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
    for (int p = 0; p < proofs.size(); p++) {
      String where = "$.proofs[" + p + "]";
      JsonNode proof = proofs.get(p);
      String leaf = Digests.requireHex(Json.text(proof, "leaf", where), 64, where + ".leaf");
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
        Json.toDecimals(balances, where + ".balances")
            .forEach((asset, value) -> user.merge(asset, value, BigDecimal::add));
      } else {
        findings.add(where + " gives no leaf preimage; the leaf hash is taken as given");
      }
      byte[] running = Digests.unhex(leaf, where + ".leaf");
      JsonNode path = Json.array(proof, "path", where);
      int level = 0;
      for (int i = 0; i < path.size(); i++) {
        JsonNode step = path.get(i);
        String at = where + ".path[" + i + "]";
        int stepLevel = Json.integer(step, "level", at);
        if (stepLevel != level + 1) {
          throw new MalformedProofException(
              at + ".level must be " + (level + 1) + ", was " + stepLevel, stepLevel);
        }
        level = stepLevel;
        if (step.path("promoted").asBoolean(false)) {
          if (step.has("sibling") || step.has("position")) {
            throw new MalformedProofException(at + " is promoted but names a sibling", level);
          }
          continue;
        }
        byte[] sibling = Digests.unhex(Json.text(step, "sibling", at), at + ".sibling");
        if (sibling.length != 32) {
          throw new MalformedProofException(at + ".sibling must be 64 hex", level);
        }
        String position = Json.text(step, "position", at);
        if (position.equals("left")) {
          running = parent(running, sibling);
        } else if (position.equals("right")) {
          running = parent(sibling, running);
        } else {
          throw new MalformedProofException(at + ".position must be left or right", level);
        }
      }
      if (!Digests.hex(running).equals(root)) {
        return notIncluded(
            level,
            where + " reaches " + Digests.hex(running) + ", not the root " + root,
            user,
            Map.of(),
            root,
            findings);
      }
    }
    if (input.tree().isPresent()) {
      String failure = checkTree(input.tree().get(), root);
      if (failure != null) {
        return notIncluded(null, failure, user, Map.of(), root, findings);
      }
      findings.add("every row of the tree file is the hash of its two children");
    }
    return included(
        proofs.size() + " inclusion path(s) reach the root " + root,
        user,
        Map.of(),
        root,
        findings);
  }

  private static String checkTree(TreeSource tree, String root) throws IOException {
    int topLevel = -1;
    String topNode = null;
    int topCount = 0;
    int baseLevel = -1;
    // node -> level of every row, to check that levels are consistent with the hashes
    Map<String, Integer> levels = new java.util.HashMap<>();
    try (LineReader reader = LineReader.open(tree, 0)) {
      String line;
      long number = 0;
      while ((line = reader.nextString()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("node,")) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length != 4 || !cells[1].matches("[0-9]{1,4}")) {
          throw new MalformedProofException("tree line " + number + " must be node,level,c1,c2");
        }
        byte[] node = Digests.unhex(cells[0], "tree line " + number);
        byte[] computed =
            parent(
                Digests.unhex(cells[2], "tree line " + number),
                Digests.unhex(cells[3], "tree line " + number));
        int level = Integer.parseInt(cells[1]);
        if (!Arrays.equals(node, computed)) {
          return "tree line " + number + " (level " + level + ") is not the hash of its children";
        }
        if (level < topLevel) {
          return "tree line "
              + number
              + " has level "
              + level
              + " after level "
              + topLevel
              + "; rows must be ordered by level";
        }
        if (baseLevel < 0) {
          baseLevel = level;
        }
        if (level > baseLevel) {
          // the left child is a node of the level below; the right one may have been carried up
          // from lower down (or be a leaf carried all the way)
          Integer left = levels.get(cells[2]);
          Integer right = levels.get(cells[3]);
          if (left == null || left != level - 1 || (right != null && right >= level)) {
            return "tree line "
                + number
                + " (level "
                + level
                + ") does not sit one level above"
                + " its left child";
          }
        } else if (level == 0) {
          return "tree line " + number + " has level 0, which is the leaves' level";
        }
        levels.put(cells[0], level);
        if (level > topLevel) {
          topLevel = level;
          topNode = cells[0];
          topCount = 1;
        } else if (level == topLevel) {
          topCount++;
        }
      }
    }
    if (topNode == null) {
      throw new MalformedProofException("the tree file has no rows");
    }
    if (topCount != 1 || !topNode.equals(root)) {
      return "the tree file's top level " + topLevel + " is not the single root " + root;
    }
    return null;
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
