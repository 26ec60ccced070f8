package io.cexsafe.cli;

import io.cexsafe.AssessmentListener;
import io.cexsafe.Assessor;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Config;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.RunId;
import io.cexsafe.RunEstimate;
import io.cexsafe.por.ProofCollector;
import io.cexsafe.spi.CollectorRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
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
      RunId runId,
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
    return run(
        runId,
        common,
        proofs,
        catalog,
        selected,
        offline,
        asOf,
        progress,
        err,
        b -> {});
  }

  /** The exchanges the names, ids or aliases name, in order, each once. */
  static List<Exchange> select(ExchangeCatalog catalog, List<String> names) {
    List<Exchange> selected = new ArrayList<>();
    for (String name : new LinkedHashSet<>(names)) {
      Exchange exchange = catalog.get(name);
      if (!selected.contains(exchange)) {
        selected.add(exchange);
      }
    }
    return selected;
  }

  /**
   * Runs the collectors for {@code selected}; {@code onExchange} hears of each bundle as soon as it
   * is complete, in order.
   */
  static AssessmentRun run(
      RunId runId,
      CommonOptions common,
      ProofOptions proofs,
      ExchangeCatalog catalog,
      List<Exchange> selected,
      boolean offline,
      Instant asOf,
      Boolean progress,
      PrintWriter err,
      Consumer<EvidenceBundle> onExchange) {
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
    ExchangeListener listener = new ExchangeListener(onExchange);
    try (Assessor assessor =
        Assessor.builder()
            .catalog(catalog)
            .collectors(registry)
            .config(config)
            .offline(offline)
            .asOf(asOf)
            .runId(runId)
            .listener(listener)
            .build()) {
      // the display starts drawing when made; the estimate line must come first
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
        listener.progress = display;
        return new AssessmentRun(selected, registry, assessor.assessAll(selected));
      }
    }
  }

  /** The time the printed estimate assumes for one request. */
  static final Duration ASSUMED_LATENCY = Duration.ofMillis(250);

  /**
   * Progress (once the display exists) plus the hand-over of each complete bundle; the display is
   * made after the assessor so that the estimate line is printed before it starts drawing.
   */
  private static final class ExchangeListener implements AssessmentListener {
    private final Consumer<EvidenceBundle> onExchange;
    volatile AssessmentListener progress;

    ExchangeListener(Consumer<EvidenceBundle> onExchange) {
      this.onExchange = onExchange;
    }

    @Override
    public void started(String exchangeId, String collectorId) {
      AssessmentListener display = progress;
      if (display != null) {
        display.started(exchangeId, collectorId);
      }
    }

    @Override
    public void finished(String exchangeId, CollectorOutcome outcome, Duration elapsed) {
      AssessmentListener display = progress;
      if (display != null) {
        display.finished(exchangeId, outcome, elapsed);
      }
    }

    @Override
    public void exchangeAssessed(EvidenceBundle bundle) {
      onExchange.accept(bundle);
    }

    @Override
    public boolean hearsFetches() {
      return false;
    }
  }
}
