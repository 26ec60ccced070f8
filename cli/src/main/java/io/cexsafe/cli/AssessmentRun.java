package io.cexsafe.cli;

import io.cexsafe.AssessmentListener;
import io.cexsafe.Assessor;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Config;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.RunEstimate;
import io.cexsafe.RunId;
import io.cexsafe.UnknownExchangeException;
import io.cexsafe.identity.Resolution;
import io.cexsafe.por.ProofCollector;
import io.cexsafe.spi.CollectorRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
   * The exchanges a run covers, in order, the catalogue that knows them all, and the identities
   * resolved at run time (by exchange id) for exchanges outside the catalogue.
   */
  record Selection(
      ExchangeCatalog catalog, List<Exchange> exchanges, Map<String, Resolution> resolutions) {
    Selection {
      exchanges = List.copyOf(exchanges);
      resolutions = Map.copyOf(resolutions);
    }

    static Selection of(ExchangeCatalog catalog, List<Exchange> exchanges) {
      return new Selection(catalog, exchanges, Map.of());
    }
  }

  /** The exchanges the names, ids or aliases name, in order, each once. */
  static List<Exchange> select(ExchangeCatalog catalog, List<String> names) {
    Set<Exchange> selected = new LinkedHashSet<>();
    for (String name : new LinkedHashSet<>(names)) {
      selected.add(catalog.get(name));
    }
    return new ArrayList<>(selected);
  }

  /**
   * The exchanges to assess: {@code --all} or {@code --top} when given; otherwise the named ones
   * and, when {@code adHoc}, exchanges outside the catalogue: uncatalogued {@code names} taken as
   * DeFiLlama slugs, and {@code byName} resolved across sources at run time. Those carry an
   * unreviewed identity into their bundles.
   */
  static Selection choose(
      CommonOptions common,
      ExchangeSelection selection,
      List<String> names,
      List<String> byName,
      int minimum,
      boolean adHoc,
      boolean offline,
      PrintWriter err) {
    ExchangeCatalog catalog = common.catalog();
    if (selection.chosen() && !byName.isEmpty()) {
      throw new BadInputException("give --name or --all/--top, not both");
    }
    if (selection.chosen() || names.size() + byName.size() < minimum) {
      // resolve() also says what is missing when too few exchanges are named
      return Selection.of(
          catalog, selection.resolve(catalog, names, minimum, offline, common::config, err));
    }
    List<Exchange> selected = new ArrayList<>();
    // what selected holds, for the each-once check: a list's contains() compares every entry field
    // by field, which cost a cold 90-exchange run ~13 ms of interpreted equals(), and a HashSet
    // hashes every field of every entry (its nested records too) just as slowly
    ChosenOnce chosen = new ChosenOnce();
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
        if (chosen.add(exchange)) {
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
          if (chosen.add(known.get())) {
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
        chosen.add(resolved.exchange());
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
    return new Selection(catalog, selected, resolutions);
  }

  /**
   * A set of exchanges by equality, as a {@code HashSet<Exchange>} is, keyed by id: equal exchanges
   * have equal ids, and a catalogue look-up returns the same instance, found without comparing a
   * field.
   */
  private static final class ChosenOnce {
    private final Map<String, List<Exchange>> byId = new HashMap<>();

    /** Adds the exchange unless an equal one is in; true when it was added. */
    boolean add(Exchange exchange) {
      List<Exchange> same = byId.get(exchange.id());
      if (same == null) {
        same = new ArrayList<>(1);
        byId.put(exchange.id(), same);
      }
      for (Exchange known : same) {
        if (known == exchange || known.equals(exchange)) {
          return false;
        }
      }
      same.add(exchange);
      return true;
    }
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
    return run(
        runId,
        common,
        proofs,
        Selection.of(catalog, selected),
        offline,
        asOf,
        progress,
        err,
        onExchange);
  }

  /**
   * Runs the collectors for the selection; {@code onExchange} hears of each bundle as soon as it is
   * complete, in order, with the evidence of an identity resolved at run time already added.
   */
  static AssessmentRun run(
      RunId runId,
      CommonOptions common,
      ProofOptions proofs,
      Selection selection,
      boolean offline,
      Instant asOf,
      Boolean progress,
      PrintWriter err,
      Consumer<EvidenceBundle> onExchange) {
    ExchangeCatalog catalog = selection.catalog();
    List<Exchange> selected = selection.exchanges();
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
    Map<String, Resolution> resolutions = selection.resolutions();
    Instant resolvedAt = Instant.now();
    Function<EvidenceBundle, EvidenceBundle> identified =
        bundle -> {
          Resolution resolution = resolutions.get(bundle.exchangeId());
          return resolution == null ? bundle : withIdentity(bundle, resolution, resolvedAt);
        };
    ExchangeListener listener =
        new ExchangeListener(bundle -> onExchange.accept(identified.apply(bundle)));
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
        List<EvidenceBundle> bundles =
            assessor.assessAll(selected).stream().map(identified).toList();
        return new AssessmentRun(selected, registry, bundles);
      }
    }
  }

  /** The time the printed estimate assumes for one request. */
  static final Duration ASSUMED_LATENCY = Duration.ofMillis(250);

  /** The bundle with the evidence that its exchange's identity is unreviewed, last. */
  private static EvidenceBundle withIdentity(
      EvidenceBundle bundle, Resolution resolution, Instant resolvedAt) {
    List<Evidence> evidence = new ArrayList<>(bundle.evidence());
    evidence.add(resolution.toEvidence(bundle.exchangeId(), resolvedAt));
    return new EvidenceBundle(bundle.exchangeId(), bundle.asOf(), evidence, bundle.outcomes());
  }

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
