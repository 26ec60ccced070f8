package io.cexsafe.cli;

import io.cexsafe.AssessmentListener;
import io.cexsafe.Assessor;
import io.cexsafe.Config;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.por.ProofCollector;
import io.cexsafe.spi.CollectorRegistry;
import java.io.PrintWriter;
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
    List<Exchange> selected = selection.resolve(catalog, names, minimum);
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
                .listener(display != null ? display : AssessmentListener.NONE)
                .build()) {
      return new AssessmentRun(selected, registry, assessor.assessAll(selected));
    }
  }
}
