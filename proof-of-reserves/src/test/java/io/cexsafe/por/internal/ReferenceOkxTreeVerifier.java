package io.cexsafe.por.internal;

import io.cexsafe.por.TreeSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OKX v2 tree check as it was before it was tuned for speed (two passes, every line copied and
 * parsed in full), kept unchanged as the reference that {@link OkxTreeVerifierTest} compares the
 * tuned {@link OkxTreeVerifier} with.
 *
 * <p>Checks every node of an OKX v2 liabilities tree file while holding only a few lines and one
 * reader per height in memory.
 *
 * <p>The file lists the root first and then each height top-down. A first pass records where each
 * height starts and how many lines it has. The level above has one padding line first when its real
 * node count is odd, and line {@code i} of its real nodes is the parent of lines {@code 2i} and
 * {@code 2i+1} below. A second pass walks all heights at once, each with its own reader, verifying
 * a node as soon as its two children have been verified, so every line is parsed once. A parent
 * must be {@code sha256hex(L ‖ R ‖ sums ‖ height)} with sums rounded down to 8 decimals and printed
 * exactly as the parent prints them. OKX lists pairs right to left; both orders are accepted.
 */
final class ReferenceOkxTreeVerifier {
  private static final int MAX_HEIGHT = 256;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private ReferenceOkxTreeVerifier() {}

  record Result(
      String rootHash,
      Map<String, BigDecimal> rootTotals,
      long lines,
      long internalNodes,
      String failure,
      Integer failureHeight,
      List<String> problems) {}

  /** A mismatch found while walking the tree. */
  private static final class Mismatch extends Exception {
    private final int height;

    Mismatch(int height, String message) {
      super(message, null, false, false);
      this.height = height;
    }
  }

  /** One height of the tree: its reader, its two line slots and its position. */
  private static final class Level {
    final int height;
    final boolean padded;
    final long firstLine;
    final LineReader reader;
    final ReferenceOkxTreeLine[] slots = {new ReferenceOkxTreeLine(), new ReferenceOkxTreeLine()};
    long read;
    long pairs;

    Level(int height, boolean padded, long firstLine, LineReader reader) {
      this.height = height;
      this.padded = padded;
      this.firstLine = firstLine;
      this.reader = reader;
    }
  }

  /**
   * @param userLeaves the user's leaf hashes with their balances as printed (BTC, ETH, USDT), all
   *     of which must appear at height 1 with these balances; may be empty for a tree-only check
   */
  static Result verify(TreeSource tree, Map<String, Map<String, String>> userLeaves)
      throws IOException {
    ReferenceOkxTreeLine root = new ReferenceOkxTreeLine();
    long[] offsets;
    long[] counts;
    long[] firstLines;
    Walker walker = new Walker(userLeaves);
    int rootHeight;
    long lines;
    try (LineReader reader = LineReader.open(tree, 0)) {
      int length = reader.next(root.bytes);
      if (length < 0) {
        throw new MalformedProofException("the tree file is empty");
      }
      root.parse(length, 1);
      rootHeight = root.height;
      if (rootHeight < 1 || rootHeight > MAX_HEIGHT) {
        throw new MalformedProofException("the root height " + rootHeight + " is out of range");
      }
      offsets = new long[rootHeight + 1];
      counts = new long[rootHeight + 1];
      firstLines = new long[rootHeight + 1];
      counts[rootHeight] = 1;
      firstLines[rootHeight] = 1;
      lines = 1;
      int current = rootHeight;
      byte[] buffer = new byte[LineReader.MAX_LINE];
      while (true) {
        long lineStart = reader.offset();
        length = reader.next(buffer);
        if (length < 0) {
          break;
        }
        lines++;
        int height = heightOf(buffer, length, lines);
        if (height != current) {
          if (height != current - 1 || height < 1) {
            throw new MalformedProofException(
                "tree line "
                    + lines
                    + " has height "
                    + height
                    + " after height "
                    + current
                    + "; heights must run down from the root to 1 without gaps",
                height);
          }
          current = height;
          offsets[current] = lineStart;
          firstLines[current] = lines;
        }
        counts[current]++;
        if (current == 1 && walker.mayBeUserLeaf(buffer)) {
          ReferenceOkxTreeLine leaf = new ReferenceOkxTreeLine();
          System.arraycopy(buffer, 0, leaf.bytes, 0, length);
          leaf.parse(length, lines);
          walker.checkUserLeaf(leaf);
        }
      }
      if (current != 1 && rootHeight != 1) {
        throw new MalformedProofException(
            "the tree file stops at height " + current + "; leaves are height 1", current);
      }
    }
    Map<String, BigDecimal> rootTotals = new LinkedHashMap<>();
    for (int asset = 0; asset < ReferenceOkxTreeLine.ASSETS; asset++) {
      rootTotals.put(Okx.ASSETS.get(asset), root.decimal(asset));
    }
    String rootHash = root.hash();
    List<String> problems = new ArrayList<>();
    boolean[] padded = new boolean[rootHeight + 1];
    for (int height = 2; height <= rootHeight; height++) {
      long children = counts[height - 1];
      long padding = counts[height] - children / 2;
      if (children % 2 != 0 || padding < 0 || padding > 1 || height == rootHeight && padding != 0) {
        return new Result(
            rootHash,
            rootTotals,
            lines,
            0,
            "height "
                + height
                + " has "
                + counts[height]
                + " lines for "
                + children
                + " children at height "
                + (height - 1),
            height,
            problems);
      }
      padded[height] = padding == 1;
    }
    if (rootHeight == 1) {
      walker.checkUserLeaf(root);
    }
    for (String leaf : userLeaves.keySet()) {
      if (!walker.found.contains(leaf)) {
        return new Result(
            rootHash,
            rootTotals,
            lines,
            0,
            "the user's leaf " + leaf + " with its balances is not at height 1 of the tree",
            1,
            problems);
      }
    }
    List<Level> levels = new ArrayList<>();
    levels.add(null);
    walker.problems = problems;
    try {
      for (int height = 1; height < rootHeight; height++) {
        levels.add(
            new Level(
                height,
                padded[height],
                firstLines[height],
                LineReader.open(tree, offsets[height])));
      }
      walker.levels = levels;
      if (rootHeight > 1) {
        walker.verifyNode(root, rootHeight);
      }
      return new Result(rootHash, rootTotals, lines, walker.internal, null, null, problems);
    } catch (Mismatch mismatch) {
      return new Result(
          rootHash,
          rootTotals,
          lines,
          walker.internal,
          mismatch.getMessage(),
          mismatch.height,
          problems);
    } finally {
      for (Level level : levels) {
        if (level != null) {
          level.reader.close();
        }
      }
    }
  }

  /** Parses only the height of a line, for the first pass. */
  private static int heightOf(byte[] line, int length, long lineNumber) {
    if (length < 67 || line[64] != ',') {
      throw new MalformedProofException(
          "tree line " + lineNumber + " must start with a 64-hex hash and a comma");
    }
    int value = 0;
    int i = 65;
    while (i < length && line[i] >= '0' && line[i] <= '9' && i < 70) {
      value = value * 10 + (line[i] - '0');
      i++;
    }
    if (i == 65 || i >= length || line[i] != ',') {
      throw new MalformedProofException(
          "tree line " + lineNumber + " needs a decimal height after the hash");
    }
    return value;
  }

  private static final class Walker {
    private final MessageDigest sha256 = Digests.sha256();
    private final byte[] digest = new byte[32];
    private final byte[] digestHex = new byte[64];
    private final byte[][] userHashes;
    private final List<Map<String, String>> userBalances;
    List<String> problems;
    final java.util.Set<String> found = new java.util.HashSet<>();
    List<Level> levels;
    long internal;

    Walker(Map<String, Map<String, String>> userLeaves) {
      userHashes = new byte[userLeaves.size()][];
      userBalances = new ArrayList<>();
      int i = 0;
      for (Map.Entry<String, Map<String, String>> leaf : userLeaves.entrySet()) {
        userHashes[i++] = leaf.getKey().getBytes(StandardCharsets.US_ASCII);
        userBalances.add(leaf.getValue());
      }
    }

    /** Reads the next line of a height into one of its slots, verifying it if it is internal. */
    private ReferenceOkxTreeLine next(int height, int slot) throws IOException, Mismatch {
      Level level = levels.get(height);
      ReferenceOkxTreeLine line = level.slots[slot];
      int length = level.reader.next(line.bytes);
      if (length < 0) {
        throw new MalformedProofException("the tree file ends inside height " + height, height);
      }
      line.parse(length, level.firstLine + level.read);
      if (line.height != height) {
        throw new MalformedProofException(
            "expected a line of height " + height + ", found height " + line.height, height);
      }
      boolean padding = level.padded && level.read == 0;
      level.read++;
      if (height > 1 && !padding) {
        verifyNode(line, height);
      }
      for (int asset = 0; asset < ReferenceOkxTreeLine.ASSETS; asset++) {
        if (line.isNegative(asset) && problems.size() < 100) {
          problems.add("negative " + Okx.ASSETS.get(asset) + " balance at height " + height);
        }
      }
      return line;
    }

    void verifyNode(ReferenceOkxTreeLine parent, int height) throws IOException, Mismatch {
      Level below = levels.get(height - 1);
      long pair = below.pairs++;
      ReferenceOkxTreeLine first = next(height - 1, 0);
      ReferenceOkxTreeLine second = next(height - 1, 1);
      if (pair == 0 && below.padded && !(first.allZero() && first.sameHash(second))) {
        throw new Mismatch(
            height - 1,
            "the padding line opening height "
                + (height - 1)
                + " is not a zero-balance copy of the line after it");
      }
      for (int asset = 0; asset < ReferenceOkxTreeLine.ASSETS; asset++) {
        if (!parent.isSumOf(asset, first, second)) {
          throw new Mismatch(
              height,
              "node "
                  + parent.hash()
                  + " at height "
                  + height
                  + " prints "
                  + Okx.ASSETS.get(asset)
                  + " "
                  + parent.text(asset)
                  + ", not the rounded-down sum of its children "
                  + Decimals.plain8down(first.decimal(asset).add(second.decimal(asset))));
        }
      }
      byte[] heightText = HEIGHTS[height];
      if (!matches(parent, second, first, heightText)
          && !matches(parent, first, second, heightText)) {
        throw new Mismatch(
            height,
            "node "
                + parent.hash()
                + " at height "
                + height
                + " is not the hash of its children "
                + first.hash()
                + " and "
                + second.hash());
      }
      internal++;
    }

    private boolean matches(
        ReferenceOkxTreeLine parent,
        ReferenceOkxTreeLine left,
        ReferenceOkxTreeLine right,
        byte[] heightText) {
      sha256.update(left.bytes, 0, 64);
      sha256.update(right.bytes, 0, 64);
      for (int asset = 0; asset < ReferenceOkxTreeLine.ASSETS; asset++) {
        sha256.update(
            parent.bytes,
            parent.valueStart[asset],
            parent.valueEnd[asset] - parent.valueStart[asset]);
      }
      sha256.update(heightText);
      try {
        sha256.digest(digest, 0, 32);
      } catch (DigestException e) {
        throw new IllegalStateException(e);
      }
      for (int i = 0; i < 32; i++) {
        digestHex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
        digestHex[2 * i + 1] = HEX[digest[i] & 0xf];
      }
      return Arrays.equals(digestHex, 0, 64, parent.bytes, 0, 64);
    }

    boolean mayBeUserLeaf(byte[] line) {
      for (byte[] hash : userHashes) {
        if (Arrays.equals(hash, 0, 64, line, 0, 64)) {
          return true;
        }
      }
      return false;
    }

    void checkUserLeaf(ReferenceOkxTreeLine line) {
      for (int i = 0; i < userHashes.length; i++) {
        if (Arrays.equals(userHashes[i], 0, 64, line.bytes, 0, 64)) {
          Map<String, String> printed = userBalances.get(i);
          boolean same = true;
          for (int asset = 0; asset < ReferenceOkxTreeLine.ASSETS; asset++) {
            same &= line.sameBalanceText(asset, printed.get(Okx.ASSETS.get(asset)));
          }
          if (same) {
            found.add(line.hash());
          }
        }
      }
    }
  }

  private static final byte[][] HEIGHTS = new byte[MAX_HEIGHT + 1][];

  static {
    for (int height = 0; height <= MAX_HEIGHT; height++) {
      HEIGHTS[height] = Integer.toString(height).getBytes(StandardCharsets.US_ASCII);
    }
  }
}
