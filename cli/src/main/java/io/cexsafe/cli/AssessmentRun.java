package io.cexsafe.cli;

import io.cexsafe.AssessmentListener;
import io.cexsafe.Assessor;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Config;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.RunEstimate;
import io.cexsafe.por.ProofCollector;
import io.cexsafe.spi.CollectorRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Runs the collectors for the named exchanges: the shared first half of assess and compare. */
final class AssessmentRun {
  final List<Exchange> exchanges;
  final CollectorRegistry registry;
  final List<EvidenceBundle> bundles;

  private AssessmentRun(
      List<Exchange> exchanges, CollectorRegistry registry, List<EvidenceBundle> bundles) {
    this.exchanges = exchanges;
    this.registry = registry;
    this.bundles = bundles;
  }

  /**
   * Runs the collectors for {@code selection}'s exchanges (or {@code names}), at least {@code
   * minimum} of them.
   */
  static AssessmentRun run(
      CommonOptions common,
      ProofOptions proofs,
      ExchangeSelection selection,
      List<String> names,
      int minimum,
      boolean offline,
      Instant asOf,
      Boolean progress,
      PrintWriter err) {
    ExchangeCatalog catalog = common.catalog();
    List<Exchange> selected =
        selection.resolve(catalog, names, minimum, offline, common::config, err);
    Function<Config, ProofCollector> proofCollector = proofs.collector(catalog, selected, asOf);
    Config config = common.config();
    ProofOptions.checkSettings(config, catalog, selected);
    CollectorRegistry registry =
        CollectorRegistry.builder()
            .config(config)
            // explicit, so discovery does not add the proof collector a second time
            .register(proofCollector.apply(config))
            .discover(AssessmentRun.class.getClassLoader())
            .build();
    registry.problems().forEach(problem -> err.println("cexsafe: warning: " + problem));
    if (registry.collectors().isEmpty()) {
      err.println("cexsafe: warning: no collectors are installed; the report will be empty");
    }
    boolean showProgress = progress != null ? progress : ProgressDisplay.stderrIsTerminal();
    // the display starts drawing when made; the estimate line must come first
    ForwardingListener forward = new ForwardingListener();
    try (Assessor assessor =
        Assessor.builder()
            .catalog(catalog)
            .collectors(registry)
            .config(config)
            .offline(offline)
            .asOf(asOf)
            .listener(forward)
            .build()) {
      if (showProgress) {
        RunEstimate estimate = assessor.estimate(selected, ASSUMED_LATENCY);
        if (estimate.requests() > 0 || !estimate.notEstimated().isEmpty()) {
          err.println("cexsafe: expected run time: " + estimate.summary());
        }
      }
      try (ProgressDisplay display =
          showProgress
              ? ProgressDisplay.onTerminal(err, selected.size() * registry.collectors().size())
              : null) {
        forward.target = display != null ? display : AssessmentListener.NONE;
        return new AssessmentRun(selected, registry, assessor.assessAll(selected));
      }
    }
  }

  /** The time the printed estimate assumes for one request. */
  static final Duration ASSUMED_LATENCY = Duration.ofMillis(250);

  /** Passes events on to a listener chosen after the assessor is built. */
  private static final class ForwardingListener implements AssessmentListener {
    volatile AssessmentListener target = AssessmentListener.NONE;

    @Override
    public void started(String exchangeId, String collectorId) {
      target.started(exchangeId, collectorId);
    }

    @Override
    public void finished(String exchangeId, CollectorOutcome outcome, Duration elapsed) {
      target.finished(exchangeId, outcome, elapsed);
    }
  }
}
