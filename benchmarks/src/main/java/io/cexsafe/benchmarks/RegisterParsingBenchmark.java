package io.cexsafe.benchmarks;

import io.cexsafe.collectors.regulators.internal.EsmaRegister;
import io.cexsafe.collectors.regulators.internal.MsbList;
import io.cexsafe.collectors.regulators.internal.Names;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing throughput and peak heap of the two bulk register formats, on generated files in the real
 * shapes: a 100,000-row FinCEN-style MSB export (TSV, footnotes at the end) and a 5,000-row
 * ESMA-style CASPS.csv (quoted multi-line addresses, tab-separated service letters, pipe lists,
 * trailing comma). Files are streamed from disk, as the collector streams them from the network.
 *
 * <p>Two ways to run it after {@code ./mvnw -q -pl benchmarks -am package -DskipTests}:
 *
 * <ul>
 *   <li>throughput with JMH (files parsed per second; multiply by the rows per file): {@code java
 *       -jar benchmarks/target/benchmarks.jar RegisterParsingBenchmark}
 *   <li>rows per second and peak heap under a 64 MiB cap, which shows that the parsers stream
 *       rather than load whole files: {@code java -Xmx64m -cp benchmarks/target/benchmarks.jar
 *       io.cexsafe.benchmarks.RegisterParsingBenchmark}
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
public class RegisterParsingBenchmark {
  private static final int MSB_ROWS = 100_000;
  private static final int CASP_ROWS = 5_000;
  private static final int WARMUP = 5;
  private static final int RUNS = 10;

  private Path dir;
  private Path msbFile;
  private Path caspsFile;
  private final Set<String> wanted =
      Set.of(Names.core("Example Money 77 LLC"), Names.core("Coinbase, Inc."));

  @Setup
  public void writeFiles() throws IOException {
    dir = Files.createTempDirectory("cexsafe-bench");
    msbFile = dir.resolve("msb.tsv");
    caspsFile = dir.resolve("CASPS.csv");
    writeMsb(msbFile, MSB_ROWS);
    writeCasps(caspsFile, CASP_ROWS);
  }

  @TearDown
  public void deleteFiles() throws IOException {
    Files.deleteIfExists(msbFile);
    Files.deleteIfExists(caspsFile);
    Files.deleteIfExists(dir);
  }

  /** One pass over the 100,000-row MSB export. */
  @Benchmark
  public long msbExport() throws Exception {
    return run(msbFile, in -> MsbList.read(in, "bench", wanted).registrants());
  }

  /** One pass over the 5,000-row CASPS.csv. */
  @Benchmark
  public long caspsCsv() throws Exception {
    return run(caspsFile, in -> (long) EsmaRegister.casps(in, "bench").rows().size());
  }

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("cexsafe-bench");
    Path msb = dir.resolve("msb.tsv");
    Path casps = dir.resolve("CASPS.csv");
    writeMsb(msb, MSB_ROWS);
    writeCasps(casps, CASP_ROWS);
    System.out.printf(
        Locale.ROOT,
        "java %s, %d cores, max heap %d MiB%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
    Set<String> wanted = Set.of(Names.core("Example Money 77 LLC"), Names.core("Coinbase, Inc."));
    report(
        "FinCEN MSB TSV",
        msb,
        MSB_ROWS,
        in -> {
          MsbList.Result r = MsbList.read(in, "bench", wanted);
          return r.registrants();
        });
    report(
        "ESMA CASPS.csv",
        casps,
        CASP_ROWS,
        in -> (long) EsmaRegister.casps(in, "bench").rows().size());
    Files.delete(msb);
    Files.delete(casps);
    Files.delete(dir);
  }

  interface Parse {
    long run(InputStream in) throws Exception;
  }

  private static void report(String name, Path file, int rows, Parse parse) throws Exception {
    for (int i = 0; i < WARMUP; i++) {
      run(file, parse);
    }
    long best = Long.MAX_VALUE;
    long total = 0;
    long peak = 0;
    long parsed = 0;
    for (int i = 0; i < RUNS; i++) {
      System.gc();
      resetPeaks();
      long baseline = heapUsed();
      long start = System.nanoTime();
      parsed = run(file, parse);
      long elapsed = System.nanoTime() - start;
      peak = Math.max(peak, peakHeap() - baseline);
      best = Math.min(best, elapsed);
      total += elapsed;
    }
    if (parsed != rows) {
      throw new IllegalStateException(name + ": parsed " + parsed + " rows, expected " + rows);
    }
    double mean = total / (double) RUNS / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-16s %,9d rows %6.1f MiB file  mean %7.1f ms  best %7.1f ms  %,10.0f rows/s (mean)"
            + "  peak heap above baseline %5.1f MiB%n",
        name,
        rows,
        Files.size(file) / (1024.0 * 1024),
        mean * 1e3,
        best / 1e6,
        rows / mean,
        peak / (1024.0 * 1024));
  }

  private static long run(Path file, Parse parse) throws Exception {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
      return parse.run(in);
    }
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .toList();
  }

  private static void resetPeaks() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long heapUsed() {
    return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
  }

  // the sum of per-pool peaks over-estimates the true peak a little: a conservative figure
  private static long peakHeap() {
    return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  static void writeMsb(Path file, int rows) throws IOException {
    Random random = new Random(42);
    String[] states = {"CA", "NY", "TX", "FL", "WA", "CO", "WY", "NJ"};
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "LEGAL NAME\tDBA NAME\tSTREET ADDRESS\tCITY\tSTATE\tZIP\tMSB ACTIVITIES\t"
              + "STATES OF MSB ACTIVITIES\tALL STATES & TERRITORIES & FOREIGN FLAG**\t"
              + "FOREIGN LOCATION\t# OF BRANCHES\tAUTH SIGN DATE\tRECEIVED DATE\r\n");
      for (int i = 0; i < rows; i++) {
        String state = states[random.nextInt(states.length)];
        w.write("Example Money " + i + " LLC" + (i % 7 == 0 ? " DBA Quick Cash " + i : ""));
        w.write('\t');
        w.write(i % 3 == 0 ? "Example Brand " + i : "");
        w.write("\t" + (100 + random.nextInt(9000)) + " Example Street\tSpringfield " + i % 500);
        w.write("\t" + state + "\t" + (10000 + random.nextInt(89999)));
        w.write("\t" + (random.nextBoolean() ? "409" : "401 405 409"));
        w.write("\t" + state + "\tN\t\t" + random.nextInt(20));
        w.write(
            String.format(
                Locale.ROOT,
                "\t%02d/%02d/2025\t%02d/%02d/2025\r\n",
                1 + random.nextInt(12),
                1 + random.nextInt(28),
                1 + random.nextInt(12),
                1 + random.nextInt(28)));
      }
      w.write("* Registrations are valid for two years.\t\t\t\t\t\t\t\t\t\t\t\t\r\n");
      w.write("** ALL means all states and territories.\t\t\t\t\t\t\t\t\t\t\t\t\r\n");
    }
  }

  static void writeCasps(Path file, int rows) throws IOException {
    Random random = new Random(7);
    String[] authorities = {
      "Malta Financial Services Authority (MFSA)",
      " Financial Supervision Commission (FSC)",
      "Central Bank of Ireland (CBI)",
      "Commission de Surveillance du Secteur Financier (CSSF)"
    };
    String[] homes = {"MT", "BG", "IE", "LU"};
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write('\uFEFF');
      w.write(
          "ae_competentAuthority,ae_homeMemberState,ae_lei_name,ae_lei,ae_lei_cou_code,"
              + "ae_commercial_name,ae_address,ae_website,ae_website_platform,"
              + "ac_authorisationNotificationDate,ac_authorisationEndDate,ac_serviceCode,"
              + "ac_serviceCode_cou,ac_comments,ac_lastupdate,\n");
      for (int i = 0; i < rows; i++) {
        int a = random.nextInt(authorities.length);
        String lei = String.format(Locale.ROOT, "5493%014dXX", i);
        w.write(authorities[a] + "," + homes[a] + ",Example Crypto " + i + " Limited," + lei);
        w.write("," + homes[a] + ",Example " + i + ",\"Level " + (i % 9) + ", Example Park\n");
        w.write("Example Town, " + homes[a] + "\",https://example" + i + ".example,n/a,");
        w.write(
            String.format(
                Locale.ROOT, "%02d/%02d/2025,", 1 + random.nextInt(28), 1 + random.nextInt(12)));
        w.write(i % 50 == 0 ? "24/04/2026," : ",");
        w.write(
            "a.\tproviding custody and administration of crypto-assets on behalf of clients | "
                + "c.\texchange of crypto-assets for funds | j.\tproviding transfer services,");
        w.write(
            "AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IS|IT|LI|LT|LU|LV|MT|NL|NO|PL|PT|RO|SE|SL|SK,");
        w.write(i % 10 == 0 ? "\"1: comment, with a comma\"" : "");
        w.write(",06/02/2026,\n");
      }
    }
  }
}
