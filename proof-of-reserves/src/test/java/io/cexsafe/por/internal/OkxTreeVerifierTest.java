package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.por.TreeSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tuned OKX v2 tree check gives exactly the verdicts of the reference implementation it
 * replaced, on sound trees, on every one-character change of them and on reshuffled lines, for
 * every kind of source; and its fast pass never accepts a tree the reference rejects.
 */
class OkxTreeVerifierTest {
  @TempDir Path temp;

  /** A leaf as printed: hash and BTC, ETH and USDT amounts. */
  record Leaf(String hash, List<String> printed) {}

  /** A tree file as OKX writes it and the user's leaves in it. */
  record Tree(String text, Map<String, Map<String, String>> userLeaves) {}

  private static String hex(Random random) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      hex.append("0123456789abcdef".charAt(random.nextInt(16)));
    }
    return hex.toString();
  }

  private static String amount(Random random) {
    return switch (random.nextInt(12)) {
      case 0, 1, 2 -> "0";
      case 3 -> Decimals.plain(BigDecimal.valueOf(random.nextLong(1, 1L << 50), 3));
      case 4 -> random.nextInt(10) + ".50";
      case 5 -> "0" + random.nextInt(100);
      default -> Decimals.plain(BigDecimal.valueOf(random.nextLong(1, 100_000_000_000L), 8));
    };
  }

  static List<Leaf> randomLeaves(Random random, int count) {
    List<Leaf> leaves = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      leaves.add(new Leaf(hex(random), List.of(amount(random), amount(random), amount(random))));
    }
    return leaves;
  }

  /** Builds the tree file as OKX does: padding copies, levels top-down, each right to left. */
  static String treeText(List<Leaf> leaves, String newline, boolean finalNewline) {
    record Node(String hash, List<String> printed) {}
    List<List<Node>> levels = new ArrayList<>();
    List<Node> level = new ArrayList<>();
    leaves.forEach(leaf -> level.add(new Node(leaf.hash(), leaf.printed())));
    List<Node> current = level;
    int height = 1;
    while (true) {
      if (current.size() > 1 && current.size() % 2 == 1) {
        current.add(new Node(current.get(current.size() - 1).hash(), List.of("0", "0", "0")));
      }
      levels.add(current);
      if (current.size() == 1) {
        break;
      }
      List<Node> parents = new ArrayList<>();
      for (int i = 0; i < current.size(); i += 2) {
        Node left = current.get(i);
        Node right = current.get(i + 1);
        List<String> sums = new ArrayList<>();
        for (int asset = 0; asset < 3; asset++) {
          BigDecimal sum =
              new BigDecimal(left.printed().get(asset))
                  .add(new BigDecimal(right.printed().get(asset)));
          sums.add(Decimals.plain8down(sum));
        }
        String hash =
            Digests.sha256Hex(left.hash() + right.hash() + String.join("", sums) + (height + 1));
        parents.add(new Node(hash, sums));
      }
      current = parents;
      height++;
    }
    StringBuilder text = new StringBuilder();
    for (int h = levels.size(); h >= 1; h--) {
      List<Node> lines = new ArrayList<>(levels.get(h - 1));
      Collections.reverse(lines);
      for (Node node : lines) {
        text.append(node.hash()).append(',').append(h).append(',');
        text.append(Okx.json(balances(node.printed()))).append(newline);
      }
    }
    if (!finalNewline) {
      text.setLength(text.length() - newline.length());
    }
    return text.toString();
  }

  private static Map<String, String> balances(List<String> printed) {
    Map<String, String> balances = new LinkedHashMap<>();
    for (int asset = 0; asset < 3; asset++) {
      balances.put(Okx.ASSETS.get(asset), printed.get(asset));
    }
    return balances;
  }

  static Tree tree(Random random, int leafCount) {
    List<Leaf> leaves = randomLeaves(random, leafCount);
    Map<String, Map<String, String>> user = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(2, leafCount); i++) {
      Leaf leaf = leaves.get(random.nextInt(leafCount));
      user.put(leaf.hash(), balances(leaf.printed()));
    }
    return new Tree(treeText(leaves, "\n", true), user);
  }

  /** What a verifier concluded, in a form both implementations share. */
  record Outcome(
      String rootHash,
      Map<String, BigDecimal> rootTotals,
      long lines,
      long internalNodes,
      String failure,
      Integer failureHeight,
      List<String> problems,
      String malformed,
      Integer malformedLevel) {}

  private static Outcome tuned(TreeSource source, Map<String, Map<String, String>> user) {
    try {
      OkxTreeVerifier.Result r = OkxTreeVerifier.verify(source, user);
      return new Outcome(
          r.rootHash(),
          r.rootTotals(),
          r.lines(),
          r.internalNodes(),
          r.failure(),
          r.failureHeight(),
          r.problems(),
          null,
          null);
    } catch (MalformedProofException e) {
      return new Outcome(null, null, 0, 0, null, null, null, e.getMessage(), e.level());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Outcome reference(TreeSource source, Map<String, Map<String, String>> user) {
    try {
      ReferenceOkxTreeVerifier.Result r = ReferenceOkxTreeVerifier.verify(source, user);
      return new Outcome(
          r.rootHash(),
          r.rootTotals(),
          r.lines(),
          r.internalNodes(),
          r.failure(),
          r.failureHeight(),
          r.problems(),
          null,
          null);
    } catch (MalformedProofException e) {
      return new Outcome(null, null, 0, 0, null, null, null, e.getMessage(), e.level());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean sound(Outcome outcome) {
    return outcome.malformed() == null && outcome.failure() == null;
  }

  /**
   * The fast pass's answer: a full result for a sound tree, null otherwise; the same whether node
   * hashes are checked on this thread or on a second one.
   */
  private static OkxTreeVerifier.Result fast(
      TreeSource source, Map<String, Map<String, String>> user) {
    try {
      OkxTreeVerifier.Result alone = OkxTreeVerifier.verifyFast(source, user, Long.MAX_VALUE);
      OkxTreeVerifier.Result helped = OkxTreeVerifier.verifyFast(source, user, 0);
      assertThat(helped).isEqualTo(alone);
      return alone;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks one tree text through bytes and asserts the tuned verdict is the reference's. */
  private static Outcome assertSameVerdict(
      String text, Map<String, Map<String, String>> user, String described) {
    TreeSource source = TreeSource.of(text.getBytes(StandardCharsets.UTF_8));
    Outcome expected = reference(source, user);
    assertThat(tuned(source, user)).as(described).isEqualTo(expected);
    OkxTreeVerifier.Result quick = fast(source, user);
    if (!sound(expected) || expected.lines() == 1) {
      assertThat(quick).as("fast pass on " + described).isNull();
    }
    return expected;
  }

  @Test
  void soundTreesOfEveryShapeAreAcceptedByTheFastPassWithTheReferenceResult() {
    Random random = new Random(41);
    for (int leafCount = 1; leafCount <= 70; leafCount++) {
      Tree tree = tree(random, leafCount);
      Outcome expected = assertSameVerdict(tree.text(), tree.userLeaves(), leafCount + " leaves");
      assertThat(sound(expected)).as(leafCount + " leaves: " + expected).isTrue();
      if (leafCount > 1) {
        assertThat(
                fast(
                    TreeSource.of(tree.text().getBytes(StandardCharsets.UTF_8)), tree.userLeaves()))
            .as("%d leaves take the fast pass", leafCount)
            .isNotNull();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 6, 13})
  void everyOneCharacterChangeGetsTheReferenceVerdictAndNeverPassesFast(int leafCount) {
    Tree tree = tree(new Random(leafCount), leafCount);
    for (Tamper.Change change : Tamper.textChanges(tree.text())) {
      Outcome expected = assertSameVerdict(change.text(), tree.userLeaves(), change.describe());
      assertThat(sound(expected)).as(change.describe()).isFalse();
    }
  }

  @Test
  void reshuffledMissingAndExtraLinesGetTheReferenceVerdict() {
    Random random = new Random(43);
    for (int leafCount : new int[] {2, 5, 8, 11, 16, 23}) {
      Tree tree = tree(random, leafCount);
      List<String> lines = List.of(tree.text().split("\n"));
      List<Function<List<String>, List<String>>> edits = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        int at = i;
        edits.add(l -> without(l, at));
        edits.add(l -> with(l, at, l.get(at)));
        edits.add(l -> with(l, at, ""));
        edits.add(l -> with(l, at, " "));
        if (at + 1 < lines.size()) {
          edits.add(l -> swapped(l, at, at + 1));
        }
        edits.add(l -> with(l, at, l.get(at).replace(",\"ETH\"", ", \"ETH\"")));
        edits.add(l -> replaced(l, at, l.get(at).substring(0, 64).toUpperCase(Locale.ROOT)));
      }
      for (Function<List<String>, List<String>> edit : edits) {
        List<String> edited = edit.apply(lines);
        String text = String.join("\n", edited) + "\n";
        assertSameVerdict(text, tree.userLeaves(), text);
      }
    }
  }

  private static List<String> without(List<String> lines, int at) {
    List<String> copy = new ArrayList<>(lines);
    copy.remove(at);
    return copy;
  }

  private static List<String> with(List<String> lines, int at, String line) {
    List<String> copy = new ArrayList<>(lines);
    copy.add(at, line);
    return copy;
  }

  private static List<String> replaced(List<String> lines, int at, String hash) {
    List<String> copy = new ArrayList<>(lines);
    copy.set(at, hash + lines.get(at).substring(64));
    return copy;
  }

  private static List<String> swapped(List<String> lines, int a, int b) {
    List<String> copy = new ArrayList<>(lines);
    Collections.swap(copy, a, b);
    return copy;
  }

  @Test
  void lineEndingsAndAMissingFinalNewlineDoNotMatter() {
    Random random = new Random(47);
    List<Leaf> leaves = randomLeaves(random, 9);
    for (String newline : List.of("\n", "\r\n")) {
      for (boolean finalNewline : List.of(true, false)) {
        String text = treeText(leaves, newline, finalNewline);
        Outcome expected = assertSameVerdict(text, Map.of(), newline + finalNewline);
        assertThat(sound(expected)).isTrue();
        assertThat(fast(TreeSource.of(text.getBytes(StandardCharsets.UTF_8)), Map.of()))
            .isNotNull();
      }
    }
    String text = treeText(leaves, "\n", true);
    assertSameVerdict(text + "\n", Map.of(), "an empty last line");
    assertSameVerdict(text.replace("\n", "\r\r\n"), Map.of(), "a stray carriage return");
  }

  @Test
  void filesAndStreamsThatCannotSeekGetTheSameResult() throws IOException {
    Tree tree = tree(new Random(53), 37);
    Path file = Files.writeString(temp.resolve("tree.txt"), tree.text());
    TreeSource bytes = TreeSource.of(tree.text().getBytes(StandardCharsets.UTF_8));
    TreeSource fromFile = TreeSource.of(file);
    TreeSource unseekable = () -> new BufferedInputStream(Files.newInputStream(file));
    Outcome expected = reference(bytes, tree.userLeaves());
    assertThat(sound(expected)).isTrue();
    assertThat(tuned(fromFile, tree.userLeaves())).isEqualTo(expected);
    assertThat(tuned(unseekable, tree.userLeaves())).isEqualTo(expected);
    assertThat(fast(fromFile, tree.userLeaves())).isNotNull();
    assertThat(fast(unseekable, tree.userLeaves())).isNull();
  }

  @Test
  void zeroBalanceTwinsThatLookLikePaddingAreStillPairedByTheLineCounts() {
    // leaves ... A B A B with A and B empty: the last two nodes of height 2 are identical and
    // empty, so the first line of height 2 in the file looks like padding although the counts
    // say it is not. The fast pass's guess pairs the lines wrongly and it must give up.
    Random random = new Random(59);
    List<Leaf> leaves = new ArrayList<>(randomLeaves(random, 4));
    Leaf a = new Leaf(hex(random), List.of("0", "0", "0"));
    Leaf b = new Leaf(hex(random), List.of("0", "0", "0"));
    leaves.addAll(List.of(a, b, a, b));
    String text = treeText(leaves, "\n", true);
    Outcome expected = assertSameVerdict(text, Map.of(), "twins at height 2");
    assertThat(sound(expected)).as(expected.toString()).isTrue();
    assertThat(fast(TreeSource.of(text.getBytes(StandardCharsets.UTF_8)), Map.of())).isNull();
    // every line a twin: the wrong guess even verifies every node it reaches, but leaves lines
    // unread, which the fast pass notices
    String allTwins = treeText(List.of(a, b, a, b, a, b, a, b), "\n", true);
    assertThat(sound(assertSameVerdict(allTwins, Map.of(), "all twins"))).isTrue();
    assertThat(fast(TreeSource.of(allTwins.getBytes(StandardCharsets.UTF_8)), Map.of())).isNull();
    // at height 1 a guess changes nothing: leaves pair up the same way whatever it says
    String leafTwins = treeText(List.of(leaves.get(0), leaves.get(1), a, a), "\n", true);
    Outcome leafExpected = assertSameVerdict(leafTwins, Map.of(), "twins at height 1");
    assertThat(sound(leafExpected)).isTrue();
    assertThat(fast(TreeSource.of(leafTwins.getBytes(StandardCharsets.UTF_8)), Map.of()))
        .isNotNull();
  }

  @Test
  void negativeBalancesAreReportedInTheSameOrder() {
    Random random = new Random(61);
    List<Leaf> leaves = new ArrayList<>(randomLeaves(random, 12));
    leaves.set(3, new Leaf(hex(random), List.of("-1.5", "2", "-0.00000001")));
    leaves.set(8, new Leaf(hex(random), List.of("1", "-2", "0")));
    String text = treeText(leaves, "\n", true);
    Outcome expected = assertSameVerdict(text, Map.of(), "negative balances");
    assertThat(expected.problems()).isNotEmpty();
    OkxTreeVerifier.Result quick =
        fast(TreeSource.of(text.getBytes(StandardCharsets.UTF_8)), Map.of());
    assertThat(quick).isNotNull();
    assertThat(quick.problems()).isEqualTo(expected.problems());
  }

  @Test
  void userLeavesMustBeAtHeightOneWithTheirBalances() {
    Tree tree = tree(new Random(67), 10);
    Map<String, Map<String, String>> wrong = new LinkedHashMap<>();
    tree.userLeaves()
        .forEach(
            (hash, printed) -> {
              Map<String, String> changed = new LinkedHashMap<>(printed);
              changed.put("USDT", printed.get("USDT") + "1");
              wrong.put(hash, changed);
            });
    Outcome expected = assertSameVerdict(tree.text(), wrong, "wrong user balances");
    assertThat(expected.failure()).contains("not at height 1");
    Map<String, Map<String, String>> absent = Map.of("f".repeat(64), Map.of());
    assertThat(assertSameVerdict(tree.text(), absent, "absent").failure())
        .contains("not at height 1");
  }
}
