package io.cexsafe.benchmarks;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.AppStore;
import io.cexsafe.facts.InsurancePolicy;
import io.cexsafe.facts.InsuranceScope;
import io.cexsafe.facts.NetFlow;
import io.cexsafe.facts.ReserveSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast an evidence bundle of realistic size (200 pieces of evidence, four collectors) is
 * written to JSON and read back: the cost a pipeline pays per exchange for keeping history.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EvidenceJsonBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvidenceJsonBenchmark {
  private EvidenceBundle bundle;
  private String json;

  @Setup
  public void setUp() {
    Instant now = Instant.parse("2026-11-21T12:00:00Z");
    List<Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Provenance provenance =
          Provenance.builder("collector-" + (i % 4))
              .source("https://example.com/source/" + i, "Source " + i)
              .observedAt(now.minusSeconds(86_400L * i))
              .retrievedAt(now)
              .evidenceClass(EvidenceClass.values()[i % EvidenceClass.values().length])
              .build();
      var fact =
          switch (i % 4) {
            case 0 -> new ReserveSnapshot(BigDecimal.valueOf(4_000_000_000L + i), null, null, true);
            case 1 -> new NetFlow(24, BigDecimal.valueOf(-1_000_000L * i), -0.001 * (i % 10));
            case 2 ->
                new AppRating(
                    AppStore.APPLE,
                    "US",
                    "123",
                    new BigDecimal("4.5"),
                    10_000L + i,
                    null,
                    null,
                    null);
            default ->
                new InsurancePolicy(
                    BigDecimal.valueOf(1_000_000L * i),
                    "Underwriter " + i,
                    null,
                    Set.of(InsuranceScope.COLD_STORAGE),
                    null,
                    true,
                    null);
          };
      evidence.add(Evidence.of("crypto-com", fact, provenance));
    }
    List<CollectorOutcome> outcomes = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      outcomes.add(
          new CollectorOutcome(
              "collector-" + c, OutcomeStatus.OK, ReasonCode.NONE, null, 50, List.of()));
    }
    bundle = new EvidenceBundle("crypto-com", now, evidence, outcomes);
    json = bundle.toJson();
  }

  @Benchmark
  public String writeBundle() {
    return bundle.toJson();
  }

  @Benchmark
  public EvidenceBundle readBundle() {
    return EvidenceBundle.fromJson(json);
  }
}
