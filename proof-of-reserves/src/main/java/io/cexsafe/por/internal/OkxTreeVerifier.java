package io.cexsafe.por.internal;

import io.cexsafe.por.TreeSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every node of an OKX v2 liabilities tree file while holding only a few lines and one
 * offset and count per height in memory.
 *
 * <p>The file lists the root first and then each height top-down. A first pass records where each
 * height starts and how many lines it has and finds the user's leaves. Then, bottom-up, each height
 * is read alongside the height below it: the level above has one padding line first when its real
 * node count is odd, and line {@code i} of its real nodes is the parent of lines {@code 2i} and
 * {@code 2i+1} below. The parent must be {@code sha256hex(L ‖ R ‖ sums ‖ height)} with sums rounded
 * down to 8 decimals and printed exactly as the parent line prints them. OKX's file lists pairs
 * right to left; both orders are accepted.
 */
final class OkxTreeVerifier {
  private static final int MAX_HEIGHT = 256;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private OkxTreeVerifier() {}

  record Result(
      String rootHash,
      Map<String, BigDecimal> rootTotals,
      long lines,
      long internalNodes,
      String failure,
      Integer failureHeight,
      List<String> problems) {}

  /**
   * @param userLeaves the user's leaf hashes with their balances as printed (BTC, ETH, USDT), all
   *     of which must appear at height 1 with these balances; may be empty for a tree-only check
   */
  static Result verify(TreeSource tree, Map<String, Map<String, String>> userLeaves)
      throws IOException {
    OkxTreeLine line = new OkxTreeLine();
    long[] offsets;
    long[] counts;
    String rootHash;
    Map<String, BigDecimal> rootTotals = new LinkedHashMap<>();
    int rootHeight;
    Set<String> found = new HashSet<>();
    long lines = 0;
    List<String> problems = new ArrayList<>();
    try (LineReader reader = LineReader.open(tree, 0)) {
      long start = reader.offset();
      int length = reader.next(line.bytes);
      if (length < 0) {
        throw new MalformedProofException("the tree file is empty");
      }
      line.parse(length, 1);
      rootHeight = line.height;
      if (rootHeight < 1 || rootHeight > MAX_HEIGHT) {
        throw new MalformedProofException("the root height " + rootHeight + " is out of range");
      }
      rootHash = line.hash();
      for (int asset = 0; asset < OkxTreeLine.ASSETS; asset++) {
        rootTotals.put(Okx.ASSETS.get(asset), line.decimal(asset));
      }
      offsets = new long[rootHeight + 1];
      counts = new long[rootHeight + 1];
      offsets[rootHeight] = start;
      counts[rootHeight] = 1;
      lines = 1;
      int current = rootHeight;
      while (true) {
        long lineStart = reader.offset();
        length = reader.next(line.bytes);
        if (length < 0) {
          break;
        }
        lines++;
        if (length == 0) {
          throw new MalformedProofException("tree line " + lines + " is empty");
        }
        line.parse(length, lines);
        if (line.height != current) {
          if (line.height != current - 1 || line.height < 1) {
            throw new MalformedProofException(
                "tree line "
                    + lines
                    + " has height "
                    + line.height
                    + " after height "
                    + current
                    + "; heights must run down from the root to 1 without gaps",
                line.height);
          }
          current = line.height;
          offsets[current] = lineStart;
        }
        counts[current]++;
        if (current == 1) {
          checkUserLeaf(line, userLeaves, found);
        }
        for (int asset = 0; asset < OkxTreeLine.ASSETS; asset++) {
          if (line.isNegative(asset)) {
            problems.add("negative " + Okx.ASSETS.get(asset) + " balance at tree line " + lines);
          }
        }
      }
      if (current != 1) {
        throw new MalformedProofException(
            "the tree file stops at height " + current + "; leaves are height 1", current);
      }
    }
    for (String leaf : userLeaves.keySet()) {
      if (!found.contains(leaf)) {
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
    MessageDigest sha256 = Digests.sha256();
    OkxTreeLine parent = new OkxTreeLine();
    OkxTreeLine first = new OkxTreeLine();
    OkxTreeLine second = new OkxTreeLine();
    byte[] digest = new byte[32];
    byte[] digestHex = new byte[64];
    long internal = 0;
    for (int height = 2; height <= rootHeight; height++) {
      long childCount = counts[height - 1];
      long padding = counts[height] - childCount / 2;
      if (childCount % 2 != 0
          || padding < 0
          || padding > 1
          || (height == rootHeight && padding != 0)) {
        return new Result(
            rootHash,
            rootTotals,
            lines,
            internal,
            "height "
                + height
                + " has "
                + counts[height]
                + " lines for "
                + childCount
                + " children at height "
                + (height - 1),
            height,
            problems);
      }
      byte[] heightText = Integer.toString(height).getBytes(StandardCharsets.US_ASCII);
      try (LineReader parents = LineReader.open(tree, offsets[height]);
          LineReader children = LineReader.open(tree, offsets[height - 1])) {
        if (padding == 1) {
          read(parents, second, height);
        }
        for (long i = 0; i < childCount / 2; i++) {
          read(parents, parent, height);
          if (i == 0 && padding == 1 && !(second.allZero() && second.sameHash(parent))) {
            return new Result(
                rootHash,
                rootTotals,
                lines,
                internal,
                "the padding line opening height "
                    + height
                    + " is not a zero-balance copy of the line after it",
                height,
                problems);
          }
          read(children, first, height - 1);
          read(children, second, height - 1);
          for (int asset = 0; asset < OkxTreeLine.ASSETS; asset++) {
            if (!parent.isSumOf(asset, first, second)) {
              return new Result(
                  rootHash,
                  rootTotals,
                  lines,
                  internal,
                  "node "
                      + i
                      + " at height "
                      + height
                      + " prints "
                      + Okx.ASSETS.get(asset)
                      + " "
                      + parent.text(asset)
                      + ", not the rounded-down sum of its children "
                      + Decimals.plain8down(first.decimal(asset).add(second.decimal(asset))),
                  height,
                  problems);
            }
          }
          if (!matches(sha256, parent, second, first, heightText, digest, digestHex)
              && !matches(sha256, parent, first, second, heightText, digest, digestHex)) {
            return new Result(
                rootHash,
                rootTotals,
                lines,
                internal,
                "node "
                    + i
                    + " at height "
                    + height
                    + " ("
                    + parent.hash()
                    + ") is not the hash of its children "
                    + first.hash()
                    + " and "
                    + second.hash(),
                height,
                problems);
          }
          internal++;
        }
      }
    }
    return new Result(rootHash, rootTotals, lines, internal, null, null, problems);
  }

  private static void read(LineReader reader, OkxTreeLine target, int height) throws IOException {
    int length = reader.next(target.bytes);
    if (length < 0) {
      throw new MalformedProofException("the tree file ends inside height " + height, height);
    }
    target.parse(length, reader.lineNumber());
    if (target.height != height) {
      throw new MalformedProofException(
          "expected a line of height " + height + ", found height " + target.height, height);
    }
  }

  private static boolean matches(
      MessageDigest sha256,
      OkxTreeLine parent,
      OkxTreeLine left,
      OkxTreeLine right,
      byte[] heightText,
      byte[] digest,
      byte[] digestHex) {
    sha256.update(left.bytes, 0, 64);
    sha256.update(right.bytes, 0, 64);
    for (int asset = 0; asset < OkxTreeLine.ASSETS; asset++) {
      sha256.update(
          parent.bytes,
          parent.valueStart[asset],
          parent.valueEnd[asset] - parent.valueStart[asset]);
    }
    sha256.update(heightText);
    try {
      sha256.digest(digest, 0, 32);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < 32; i++) {
      digestHex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      digestHex[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return Arrays.equals(digestHex, 0, 64, parent.bytes, 0, 64);
  }

  private static void checkUserLeaf(
      OkxTreeLine line, Map<String, Map<String, String>> userLeaves, Set<String> found) {
    if (userLeaves.isEmpty()) {
      return;
    }
    Map<String, String> printed = userLeaves.get(line.hash());
    if (printed == null) {
      return;
    }
    for (int asset = 0; asset < OkxTreeLine.ASSETS; asset++) {
      if (!line.sameBalanceText(asset, printed.get(Okx.ASSETS.get(asset)))) {
        return;
      }
    }
    found.add(line.hash());
  }
}
