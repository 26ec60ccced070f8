package io.cexsafe.cli;

import io.cexsafe.AssessmentListener;
import io.cexsafe.Assessor;
import io.cexsafe.Config;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.UnknownExchangeException;
import io.cexsafe.identity.Resolution;
import io.cexsafe.por.ProofCollector;
import io.cexsafe.spi.CollectorRegistry;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    return run(common, proofs, names, List.of(), false, offline, asOf, progress, err);
  }

  /**
   * Runs the collectors for catalogued names and, when {@code adHoc}, for exchanges outside the
   * catalogue: uncatalogued {@code names} taken as DeFiLlama slugs, and {@code byName} resolved
   * across sources. Those carry an unreviewed identity into their bundles.
   */
  static AssessmentRun run(
      CommonOptions common,
      ProofOptions proofs,
      List<String> names,
      List<String> byName,
      boolean adHoc,
      boolean offline,
      Instant asOf,
      Boolean progress,
      PrintWriter err) {
    ExchangeCatalog catalog = common.catalog();
    List<Exchange> selected = new ArrayList<>();
    Map<String, Resolution> resolutions = new LinkedHashMap<>();
    AdHocExchanges resolver = null;
    try {
      for (String name : new LinkedHashSet<>(names)) {
        Exchange exchange;
        try {
          exchange = catalog.get(name);
        } catch (UnknownExchangeException unknown) {
          if (!adHoc) {
            throw unknown;
          }
          if (offline) {
            throw new BadInputException(
                unknown.getMessage()
                    + "; an exchange outside the catalogue (a DeFiLlama slug, or --name) needs the"
                    + " network, or a catalogue entry (--catalog <file>)");
          }
          resolver =
              resolver != null ? resolver : new AdHocExchanges(common.config(), catalog, err);
          AdHocExchanges.Resolved resolved = resolver.bySlug(name, unknown);
          exchange = resolved.exchange();
          resolutions.put(exchange.id(), resolved.resolution());
        }
        if (!selected.contains(exchange)) {
          selected.add(exchange);
        }
      }
      for (String name : new LinkedHashSet<>(byName)) {
        Optional<Exchange> known = catalog.find(name);
        if (known.isPresent()) {
          err.println(
              "cexsafe: note: '"
                  + name
                  + "' is in the catalogue as "
                  + known.get().id()
                  + "; assessing the reviewed entry");
          if (!selected.contains(known.get())) {
            selected.add(known.get());
          }
          continue;
        }
        if (offline) {
          throw new BadInputException(AdHocExchanges.offlineMessage(name));
        }
        resolver = resolver != null ? resolver : new AdHocExchanges(common.config(), catalog, err);
        AdHocExchanges.Resolved resolved = resolver.byName(name);
        if (resolutions.containsKey(resolved.exchange().id())) {
          continue; // the same name twice, or a slug and its name
        }
        selected.add(resolved.exchange());
        resolutions.put(resolved.exchange().id(), resolved.resolution());
      }
    } finally {
      if (resolver != null) {
        resolver.close();
      }
    }
    if (!resolutions.isEmpty()) {
      catalog =
          catalog.extendedWith(
              ExchangeCatalog.of(
                  selected.stream().filter(e -> resolutions.containsKey(e.id())).toList()));
    }
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
      List<EvidenceBundle> bundles = new ArrayList<>(assessor.assessAll(selected));
      for (int i = 0; i < selected.size(); i++) {
        Resolution resolution = resolutions.get(selected.get(i).id());
        if (resolution != null) {
          bundles.set(i, withIdentity(bundles.get(i), resolution));
        }
      }
      return new AssessmentRun(selected, registry, bundles);
    }
  }

  /** The bundle with the evidence that its exchange's identity is unreviewed, last. */
  private static EvidenceBundle withIdentity(EvidenceBundle bundle, Resolution resolution) {
    List<Evidence> evidence = new ArrayList<>(bundle.evidence());
    evidence.add(resolution.toEvidence(bundle.exchangeId(), Instant.now()));
    return new EvidenceBundle(bundle.exchangeId(), bundle.asOf(), evidence, bundle.outcomes());
  }
}
