package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.ProofVerifier;
import io.cexsafe.por.TreeSource;
import io.cexsafe.por.Verdict;
import io.cexsafe.por.VerificationStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Silver Sixpence paths must have the tree's shape (consecutive levels, promotions only of an odd
 * level's last node, the tree's height when the tree is given) and Armanino balances are hashed as
 * the generator prints them, never re-formatted.
 */
class SilverSixpenceArmaninoHardeningTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final ProofVerifier verifier = ProofVerifier.standard();

  // ------------------------------------------------------------ a Silver Sixpence tree builder

  /** Every level of a Silver Sixpence tree, leaves first, built as the generator does. */
  private static List<List<byte[]>> levels(int leafCount) {
    List<List<byte[]>> levels = new ArrayList<>();
    List<byte[]> level = new ArrayList<>();
    for (int i = 0; i < leafCount; i++) {
      level.add(Digests.sha256().digest(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
    }
    levels.add(level);
    while (level.size() > 1) {
      List<byte[]> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        next.add(
            i + 1 == level.size()
                ? level.get(i)
                : SilverSixpenceScheme.parent(level.get(i), level.get(i + 1)));
      }
      levels.add(next);
      level = next;
    }
    return levels;
  }

  /** Rows {@code node,level,c1,c2} of the levels from {@code fromLevel} up. */
  private static String tree(List<List<byte[]>> levels, int fromLevel) {
    StringBuilder tree = new StringBuilder("node,level,child1,child2\n");
    for (int l = Math.max(1, fromLevel); l < levels.size(); l++) {
      List<byte[]> below = levels.get(l - 1);
      for (int i = 0; i + 1 < below.size(); i += 2) {
        tree.append(Digests.hex(levels.get(l).get(i / 2))).append(',').append(l).append(',');
        tree.append(Digests.hex(below.get(i))).append(',').append(Digests.hex(below.get(i + 1)));
        tree.append('\n');
      }
    }
    return tree.toString();
  }

  private static ObjectNode sibling(int level, byte[] sibling, boolean right) {
    return NODES
        .objectNode()
        .put("level", level)
        .put("sibling", Digests.hex(sibling))
        .put("position", right ? "right" : "left");
  }

  private static ObjectNode promoted(int level) {
    return NODES.objectNode().put("level", level).put("promoted", true);
  }

  /** The true path of leaf {@code index}. */
  private static ArrayNode path(List<List<byte[]>> levels, int index) {
    ArrayNode path = NODES.arrayNode();
    for (int l = 0; l + 1 < levels.size(); l++) {
      List<byte[]> level = levels.get(l);
      int other = index ^ 1;
      if (other >= level.size()) {
        path.add(promoted(l + 1));
      } else {
        path.add(sibling(l + 1, level.get(other), index % 2 == 1));
      }
      index /= 2;
    }
    return path;
  }

  private static String file(List<List<byte[]>> levels, byte[] leaf, ArrayNode path) {
    ObjectNode proof = NODES.objectNode().put("leaf", Digests.hex(leaf));
    proof.set("path", path);
    ObjectNode file = NODES.objectNode();
    file.put("root", Digests.hex(levels.get(levels.size() - 1).get(0)));
    file.set("proofs", NODES.arrayNode().add(proof));
    return file.toString();
  }

  private Verdict ss(String proof, String treeOrNull) {
    byte[] bytes = proof.getBytes(StandardCharsets.UTF_8);
    ProofInput input =
        treeOrNull == null
            ? ProofInput.of("proof", bytes)
            : ProofInput.of(
                "proof", bytes, "tree", TreeSource.of(treeOrNull.getBytes(StandardCharsets.UTF_8)));
    return verifier.verify("silversixpence", input);
  }

  private static void rejected(Verdict verdict) {
    assertThat(verdict.status()).as(verdict.reason()).isNotEqualTo(VerificationStatus.INCLUDED);
  }

  private static void accepted(Verdict verdict) {
    assertThat(verdict.status()).as(verdict.reason()).isEqualTo(VerificationStatus.INCLUDED);
  }

  // ------------------------------------------------------------ Silver Sixpence: valid paths

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 5, 6, 7, 11, 13})
  void everyLeafOfOddAndEvenTreesVerifiesWithAndWithoutTheTree(int leafCount) {
    List<List<byte[]>> levels = levels(leafCount);
    String tree = tree(levels, 1);
    for (int i = 0; i < leafCount; i++) {
      String proof = file(levels, levels.get(0).get(i), path(levels, i));
      accepted(ss(proof, null));
      Verdict withTree = ss(proof, tree);
      accepted(withTree);
      assertThat(withTree.findings()).anyMatch(f -> f.contains("from its leaf (one of"));
      // only the upper levels published, as in the reference sample
      Verdict upper = ss(proof, tree(levels, levels.size() - 2));
      accepted(upper);
    }
  }

  @Test
  void aPartialTreeSaysWhichLevelsWereNotChecked() {
    List<List<byte[]>> levels = levels(13);
    Verdict verdict = ss(file(levels, levels.get(0).get(12), path(levels, 12)), tree(levels, 3));
    accepted(verdict);
    assertThat(verdict.findings())
        .anyMatch(f -> f.contains("starts at level 3") && f.contains("levels 1-2"));
  }

  // ------------------------------------------------------------ Silver Sixpence: reviewer repros

  @Test
  void extraPromotedStepsAreRefused() {
    // 4 leaves; the path of leaf 0 padded with promotions, as in the reviewer's repro
    List<List<byte[]>> levels = levels(4);
    ArrayNode path = NODES.arrayNode();
    path.add(sibling(1, levels.get(0).get(1), false));
    path.add(promoted(2));
    path.add(sibling(3, levels.get(1).get(1), false));
    path.add(promoted(4));
    path.add(promoted(5));
    String proof = file(levels, levels.get(0).get(0), path);
    for (String tree : new String[] {null, tree(levels, 1)}) {
      Verdict verdict = ss(proof, tree);
      assertThat(verdict.status()).isEqualTo(VerificationStatus.MALFORMED);
      assertThat(verdict.reason()).startsWith("$.proofs[0].path[2].position is left");
    }
  }

  @Test
  void aPathCannotEndInPromotions() {
    List<List<byte[]>> levels = levels(4);
    ArrayNode path = path(levels, 3);
    path.add(promoted(3));
    Verdict verdict = ss(file(levels, levels.get(0).get(3), path), null);
    assertThat(verdict.status()).isEqualTo(VerificationStatus.MALFORMED);
    assertThat(verdict.reason())
        .startsWith("$.proofs[0].path ends with a promoted step at level 3");
    // promotions only
    ArrayNode only = NODES.arrayNode().add(promoted(1)).add(promoted(2));
    byte[] root = levels.get(2).get(0);
    assertThat(ss(file(levels, root, only), null).status()).isEqualTo(VerificationStatus.MALFORMED);
  }

  @Test
  void anInternalNodePosingAsALeafIsCaughtByTheTree() {
    List<List<byte[]>> levels = levels(4);
    ArrayNode path = NODES.arrayNode().add(sibling(1, levels.get(1).get(1), false));
    String proof = file(levels, levels.get(1).get(0), path);
    Verdict withTree = ss(proof, tree(levels, 1));
    assertThat(withTree.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(withTree.reason()).contains("has 1 levels, but the tree's root is at level 2");
    // without the tree a plain hash tree cannot tell; the verdict says so
    Verdict without = ss(proof, null);
    accepted(without);
    assertThat(without.findings()).anyMatch(f -> f.contains("internal node can pose as a leaf"));
  }

  @Test
  void aPromotionMovedToAnotherLevelIsCaughtByTheTree() {
    // 7 leaves: leaf 6 is promoted at level 1, then paired with node 2 of level 1.
    List<List<byte[]>> levels = levels(7);
    String tree = tree(levels, 1);
    byte[] leaf = levels.get(0).get(6);
    // same hashes, promotion claimed at level 2 instead of level 1
    ArrayNode moved = NODES.arrayNode();
    moved.add(sibling(1, levels.get(1).get(2), true));
    moved.add(promoted(2));
    moved.add(sibling(3, levels.get(2).get(0), true));
    String proof = file(levels, leaf, moved);
    Verdict without = ss(proof, null);
    accepted(without);
    assertThat(without.findings())
        .anyMatch(f -> f.contains("promoted steps were checked for shape"));
    Verdict withTree = ss(proof, tree);
    assertThat(withTree.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(withTree.reason())
        .contains("$.proofs[0].path[1] is promoted at level 2")
        .contains("not the unpaired last node of level 1");
    assertThat(withTree.breakingLevel()).isEqualTo(2);
    // and a pairing claimed where the tree carries the node up
    List<List<byte[]>> six = levels(6);
    ArrayNode paired = NODES.arrayNode();
    paired.add(promoted(1));
    paired.add(sibling(2, six.get(0).get(4), true));
    paired.add(sibling(3, six.get(2).get(0), true));
    String sixProof = file(six, six.get(0).get(5), paired);
    accepted(ss(sixProof, null));
    Verdict sixTree = ss(sixProof, tree(six, 1));
    assertThat(sixTree.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(sixTree.reason()).contains("$.proofs[0].path[1] pairs two nodes at level 2");
  }

  @Test
  void rowsOutOfOrderWithinALevelAreRefused() {
    List<List<byte[]>> levels = levels(8);
    String[] lines = tree(levels, 1).split("\n");
    // lines[1] and lines[2] are the first two rows of level 1: swap them
    String swapped = lines[1];
    lines[1] = lines[2];
    lines[2] = swapped;
    String tree = String.join("\n", lines) + "\n";
    Verdict verdict = ss(file(levels, levels.get(0).get(7), path(levels, 7)), tree);
    assertThat(verdict.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(verdict.reason()).contains("must pair the nodes of the level below");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"yes\"", "\"true\"", "1", "0", "null", "{}"})
  void promotedMustBeAJsonBoolean(String value) {
    List<List<byte[]>> levels = levels(5);
    String proof =
        file(levels, levels.get(0).get(4), path(levels, 4))
            .replaceFirst("\"promoted\":true", "\"promoted\":" + value);
    Verdict verdict = ss(proof, null);
    assertThat(verdict.status()).isEqualTo(VerificationStatus.MALFORMED);
    assertThat(verdict.reason()).isEqualTo("$.proofs[0].path[0].promoted must be true or false");
  }

  @Test
  void promotedFalseIsAnOrdinaryStep() {
    List<List<byte[]>> levels = levels(4);
    ArrayNode path = path(levels, 2);
    ((ObjectNode) path.get(0)).put("promoted", false);
    accepted(ss(file(levels, levels.get(0).get(2), path), tree(levels, 1)));
  }

  // ------------------------------------------------------------ Silver Sixpence: tampering

  @Test
  void silverSixpenceTampering() throws Exception {
    Generators.Built built = Generators.silverSixpence(new Random(7), 11);
    accepted(ss(built.proof(), built.tree()));
    ObjectNode good = (ObjectNode) MAPPER.readTree(built.proof());
    ObjectNode proof = (ObjectNode) good.get("proofs").get(0);
    ArrayNode path = (ArrayNode) proof.get("path");
    int firstSibling = 0;
    while (path.get(firstSibling).has("promoted")) {
      firstSibling++;
    }
    List<String> tampered = new ArrayList<>();
    // a changed balance digit
    ObjectNode digit = good.deepCopy();
    ObjectNode balances = (ObjectNode) digit.get("proofs").get(0).get("balances");
    String btc = balances.get("BTC").textValue();
    balances.put("BTC", btc.replaceFirst("[0-9]", btc.charAt(0) == '9' ? "8" : "9"));
    tampered.add(digit.toString());
    // a changed hash character in a sibling
    ObjectNode hash = good.deepCopy();
    ObjectNode step = (ObjectNode) hash.get("proofs").get(0).get("path").get(firstSibling);
    String sib = step.get("sibling").textValue();
    step.put("sibling", (sib.charAt(0) == 'a' ? "b" : "a") + sib.substring(1));
    tampered.add(hash.toString());
    // the opposite orientation, a valid word
    ObjectNode side = good.deepCopy();
    ObjectNode flip = (ObjectNode) side.get("proofs").get(0).get("path").get(firstSibling);
    flip.put("position", flip.get("position").textValue().equals("left") ? "right" : "left");
    tampered.add(side.toString());
    // a changed level number
    ObjectNode level = good.deepCopy();
    ObjectNode last = (ObjectNode) lastStep(level);
    last.put("level", last.get("level").intValue() + 1);
    tampered.add(level.toString());
    // an added sibling step and an added promoted step at the top
    ObjectNode added = good.deepCopy();
    int height = path.size();
    ((ArrayNode) added.get("proofs").get(0).get("path"))
        .add(sibling(height + 1, new byte[32], false));
    tampered.add(added.toString());
    ObjectNode addedPromotion = good.deepCopy();
    ((ArrayNode) addedPromotion.get("proofs").get(0).get("path")).add(promoted(height + 1));
    tampered.add(addedPromotion.toString());
    // a removed last step, and a removed first step
    ObjectNode removedLast = good.deepCopy();
    ((ArrayNode) removedLast.get("proofs").get(0).get("path")).remove(height - 1);
    tampered.add(removedLast.toString());
    ObjectNode removedFirst = good.deepCopy();
    ((ArrayNode) removedFirst.get("proofs").get(0).get("path")).remove(0);
    tampered.add(removedFirst.toString());
    for (String text : tampered) {
      rejected(ss(text, null));
      rejected(ss(text, built.tree()));
    }
  }

  private static Object lastStep(ObjectNode file) {
    ArrayNode path = (ArrayNode) file.get("proofs").get(0).get("path");
    return path.get(path.size() - 1);
  }

  @Test
  void negativeBalancesInTheLeafPreimageAreNoted() {
    String auditId = "A1";
    String leaf = Digests.sha256Hex("c1" + "s1" + auditId + "BTC=-1.5|ETH=2");
    byte[] other = Digests.sha256().digest("other".getBytes(StandardCharsets.UTF_8));
    byte[] root = SilverSixpenceScheme.parent(Digests.unhex(leaf, "leaf"), other);
    ObjectNode proof =
        NODES
            .objectNode()
            .put("leaf", leaf)
            .put("clientId", "c1")
            .put("salt", "s1")
            .put("auditId", auditId);
    proof.set("balances", NODES.objectNode().put("BTC", "-1.5").put("ETH", "2"));
    proof.set("path", NODES.arrayNode().add(sibling(1, other, false)));
    ObjectNode file = NODES.objectNode().put("root", Digests.hex(root));
    file.set("proofs", NODES.arrayNode().add(proof));
    Verdict verdict = ss(file.toString(), null);
    accepted(verdict);
    assertThat(verdict.findings()).contains("negative BTC balance -1.5 at $.proofs[0].balances");
  }

  // ------------------------------------------------------------ Armanino

  private static String armanino(
      boolean concatenate, String btc, String eth, String root, String position, String data) {
    return String.format(
        Locale.ROOT,
        "{\"mode\":\"%s\",\"uid\":\"user-1\",\"balances\":{\"BTC\":\"%s\",\"ETH\":\"%s\"},"
            + "\"root\":\"%s\",\"proof\":[{\"position\":\"%s\",\"data\":\"%s\"}]}",
        concatenate ? "concatenate" : "default",
        btc,
        eth,
        root,
        position,
        data);
  }

  private static String armaninoRoot(boolean concatenate, String btc, String eth, String data) {
    ArmaninoScheme scheme =
        concatenate ? ArmaninoScheme.concatenateMode() : ArmaninoScheme.defaultMode();
    java.util.Map<String, String> printed = new java.util.LinkedHashMap<>();
    printed.put("BTC", btc);
    printed.put("ETH", eth);
    String leaf = scheme.leafAsPrinted("user-1", printed);
    return Digests.hex(
        SilverSixpenceScheme.parent(Digests.unhex(leaf, "leaf"), Digests.unhex(data, "data")));
  }

  private Verdict arm(boolean concatenate, String text) {
    return verifier.verify(
        concatenate ? "armanino-concatenate" : "armanino", ProofInput.of("proof", text));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void armaninoBalancesAreHashedAsPrinted(boolean concatenate) {
    String data = "0123456789abcdef";
    String root = armaninoRoot(concatenate, "5.0", "1.5", data);
    accepted(arm(concatenate, armanino(concatenate, "5.0", "1.5", root, "right", data)));
    // the reviewer's repro: the same amounts printed otherwise must not verify against that root
    for (String[] other :
        new String[][] {
          {"0005.000", "01.50000"},
          {"5", "1.5"},
          {"5.00", "1.5"},
          {"5.0", "1.50"},
          {"+5.0", "1.5"},
          {"5e0", "1.5"},
          {" 5.0", "1.5"}
        }) {
      Verdict verdict =
          arm(concatenate, armanino(concatenate, other[0], other[1], root, "right", data));
      assertThat(verdict.status())
          .as(other[0] + " " + other[1])
          .isEqualTo(VerificationStatus.MALFORMED);
      assertThat(verdict.reason())
          .startsWith(other[0].equals("5.0") ? "$.balances.ETH" : "$.balances.BTC");
    }
    Verdict zero = arm(concatenate, armanino(concatenate, "-0.0", "1.5", root, "right", data));
    assertThat(zero.status()).isEqualTo(VerificationStatus.MALFORMED);
  }

  @Test
  void armaninoNegativeBalancesAreNoted() {
    String data = "0123456789abcdef";
    String root = armaninoRoot(false, "-5.0", "1.5", data);
    Verdict verdict = arm(false, armanino(false, "-5.0", "1.5", root, "right", data));
    accepted(verdict);
    assertThat(verdict.findings()).contains("negative BTC balance -5.0 at $.balances");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void armaninoTampering(boolean concatenate) throws Exception {
    String data = "0123456789abcdef";
    String data2 = "fedcba9876543210";
    String leaf1 = "5.0";
    String leaf2 = "1.5";
    ArmaninoScheme scheme =
        concatenate ? ArmaninoScheme.concatenateMode() : ArmaninoScheme.defaultMode();
    java.util.Map<String, String> printed = new java.util.LinkedHashMap<>();
    printed.put("BTC", leaf1);
    printed.put("ETH", leaf2);
    byte[] leaf = Digests.unhex(scheme.leafAsPrinted("user-1", printed), "leaf");
    byte[] level1 = SilverSixpenceScheme.parent(leaf, Digests.unhex(data, "d"));
    byte[] root = SilverSixpenceScheme.parent(Digests.unhex(data2, "d"), level1);
    ObjectNode good = NODES.objectNode();
    good.put("mode", concatenate ? "concatenate" : "default").put("uid", "user-1");
    good.set("balances", NODES.objectNode().put("BTC", leaf1).put("ETH", leaf2));
    good.put("root", Digests.hex(root));
    ArrayNode steps = NODES.arrayNode();
    steps.add(NODES.objectNode().put("position", "right").put("data", data));
    steps.add(NODES.objectNode().put("position", "left").put("data", data2));
    good.set("proof", steps);
    accepted(arm(concatenate, good.toString()));

    List<ObjectNode> tampered = new ArrayList<>();
    ObjectNode digit = good.deepCopy();
    ((ObjectNode) digit.get("balances")).put("BTC", "6.0");
    tampered.add(digit);
    ObjectNode hash = good.deepCopy();
    ((ObjectNode) hash.get("proof").get(0)).put("data", "1123456789abcdef");
    tampered.add(hash);
    ObjectNode side = good.deepCopy();
    ((ObjectNode) side.get("proof").get(1)).put("position", "right");
    tampered.add(side);
    ObjectNode added = good.deepCopy();
    ((ArrayNode) added.get("proof"))
        .add(NODES.objectNode().put("position", "right").put("data", data));
    tampered.add(added);
    ObjectNode removed = good.deepCopy();
    ((ArrayNode) removed.get("proof")).remove(1);
    tampered.add(removed);
    ObjectNode uid = good.deepCopy();
    uid.put("uid", "user-2");
    tampered.add(uid);
    for (ObjectNode text : tampered) {
      rejected(arm(concatenate, text.toString()));
    }
  }
}
