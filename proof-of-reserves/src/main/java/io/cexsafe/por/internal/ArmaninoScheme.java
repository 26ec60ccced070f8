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

/**
 * The Armanino / The Network Firm generator (Kraken 2022, Gate 2020-22): 64-bit leaves, a
 * merkletreejs SHA-256 tree over raw bytes with odd nodes carried up, no sums. Two generator modes
 * hash the leaf differently. No published sample exists; the proof file is cexsafe's JSON shaped
 * after a merkletreejs proof: {@code {mode, uid, balances, root, proof: [{position, data}]}}, where
 * {@code position} is the sibling's side, as merkletreejs reports it.
 */
final class ArmaninoScheme extends AbstractScheme {
  private final boolean concatenate;

  private ArmaninoScheme(String id, String description, boolean concatenate) {
    super(id, description, ProofStrength.HASH_TREE, Set.of("kraken", "gate"), NO_TREE);
    this.concatenate = concatenate;
  }

  static ArmaninoScheme defaultMode() {
    return new ArmaninoScheme(
        "armanino",
        "Armanino / The Network Firm generator, default mode: sha256(uid) and sha256(balances)",
        false);
  }

  static ArmaninoScheme concatenateMode() {
    return new ArmaninoScheme(
        "armanino-concatenate",
        "Armanino / The Network Firm generator, --concatenate mode: 'uid,TOKEN:bal,…'",
        true);
  }

  private String mode() {
    return concatenate ? "concatenate" : "default";
  }

  @Override
  boolean recognises(ProofInput input) {
    JsonNode root = Json.tryParse(input.proof()).orElse(null);
    return root != null
        && root.has("uid")
        && root.path("proof").isArray()
        && mode().equals(root.path("mode").asText());
  }

  @Override
  Verdict check(ProofInput input) {
    JsonNode file = Json.parse(input.proof(), input.proofName());
    if (!mode().equals(Json.text(file, "mode", "$"))) {
      throw new MalformedProofException("$.mode must be '" + mode() + "' for " + id());
    }
    String uid = Json.text(file, "uid", "$");
    Map<String, String> printed = Json.balancesAsPrinted(file, "balances", "$", false);
    if (printed.isEmpty()) {
      throw new MalformedProofException("$.balances is empty");
    }
    printed.forEach(
        (asset, value) -> {
          if (!generatorNumber(new BigDecimal(value)).equals(value)) {
            throw new MalformedProofException(
                "$.balances."
                    + asset
                    + " is "
                    + Texts.quote(value)
                    + ", but the generator hashes balances as it prints them: trailing zeros"
                    + " trimmed, whole numbers with '.0' ("
                    + Texts.quote(generatorNumber(new BigDecimal(value)))
                    + ")");
          }
        });
    Map<String, BigDecimal> user = Json.toDecimals(printed, "$.balances");
    String root = Digests.requireHex(Json.text(file, "root", "$"), 64, "$.root");
    List<String> findings = new ArrayList<>();
    findings.add("leaves are truncated to 64 bits (16 hex) and nodes carry no sums");
    findings.add("leaf encoding follows the generator's documentation; no published sample");
    Findings.flagNegatives(user, "$.balances", findings);

    String leaf = leafAsPrinted(uid, printed);
    if (file.has("leaf") && !leaf.equals(Json.text(file, "leaf", "$"))) {
      return notIncluded(
          0,
          "leaf "
              + leaf
              + " recomputed from uid and balances != stated "
              + Texts.quote(Json.text(file, "leaf", "$")),
          user,
          Map.of(),
          root,
          findings);
    }
    byte[] running = Digests.unhex(leaf, "leaf");
    JsonNode proof = Json.array(file, "proof", "$");
    for (int i = 0; i < proof.size(); i++) {
      String where = "$.proof[" + i + "]";
      JsonNode step = proof.get(i);
      String data = Json.text(step, "data", where);
      if (data.length() != 16 && data.length() != 64) {
        throw new MalformedProofException(where + ".data must be a 16- or 64-hex node", i + 1);
      }
      byte[] sibling = Digests.unhex(data, where + ".data");
      String position = Json.text(step, "position", where);
      if (position.equals("left")) {
        running = SilverSixpenceScheme.parent(sibling, running);
      } else if (position.equals("right")) {
        running = SilverSixpenceScheme.parent(running, sibling);
      } else {
        throw new MalformedProofException(where + ".position must be left or right", i + 1);
      }
    }
    if (!Digests.hex(running).equals(root)) {
      return notIncluded(
          proof.size(),
          "the path reaches " + Digests.hex(running) + ", not the root " + root,
          user,
          Map.of(),
          root,
          findings);
    }
    return included(
        "leaf and " + proof.size() + " siblings reach the root " + root,
        user,
        Map.of(),
        root,
        findings);
  }

  /**
   * The leaf of a generator that printed {@code balances} with {@link #generatorNumber}; used to
   * build test trees as the generator does.
   */
  String leaf(String uid, Map<String, BigDecimal> balances) {
    Map<String, String> printed = new LinkedHashMap<>();
    balances.forEach((asset, value) -> printed.put(asset, generatorNumber(value)));
    return leafAsPrinted(uid, printed);
  }

  /**
   * The leaf over the balances exactly as printed (spec §16.2: leaf values are never re-formatted).
   * The generator formats each balance before hashing it (spec §3 and §12: trailing zeros trimmed,
   * whole numbers forced to one decimal), so the strings it hashed are always in that form; {@link
   * #check} refuses a printed value in any other form as malformed rather than hashing or
   * re-formatting it, since such a string cannot be what the generator hashed.
   */
  String leafAsPrinted(String uid, Map<String, String> balances) {
    if (concatenate) {
      StringBuilder text = new StringBuilder(uid);
      balances.forEach((asset, value) -> text.append(',').append(asset).append(':').append(value));
      return Digests.sha256Hex(text.toString()).substring(0, 16);
    }
    StringBuilder amounts = new StringBuilder();
    balances.values().forEach(amounts::append);
    return Digests.sha256Hex(Digests.sha256Hex(uid) + Digests.sha256Hex(amounts.toString()))
        .substring(0, 16);
  }

  /** The generator trims trailing zeros and prints whole numbers with one decimal: 5 → "5.0". */
  static String generatorNumber(BigDecimal value) {
    String plain = Decimals.plain(value);
    return plain.contains(".") ? plain : plain + ".0";
  }
}
