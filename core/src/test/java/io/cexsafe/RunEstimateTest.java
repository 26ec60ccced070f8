package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.http.HostPolicy;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunEstimateTest {
  private static final Duration LATENCY = Duration.ofMillis(250);

  @Test
  void aRateLimitedHostTakesTheGapsBetweenStartsPlusOneRequest() {
    // Apple: 20 a minute, one at a time; 101 requests start over 100 gaps of 3 s
    assertThat(RunEstimate.time(101, HostPolicy.perMinute(20), LATENCY))
        .isEqualTo(Duration.ofSeconds(300).plus(LATENCY));
    assertThat(RunEstimate.time(1, HostPolicy.perMinute(20), LATENCY)).isEqualTo(LATENCY);
  }

  @Test
  void anUnlimitedHostTakesRoundsOfItsConcurrency() {
    assertThat(RunEstimate.time(82, new HostPolicy(8, 0), Duration.ofMillis(50)))
        .isEqualTo(Duration.ofMillis(550));
    // a generous rate limit leaves concurrency in charge
    assertThat(RunEstimate.time(10, new HostPolicy(2, 100), LATENCY))
        .isEqualTo(Duration.ofMillis(1250));
    assertThat(RunEstimate.time(0, new HostPolicy(2, 1), LATENCY)).isZero();
  }

  @Test
  void theRunTakesAsLongAsItsSlowestHostAndTheSummaryNamesEach() {
    RunEstimate estimate =
        RunEstimate.of(
            150,
            Map.of("itunes.apple.com", 1512, "api.llama.fi", 152, "idle.example", 0),
            host ->
                host.equals("itunes.apple.com") ? HostPolicy.perMinute(20) : new HostPolicy(4, 2.0),
            LATENCY,
            List.of("regulators"));

    assertThat(estimate.hosts())
        .extracting(RunEstimate.HostLoad::host)
        .containsExactly("itunes.apple.com", "api.llama.fi");
    assertThat(estimate.requests()).isEqualTo(1664);
    assertThat(estimate.expected()).isEqualTo(Duration.ofSeconds(4533).plus(LATENCY));
    assertThat(estimate.summary())
        .isEqualTo(
            "150 exchanges: about 1 h 15 min, 1664 requests (itunes.apple.com: 1512 at 20/min"
                + " ≈ 1 h 15 min; api.llama.fi: 152 at 2/s ≈ 1 min 15 s); not estimated:"
                + " regulators");
  }

  @Test
  void nothingPlannedIsAnInstantRun() {
    RunEstimate estimate =
        RunEstimate.of(1, Map.of(), h -> new HostPolicy(1, 1), LATENCY, List.of());
    assertThat(estimate.expected()).isZero();
    assertThat(estimate.summary()).isEqualTo("1 exchange: about 0.0 s, 0 requests");
  }

  @Test
  void durationsReadAsPeopleSayThem() {
    assertThat(RunEstimate.human(Duration.ofMillis(420))).isEqualTo("0.4 s");
    assertThat(RunEstimate.human(Duration.ofSeconds(12))).isEqualTo("12 s");
    assertThat(RunEstimate.human(Duration.ofSeconds(200))).isEqualTo("3 min 20 s");
    assertThat(RunEstimate.human(Duration.ofSeconds(3900))).isEqualTo("1 h 5 min");
  }

  @Test
  void badValuesAreRefused() {
    assertThatThrownBy(() -> new RunEstimate(-1, LATENCY, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> new RunEstimate(1, Duration.ofMillis(-1), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RunEstimate.HostLoad("h", -2, new HostPolicy(1, 1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- Assessor.estimate

  private static EvidenceCollector planning(
      String id, boolean network, Optional<Map<String, Integer>> plan) {
    return new EvidenceCollector() {
      final List<List<Exchange>> asked = new ArrayList<>();

      @Override
      public String id() {
        return id;
      }

      @Override
      public Set<Pillar> pillars() {
        return Set.of(Pillar.SUPPORT);
      }

      @Override
      public boolean requiresNetwork() {
        return network;
      }

      @Override
      public Map<String, HostPolicy> hostPolicies() {
        return Map.of("slow.example", HostPolicy.perMinute(6));
      }

      @Override
      public Optional<Map<String, Integer>> plannedRequests(List<Exchange> exchanges) {
        return plan.map(
            perExchange -> {
              Map<String, Integer> scaled = new java.util.TreeMap<>();
              perExchange.forEach((host, n) -> scaled.put(host, n * exchanges.size()));
              return scaled;
            });
      }

      @Override
      public CollectionResult collect(Exchange exchange, CollectorContext context) {
        return CollectionResult.builder().build();
      }
    };
  }

  private static Assessor assessor(boolean offline, Config config, EvidenceCollector... all) {
    Assessor.Builder builder = Assessor.builder().config(config).offline(offline);
    for (EvidenceCollector collector : all) {
      builder.collector(collector);
    }
    return builder.build();
  }

  private static final List<Exchange> TWELVE =
      java.util.stream.IntStream.rangeClosed(1, 12)
          .mapToObj(i -> Exchange.of("ex-" + i, "Exchange " + i))
          .toList();

  @Test
  void theAssessorAddsThePlansOfItsNetworkCollectorsUnderTheHostsLimits() {
    try (Assessor assessor =
        assessor(
            false,
            Config.empty(),
            planning("slow", true, Optional.of(Map.of("SLOW.example", 1))),
            planning("also-slow", true, Optional.of(Map.of("slow.example", 1, "fast.example", 2))),
            planning("silent", true, Optional.empty()),
            planning("local", false, Optional.of(Map.of("slow.example", 100))))) {
      RunEstimate estimate = assessor.estimate(TWELVE, LATENCY);

      assertThat(estimate.exchanges()).isEqualTo(12);
      assertThat(estimate.hosts())
          .extracting(RunEstimate.HostLoad::host, RunEstimate.HostLoad::requests)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("slow.example", 24),
              org.assertj.core.groups.Tuple.tuple("fast.example", 24));
      // 6 a minute from the collectors' declared policy: 23 gaps of 10 s
      assertThat(estimate.expected()).isEqualTo(Duration.ofSeconds(230).plus(LATENCY));
      assertThat(estimate.notEstimated()).containsExactly("silent");
    }
  }

  @Test
  void offlineRunsAndSwitchedOffCollectorsPlanNothing() {
    EvidenceCollector slow = planning("slow", true, Optional.of(Map.of("slow.example", 1)));
    try (Assessor assessor = assessor(true, Config.empty(), slow)) {
      assertThat(assessor.estimate(TWELVE, LATENCY).hosts()).isEmpty();
    }
    Config off = Config.builder().set("slow.enabled", "false").build();
    try (Assessor assessor = Assessor.builder().config(off).collector(slow).build()) {
      RunEstimate estimate = assessor.estimate(TWELVE, LATENCY);
      assertThat(estimate.hosts()).isEmpty();
      assertThat(estimate.notEstimated()).isEmpty();
    }
  }
}
