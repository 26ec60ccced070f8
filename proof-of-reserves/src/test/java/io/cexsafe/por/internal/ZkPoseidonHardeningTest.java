package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.ProofVerifier;
import io.cexsafe.por.Verdict;
import io.cexsafe.por.VerificationStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tampering with generated zk proofs (gate-zk-v1, binance-zk-v1, binance-zk-v2) field kind by field
 * kind, and the exact JSON path in every MALFORMED message. One verification hashes a few hundred
 * field elements (Gate's 800 slots about 0.1 s on a loaded machine), so every balance digit is
 * changed but orientation bits, siblings and hash characters are sampled.
 */
class ZkPoseidonHardeningTest {
  private static final ProofVerifier VERIFIER = ProofVerifier.standard();
  private static final Map<String, String> BUILT = new ConcurrentHashMap<>();

  /** The names one format gives its fields. */
  private record Format(
      String id,
      ZkPoseidonScheme.Layout layout,
      int seed,
      String index,
      String accountId,
      String root,
      String siblings,
      String assets,
      Set<String> balances) {}

  // seeds chosen so the root starts with a 0 (to drop it) and the user holds one asset, which has
  // every amount field of the format (each of its digits is changed, so more assets cost time)
  private static Format format(String id) {
    return switch (id) {
      case "gate-zk-v1" ->
          new Format(
              id,
              ZkPoseidonScheme.Layout.GATE_V1,
              29,
              "Arrangement",
              "UniqueIdentification",
              "TreeRootHash",
              "MerkleProofEncode",
              "AssetDetails",
              Set.of("TotalAssetEquity", "TotalAssetDebt", "Index", "Equity", "Debt"));
      case "binance-zk-v1" ->
          new Format(
              id,
              ZkPoseidonScheme.Layout.BINANCE_V1,
              3,
              "AccountIndex",
              "AccountIdHash",
              "Root",
              "Proof",
              "Assets",
              Set.of("TotalEquity", "TotalDebt", "Index", "Equity", "Debt"));
      case "binance-zk-v2" ->
          new Format(
              id,
              ZkPoseidonScheme.Layout.BINANCE_V2,
              2,
              "AccountIndex",
              "AccountIdHash",
              "Root",
              "Proof",
              "Assets",
              Set.of(
                  "TotalEquity",
                  "TotalDebt",
                  "TotalCollateral",
                  "Index",
                  "Equity",
                  "Debt",
                  "Loan",
                  "Margin",
                  "PortfolioMargin"));
      default -> throw new IllegalArgumentException(id);
    };
  }

  private static String proof(Format format) {
    return BUILT.computeIfAbsent(
        format.id(),
        id -> {
          ZkPoseidonScheme scheme = (ZkPoseidonScheme) VERIFIER.scheme(id).orElseThrow();
          return Generators.zk(new Random(format.seed()), scheme, format.layout()).proof();
        });
  }

  private static ObjectNode tree(String json) {
    try {
      return (ObjectNode) Generators.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Verdict verify(Format format, String json) {
    return VERIFIER.verify(format.id(), ProofInput.of("generated", json));
  }

  private static String edited(Format format, Consumer<ObjectNode> edit) {
    ObjectNode file = tree(proof(format));
    edit.accept(file);
    return Generators.json(file);
  }

  private static void assertNotIncluded(Format format, String json, String what) {
    Verdict verdict = verify(format, json);
    assertThat(verdict.status())
        .as("%s %s: %s", format.id(), what, verdict.reason())
        .isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(verdict.breakingLevel()).isEqualTo(ZkPoseidonScheme.DEPTH);
  }

  private static Verdict assertMalformed(Format format, String json, String messageStart) {
    Verdict verdict = verify(format, json);
    assertThat(verdict.status())
        .as("%s: %s", format.id(), verdict.reason())
        .isEqualTo(VerificationStatus.MALFORMED);
    assertThat(verdict.reason()).startsWith(messageStart);
    return verdict;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gate-zk-v1", "binance-zk-v1", "binance-zk-v2"})
  void generatedProofIsIncludedWithTheRootAsPrinted(String id) {
    Format format = format(id);
    Verdict verdict = verify(format, proof(format));
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.rootHash()).isEqualTo(tree(proof(format)).get(format.root()).textValue());
  }

  /** Every digit of every amount and asset index of the user's leaf, one at a time. */
  @ParameterizedTest
  @ValueSource(strings = {"gate-zk-v1", "binance-zk-v1", "binance-zk-v2"})
  void everyBalanceDigitChangeIsRejected(String id) {
    Format format = format(id);
    String proof = proof(format);
    Set<String> others =
        Set.of(format.index(), format.accountId(), format.root(), format.siblings());
    List<Tamper.Change> changes = Tamper.jsonValueChanges(proof, others);
    // every balance field is in the sample: one field per asset and kind, plus the totals
    Set<String> touched = new java.util.HashSet<>();
    for (Tamper.Change change : changes) {
      Verdict verdict = verify(format, change.text());
      assertThat(verdict.status())
          .as("%s %s: %s", id, change.describe(), verdict.reason())
          .isNotEqualTo(VerificationStatus.INCLUDED);
      touched.add(fieldAt(proof, change.position()));
    }
    assertThat(touched).isEqualTo(format.balances());
  }

  /** The name of the JSON field whose value holds a position of the pretty-printed proof. */
  private static String fieldAt(String json, int position) {
    int colon = json.lastIndexOf("\" : ", position);
    int open = json.lastIndexOf('"', colon - 1);
    return json.substring(open + 1, colon);
  }

  /** Index bits choose left or right at each level: flipping any of them moves the leaf. */
  @ParameterizedTest
  @ValueSource(strings = {"gate-zk-v1", "binance-zk-v1", "binance-zk-v2"})
  void everySampledOrientationChangeIsRejected(String id) {
    Format format = format(id);
    long index = tree(proof(format)).get(format.index()).longValue();
    // each check is slow: the bits of the generator's 64-leaf subtree, the first bit above it (an
    // empty subtree on either side) and the top one
    List<Integer> bits = List.of(0, 1, 2, 3, 4, 5, 6, 27);
    for (int bit : bits) {
      long moved = index ^ (1L << bit);
      assertNotIncluded(
          format, edited(format, file -> file.put(format.index(), moved)), "index bit " + bit);
    }
    assertMalformed(
        format,
        edited(format, file -> file.put(format.index(), index | (1L << ZkPoseidonScheme.DEPTH))),
        "$." + format.index() + " does not fit a depth-28 tree");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gate-zk-v1", "binance-zk-v1", "binance-zk-v2"})
  void addingOrRemovingALevelIsRejected(String id) {
    Format format = format(id);
    String message = "$." + format.siblings() + " must have 28 siblings, not ";
    assertMalformed(
        format,
        edited(format, file -> ((ArrayNode) file.get(format.siblings())).remove(0)),
        message + "27");
    assertMalformed(
        format,
        edited(format, file -> ((ArrayNode) file.get(format.siblings())).remove(27)),
        message + "27");
    assertMalformed(
        format,
        edited(
            format,
            file -> {
              ArrayNode siblings = (ArrayNode) file.get(format.siblings());
              siblings.add(siblings.get(27).textValue());
            }),
        message + "29");
    assertMalformed(
        format,
        edited(
            format,
            file -> {
              ArrayNode siblings = (ArrayNode) file.get(format.siblings());
              siblings.insert(0, siblings.get(0).textValue());
            }),
        message + "29");
  }

  /** One character of every fourth level's sibling (from a random first one), root and id. */
  @ParameterizedTest
  @ValueSource(strings = {"gate-zk-v1", "binance-zk-v1", "binance-zk-v2"})
  void siblingRootAndIdChangesAreRejected(String id) {
    Format format = format(id);
    Random random = new Random(format.seed());
    int step = 4;
    for (int level = random.nextInt(step); level < ZkPoseidonScheme.DEPTH; level += step) {
      int at = level;
      String sibling = tree(proof(format)).get(format.siblings()).get(at).textValue();
      // a change inside the first 42 characters keeps the base64 canonical (the last one has
      // unused bits); the value moves to another field element or past the modulus
      int position = random.nextInt(42);
      String changed = changeAt(sibling, position);
      Verdict verdict =
          verify(
              format,
              edited(format, file -> ((ArrayNode) file.get(format.siblings())).set(at, changed)));
      assertThat(verdict.status())
          .as("level %d: %s", at, verdict.reason())
          .isNotEqualTo(VerificationStatus.INCLUDED);
      if (verdict.status() == VerificationStatus.MALFORMED) {
        assertThat(verdict.reason())
            .startsWith("$." + format.siblings() + "[" + at + "] is not below the BN254 modulus");
      }
    }
    String root = tree(proof(format)).get(format.root()).textValue();
    for (int position : List.of(1, 63, 2 + random.nextInt(61))) {
      assertNotIncluded(
          format,
          edited(format, file -> file.put(format.root(), changeAt(root, position))),
          "root character " + position);
    }
    String account = tree(proof(format)).get(format.accountId()).textValue();
    for (int position : List.of(63, 2 + random.nextInt(61))) {
      assertNotIncluded(
          format,
          edited(format, file -> file.put(format.accountId(), changeAt(account, position))),
          "account id character " + position);
    }
  }

  private static String changeAt(String text, int position) {
    char[] chars = text.toCharArray();
    char bumped = Tamper.bump(chars[position]);
    chars[position] = bumped != chars[position] ? bumped : chars[position] == '+' ? '/' : '+';
    return new String(chars);
  }

  /**
   * The root and the account id are printed as 64 lower-case hex digits (spec §14.1; all published
   * files): "0x", upper case and a dropped leading zero spell the same number differently and were
   * INCLUDED, reporting the variant as the root.
   */
  @ParameterizedTest
  @ValueSource(strings = {"gate-zk-v1", "binance-zk-v1", "binance-zk-v2"})
  void nonCanonicalHexIsMalformedWithItsPath(String id) {
    Format format = format(id);
    String root = tree(proof(format)).get(format.root()).textValue();
    assertThat(root).startsWith("0");
    String path = "$." + format.root() + " must be 64 lower-case hex digits without 0x";
    for (String variant :
        List.of(
            "0x" + root,
            root.toUpperCase(Locale.ROOT),
            root.substring(1),
            "0x" + root.substring(1).toUpperCase(Locale.ROOT),
            root + "0",
            " " + root)) {
      Verdict verdict =
          assertMalformed(format, edited(format, file -> file.put(format.root(), variant)), path);
      assertThat(verdict.rootHash()).isEmpty();
    }
    String account = tree(proof(format)).get(format.accountId()).textValue();
    String accountPath = "$." + format.accountId() + " must be 64 lower-case hex digits";
    for (String variant :
        List.of("0x" + account, account.toUpperCase(Locale.ROOT), "0xabc", account.substring(1))) {
      assertMalformed(
          format, edited(format, file -> file.put(format.accountId(), variant)), accountPath);
    }
    String modulus = ZkPoseidonScheme.hex(Poseidon.MODULUS);
    assertMalformed(
        format,
        edited(format, file -> file.put(format.root(), modulus)),
        "$." + format.root() + " is not below the BN254 modulus");
  }

  /** The reviewer's repro: Gate slot 900 was reported at "$.assets[0].Index". */
  @ParameterizedTest
  @ValueSource(strings = {"gate-zk-v1", "binance-zk-v1", "binance-zk-v2"})
  void assetErrorsNameTheRealPath(String id) {
    Format format = format(id);
    String assets = "$." + format.assets();
    if (format.layout() != ZkPoseidonScheme.Layout.BINANCE_V2) {
      int slots = format.layout() == ZkPoseidonScheme.Layout.GATE_V1 ? 800 : 350;
      assertMalformed(
          format,
          edited(format, file -> asset(file, format, 0).put("Index", slots + 100)),
          assets + "[0].Index must be a new slot below " + slots);
    }
    assertMalformed(
        format,
        edited(
            format,
            file -> {
              ArrayNode list = (ArrayNode) file.get(format.assets());
              list.add(list.get(0).deepCopy());
            }),
        assets + "[" + (tree(proof(format)).get(format.assets()).size()) + "].Index must be a new");
    assertMalformed(
        format,
        edited(format, file -> asset(file, format, 0).put("Index", -1)),
        assets + "[0].Index must not be negative");
    assertMalformed(
        format,
        edited(format, file -> asset(file, format, 0).remove("Debt")),
        assets + "[0].Debt is missing");
    assertMalformed(
        format,
        edited(format, file -> asset(file, format, 0).put("Equity", BigInteger.ONE.shiftLeft(64))),
        assets + "[0].Equity does not fit 64 bits");
    assertMalformed(
        format,
        edited(format, file -> asset(file, format, 0).put("Equity", "777")),
        assets + "[0].Equity must be a JSON integer");
    assertMalformed(
        format,
        edited(format, file -> asset(file, format, 0).put("Debt", new java.math.BigDecimal("1.5"))),
        assets + "[0].Debt must be a JSON integer");
    if (format.layout() == ZkPoseidonScheme.Layout.BINANCE_V2) {
      assertMalformed(
          format,
          edited(
              format,
              file -> {
                ArrayNode list = (ArrayNode) file.get(format.assets());
                for (int i = list.size(); i <= 500; i++) {
                  list.add(((ObjectNode) list.get(0).deepCopy()).put("Index", 1000 + i));
                }
              }),
          assets + " has 501 assets; the largest tier holds 500");
    }
  }

  private static ObjectNode asset(ObjectNode file, Format format, int i) {
    return (ObjectNode) file.get(format.assets()).get(i);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gate-zk-v1", "binance-zk-v1", "binance-zk-v2"})
  void siblingErrorsNameTheRealPath(String id) {
    Format format = format(id);
    String path = "$." + format.siblings() + "[3]";
    for (Map.Entry<String, String> bad :
        Map.of(
                "AA==", " must decode to 32 bytes",
                "not base64!", " is not base64",
                "KFOq270G3rXWoTidI6if9HZYqvSkWyh+z9Yt8ZK9kaR=", " is not canonical base64")
            .entrySet()) {
      Verdict verdict =
          assertMalformed(
              format,
              edited(
                  format, file -> ((ArrayNode) file.get(format.siblings())).set(3, bad.getKey())),
              path + bad.getValue());
      assertThat(verdict.breakingLevel()).isEqualTo(4);
    }
    assertMalformed(
        format,
        edited(format, file -> ((ArrayNode) file.get(format.siblings())).set(3, 7)),
        path + " must be a base64 string");
  }

  /**
   * A negative amount cannot be a circuit input (u64 slots, non-negative totals), so it is
   * MALFORMED at its path, "-0" included, rather than a finding.
   */
  @ParameterizedTest
  @ValueSource(strings = {"gate-zk-v1", "binance-zk-v1", "binance-zk-v2"})
  void negativeAmountsAreMalformedAtTheirPath(String id) {
    Format format = format(id);
    List<String> totals = new ArrayList<>();
    for (String field : format.balances()) {
      if (field.startsWith("Total")) {
        totals.add(field);
      }
    }
    for (String total : totals) {
      assertMalformed(
          format,
          edited(format, file -> file.put(total, -5)),
          "$." + total + " must not be negative");
    }
    for (String field : List.of("Equity", "Debt")) {
      assertMalformed(
          format,
          edited(format, file -> asset(file, format, 0).put(field, -1)),
          "$." + format.assets() + "[0]." + field + " must not be negative");
    }
    // Jackson reads -0 as 0; the text is still a negative spelling the exchange never prints
    String json = edited(format, file -> asset(file, format, 0).put("Debt", 424242));
    assertMalformed(
        format,
        json.replace("424242", "-0"),
        "$." + format.assets() + "[0].Debt must not be negative");
    assertMalformed(
        format,
        edited(format, file -> file.put(format.index(), -1)),
        "$." + format.index() + " must not be negative");
  }

  @Test
  void gateRootIsReportedExactlyAsPrinted() {
    Format format = format("gate-zk-v1");
    Verdict verdict = verify(format, proof(format));
    assertThat(verdict.rootHash()).matches("0[0-9a-f]{63}");
  }
}
