package io.cexsafe.por.internal;

import io.cexsafe.por.TreeSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
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
 * window per height in memory.
 *
 * <p>The file lists the root first and then each height top-down. The level above has one padding
 * line first when its real node count is odd, and line {@code i} of its real nodes is the parent of
 * lines {@code 2i} and {@code 2i+1} below. All heights are walked at once, each through its own
 * window onto the file, verifying a node as soon as its two children have been verified, so every
 * line is parsed once. A parent must be {@code sha256hex(L ‖ R ‖ sums ‖ height)} with sums rounded
 * down to 8 decimals and printed exactly as the parent prints them. OKX lists pairs right to left;
 * both orders are accepted.
 *
 * <p>Two ways to find where each height starts and which heights are padded:
 *
 * <ul>
 *   <li>the fast pass, for files and byte arrays: bisection on line heights finds each height's
 *       first line with a few dozen small reads, and a height counts as padded when its first line
 *       is a zero-balance copy of the second. It accepts a tree only when the walk then used up
 *       every line of every height exactly, which is only possible when those guesses are what the
 *       line counts imply; on anything else it gives up without a verdict.
 *   <li>the exact pass, used when the fast pass gives up or the source cannot seek: one scan counts
 *       the lines of each height first, then the same walk follows. It reports the first problem in
 *       file order, so failing trees get the same explanation whichever pass saw them first.
 * </ul>
 */
final class OkxTreeVerifier {
  private static final int MAX_HEIGHT = 256;

  /** Two lines of the longest length with "\r\n": a pair found after one require stays put. */
  private static final int PAIR_BYTES = 2 * (LineReader.MAX_LINE + 2);

  private static final int MAX_WINDOW = 1 << 17;
  private static final int WINDOW_BUDGET = 4 << 20;
  private static final int PROBE_BYTES = 256;

  /** Trees from this size on are hashed on a second thread when the machine has two cores. */
  private static final long PARALLEL_FROM_BYTES = 1 << 20;

  private OkxTreeVerifier() {}

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

  /** One height of the tree: its window, its two line slots and its position. */
  private static final class Level {
    final OkxTreeLine.Header header;
    final LineWindow window;
    final boolean paddingKnown;
    final long firstLine;
    final OkxTreeLine[] slots = {new OkxTreeLine(), new OkxTreeLine()};
    boolean padded;
    long read;
    long pairs;

    Level(int height, LineWindow window, boolean paddingKnown, boolean padded, long firstLine) {
      this.header = new OkxTreeLine.Header(height);
      this.window = window;
      this.paddingKnown = paddingKnown;
      this.padded = padded;
      this.firstLine = firstLine;
    }
  }

  /**
   * @param userLeaves the user's leaf hashes with their balances as printed (BTC, ETH, USDT), all
   *     of which must appear at height 1 with these balances; may be empty for a tree-only check
   */
  static Result verify(TreeSource tree, Map<String, Map<String, String>> userLeaves)
      throws IOException {
    long parallelFrom =
        Runtime.getRuntime().availableProcessors() >= 2 ? PARALLEL_FROM_BYTES : Long.MAX_VALUE;
    Result fast = verifyFast(tree, userLeaves, parallelFrom);
    return fast != null ? fast : verifyExact(tree, userLeaves);
  }

  // ------------------------------------------------------------------ fast pass

  /**
   * The verdict on a sound tree, or null when the exact pass has to look (see the class).
   *
   * @param parallelFromBytes from which file size node hashes are checked on a second thread
   */
  static Result verifyFast(
      TreeSource tree, Map<String, Map<String, String>> userLeaves, long parallelFromBytes)
      throws IOException {
    Level[] levels = null;
    NodeHashChecker hashes = null;
    try (SeekableTree file = SeekableTree.open(tree)) {
      if (file == null) {
        return null;
      }
      byte[] head = new byte[LineReader.MAX_LINE + 2];
      int read = file.read(0, head, head.length);
      int newline = Swar.indexOf(head, 0, read, (byte) '\n');
      if (newline < 0) {
        return null;
      }
      OkxTreeLine root = new OkxTreeLine();
      root.parse(head, 0, newline > 0 && head[newline - 1] == '\r' ? newline - 1 : newline, 1);
      int rootHeight = root.height;
      if (rootHeight < 2 || rootHeight > MAX_HEIGHT) {
        return null;
      }
      long[] offsets = levelOffsets(file, newline + 1, rootHeight);
      if (offsets == null) {
        return null;
      }
      levels = new Level[rootHeight];
      int window = windowSize(rootHeight);
      for (int height = 1; height < rootHeight; height++) {
        long end = height == 1 ? file.size() : offsets[height - 1];
        int capacity = (int) Math.min(window, end - offsets[height] + PAIR_BYTES);
        levels[height] =
            new Level(height, LineWindow.open(tree, offsets[height], capacity), false, false, 0);
      }
      if (file.size() >= parallelFromBytes) {
        hashes = new NodeHashChecker();
      }
      Walker walker = new Walker(userLeaves, levels, true, hashes);
      walker.verifyNode(root, rootHeight);
      if (hashes != null && !hashes.allMatch()) {
        return null;
      }
      long lines = 1;
      for (int height = 1; height < rootHeight; height++) {
        LineWindow consumed = levels[height].window;
        if (height == 1) {
          consumed.require(1);
          if (consumed.position != consumed.limit) {
            return null;
          }
        } else if (consumed.offset() != offsets[height - 1]) {
          return null;
        }
        lines += levels[height].read;
      }
      if (walker.found.size() != userLeaves.size()) {
        return null;
      }
      return new Result(
          root.hash(), totals(root), lines, walker.internal, null, null, walker.problems);
    } catch (MalformedProofException | Mismatch e) {
      return null;
    } finally {
      if (hashes != null) {
        hashes.close();
      }
      close(levels);
    }
  }

  /**
   * Where heights {@code rootHeight - 1} down to 1 start, by bisection on the height of the line
   * after a byte; null when the file is not laid out as a tree (the exact pass says how).
   */
  private static long[] levelOffsets(SeekableTree file, long rootEnd, int rootHeight)
      throws IOException {
    long[] offsets = new long[rootHeight];
    offsets[rootHeight - 1] = rootEnd;
    Probe probe = new Probe(file);
    for (int height = rootHeight - 2; height >= 1; height--) {
      // the line after byte `low` is above this height, the line after byte `high` is not
      long low = offsets[height + 1] - 1;
      long high = file.size() - 1;
      if (low >= high) {
        return null;
      }
      while (high - low > 1) {
        long middle = low + (high - low) / 2;
        int found = probe.heightOfLineAfter(middle);
        if (found < 0) {
          return null;
        }
        if (found <= height) {
          high = middle;
        } else {
          low = middle;
        }
      }
      if (probe.heightOfLineAfter(high) != height) {
        return null;
      }
      offsets[height] = probe.lineStart;
    }
    return offsets;
  }

  /** Reads the height of the first line that starts after a given byte. */
  private static final class Probe {
    private final SeekableTree file;
    private final byte[] bytes = new byte[LineReader.MAX_LINE + 2 + PROBE_BYTES];
    long lineStart;

    Probe(SeekableTree file) {
      this.file = file;
    }

    /**
     * The height of the line after the first '\n' at or after {@code at}; 0 at the end, -1 if bad.
     */
    int heightOfLineAfter(long at) throws IOException {
      int read = file.read(at, bytes, PROBE_BYTES);
      int newline = Swar.indexOf(bytes, 0, read, (byte) '\n');
      if (newline < 0 && read == PROBE_BYTES) {
        read = file.read(at, bytes, bytes.length);
        newline = Swar.indexOf(bytes, 0, read, (byte) '\n');
        if (newline < 0 && read == bytes.length) {
          return -1;
        }
      }
      lineStart = newline < 0 ? at + read : at + newline + 1;
      if (lineStart >= file.size()) {
        return 0;
      }
      int from = newline + 1;
      if (newline < 0 || read - from < 72) {
        read = file.read(lineStart, bytes, 72);
        from = 0;
      }
      int i = from + 65;
      if (read - from < 67 || bytes[i - 1] != ',') {
        return -1;
      }
      int height = 0;
      while (i < read && i - from < 69 && bytes[i] >= '0' && bytes[i] <= '9') {
        height = height * 10 + (bytes[i++] - '0');
      }
      return i < read && bytes[i] == ',' && i > from + 65 ? height : -1;
    }
  }

  private static int windowSize(int rootHeight) {
    return Math.max(PAIR_BYTES + 4096, Math.min(MAX_WINDOW, WINDOW_BUDGET / rootHeight));
  }

  // ------------------------------------------------------------------ exact pass

  /** One scan to count each height's lines, then the walk; explains any problem. */
  static Result verifyExact(TreeSource tree, Map<String, Map<String, String>> userLeaves)
      throws IOException {
    OkxTreeLine root = new OkxTreeLine();
    long[] offsets;
    long[] counts;
    long[] firstLines;
    Set<String> found = new HashSet<>();
    UserLeaves user = new UserLeaves(userLeaves);
    int rootHeight;
    long lines;
    long size;
    try (LineReader reader = LineReader.open(tree, 0)) {
      byte[] rootBytes = new byte[LineReader.MAX_LINE];
      int length = reader.next(rootBytes);
      if (length < 0) {
        throw new MalformedProofException("the tree file is empty");
      }
      root.parse(rootBytes, 0, length, 1);
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
        if (current == 1 && user.isUserHash(buffer, 0)) {
          OkxTreeLine leaf = new OkxTreeLine();
          leaf.parse(Arrays.copyOf(buffer, length), 0, length, lines);
          user.check(leaf, found);
        }
      }
      size = reader.offset();
      if (current != 1 && rootHeight != 1) {
        throw new MalformedProofException(
            "the tree file stops at height " + current + "; leaves are height 1", current);
      }
    }
    Map<String, BigDecimal> rootTotals = totals(root);
    String rootHash = root.hash();
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
            new ArrayList<>());
      }
      padded[height] = padding == 1;
    }
    if (rootHeight == 1) {
      user.check(root, found);
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
            new ArrayList<>());
      }
    }
    Level[] levels = new Level[rootHeight];
    Walker walker = new Walker(userLeaves, levels, false, null);
    try {
      int window = windowSize(rootHeight);
      for (int height = 1; height < rootHeight; height++) {
        long end = height == 1 ? size : offsets[height - 1];
        int capacity = (int) Math.min(window, end - offsets[height] + PAIR_BYTES);
        levels[height] =
            new Level(
                height,
                LineWindow.open(tree, offsets[height], capacity),
                true,
                padded[height],
                firstLines[height]);
      }
      if (rootHeight > 1) {
        walker.verifyNode(root, rootHeight);
      }
      return new Result(rootHash, rootTotals, lines, walker.internal, null, null, walker.problems);
    } catch (Mismatch mismatch) {
      return new Result(
          rootHash,
          rootTotals,
          lines,
          walker.internal,
          mismatch.getMessage(),
          mismatch.height,
          walker.problems);
    } finally {
      close(levels);
    }
  }

  /** Parses only the height of a line, for the exact pass's scan. */
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

  // ------------------------------------------------------------------ shared

  private static Map<String, BigDecimal> totals(OkxTreeLine root) {
    Map<String, BigDecimal> rootTotals = new LinkedHashMap<>();
    for (int asset = 0; asset < OkxTreeLine.ASSETS; asset++) {
      rootTotals.put(Okx.ASSETS.get(asset), root.decimal(asset));
    }
    return rootTotals;
  }

  private static void close(Level[] levels) throws IOException {
    if (levels == null) {
      return;
    }
    IOException failure = null;
    for (Level level : levels) {
      if (level != null) {
        try {
          level.window.close();
        } catch (IOException e) {
          failure = e;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * The user's leaves, looked up by the first eight bytes of their hash before comparing. A few
   * leaves (the usual case) are scanned in turn; more are kept sorted by that prefix and found by
   * bisection, so a proof listing many leaves costs log(leaves) per tree leaf, not leaves.
   */
  private static final class UserLeaves {
    private static final int SCANNED = 8;

    /** Hashes as ASCII hex, sorted by prefix when there are more than {@link #SCANNED}. */
    private final byte[][] hashes;

    private final long[] prefixes;
    private final List<Map<String, String>> balances = new ArrayList<>();

    UserLeaves(Map<String, Map<String, String>> userLeaves) {
      int n = userLeaves.size();
      byte[][] unsorted = new byte[n][];
      List<Map<String, String>> unsortedBalances = new ArrayList<>(n);
      int i = 0;
      for (Map.Entry<String, Map<String, String>> leaf : userLeaves.entrySet()) {
        unsorted[i++] = Arrays.copyOf(leaf.getKey().getBytes(StandardCharsets.US_ASCII), 64);
        unsortedBalances.add(leaf.getValue());
      }
      Integer[] order = new Integer[n];
      for (int k = 0; k < n; k++) {
        order[k] = k;
      }
      if (n > SCANNED) {
        Arrays.sort(order, (a, b) -> Long.compare(prefix(unsorted[a]), prefix(unsorted[b])));
      }
      hashes = new byte[n][];
      prefixes = new long[n];
      for (int k = 0; k < n; k++) {
        hashes[k] = unsorted[order[k]];
        prefixes[k] = prefix(hashes[k]);
        balances.add(unsortedBalances.get(order[k]));
      }
    }

    private static long prefix(byte[] hash) {
      return Swar.word(hash, 0);
    }

    /** The first index whose prefix is the line's, or -1. */
    private int first(byte[] line, int at) {
      long prefix = Swar.word(line, at);
      if (prefixes.length <= SCANNED) {
        for (int i = 0; i < prefixes.length; i++) {
          if (prefixes[i] == prefix) {
            return i;
          }
        }
        return -1;
      }
      int low = 0;
      int high = prefixes.length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (prefixes[middle] < prefix) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low < prefixes.length && prefixes[low] == prefix ? low : -1;
    }

    /** Whether the 64 bytes at {@code at} may be one of the user's hashes. */
    boolean mayMatch(byte[] line, int at) {
      return first(line, at) >= 0;
    }

    /** Whether the 64 bytes at {@code at} are one of the user's hashes. */
    boolean isUserHash(byte[] line, int at) {
      int i = first(line, at);
      if (i < 0) {
        return false;
      }
      long prefix = prefixes[i];
      boolean sorted = prefixes.length > SCANNED;
      for (; i < hashes.length && (!sorted || prefixes[i] == prefix); i++) {
        if (Arrays.equals(hashes[i], 0, 64, line, at, at + 64)) {
          return true;
        }
      }
      return false;
    }

    /** Records the line's hash in {@code found} if it is a user leaf with the user's balances. */
    void check(OkxTreeLine line, Set<String> found) {
      int i = first(line.bytes, line.start);
      if (i < 0) {
        return;
      }
      long prefix = prefixes[i];
      boolean sorted = prefixes.length > SCANNED;
      for (; i < hashes.length && (!sorted || prefixes[i] == prefix); i++) {
        if (line.hashEquals(hashes[i])) {
          Map<String, String> printed = balances.get(i);
          boolean same = true;
          for (int asset = 0; asset < OkxTreeLine.ASSETS; asset++) {
            same &= line.sameBalanceText(asset, printed.get(Okx.ASSETS.get(asset)));
          }
          if (same) {
            found.add(line.hash());
          }
        }
      }
    }
  }

  private static final class Walker {
    private final boolean fast;
    private final NodeHashChecker hashes;
    private final MessageDigest sha256 = Digests.sha256();
    private final byte[] digest = new byte[32];
    private final UserLeaves user;
    private final Level[] levels;
    final Set<String> found = new HashSet<>();
    final List<String> problems = new ArrayList<>();
    long internal;

    /**
     * @param fast guess padding from the lines and leave internal hashes to be checked by their
     *     digest (the fast pass); otherwise padding is known and every line is checked as read
     * @param hashes where node hashes and leaf hashes are checked, or null to check them here
     */
    Walker(
        Map<String, Map<String, String>> userLeaves,
        Level[] levels,
        boolean fast,
        NodeHashChecker hashes) {
      this.user = new UserLeaves(userLeaves);
      this.levels = levels;
      this.fast = fast;
      this.hashes = hashes;
    }

    /** Reads the next line of a height into one of its slots, verifying it if it is internal. */
    private OkxTreeLine next(int height, int slot) throws IOException, Mismatch {
      Level level = levels[height];
      LineWindow window = level.window;
      if (slot == 0) {
        window.require(PAIR_BYTES);
      }
      OkxTreeLine line = level.slots[slot];
      int from = window.position;
      if (window.limit - from >= OkxTreeLine.CANONICAL_MINIMUM
          && line.parseCanonical(
              window.bytes, from, window.limit, window.endOfInput, level.header, height > 1)) {
        boolean checkHash = !fast || height == 1 && hashes == null;
        if (checkHash && !Swar.isLowerHex(window.bytes, from, 64)) {
          // says why, with the line number
          line.parse(window.bytes, from, line.end, level.firstLine + level.read);
        }
        window.position = line.next;
      } else {
        int end = window.lineEnd(LineReader.MAX_LINE);
        if (end < 0) {
          throw new MalformedProofException("the tree file ends inside height " + height, height);
        }
        line.parse(window.bytes, from, end, level.firstLine + level.read);
        window.position = window.following;
      }
      if (line.height != height) {
        throw new MalformedProofException(
            "expected a line of height " + height + ", found height " + line.height, height);
      }
      boolean first = level.read == 0;
      if (first && !level.paddingKnown) {
        level.padded = looksLikePadding(line, window);
      }
      boolean padding = level.padded && first;
      level.read++;
      if (fast && height == 1 && user.mayMatch(line.bytes, line.start)) {
        user.check(line, found);
      }
      if (height > 1 && !padding) {
        verifyNode(line, height);
      }
      if (line.negative) {
        for (int asset = 0; asset < OkxTreeLine.ASSETS; asset++) {
          if (line.isNegative(asset) && problems.size() < 100) {
            problems.add("negative " + Okx.ASSETS.get(asset) + " balance at height " + height);
          }
        }
      }
      return line;
    }

    /** A zero-balance line followed by a line with the same hash (only a guess: see the class). */
    private static boolean looksLikePadding(OkxTreeLine line, LineWindow window) {
      int after = window.position;
      return after + 64 <= window.limit
          && line.allZero()
          && Arrays.equals(
              window.bytes, line.start, line.start + 64, window.bytes, after, after + 64);
    }

    void verifyNode(OkxTreeLine parent, int height) throws IOException, Mismatch {
      Level below = levels[height - 1];
      long pair = below.pairs++;
      OkxTreeLine first = next(height - 1, 0);
      OkxTreeLine second = next(height - 1, 1);
      if (pair == 0 && below.padded && !(first.allZero() && first.sameHash(second))) {
        throw new Mismatch(
            height - 1,
            "the padding line opening height "
                + (height - 1)
                + " is not a zero-balance copy of the line after it");
      }
      for (int asset = 0; asset < OkxTreeLine.ASSETS; asset++) {
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
      if (hashes != null) {
        if (!hashes.add(parent, first, second, height == 2)) {
          throw new Mismatch(height, "a node hash does not match");
        }
      } else if (!matches(parent, second, first) && !matches(parent, first, second)) {
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

    private boolean matches(OkxTreeLine parent, OkxTreeLine left, OkxTreeLine right) {
      sha256.update(left.bytes, left.start, 64);
      sha256.update(right.bytes, right.start, 64);
      sha256.update(parent.tail, 0, parent.tailLength);
      try {
        sha256.digest(digest, 0, 32);
      } catch (DigestException e) {
        throw new IllegalStateException(e);
      }
      return Swar.isHexOf(digest, parent.bytes, parent.start);
    }
  }
}
