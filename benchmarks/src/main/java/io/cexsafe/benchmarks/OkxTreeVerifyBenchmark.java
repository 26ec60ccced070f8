package io.cexsafe.benchmarks;

import io.cexsafe.por.ProofInput;
import io.cexsafe.por.ProofVerifier;
import io.cexsafe.por.Verdict;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark harness (not a unit test): verify a generated OKX-v2-style full liabilities tree and
 * compare the node-hash rate with raw {@link MessageDigest} SHA-256 over the same preimage sizes.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -Xmx1500m -cp benchmarks/target/benchmarks.jar \
 *     io.cexsafe.benchmarks.OkxTreeVerifyBenchmark generate /tmp/okx-bench 1000000
 * java -Xmx32m -cp benchmarks/target/benchmarks.jar \
 *     io.cexsafe.benchmarks.OkxTreeVerifyBenchmark verify /tmp/okx-bench 5
 * java -Xmx32m -XX:ActiveProcessorCount=1 -cp benchmarks/target/benchmarks.jar \
 *     io.cexsafe.benchmarks.OkxTreeVerifyBenchmark verify /tmp/okx-bench 5
 * java -Xmx32m -cp benchmarks/target/benchmarks.jar \
 *     io.cexsafe.benchmarks.OkxTreeVerifyBenchmark floor /tmp/okx-bench 5
 * </pre>
 *
 * The verify step runs with a small heap on purpose: the verifier streams the file level by level,
 * so its memory depends on the tree's height, not its size. With two or more processors the
 * verifier checks node hashes on a second thread; {@code -XX:ActiveProcessorCount=1} measures it on
 * one thread. The raw rate is measured on one thread and on as many threads as the verifier uses,
 * so either run has a like-for-like comparison.
 */
public final class OkxTreeVerifyBenchmark {
  private static final HexFormat HEX = HexFormat.of();

  private OkxTreeVerifyBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("generate")) {
      generate(Path.of(args[1]), Integer.parseInt(args[2]));
    } else if (args.length >= 2 && args[0].equals("verify")) {
      verify(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 5);
    } else if (args.length >= 2 && args[0].equals("floor")) {
      floor(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 5);
    } else {
      System.err.println(
          "usage: generate <dir> <leaves> | verify <dir> [rounds] | floor <dir> [rounds]");
      System.exit(2);
    }
  }

  // ------------------------------------------------------------------ generation

  static void generate(Path dir, int leafCount) throws IOException {
    Files.createDirectories(dir);
    SplittableRandom random = new SplittableRandom(20230401);
    MessageDigest sha = sha256();
    String nonce = hex(random, 64);
    long[][] userParts = {{4870L, 0, 120_000_000L}, {130L, 10_000_000L, 0}};
    long[] total = new long[3];
    for (long[] part : userParts) {
      for (int a = 0; a < 3; a++) {
        total[a] += part[a];
      }
    }
    String selfHash = sha256Hex(sha, nonce + json(total));
    int[] userPositions = {random.nextInt(leafCount), -1};
    do {
      userPositions[1] = random.nextInt(leafCount);
    } while (userPositions[1] == userPositions[0]);
    StringBuilder nodes = new StringBuilder();

    int size = leafCount;
    byte[][] hashes = new byte[size][];
    long[][] units = new long[size][];
    for (int i = 0; i < size; i++) {
      long[] balance = {
        random.nextInt(4) == 0 ? random.nextLong(1, 500_000_000L) : 0,
        random.nextInt(3) == 0 ? random.nextLong(1, 9_000_000_000L) : 0,
        random.nextLong(0, 100_000_000_000L)
      };
      String hash;
      if (i == userPositions[0] || i == userPositions[1]) {
        balance = userParts[i == userPositions[0] ? 0 : 1];
        hash = sha256Hex(sha, selfHash + plain(balance[0]) + plain(balance[1]) + plain(balance[2]));
        if (nodes.length() > 0) {
          nodes.append(',');
        }
        nodes.append("{\"balances\":").append(json(balance)).append(",\"hash\":\"").append(hash);
        nodes.append("\"}");
      } else {
        hash = hex(random, 64);
      }
      hashes[i] = hash.getBytes(StandardCharsets.US_ASCII);
      units[i] = balance;
    }
    List<Path> levelFiles = new ArrayList<>();
    int height = 1;
    long preimageBytes = 0;
    long internal = 0;
    while (true) {
      if (size > 1 && size % 2 == 1) {
        hashes = java.util.Arrays.copyOf(hashes, size + 1);
        units = java.util.Arrays.copyOf(units, size + 1);
        hashes[size] = hashes[size - 1];
        units[size] = new long[3];
        size++;
      }
      Path file = dir.resolve("level-" + height + ".txt");
      levelFiles.add(file);
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
        for (int i = size - 1; i >= 0; i--) {
          out.write(hashes[i]);
          out.write(
              ("," + height + "," + json(units[i]) + "\n").getBytes(StandardCharsets.US_ASCII));
        }
      }
      if (size == 1) {
        break;
      }
      int parents = size / 2;
      byte[][] nextHashes = new byte[parents][];
      long[][] nextUnits = new long[parents][];
      for (int i = 0; i < parents; i++) {
        long[] sum = new long[3];
        StringBuilder tail = new StringBuilder();
        for (int a = 0; a < 3; a++) {
          sum[a] = units[2 * i][a] + units[2 * i + 1][a];
          tail.append(plain(sum[a]));
        }
        tail.append(height + 1);
        byte[] tailBytes = tail.toString().getBytes(StandardCharsets.US_ASCII);
        sha.update(hashes[2 * i]);
        sha.update(hashes[2 * i + 1]);
        sha.update(tailBytes);
        preimageBytes += 128 + tailBytes.length;
        internal++;
        nextHashes[i] = HEX.formatHex(sha.digest()).getBytes(StandardCharsets.US_ASCII);
        nextUnits[i] = sum;
      }
      hashes = nextHashes;
      units = nextUnits;
      size = parents;
      height++;
    }
    Path tree = dir.resolve("tree.txt");
    try (OutputStream out = Files.newOutputStream(tree)) {
      for (int i = levelFiles.size() - 1; i >= 0; i--) {
        try (InputStream in = Files.newInputStream(levelFiles.get(i))) {
          in.transferTo(out);
        }
        Files.delete(levelFiles.get(i));
      }
    }
    Files.writeString(
        dir.resolve("user.json"),
        "{\"hash\":\""
            + selfHash
            + "\",\"nonce\":\""
            + nonce
            + "\",\"totalBalances\":"
            + json(total)
            + ",\"nodes\":["
            + nodes
            + "]}");
    Files.writeString(
        dir.resolve("sizes.txt"), internal + "," + preimageBytes + "," + height + "\n");
    System.out.printf(
        Locale.ROOT,
        "generated %d leaves, height %d, %d internal nodes, tree file %.1f MB%n",
        leafCount,
        height,
        internal,
        Files.size(tree) / 1e6);
  }

  // ------------------------------------------------------------------ measurement

  /** Best (lowest) of several rounds. */
  private static final class Best {
    double value = Double.MAX_VALUE;

    void offer(double candidate) {
      value = Math.min(value, candidate);
    }
  }

  static void verify(Path dir, int rounds) throws Exception {
    String[] sizes = Files.readString(dir.resolve("sizes.txt")).trim().split(",");
    long internal = Long.parseLong(sizes[0]);
    long preimageBytes = Long.parseLong(sizes[1]);
    int meanPreimage = (int) Math.round((double) preimageBytes / internal);
    ProofInput input = ProofInput.fromFiles(dir.resolve("user.json"), dir.resolve("tree.txt"));
    ProofVerifier verifier = ProofVerifier.standard();
    int processors = Runtime.getRuntime().availableProcessors();
    // the verifier checks node hashes on a second thread when it has two processors
    int verifierThreads = processors >= 2 ? 2 : 1;

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Best verifyWall = new Best();
    Best verifyThreadCpu = new Best();
    Best verifyProcessCpu = new Best();
    Best rawWall = new Best();
    Best rawCpu = new Best();
    Best rawParallelWall = new Best();
    Verdict verdict = null;
    for (int round = 0; round < rounds; round++) {
      System.gc();
      long cpu = threads.getCurrentThreadCpuTime();
      long processCpu = processCpuTime();
      long start = System.nanoTime();
      verdict = verifier.verify("okx-v2", input);
      double seconds = (System.nanoTime() - start) / 1e9;
      double threadSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
      double processSeconds = (processCpuTime() - processCpu) / 1e9;
      verifyWall.offer(seconds);
      verifyThreadCpu.offer(threadSeconds);
      verifyProcessCpu.offer(processSeconds);

      cpu = threads.getCurrentThreadCpuTime();
      double raw = rawSha256(internal, preimageBytes);
      double rawThreadSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
      rawWall.offer(raw);
      rawCpu.offer(rawThreadSeconds);
      double rawParallel = verifierThreads > 1 ? rawSha256Parallel(internal, preimageBytes) : raw;
      rawParallelWall.offer(rawParallel);
      System.out.printf(
          Locale.ROOT,
          "round %d: verify %.3f s wall, %.3f s cpu (calling thread), %.3f s cpu (process);"
              + " raw SHA-256 1 thread %.3f s wall, %.3f s cpu; %d threads %.3f s wall%n",
          round + 1,
          seconds,
          threadSeconds,
          processSeconds,
          raw,
          rawThreadSeconds,
          verifierThreads,
          rawParallel);
    }
    Runtime runtime = Runtime.getRuntime();
    System.out.println("verdict: " + verdict.status() + " - " + verdict.reason());
    System.out.printf(
        Locale.ROOT,
        "internal nodes %d, mean preimage %d bytes, tree file %.1f MB, max heap %d MB,"
            + " %d processors: the verifier uses %d thread(s)%n",
        internal,
        meanPreimage,
        Files.size(dir.resolve("tree.txt")) / 1e6,
        runtime.maxMemory() / (1024 * 1024),
        processors,
        verifierThreads);
    System.out.printf(
        Locale.ROOT,
        "best rates (node hashes/s): verifier %.0f wall, %.0f by calling-thread cpu, %.0f by"
            + " process cpu; raw MessageDigest 1 thread %.0f wall, %.0f by cpu; %d threads %.0f"
            + " wall%n",
        internal / verifyWall.value,
        internal / verifyThreadCpu.value,
        internal / verifyProcessCpu.value,
        internal / rawWall.value,
        internal / rawCpu.value,
        verifierThreads,
        internal / rawParallelWall.value);
    if (verifierThreads == 1) {
      System.out.printf(
          Locale.ROOT,
          "ratio (single thread): %.2f by thread cpu, %.2f by wall%n",
          rawCpu.value / verifyThreadCpu.value,
          rawWall.value / verifyWall.value);
    } else {
      System.out.printf(
          Locale.ROOT,
          "ratio (verifier on %d threads): %.2f by wall against raw on %d threads (fair);"
              + " %.2f by cpu, all verifier threads against raw (fair); %.2f by wall against raw"
              + " on 1 thread (not like for like)%n",
          verifierThreads,
          rawParallelWall.value / verifyWall.value,
          verifierThreads,
          rawCpu.value / verifyProcessCpu.value,
          rawWall.value / verifyWall.value);
    }
  }

  // ------------------------------------------------------------------ floor

  /**
   * What no verifier of this file can avoid, measured without any verifier: reading the whole file
   * into a reusable buffer, hashing one preimage of the mean size per internal node straight from
   * that buffer, and comparing each digest with 64 hex characters of the buffer. No line is found
   * and no amount parsed, so the ratio printed for the last stage is an upper bound for any
   * single-threaded verifier that uses {@link MessageDigest}.
   */
  static void floor(Path dir, int rounds) throws Exception {
    String[] sizes = Files.readString(dir.resolve("sizes.txt")).trim().split(",");
    long internal = Long.parseLong(sizes[0]);
    long preimageBytes = Long.parseLong(sizes[1]);
    int meanPreimage = (int) Math.round((double) preimageBytes / internal);
    Path tree = dir.resolve("tree.txt");
    long stride = Files.size(tree) / internal;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String[] stages = {"read", "read + hash", "read + hash + compare"};
    Best[] stageCpu = {new Best(), new Best(), new Best()};
    Best rawCpu = new Best();
    long matches = 0;
    for (int round = 0; round < rounds; round++) {
      for (int stage = 0; stage < stages.length; stage++) {
        long cpu = threads.getCurrentThreadCpuTime();
        matches += floorPass(tree, internal, stride, meanPreimage, stage);
        stageCpu[stage].offer((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
      }
      long cpu = threads.getCurrentThreadCpuTime();
      rawSha256(internal, preimageBytes);
      rawCpu.offer((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
    }
    System.out.printf(
        Locale.ROOT,
        "internal nodes %d, mean preimage %d bytes, %d file bytes per internal node%n",
        internal,
        meanPreimage,
        stride);
    System.out.printf(
        Locale.ROOT,
        "raw MessageDigest: %.1f ns per node (thread cpu)%n",
        rawCpu.value * 1e9 / internal);
    for (int stage = 0; stage < stages.length; stage++) {
      System.out.printf(
          Locale.ROOT,
          "floor, %s: %.1f ns per node, ratio to raw at most %.2f%n",
          stages[stage],
          stageCpu[stage].value * 1e9 / internal,
          rawCpu.value / stageCpu[stage].value);
    }
    if (matches == 42) {
      System.out.print("");
    }
  }

  /** The four hex characters of every two bytes (first byte lowest), as a little-endian int. */
  private static final int[] HEX_QUADS = new int[1 << 16];

  static {
    byte[] digits = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    for (int pair = 0; pair < HEX_QUADS.length; pair++) {
      int first = pair & 0xff;
      int second = pair >>> 8;
      HEX_QUADS[pair] =
          digits[first >>> 4]
              | digits[first & 15] << 8
              | digits[second >>> 4] << 16
              | digits[second & 15] << 24;
    }
  }

  private static final java.lang.invoke.VarHandle SHORTS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          short[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final java.lang.invoke.VarHandle INTS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /** One pass over the file; returns how many digests matched their text, to keep the work. */
  private static long floorPass(Path tree, long nodes, long stride, int preimage, int stage)
      throws Exception {
    MessageDigest sha = sha256();
    byte[] digest = new byte[32];
    byte[] buffer = new byte[(1 << 20) + 4096];
    java.nio.ByteBuffer view = java.nio.ByteBuffer.wrap(buffer);
    long matched = 0;
    long node = 0;
    long base = 0;
    int limit = 0;
    int needed = Math.max(preimage, 64);
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(tree)) {
      while (true) {
        view.clear().position(limit).limit(1 << 20);
        int read = channel.read(view);
        if (read > 0) {
          limit += read;
        }
        int consumed = limit;
        if (stage > 0) {
          while (node < nodes) {
            int at = (int) (node * stride - base);
            if (at + needed > limit) {
              consumed = Math.min(at, limit);
              break;
            }
            sha.update(buffer, at, preimage);
            sha.digest(digest, 0, 32);
            if (stage > 1) {
              int different = 0;
              for (int i = 0; i < 32; i += 2) {
                different |=
                    HEX_QUADS[(short) SHORTS.get(digest, i) & 0xffff]
                        ^ (int) INTS.get(buffer, at + 2 * i);
              }
              matched += different == 0 ? 1 : 0;
            }
            node++;
          }
        }
        if (read <= 0) {
          break;
        }
        System.arraycopy(buffer, consumed, buffer, 0, limit - consumed);
        base += consumed;
        limit -= consumed;
      }
    }
    return matched;
  }

  /** CPU time of the whole process (every thread, also the JIT compiler's and GC's). */
  private static long processCpuTime() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /** Hashes {@code count} preimages of the tree's mean size, as one MessageDigest would. */
  static double rawSha256(long count, long totalBytes) throws NoSuchAlgorithmException {
    long start = System.nanoTime();
    hashPreimages(0, count, count, totalBytes);
    return (System.nanoTime() - start) / 1e9;
  }

  /** The same hashes split over two threads, each with its own MessageDigest; wall seconds. */
  static double rawSha256Parallel(long count, long totalBytes) throws Exception {
    long half = count / 2;
    Exception[] failure = new Exception[1];
    Thread other =
        new Thread(
            () -> {
              try {
                hashPreimages(half, count, count, totalBytes);
              } catch (NoSuchAlgorithmException e) {
                failure[0] = e;
              }
            });
    long start = System.nanoTime();
    other.start();
    hashPreimages(0, half, count, totalBytes);
    other.join();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (failure[0] != null) {
      throw failure[0];
    }
    return seconds;
  }

  private static void hashPreimages(long from, long to, long count, long totalBytes)
      throws NoSuchAlgorithmException {
    MessageDigest sha = sha256();
    int base = (int) (totalBytes / count);
    long remainder = totalBytes - base * count;
    byte[] buffer = new byte[base + 1];
    new SplittableRandom(1).nextBytes(buffer);
    byte[] out = new byte[32];
    for (long i = from; i < to; i++) {
      int length = i < remainder ? base + 1 : base;
      buffer[0] = (byte) i;
      sha.update(buffer, 0, length);
      try {
        sha.digest(out, 0, 32);
      } catch (java.security.DigestException e) {
        throw new IllegalStateException(e);
      }
    }
    if (out[0] == 42 && out[1] == 42 && out[2] == 42) {
      System.out.print("");
    }
  }

  // ------------------------------------------------------------------ helpers

  private static String json(long[] units) {
    return "{\"BTC\":\""
        + plain(units[0])
        + "\",\"ETH\":\""
        + plain(units[1])
        + "\",\"USDT\":\""
        + plain(units[2])
        + "\"}";
  }

  /** Units of 10^-8 printed as OKX prints amounts: plain, no trailing zeros, zero as "0". */
  static String plain(long units) {
    long whole = units / 100_000_000L;
    long fraction = units % 100_000_000L;
    if (fraction == 0) {
      return Long.toString(whole);
    }
    String digits = Long.toString(100_000_000L + fraction).substring(1);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    return whole + "." + digits.substring(0, end);
  }

  private static String hex(SplittableRandom random, int length) {
    byte[] bytes = new byte[length / 2];
    random.nextBytes(bytes);
    return HEX.formatHex(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256Hex(MessageDigest sha, String text) {
    return HEX.formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
