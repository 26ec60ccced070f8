package io.cexsafe.benchmarks;

import io.cexsafe.por.ProofInput;
import io.cexsafe.por.ProofScheme;
import io.cexsafe.por.ProofVerifier;
import io.cexsafe.por.Verdict;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Probe (not a unit test): where the main thread's CPU goes in one cold {@code por verify}, stage
 * by stage, in a fresh JVM, as the CLI runs it minus picocli and logging. Cold start is the point,
 * so it runs each stage once; run it several times and alternate with the build it is compared to.
 * Run it with the jar the CLI's class-data-sharing archive was made from first on the class path,
 * so the archive applies as it does for {@code bin/cexsafe}:
 *
 * <pre>
 * ./mvnw -q -pl cli,benchmarks -am package -DskipTests
 * bin/cexsafe por verify USER TREE        # trains the launcher's archive once
 * java -XX:TieredStopAtLevel=1 -Xshare:auto -XX:SharedArchiveFile=ARCHIVE -Xlog:disable \
 *     -cp cli/target/cexsafe.jar:benchmarks/target/cexsafe-benchmarks-0.2.0.jar \
 *     io.cexsafe.benchmarks.PorVerifyColdProbe USER TREE
 * </pre>
 *
 * ARCHIVE is the newest {@code ~/.cache/cexsafe/cds/cexsafe-*.jsa}. Stages: reading the proof and
 * opening the tree, the scheme registry, format detection (parsing the proof JSON), verifying (the
 * tree walk; node hashes on a second thread for trees from 1 MiB on two cores). Figures are
 * main-thread CPU; the process's CPU over the verify stage is printed beside it.
 */
public final class PorVerifyColdProbe {
  private PorVerifyColdProbe() {}

  /**
   * Runs the probe.
   *
   * @param args the user's proof file, then optionally the tree file
   * @throws Exception when a file cannot be read or no format is detected
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: PorVerifyColdProbe USER-FILE [TREE-FILE]");
      System.exit(2);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long wallStart = System.nanoTime();
    long start = threads.getCurrentThreadCpuTime();
    ProofInput input =
        ProofInput.fromFiles(Path.of(args[0]), args.length == 2 ? Path.of(args[1]) : null);
    long read = threads.getCurrentThreadCpuTime();
    ProofVerifier verifier = ProofVerifier.standard();
    long registry = threads.getCurrentThreadCpuTime();
    ProofScheme scheme = verifier.detect(input).orElseThrow();
    long detected = threads.getCurrentThreadCpuTime();
    long processBefore = process.getProcessCpuTime();
    Verdict verdict = scheme.verify(input);
    long verified = threads.getCurrentThreadCpuTime();
    long processAfter = process.getProcessCpuTime();
    long wall = System.nanoTime() - wallStart;
    System.out.printf(
        Locale.ROOT,
        "main-thread CPU ms: read %.1f, registry %.1f, detect %.1f, verify %.1f, total %.1f;"
            + " process CPU during verify %.0f ms; wall %.1f ms; %s %s%n",
        (read - start) / 1e6,
        (registry - read) / 1e6,
        (detected - registry) / 1e6,
        (verified - detected) / 1e6,
        (verified - start) / 1e6,
        (processAfter - processBefore) / 1e6,
        wall / 1e6,
        scheme.id(),
        verdict.status());
  }
}
