package io.cexsafe.por.internal;

import io.cexsafe.facts.ProofStrength;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.TreeSource;
import io.cexsafe.por.Verdict;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * BitMEX's Maxwell-style sum tree: balances in satoshis split over shuffled leaves whose digests
 * are HMACs keyed by a per-account sub-nonce, and the whole tree published breadth-first. The proof
 * file is the user's {@code account,nonceHex} line (the shape of BitMEX's nonce file); the tree
 * file is the published liabilities CSV. Levels are depths, the root being depth 0.
 */
final class BitmexScheme extends AbstractScheme {
  static final String ASSET = "XBt";
  private static final Pattern ACCOUNT_LINE = Pattern.compile("\\s*([0-9]+),([0-9a-f]{64})\\s*");
  private static final Pattern HEADER = Pattern.compile("block_height:([0-9]+)");
  private static final int MAX_DEPTH = 62;

  BitmexScheme() {
    super(
        "bitmex",
        "BitMEX sum tree (2021-): HMAC leaves in satoshis, full breadth-first tree checked",
        ProofStrength.SUM_TREE_FULL_TREE_PUBLISHED,
        Set.of("bitmex"),
        TAKES_TREE);
  }

  @Override
  boolean recognises(ProofInput input) {
    return ACCOUNT_LINE.matcher(input.proofText()).matches();
  }

  @Override
  Verdict check(ProofInput input) throws IOException {
    Matcher account = ACCOUNT_LINE.matcher(input.proofText());
    if (!account.matches()) {
      throw new MalformedProofException(
          input.proofName() + " must be one line 'account,nonce' with a 64-hex lower-case nonce");
    }
    long accountId = parseU64(account.group(1), "account id");
    byte[] nonce = Digests.unhex(account.group(2), "nonce");
    TreeSource tree =
        input
            .tree()
            .orElseThrow(
                () -> new MalformedProofException("bitmex needs the liabilities proof CSV"));
    List<String> findings = new ArrayList<>();

    long blockHeight;
    long[] offsets = new long[MAX_DEPTH + 1];
    int depth;
    long rootValue;
    String rootHash;
    List<Long> matched = new ArrayList<>();
    byte[] subNonce;
    try (LineReader reader = LineReader.open(tree, 0)) {
      String header = reader.nextString();
      Matcher headerMatch = header == null ? null : HEADER.matcher(header);
      if (headerMatch == null || !headerMatch.matches()) {
        throw new MalformedProofException("the tree must start with 'block_height:N'");
      }
      blockHeight = parseU64(headerMatch.group(1), "block height");
      subNonce =
          Digests.sha256(
              ByteBuffer.allocate(48)
                  .put(nonce)
                  .order(ByteOrder.LITTLE_ENDIAN)
                  .putLong(blockHeight)
                  .putLong(accountId)
                  .array());
      long lines = 0;
      depth = -1;
      rootHash = null;
      rootValue = 0;
      long leafLines = 0;
      while (true) {
        long start = reader.offset();
        String line = reader.nextString();
        if (line == null || line.isEmpty()) {
          if (line != null && reader.nextString() != null) {
            throw new MalformedProofException("blank line inside the tree");
          }
          break;
        }
        if (Long.bitCount(lines + 1) == 1) {
          depth++;
          if (depth > MAX_DEPTH) {
            throw new MalformedProofException("the tree is deeper than " + MAX_DEPTH);
          }
          offsets[depth] = start;
          leafLines = 0;
        }
        Node node = Node.parse(line, lines + 2);
        if (lines == 0) {
          rootHash = Digests.hex(node.digest);
          rootValue = node.value;
        }
        // the depth is known only at the end, so candidates are kept from every level and filtered
        if (hmacMatches(subNonce, node, leafLines)) {
          matched.add(node.value);
          matched.add(leafLines);
          matched.add((long) depth);
        }
        leafLines++;
        lines++;
      }
      if (lines == 0 || Long.bitCount(lines + 1) != 1) {
        throw new MalformedProofException(
            "a complete binary tree has 2^k - 1 lines; this one has " + lines);
      }
    }
    // Added exactly: leaves whose sum overflows a long cannot all sit in a consistent tree, and
    // the tree check below then says where the sums break (NOT_INCLUDED), rather than this sum
    // throwing before the tree is looked at.
    BigDecimal userSats = BigDecimal.ZERO;
    List<Long> leafIndexes = new ArrayList<>();
    for (int i = 0; i < matched.size(); i += 3) {
      if (matched.get(i + 2) == depth) {
        userSats = userSats.add(BigDecimal.valueOf(matched.get(i)));
        leafIndexes.add(matched.get(i + 1));
      }
    }
    Map<String, BigDecimal> user = Map.of(ASSET, userSats);
    Map<String, BigDecimal> rootTotals = Map.of(ASSET, BigDecimal.valueOf(rootValue));
    MessageDigest sha256 = Digests.sha256();
    for (int level = depth - 1; level >= 0; level--) {
      try (LineReader parents = LineReader.open(tree, offsets[level]);
          LineReader children = LineReader.open(tree, offsets[level + 1])) {
        long width = 1L << level;
        for (long i = 0; i < width; i++) {
          Node parent = Node.parse(parents.nextString(), -1);
          Node left = Node.parse(children.nextString(), -1);
          Node right = Node.parse(children.nextString(), -1);
          long sum;
          try {
            sum = Math.addExact(left.value, right.value);
          } catch (ArithmeticException e) {
            return notIncluded(
                level,
                "node "
                    + i
                    + " at depth "
                    + level
                    + ": its children's values add up to more than a 64-bit balance holds",
                user,
                rootTotals,
                rootHash,
                findings);
          }
          sha256.update(left.digest);
          sha256.update(le(left.value));
          sha256.update(right.digest);
          sha256.update(le(right.value));
          byte[] digest = sha256.digest();
          if (sum != parent.value || !Arrays.equals(digest, parent.digest)) {
            return notIncluded(
                level,
                "node " + i + " at depth " + level + " is not the hash and sum of its children",
                user,
                rootTotals,
                rootHash,
                findings);
          }
        }
      }
    }
    if (leafIndexes.isEmpty()) {
      return notIncluded(
          depth,
          "the tree checks out but no leaf belongs to account "
              + accountId
              + " (an account with a zero balance has none)",
          user,
          rootTotals,
          rootHash,
          findings);
    }
    return included(
        "every node of the "
            + ((1L << (depth + 1)) - 1)
            + "-node tree recomputed; account "
            + accountId
            + " owns leaves "
            + leafIndexes
            + " at block height "
            + blockHeight,
        user,
        rootTotals,
        rootHash,
        findings);
  }

  private static boolean hmacMatches(byte[] subNonce, Node node, long leafIndex) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(subNonce, "HmacSHA256"));
      mac.update(le(node.value));
      mac.update(le(leafIndex));
      return Arrays.equals(mac.doFinal(), node.digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform provides HmacSHA256", e);
    }
  }

  static byte[] le(long value) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
  }

  private static long parseU64(String digits, String what) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new MalformedProofException(
          what + " " + Texts.quote(digits) + " is out of range (at most " + Long.MAX_VALUE + ")");
    }
  }

  /** One {@code hexdigest,value} line. */
  static final class Node {
    final byte[] digest;
    final long value;

    private Node(byte[] digest, long value) {
      this.digest = digest;
      this.value = value;
    }

    static Node parse(String line, long lineNumber) {
      String where = lineNumber < 0 ? "a tree line" : "tree line " + lineNumber;
      if (line == null) {
        throw new MalformedProofException("the tree file ends early");
      }
      int comma = line.indexOf(',');
      if (comma != 64 || !line.substring(65).matches("[0-9]{1,19}")) {
        throw new MalformedProofException(where + " must be 'hexdigest,value'");
      }
      return new Node(
          Digests.unhex(line.substring(0, 64), where), parseU64(line.substring(65), where));
    }
  }
}
