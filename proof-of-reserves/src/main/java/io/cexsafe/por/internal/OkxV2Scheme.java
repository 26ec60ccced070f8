package io.cexsafe.por.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.TreeSource;
import io.cexsafe.por.Verdict;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OKX Merkle-sum tree v2 (Mar - Apr 2023): a user's balance is split over several leaves and the
 * complete liabilities tree is published. OKX's own validator only looks the user's leaves up at
 * height 1; this scheme also recomputes every internal node and every sum of the tree file.
 */
final class OkxV2Scheme extends AbstractScheme {

  OkxV2Scheme() {
    super(
        "okx-v2",
        "OKX Merkle-sum tree v2 (2023): split user leaves, full liabilities tree checked node by"
            + " node",
        ProofStrength.SUM_TREE_FULL_TREE_PUBLISHED,
        Set.of("okx"),
        TAKES_TREE);
  }

  @Override
  boolean recognises(ProofInput input) {
    JsonNode root = Json.tryParse(input.proof()).orElse(null);
    return root != null
        && root.has("nonce")
        && root.has("totalBalances")
        && root.path("nodes").isArray();
  }

  @Override
  Verdict check(ProofInput input) throws IOException {
    JsonNode root = Json.parse(input.proof(), input.proofName());
    String nonce = Digests.requireHex(Json.text(root, "nonce", "$"), 64, "$.nonce");
    String selfHash = Digests.requireHex(Json.text(root, "hash", "$"), 64, "$.hash");
    Map<String, String> totalPrinted =
        okxBalances(Json.balancesAsPrinted(root, "totalBalances", "$", false), "$.totalBalances");
    Map<String, BigDecimal> user = Json.toDecimals(totalPrinted, "$.totalBalances");
    JsonNode nodes = Json.array(root, "nodes", "$");
    if (nodes.isEmpty()) {
      throw new MalformedProofException("$.nodes must list the user's leaves");
    }
    TreeSource tree =
        input
            .tree()
            .orElseThrow(
                () ->
                    new MalformedProofException(
                        "okx-v2 needs the full liabilities tree file beside the user file"));
    List<String> findings = new ArrayList<>();

    String computedSelf = Digests.sha256Hex(nonce + Okx.json(totalPrinted));
    if (!computedSelf.equals(selfHash)) {
      return notIncluded(
          1,
          "selfHash " + computedSelf + " recomputed from nonce and total balances != " + selfHash,
          user,
          Map.of(),
          "",
          findings);
    }
    Map<String, Map<String, String>> leaves = new LinkedHashMap<>();
    Map<String, BigDecimal> leafSum = new LinkedHashMap<>();
    Okx.ASSETS.forEach(asset -> leafSum.put(asset, BigDecimal.ZERO));
    for (int i = 0; i < nodes.size(); i++) {
      String where = "$.nodes[" + i + "]";
      JsonNode node = nodes.get(i);
      Map<String, String> printed =
          okxBalances(Json.balancesAsPrinted(node, "balances", where, false), where + ".balances");
      String hash = Digests.requireHex(Json.text(node, "hash", where), 64, where + ".hash");
      String computed = Digests.sha256Hex(selfHash + String.join("", printed.values()));
      if (!computed.equals(hash)) {
        return notIncluded(
            1,
            where + " hash " + hash + " is not sha256(selfHash ‖ balances) = " + computed,
            user,
            Map.of(),
            "",
            findings);
      }
      if (leaves.put(hash, printed) != null) {
        throw new MalformedProofException(where + " repeats a leaf of the user");
      }
      printed.forEach(
          (asset, value) ->
              leafSum.merge(asset, Decimals.parse(value, where + "." + asset), BigDecimal::add));
    }
    for (String asset : Okx.ASSETS) {
      if (leafSum.get(asset).compareTo(user.get(asset)) != 0) {
        return notIncluded(
            1,
            "the user's leaves add up to "
                + leafSum.get(asset).toPlainString()
                + " "
                + asset
                + ", not the stated total "
                + totalPrinted.get(asset),
            user,
            Map.of(),
            "",
            findings);
      }
    }
    OkxTreeVerifier.Result result = OkxTreeVerifier.verify(tree, leaves);
    if (!result.problems().isEmpty()) {
      findings.addAll(result.problems());
    }
    Map<String, BigDecimal> rootTotals = result.rootTotals();
    if (result.failure() != null) {
      return notIncluded(
          result.failureHeight(), result.failure(), user, rootTotals, result.rootHash(), findings);
    }
    return included(
        "selfHash, "
            + leaves.size()
            + " user leaves and all "
            + result.internalNodes()
            + " internal nodes of the "
            + result.lines()
            + "-line tree recomputed; root "
            + result.rootHash(),
        user,
        rootTotals,
        result.rootHash(),
        findings);
  }

  private static Map<String, String> okxBalances(Map<String, String> printed, String where) {
    if (!printed.keySet().equals(new java.util.HashSet<>(Okx.ASSETS))) {
      throw new MalformedProofException(where + " must hold exactly " + Okx.ASSETS);
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    Okx.ASSETS.forEach(asset -> ordered.put(asset, printed.get(asset)));
    return ordered;
  }
}
