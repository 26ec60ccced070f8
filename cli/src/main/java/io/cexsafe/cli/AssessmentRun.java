package io.cexsafe.cli;

import io.cexsafe.AssessmentListener;
import io.cexsafe.Assessor;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Config;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
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

  static AssessmentRun run(
      CommonOptions common,
      ProofOptions proofs,
      List<String> names,
      boolean offline,
      Instant asOf,
      Boolean progress,
      PrintWriter err) {
    ExchangeCatalog catalog = common.catalog();
    return run(
        common, proofs, catalog, select(catalog, names), offline, asOf, progress, err, b -> {});
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
    try (ProgressDisplay display =
            showProgress
                ? ProgressDisplay.onTerminal(err, selected.size() * registry.collectors().size())
                : null;
        Assessor assessor =
            Assessor.builder()
                .catalog(catalog)
                .collectors(registry)
                .config(config)
                .offline(offline)
                .asOf(asOf)
                .listener(new ExchangeListener(display, onExchange))
                .build()) {
      return new AssessmentRun(selected, registry, assessor.assessAll(selected));
    }
  }

  /** Progress (when shown) plus the hand-over of each complete bundle. */
  private record ExchangeListener(AssessmentListener progress, Consumer<EvidenceBundle> onExchange)
      implements AssessmentListener {
    @Override
    public void started(String exchangeId, String collectorId) {
      if (progress != null) {
        progress.started(exchangeId, collectorId);
      }
    }

    @Override
    public void finished(String exchangeId, CollectorOutcome outcome, Duration elapsed) {
      if (progress != null) {
        progress.finished(exchangeId, outcome, elapsed);
      }
    }

    @Override
    public void exchangeAssessed(EvidenceBundle bundle) {
      onExchange.accept(bundle);
    }
  }
}
