package io.cexsafe.por.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.Verdict;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The zk-SNARK proof-of-solvency family (Binance's zkmerkle-proof-of-solvency and Gate's fork): a
 * depth-28 Poseidon Merkle tree over BN254 whose leaves commit to the account's totals and every
 * asset slot. Sums and non-negativity are proven inside the circuit; this scheme checks the user's
 * inclusion path, not the batch proofs.
 */
final class ZkPoseidonScheme extends AbstractScheme {
  static final int DEPTH = 28;
  private static final BigInteger U64 = BigInteger.ONE.shiftLeft(64);
  private static final Pattern CANONICAL_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final JsonFactory STREAMING = new JsonFactory();

  enum Layout {
    /** Gate: equity and debt per slot, 800 slots, fields named as in Gate's user_config. */
    GATE_V1,
    /** Binance Feb 2023 - Sep 2024: equity and debt per slot, 350 slots. */
    BINANCE_V1,
    /** Binance Sep 2024 on: six fields per asset, collateral in the leaf, tiers of 50/500. */
    BINANCE_V2
  }

  private final Layout layout;
  private final Poseidon poseidon;
  private final int slots;

  private ZkPoseidonScheme(
      String id, String description, Set<String> publishers, Layout layout, int slots) {
    super(id, description, ProofStrength.ZK_PROOF_OF_SUMS, publishers, NO_TREE);
    this.layout = layout;
    this.slots = slots;
    this.poseidon = Poseidon.of(1, 12);
  }

  static ZkPoseidonScheme gateV1() {
    return new ZkPoseidonScheme(
        "gate-zk-v1",
        "Gate zk-SNARK proof of solvency: Poseidon/BN254 tree of depth 28, 800 asset slots",
        Set.of("gate"),
        Layout.GATE_V1,
        800);
  }

  static ZkPoseidonScheme binanceV1() {
    return new ZkPoseidonScheme(
        "binance-zk-v1",
        "Binance zk-SNARK proof of solvency v1 (2023-24): Poseidon/BN254, 350 asset slots",
        Set.of("binance"),
        Layout.BINANCE_V1,
        350);
  }

  static ZkPoseidonScheme binanceV2() {
    return new ZkPoseidonScheme(
        "binance-zk-v2",
        "Binance zk-SNARK proof of solvency v2 (2024-): collateral and six fields per asset",
        Set.of("binance"),
        Layout.BINANCE_V2,
        0);
  }

  Poseidon poseidon() {
    return poseidon;
  }

  @Override
  boolean recognises(ProofInput input) {
    JsonNode root = Json.tryParse(input.proof()).orElse(null);
    if (root == null) {
      return false;
    }
    return switch (layout) {
      case GATE_V1 -> root.has("UniqueIdentification") && root.has("MerkleProofEncode");
      case BINANCE_V1 ->
          root.has("AccountIdHash") && root.has("Proof") && !root.has("TotalCollateral");
      case BINANCE_V2 ->
          root.has("AccountIdHash") && root.has("Proof") && root.has("TotalCollateral");
    };
  }

  @Override
  Verdict check(ProofInput input) {
    JsonNode file = Json.parse(input.proof(), input.proofName());
    refuseNegativeNumbers(input.proof());
    boolean gate = layout == Layout.GATE_V1;
    String indexField = gate ? "Arrangement" : "AccountIndex";
    BigInteger index = integer(file, indexField, "$");
    if (index.bitLength() > DEPTH) {
      throw new MalformedProofException("$." + indexField + " does not fit a depth-28 tree");
    }
    BigInteger id = hash(file, gate ? "UniqueIdentification" : "AccountIdHash");
    BigInteger equity = element(file, gate ? "TotalAssetEquity" : "TotalEquity");
    BigInteger debt = element(file, gate ? "TotalAssetDebt" : "TotalDebt");
    BigInteger root = hash(file, gate ? "TreeRootHash" : "Root");
    String siblingsField = gate ? "MerkleProofEncode" : "Proof";
    JsonNode siblingsNode = Json.array(file, siblingsField, "$");
    if (siblingsNode.size() != DEPTH) {
      throw new MalformedProofException(
          "$." + siblingsField + " must have " + DEPTH + " siblings, not " + siblingsNode.size());
    }
    List<BigInteger> siblings = new ArrayList<>();
    for (int i = 0; i < DEPTH; i++) {
      siblings.add(sibling(siblingsNode.get(i), "$." + siblingsField + "[" + i + "]", i));
    }
    JsonNode assets = Json.array(file, assetsField(), "$");
    TreeMap<String, BigDecimal> user = new TreeMap<>();
    user.put("totalEquity", new BigDecimal(equity));
    user.put("totalDebt", new BigDecimal(debt));
    BigInteger leaf;
    if (layout == Layout.BINANCE_V2) {
      BigInteger collateral = element(file, "TotalCollateral");
      user.put("totalCollateral", new BigDecimal(collateral));
      leaf = poseidon.hash(id, equity, debt, collateral, commitmentV2(assets, user));
    } else {
      leaf = poseidon.hash(id, equity, debt, commitmentV1(assets, user));
    }
    List<String> findings = new ArrayList<>();
    findings.add(
        "inclusion path checked; the batch zk proofs of sums and non-negativity are not verified"
            + " here");
    findings.add("amounts are integers as published (scaled by 10^8, or 10^2 for some tokens)");
    if (layout != Layout.GATE_V1) {
      findings.add(
          "Binance's leaf layout is not confirmed by a published vector; a mismatch may be the"
              + " encoding rather than the proof");
    }
    // Never adds anything: a negative amount is not a field-element input (the circuit takes
    // u64 slots and non-negative totals), so refuseNegativeNumbers made it MALFORMED already. Kept
    // so this scheme records negatives the same way as every other scheme if that ever changes.
    Findings.flagNegatives(user, "the user's leaf", findings);
    BigInteger node = leaf;
    for (int i = 0; i < DEPTH; i++) {
      node =
          index.testBit(i)
              ? poseidon.hash(siblings.get(i), node)
              : poseidon.hash(node, siblings.get(i));
    }
    String reached = hex(node);
    // the values were read in their one canonical spelling, so hex(root) is the root as printed
    String rootHex = hex(root);
    if (!node.equals(root)) {
      return notIncluded(
          DEPTH,
          "leaf " + hex(leaf) + " hashes up to " + reached + ", not the root " + rootHex,
          user,
          Map.of(),
          rootHex,
          findings);
    }
    return included(
        "leaf " + hex(leaf) + " and 28 Poseidon siblings reach the root " + reached,
        user,
        Map.of(),
        rootHex,
        findings);
  }

  /** Equity and debt of every slot, packed three u64 per field element. */
  BigInteger commitmentV1(JsonNode assets, Map<String, BigDecimal> user) {
    String path = "$." + assetsField();
    BigInteger[] sequence = new BigInteger[2 * slots];
    java.util.Arrays.fill(sequence, BigInteger.ZERO);
    boolean[] seen = new boolean[slots];
    for (int i = 0; i < assets.size(); i++) {
      String where = path + "[" + i + "]";
      JsonNode asset = assets.get(i);
      int slot = Json.integer(asset, "Index", where);
      if (slot < 0 || slot >= slots || seen[slot]) {
        throw new MalformedProofException(where + ".Index must be a new slot below " + slots);
      }
      seen[slot] = true;
      sequence[2 * slot] = u64(asset, "Equity", where);
      sequence[2 * slot + 1] = u64(asset, "Debt", where);
      user.put("equity[" + slot + "]", new BigDecimal(sequence[2 * slot]));
      user.put("debt[" + slot + "]", new BigDecimal(sequence[2 * slot + 1]));
    }
    return poseidon.hash(pack(List.of(sequence)));
  }

  /** Six fields per asset over the user's tier (50 or 500 assets), zero-padded. */
  BigInteger commitmentV2(JsonNode assets, Map<String, BigDecimal> user) {
    String path = "$." + assetsField();
    int tier = assets.size() <= 50 ? 50 : 500;
    if (assets.size() > tier) {
      throw new MalformedProofException(
          path + " has " + assets.size() + " assets; the largest tier holds 500");
    }
    List<BigInteger> sequence = new ArrayList<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    String[] fields = {"Equity", "Debt", "Loan", "Margin", "PortfolioMargin"};
    for (int i = 0; i < assets.size(); i++) {
      String where = path + "[" + i + "]";
      JsonNode asset = assets.get(i);
      int index = Json.integer(asset, "Index", where);
      if (index < 0 || !seen.add(index)) {
        throw new MalformedProofException(where + ".Index must be a new, non-negative index");
      }
      sequence.add(BigInteger.valueOf(index));
      for (String field : fields) {
        BigInteger value = u64(asset, field, where);
        sequence.add(value);
        user.put(
            field.toLowerCase(java.util.Locale.ROOT) + "[" + index + "]", new BigDecimal(value));
      }
    }
    while (sequence.size() < 6 * tier) {
      sequence.add(BigInteger.ZERO);
    }
    return poseidon.hash(pack(sequence));
  }

  private String assetsField() {
    return layout == Layout.GATE_V1 ? "AssetDetails" : "Assets";
  }

  /** Consecutive triples (a, b, c) as a·2^128 + b·2^64 + c, zero-padded to a multiple of 3. */
  static List<BigInteger> pack(List<BigInteger> sequence) {
    List<BigInteger> packed = new ArrayList<>();
    for (int i = 0; i < sequence.size(); i += 3) {
      BigInteger a = sequence.get(i);
      BigInteger b = i + 1 < sequence.size() ? sequence.get(i + 1) : BigInteger.ZERO;
      BigInteger c = i + 2 < sequence.size() ? sequence.get(i + 2) : BigInteger.ZERO;
      packed.add(a.shiftLeft(128).or(b.shiftLeft(64)).or(c));
    }
    return packed;
  }

  private static BigInteger u64(JsonNode owner, String name, String where) {
    BigInteger value = integer(owner, name, where);
    if (value.compareTo(U64) >= 0) {
      throw new MalformedProofException(where + "." + name + " does not fit 64 bits");
    }
    return value;
  }

  private static BigInteger element(JsonNode owner, String name) {
    BigInteger value = integer(owner, name, "$");
    if (value.compareTo(Poseidon.MODULUS) >= 0) {
      throw new MalformedProofException("$." + name + " is not below the BN254 modulus");
    }
    return value;
  }

  /**
   * A non-negative JSON integer. Both provers write these fields from Go integers ({@code uint64},
   * {@code *big.Int}), which encoding/json prints as bare numbers, so a quoted number is not the
   * exchange's spelling and is refused rather than read (Json.bigInteger would accept "007").
   */
  private static BigInteger integer(JsonNode owner, String name, String where) {
    JsonNode node = Json.field(owner, name, where);
    if (!node.isIntegralNumber()) {
      throw new MalformedProofException(where + "." + name + " must be a JSON integer");
    }
    Decimals.requireShort(node.asText(), where + "." + name);
    BigInteger value = node.bigIntegerValue();
    if (value.signum() < 0) {
      throw new MalformedProofException(where + "." + name + " must not be negative");
    }
    return value;
  }

  /**
   * A 32-byte value printed as hex (account id hash, root). Spec §14.1 gives these as "64 hex" and
   * every published file (Gate's and both Binance samples) prints them as the Go provers write
   * them, hex.EncodeToString of 32 bytes: exactly 64 lower-case digits, leading zeros kept, no
   * "0x". Binance's own user verifier reads them with hex.DecodeString and demands 32 bytes, so a
   * "0x" prefix or a dropped leading zero is refused there too; it would take upper case, which no
   * exchange prints. We refuse every other spelling as MALFORMED rather than normalise it: one root
   * must have one spelling, or a user comparing the reported root with the published one as text
   * would be shown a string the exchange never published.
   */
  private static BigInteger hash(JsonNode owner, String name) {
    String where = "$." + name;
    String text = Json.text(owner, name, "$");
    if (!CANONICAL_HEX.matcher(text).matches()) {
      throw new MalformedProofException(
          where
              + " must be 64 lower-case hex digits without 0x (as the exchange prints it), not \""
              + abbreviate(text)
              + "\"");
    }
    BigInteger value = new BigInteger(text, 16);
    if (value.compareTo(Poseidon.MODULUS) >= 0) {
      throw new MalformedProofException(where + " is not below the BN254 modulus");
    }
    return value;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  private static BigInteger sibling(JsonNode node, String where, int i) {
    if (!node.isTextual()) {
      throw new MalformedProofException(where + " must be a base64 string", i + 1);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(node.textValue());
    } catch (IllegalArgumentException e) {
      throw new MalformedProofException(where + " is not base64", i + 1);
    }
    if (bytes.length != 32) {
      throw new MalformedProofException(where + " must decode to 32 bytes", i + 1);
    }
    if (!Base64.getEncoder().encodeToString(bytes).equals(node.textValue())) {
      // unused low bits in the last character would let two spellings name one sibling
      throw new MalformedProofException(where + " is not canonical base64", i + 1);
    }
    BigInteger value = new BigInteger(1, bytes);
    if (value.compareTo(Poseidon.MODULUS) >= 0) {
      throw new MalformedProofException(where + " is not below the BN254 modulus", i + 1);
    }
    return value;
  }

  /**
   * Refuses every negative JSON number, "-0" included (which the tree model reads as 0), naming its
   * path. The circuit takes u64 slot amounts and non-negative totals, so a printed negative is not
   * an input the exchange could have hashed: MALFORMED, not a finding.
   */
  private static void refuseNegativeNumbers(byte[] proof) {
    try (JsonParser parser = STREAMING.createParser(proof)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token.isNumeric() && parser.getText().startsWith("-")) {
          throw new MalformedProofException(
              path(parser.getParsingContext()) + " must not be negative");
        }
      }
    } catch (IOException e) {
      // Json.parse has read the same bytes already; nothing new to report
    }
  }

  private static String path(JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      path.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
    }
    return path.insert(0, '$').toString();
  }

  static String hex(BigInteger value) {
    String digits = value.toString(16);
    return "0".repeat(64 - digits.length()) + digits;
  }
}
