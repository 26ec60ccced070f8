package io.cexsafe.micrometer;

import io.cexsafe.AssessmentListener;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.http.FetchListener;
import io.cexsafe.http.FetchObservation;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.Scorer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Objects;

/**
 * Micrometer meters for cexsafe: what each collector did, how long requests took and how much they
 * brought, and how long scoring took. Bind it to your registry, then hand it to the assessor as its
 * listener:
 *
 * <pre>{@code
 * CexsafeMetrics metrics = CexsafeMetrics.create();
 * metrics.bindTo(registry);
 * try (Assessor assessor = Assessor.builder()
 *     .collectors(CollectorRegistry.builder().discover().build())
 *     .listener(metrics)
 *     .build()) {
 *   Scorecard card = metrics.score(Scorer.standard(), assessor.assess("kraken"));
 * }
 * }</pre>
 *
 * <p>Meters (all tags are low-cardinality ids):
 *
 * <ul>
 *   <li>{@value #COLLECTOR_RUNS} counter, tags {@code collector}, {@code status} ({@code ok},
 *       {@code partial}, {@code failed}, {@code skipped}) and {@code reason} ({@code none}, {@code
 *       timeout}, …);
 *   <li>{@value #COLLECTOR_DURATION} timer, tags {@code collector}, {@code status};
 *   <li>{@value #FETCH_DURATION} timer, tags {@code host} and {@code outcome} ({@code ok} or the
 *       failure's reason id), retries and waits for the host's limits included;
 *   <li>{@value #FETCH_BYTES} distribution summary in bytes, tag {@code host};
 *   <li>{@value #SCORING_DURATION} timer, tag {@code methodology}.
 * </ul>
 *
 * <p>Requests are heard only from the assessor's own HTTP client; for a client you create, pass
 * {@link #fetchListener()} to {@code HttpSupport.create}. Core knows nothing of Micrometer: without
 * this class on the class path nothing is measured and nothing is paid for. Before {@link #bindTo}
 * (or after binding to no registry) measurements go nowhere.
 */
public final class CexsafeMetrics implements MeterBinder, AssessmentListener {
  /** Counter of collector runs. */
  public static final String COLLECTOR_RUNS = "cexsafe.collector.runs";

  /** Timer of collector runs. */
  public static final String COLLECTOR_DURATION = "cexsafe.collector.duration";

  /** Timer of HTTP requests. */
  public static final String FETCH_DURATION = "cexsafe.http.fetch.duration";

  /** Distribution summary of response body bytes. */
  public static final String FETCH_BYTES = "cexsafe.http.fetch.bytes";

  /** Timer of scoring one bundle. */
  public static final String SCORING_DURATION = "cexsafe.scoring.duration";

  // every registry bound receives every measurement; an empty composite drops them at no cost
  private final CompositeMeterRegistry registries = new CompositeMeterRegistry();

  private CexsafeMetrics() {}

  /**
   * {@return new metrics bound to no registry yet, so measurements go nowhere until {@link
   * #bindTo}}
   */
  public static CexsafeMetrics create() {
    return new CexsafeMetrics();
  }

  /**
   * Adds a registry that receives every measurement from now on; may be called for several.
   *
   * @param registry the registry to add; measurements taken before are not replayed to it
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    registries.add(Objects.requireNonNull(registry, "registry"));
  }

  @Override
  public void finished(String exchangeId, CollectorOutcome outcome, Duration elapsed) {
    String status = outcome.status().id();
    Counter.builder(COLLECTOR_RUNS)
        .description("Collector runs, by how they ended")
        .tags(
            Tags.of(
                "collector", outcome.collectorId(),
                "status", status,
                "reason", outcome.reason().id()))
        .register(registries)
        .increment();
    Timer.builder(COLLECTOR_DURATION)
        .description("Time a collector took for one exchange")
        .tags(Tags.of("collector", outcome.collectorId(), "status", status))
        .register(registries)
        .record(elapsed);
  }

  @Override
  public void fetched(FetchObservation observation) {
    String host = observation.host().isEmpty() ? "unknown" : observation.host();
    Timer.builder(FETCH_DURATION)
        .description("Time of an HTTP request, retries and host limits included")
        .tags(
            Tags.of(
                "host", host, "outcome", observation.failed() ? observation.failure().id() : "ok"))
        .register(registries)
        .record(observation.elapsed());
    DistributionSummary.builder(FETCH_BYTES)
        .description("Response body bytes read")
        .baseUnit("bytes")
        .tags(Tags.of("host", host))
        .register(registries)
        .record(observation.bytes());
  }

  /**
   * Says yes: requests are what {@link #FETCH_DURATION} and {@link #FETCH_BYTES} measure.
   *
   * @return always true
   */
  @Override
  public boolean hearsFetches() {
    return true;
  }

  /**
   * {@return this class as a listener for an {@code HttpSupport} the caller creates, recording
   * under {@link #FETCH_DURATION} and {@link #FETCH_BYTES}}
   */
  public FetchListener fetchListener() {
    return this::fetched;
  }

  /**
   * Scores a bundle with {@code scorer}, timing it under {@link #SCORING_DURATION} (also when
   * scoring throws).
   *
   * @param scorer the scorer to run; its methodology id tags the timer
   * @param bundle the evidence to score
   * @return the scorer's scorecard, unchanged
   */
  public Scorecard score(Scorer scorer, EvidenceBundle bundle) {
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(bundle, "bundle");
    long started = System.nanoTime();
    try {
      return scorer.score(bundle);
    } finally {
      recordScoring(scorer.methodology().id(), Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /**
   * Records a scoring time measured elsewhere, e.g. around a scorer called by other code.
   *
   * @param methodologyId the id of the methodology that scored, the timer's {@code methodology} tag
   * @param elapsed how long scoring took
   */
  public void recordScoring(String methodologyId, Duration elapsed) {
    Timer.builder(SCORING_DURATION)
        .description("Time to score one evidence bundle")
        .tags(Tags.of("methodology", methodologyId))
        .register(registries)
        .record(elapsed);
  }
}
