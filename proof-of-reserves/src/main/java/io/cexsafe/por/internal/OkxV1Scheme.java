package io.cexsafe.por.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** OKX Merkle-sum tree, format v1 (Nov 2022 - Mar 2023): one leaf per user, path to the root. */
final class OkxV1Scheme extends AbstractScheme {

  OkxV1Scheme() {
    super(
        "okx-v1",
        "OKX Merkle-sum tree v1 (2022-23): path proof with BTC/ETH/USDT sums and heights",
        ProofStrength.SUM_TREE,
        Set.of("okx"),
        NO_TREE);
  }

  @Override
  boolean recognises(ProofInput input) {
    JsonNode root = Json.tryParse(input.proof()).orElse(null);
    if (root == null || !root.path("path").isArray()) {
      return false;
    }
    JsonNode self = root.path("self");
    return self.has("nonce") && self.has("balances") && self.has("height") && self.has("type");
  }

  @Override
  Verdict check(ProofInput input) {
    JsonNode root = Json.parse(input.proof(), input.proofName());
    JsonNode self = Json.object(root, "self", "$");
    String auditId = Json.text(self, "auditId", "$.self");
    String nonce = Digests.requireHex(Json.text(self, "nonce", "$.self"), 64, "$.self.nonce");
    Map<String, String> leafPrinted = Okx.balances(self, "$.self");
    String leafHash = Digests.requireHex(Json.text(self, "hash", "$.self"), 64, "$.self.hash");
    int selfType = Json.integer(self, "type", "$.self");
    if (selfType != 1 && selfType != 2) {
      throw new MalformedProofException(
          "$.self.type must be 1 (left) or 2 (right), was " + selfType, 1);
    }
    if (Json.integer(self, "height", "$.self") != 1) {
      throw new MalformedProofException("$.self.height must be 1 for a leaf", 1);
    }
    JsonNode path = Json.array(root, "path", "$");
    if (path.size() < 2) {
      throw new MalformedProofException("$.path needs at least one sibling and the root");
    }
    Map<String, BigDecimal> user = Json.toDecimals(leafPrinted, "$.self.balances");
    String rootWhere = "$.path[" + (path.size() - 1) + "]";
    JsonNode rootEntry = path.get(path.size() - 1);
    Map<String, String> rootPrinted = Okx.balances(rootEntry, rootWhere);
    Map<String, BigDecimal> rootTotals = Json.toDecimals(rootPrinted, rootWhere + ".balances");
    String publishedRoot =
        Digests.requireHex(Json.text(rootEntry, "hash", rootWhere), 64, rootWhere + ".hash");
    List<String> findings = new ArrayList<>();
    Findings.flagNegatives(user, "$.self.balances", findings);

    String computedLeaf = Digests.sha256Hex(nonce + Okx.json(leafPrinted));
    if (!computedLeaf.equals(leafHash)) {
      return notIncluded(
          1,
          "leaf hash " + computedLeaf + " recomputed from nonce and balances != stated " + leafHash,
          user,
          rootTotals,
          publishedRoot,
          findings);
    }
    String running = computedLeaf;
    Map<String, BigDecimal> sums = user;
    int height = 1;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonNode entry = path.get(i);
      String where = "$.path[" + i + "]";
      if (!auditId.equals(Json.text(entry, "auditId", where))) {
        throw new MalformedProofException(where + ".auditId differs from $.self.auditId", height);
      }
      int type = Json.integer(entry, "type", where);
      if (type != 1 && type != 2 && type != 4) {
        throw new MalformedProofException(
            where + ".type must be 1, 2 or 4 below the root, was " + type, height);
      }
      if (Json.integer(entry, "height", where) != height) {
        throw new MalformedProofException(
            where + ".height must be " + height + " (the running node's height)", height);
      }
      // The sibling's type fixes the leaf's side: padding (type 4) is put on the right, so the
      // leaf is then a left child; a real sibling sits on the other side.
      int expectedSelfType = type == 1 ? 2 : 1;
      if (i == 0 && selfType != expectedSelfType) {
        return notIncluded(
            height,
            "$.self.type is "
                + selfType
                + " but $.path[0].type "
                + type
                + (type == 4 ? " (padding, on the right)" : "")
                + " puts the leaf on the "
                + (expectedSelfType == 1 ? "left (type 1)" : "right (type 2)"),
            user,
            rootTotals,
            publishedRoot,
            findings);
      }
      String sibling = Digests.requireHex(Json.text(entry, "hash", where), 64, where + ".hash");
      Map<String, String> siblingPrinted = Okx.balances(entry, where);
      Map<String, BigDecimal> siblingBalances =
          Json.toDecimals(siblingPrinted, where + ".balances");
      Findings.flagNegatives(siblingBalances, where + ".balances", findings);
      if (height > 1) {
        for (String asset : Okx.ASSETS) {
          String canonical = Decimals.plain8down(siblingBalances.get(asset));
          if (!canonical.equals(siblingPrinted.get(asset))) {
            return notIncluded(
                height,
                where
                    + ".balances."
                    + asset
                    + " is '"
                    + siblingPrinted.get(asset)
                    + "', not the sum as the format prints it ('"
                    + canonical
                    + "')",
                user,
                rootTotals,
                publishedRoot,
                findings);
          }
        }
      }
      if (type == 4) {
        if (!Okx.allZero(siblingBalances) || !sibling.equals(running)) {
          return notIncluded(
              height,
              where
                  + " is padding (type 4) but its hash and balances are not a zero-balance copy"
                  + " of the running node",
              user,
              rootTotals,
              publishedRoot,
              findings);
        }
      } else if (sibling.equals(running)) {
        // pairing a node with its own copy is what padding is; as a left or right sibling it
        // would let the padding's type be changed without changing any hash
        return notIncluded(
            height,
            where
                + ".hash is the running node itself, but only padding (type 4) is a copy of it;"
                + " type was "
                + type,
            user,
            rootTotals,
            publishedRoot,
            findings);
      } else if (entry.has("nonce")) {
        String siblingNonce =
            Digests.requireHex(Json.text(entry, "nonce", where), 64, where + ".nonce");
        String siblingLeaf = Digests.sha256Hex(siblingNonce + Okx.json(siblingPrinted));
        if (height != 1 || !siblingLeaf.equals(sibling)) {
          return notIncluded(
              height,
              where
                  + ".hash is not the leaf its nonce and balances give"
                  + (height != 1 ? " (only the leaf's sibling, at height 1, is a leaf)" : ""),
              user,
              rootTotals,
              publishedRoot,
              findings);
        }
      }
      Map<String, String> sumPrinted = new LinkedHashMap<>();
      Map<String, BigDecimal> nextSums = new LinkedHashMap<>();
      for (String asset : Okx.ASSETS) {
        String printed = Decimals.plain8down(sums.get(asset).add(siblingBalances.get(asset)));
        sumPrinted.put(asset, printed);
        nextSums.put(asset, new BigDecimal(printed));
      }
      height++;
      String left = type == 1 ? sibling : running;
      String right = type == 1 ? running : sibling;
      running = Digests.sha256Hex(left + right + String.join("", sumPrinted.values()) + height);
      sums = nextSums;
    }
    if (Json.integer(rootEntry, "type", rootWhere) != 3) {
      throw new MalformedProofException(
          rootWhere + ".type must be 3: the last entry is the root", height);
    }
    if (Json.integer(rootEntry, "height", rootWhere) != height) {
      throw new MalformedProofException(
          rootWhere + ".height must be " + height + " after " + (path.size() - 1) + " steps",
          height);
    }
    if (!auditId.equals(Json.text(rootEntry, "auditId", rootWhere))) {
      throw new MalformedProofException(rootWhere + ".auditId differs from $.self.auditId", height);
    }
    Findings.flagNegatives(rootTotals, rootWhere + ".balances", findings);
    if (!running.equals(publishedRoot)) {
      return notIncluded(
          height,
          "recomputed root " + running + " != published root " + publishedRoot,
          user,
          rootTotals,
          publishedRoot,
          findings);
    }
    String misprinted =
        misprintedTotal(
            Okx.ASSETS, sums, rootPrinted, Decimals::plain8down, rootWhere + ".balances");
    if (misprinted != null) {
      return notIncluded(height, misprinted, user, rootTotals, publishedRoot, findings);
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
}
