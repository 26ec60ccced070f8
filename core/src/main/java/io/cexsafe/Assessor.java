package io.cexsafe;

import io.cexsafe.http.FetchListener;
import io.cexsafe.http.HttpFetcher;
import io.cexsafe.http.HttpSettings;
import io.cexsafe.http.HttpSupport;
import io.cexsafe.internal.SharedDatasets;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.CollectorRegistry;
import io.cexsafe.spi.EvidenceCollector;
import io.cexsafe.spi.SharedDataset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs collectors for one or many exchanges concurrently and gathers their evidence into {@link
 * EvidenceBundle}s. Each collector run has a deadline after which it is cancelled and reported as
 * {@link ReasonCode#DEADLINE_EXCEEDED}; a collector that throws is reported as {@link
 * ReasonCode#INTERNAL_ERROR}. Nothing a collector does can fail the whole assessment.
 *
 * <p>At most {@code parallelism} runs work at once; a run gives its place to the next one when it
 * ends or when it is cut off at its deadline, even if its thread has not noticed yet, so a stuck
 * source of one exchange never holds the others back.
 *
 * <p>With an as-of before the run's start (a replay of the past), nothing observed after as-of
 * reaches a bundle: such evidence is dropped with a {@link ReasonCode#AFTER_AS_OF} problem naming
 * the collector, and collectors that keep no history ({@link EvidenceCollector#keepsHistory()}) are
 * skipped with {@link ReasonCode#NO_HISTORY}.
 *
 * <p>Every assessor carries a {@link RunId} (given to its builder, or generated). While a collector
 * works, and while its outcome is reported, the SLF4J mapped diagnostic context holds {@value
 * #MDC_RUN_ID}, {@value #MDC_EXCHANGE} and {@value #MDC_COLLECTOR}, so any log line (the
 * collector's own included) can say which run, exchange and collector it belongs to. A failed
 * collector is logged at WARN with its reason, a partial one at INFO.
 *
 * <pre>{@code
 * try (Assessor assessor = Assessor.builder()
 *     .collectors(CollectorRegistry.builder().discover().build())
 *     .build()) {
 *   EvidenceBundle bundle = assessor.assess("crypto-com");
 * }
 * }</pre>
 */
public final class Assessor implements AutoCloseable {
  /** The MDC key holding the run id while collectors work. */
  public static final String MDC_RUN_ID = "runId";

  /** The MDC key holding the id of the exchange a collector works on. */
  public static final String MDC_EXCHANGE = "exchange";

  /** The MDC key holding the id of the working collector. */
  public static final String MDC_COLLECTOR = "collector";

  private static final Logger LOG = LoggerFactory.getLogger(Assessor.class);
  private static final Clock DEADLINE_CLOCK = Clock.systemUTC();

  private final ExchangeCatalog catalog;
  private final List<EvidenceCollector> collectors;
  private final Config config;
  private final Clock clock;
  private final Instant asOf;
  private final boolean offline;
  private final Duration collectorTimeout;
  private final AssessmentListener listener;
  private final RunId runId;
  private final HttpSupport http;
  private final boolean ownsHttp;
  private final ExecutorService workers;
  private final ScheduledExecutorService watchdog;
  private final int parallelism;
  private final Object queueLock = new Object();
  private final ArrayDeque<Runnable> queued = new ArrayDeque<>();
  private int running;

  private Assessor(Builder b) {
    this.catalog = b.catalog != null ? b.catalog : ExchangeCatalog.bundled();
    this.collectors = List.copyOf(b.collectors);
    this.config = b.config;
    this.clock = b.clock;
    this.asOf = b.asOf;
    this.offline = b.offline;
    this.collectorTimeout =
        b.collectorTimeout != null
            ? b.collectorTimeout
            : config.get(SettingKeys.ASSESSOR_COLLECTOR_TIMEOUT);
    this.listener = b.listener;
    this.runId = b.runId != null ? b.runId : RunId.generate();
    if (b.http != null) {
      this.http = b.http;
      this.ownsHttp = false;
    } else {
      HttpSettings.Builder settings = HttpSettings.fromConfig(config).toBuilder();
      HttpSettings base = settings.build();
      for (EvidenceCollector collector : collectors) {
        collector
            .hostPolicies()
            .forEach(
                (host, policy) -> {
                  if (!base.hostPolicies().containsKey(host)) {
                    settings.hostPolicy(host, policy);
                  }
                });
      }
      this.http =
          HttpSupport.create(
              settings.build(), listener.hearsFetches() ? listener::fetched : FetchListener.NONE);
      this.ownsHttp = true;
    }
    if (!offline && collectors.stream().anyMatch(EvidenceCollector::requiresNetwork)) {
      // the client is built lazily; build it here rather than inside the first collector's deadline
      http.start();
    }
    int parallelism =
        b.parallelism > 0 ? b.parallelism : config.get(SettingKeys.ASSESSOR_PARALLELISM);
    if (parallelism < 1) {
      throw new ConfigurationException(
          "assessor.parallelism must be at least 1, was " + parallelism);
    }
    this.parallelism = parallelism;
    // threads are not the limit (a cut-off run may keep its thread): places are, see submit()
    this.workers = Executors.newCachedThreadPool(daemonThreads("cexsafe-collector-"));
    this.watchdog = Executors.newSingleThreadScheduledExecutor(daemonThreads("cexsafe-watchdog-"));
  }

  /**
   * Starts the configuration of an assessor.
   *
   * @return a builder with the bundled catalogue, no collectors, empty config and the system UTC
   *     clock
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * How long {@link #assessAll} of {@code exchanges} is expected to take, from the requests each
   * collector that would run plans per host and the limits the run applies to each host. An offline
   * run plans no requests. Asks nothing of the network.
   *
   * @param exchanges the exchanges the run would assess
   * @param latency the time assumed for one request
   * @return the requests planned per host, the collectors that could not say how many they would
   *     make, and the expected duration
   */
  public RunEstimate estimate(List<Exchange> exchanges, Duration latency) {
    Map<String, Integer> perHost = new TreeMap<>();
    List<String> notEstimated = new ArrayList<>();
    for (EvidenceCollector collector : collectors) {
      if (offline
          || !collector.requiresNetwork()
          || !config.scoped(collector.id()).get(CollectorRegistry.ENABLED)) {
        continue;
      }
      Optional<Map<String, Integer>> planned = collector.plannedRequests(exchanges);
      if (planned.isEmpty()) {
        notEstimated.add(collector.id());
        continue;
      }
      planned
          .get()
          .forEach((host, n) -> perHost.merge(host.toLowerCase(Locale.ROOT), n, Integer::sum));
    }
    return RunEstimate.of(
        exchanges.size(), perHost, http.settings()::policyFor, latency, notEstimated);
  }

  /** {@return the catalogue that exchange ids, names and aliases are looked up in} */
  public ExchangeCatalog catalog() {
    return catalog;
  }

  /**
   * {@return the id of this assessor's run, in the MDC of its collectors and in their log lines}
   */
  public RunId runId() {
    return runId;
  }

  /** {@return the collectors in use, sorted by id} */
  public List<EvidenceCollector> collectors() {
    return collectors;
  }

  /**
   * Assesses an exchange given by id, name or alias.
   *
   * @param exchangeIdOrName an exchange id, display name or alias from the catalogue
   * @return the evidence gathered for the exchange, with one outcome per collector
   * @throws UnknownExchangeException when the catalogue has no such exchange
   */
  public EvidenceBundle assess(String exchangeIdOrName) {
    return assess(catalog.get(exchangeIdOrName));
  }

  /**
   * Assesses one exchange, which need not be in the catalogue.
   *
   * @param exchange the exchange to assess
   * @return the evidence gathered for the exchange, with one outcome per collector
   */
  public EvidenceBundle assess(Exchange exchange) {
    return assessAll(List.of(exchange)).get(0);
  }

  /**
   * Assesses several exchanges in one run: collectors work concurrently and shared datasets are
   * fetched once for all of them. Bundles come back in the order given.
   *
   * @param exchanges the exchanges to assess, each listed once
   * @return one bundle per exchange, in the order given
   * @throws IllegalArgumentException when an exchange is listed twice
   */
  public List<EvidenceBundle> assessAll(List<Exchange> exchanges) {
    Instant started = clock.instant();
    Run run =
        asOf != null
            ? new Run(asOf, asOf.isBefore(started.truncatedTo(ChronoUnit.SECONDS)), exchanges)
            : new Run(started.truncatedTo(ChronoUnit.SECONDS), false, exchanges);
    Set<String> ids = new HashSet<>();
    for (Exchange exchange : exchanges) {
      if (!ids.add(exchange.id())) {
        throw new IllegalArgumentException("exchange " + exchange.id() + " is listed twice");
      }
    }
    List<List<CompletableFuture<TaskResult>>> pending = new ArrayList<>();
    for (Exchange exchange : exchanges) {
      List<CompletableFuture<TaskResult>> perExchange = new ArrayList<>();
      for (EvidenceCollector collector : collectors) {
        perExchange.add(start(run, exchange, collector));
      }
      pending.add(perExchange);
    }
    List<EvidenceBundle> bundles = new ArrayList<>();
    for (int i = 0; i < exchanges.size(); i++) {
      List<Evidence> evidence = new ArrayList<>();
      List<CollectorOutcome> outcomes = new ArrayList<>();
      Set<String> evidenceIds = new HashSet<>();
      for (CompletableFuture<TaskResult> future : pending.get(i)) {
        TaskResult result = future.join();
        outcomes.add(result.outcome());
        for (Evidence e : result.evidence()) {
          if (evidenceIds.add(e.id())) {
            evidence.add(e);
          }
        }
      }
      EvidenceBundle bundle =
          new EvidenceBundle(exchanges.get(i).id(), run.asOf, evidence, outcomes);
      bundles.add(bundle);
      listener.exchangeAssessed(bundle);
    }
    return bundles;
  }

  private record TaskResult(CollectorOutcome outcome, List<Evidence> evidence) {}

  private CompletableFuture<TaskResult> start(
      Run run, Exchange exchange, EvidenceCollector collector) {
    String id = collector.id();
    PendingResult result = new PendingResult();
    if (!config.scoped(id).get(CollectorRegistry.ENABLED)) {
      return finish(
          result,
          exchange,
          nothingCollected(
              CollectorOutcome.skipped(
                  id, ReasonCode.DISABLED, "switched off by " + id + ".enabled=false")),
          Duration.ZERO);
    }
    if (offline && collector.requiresNetwork()) {
      return finish(
          result,
          exchange,
          nothingCollected(
              CollectorOutcome.skipped(
                  id, ReasonCode.OFFLINE, "offline run: this collector needs the network")),
          Duration.ZERO);
    }
    if (run.asOfInPast && !collector.keepsHistory()) {
      return finish(
          result,
          exchange,
          nothingCollected(
              CollectorOutcome.skipped(
                  id,
                  ReasonCode.NO_HISTORY,
                  "as of "
                      + run.asOf
                      + ": this source shows only its current state,"
                      + " which says nothing of that date")),
          Duration.ZERO);
    }
    submit(
        place -> {
          long started = System.nanoTime();
          Instant deadline = DEADLINE_CLOCK.instant().plus(collectorTimeout);
          HttpFetcher fetcher;
          Runnable cancel;
          if (offline) {
            fetcher = HttpSupport.offline();
            cancel = () -> {};
          } else {
            HttpSupport.ScopedFetcher scoped = http.scoped(deadline, DEADLINE_CLOCK);
            fetcher = scoped;
            cancel = scoped::cancel;
          }
          Context context = new Context(run, fetcher, deadline);
          Thread worker = Thread.currentThread();
          var timer =
              watchdog.schedule(
                  () -> {
                    // record the deadline before interrupting: a woken collector returns quickly
                    context.cancelled = true;
                    finish(
                        result,
                        exchange,
                        nothingCollected(CollectorOutcome.timedOut(id, collectorTimeout)),
                        Duration.ofNanos(System.nanoTime() - started));
                    cancel.run();
                    worker.interrupt();
                    place.run();
                  },
                  collectorTimeout.toMillis(),
                  TimeUnit.MILLISECONDS);
          putMdc(exchange.id(), id);
          try {
            listener.started(exchange.id(), id);
            TaskResult outcome;
            try {
              outcome = run(collector, exchange, context, run);
            } finally {
              timer.cancel(false);
            }
            finish(result, exchange, outcome, Duration.ofNanos(System.nanoTime() - started));
          } finally {
            clearMdc();
          }
          place.run();
          Thread.interrupted(); // a late watchdog interrupt must not leak into the next task
        });
    return result;
  }

  /**
   * Starts {@code task} when one of the {@code parallelism} places is free. The task gets a
   * callback that gives its place back; calling it more than once has no further effect.
   */
  private void submit(java.util.function.Consumer<Runnable> task) {
    AtomicBoolean given = new AtomicBoolean();
    Runnable giveBack =
        () -> {
          if (given.compareAndSet(false, true)) {
            placeFreed();
          }
        };
    Runnable run =
        () -> {
          try {
            task.accept(giveBack);
          } catch (RuntimeException | Error e) {
            giveBack.run();
            throw e;
          }
        };
    synchronized (queueLock) {
      if (running >= parallelism) {
        queued.add(run);
        return;
      }
      running++;
    }
    launch(run);
  }

  private void placeFreed() {
    Runnable next;
    synchronized (queueLock) {
      next = queued.poll();
      if (next == null) {
        running--;
        return;
      }
    }
    launch(next);
  }

  private void launch(Runnable run) {
    try {
      workers.execute(run);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("assessor closed; a queued collector run was not started");
    }
  }

  private CompletableFuture<TaskResult> finish(
      PendingResult result, Exchange exchange, TaskResult outcome, Duration elapsed) {
    // the first of the worker and the watchdog reports; logging and listeners come before the
    // result, so that whoever waits for it sees them done
    if (result.claimed.compareAndSet(false, true)) {
      // also called on the watchdog and the caller's thread: the MDC is set here, not inherited
      boolean ownMdc = MDC.get(MDC_COLLECTOR) == null;
      if (ownMdc) {
        putMdc(exchange.id(), outcome.outcome().collectorId());
      }
      try {
        logOutcome(exchange, outcome.outcome());
        listener.finished(exchange.id(), outcome.outcome(), elapsed);
      } finally {
        if (ownMdc) {
          clearMdc();
        }
        result.complete(outcome);
      }
    }
    return result;
  }

  /** A collector run's result, completed by whichever of its worker and watchdog claims it. */
  private static final class PendingResult extends CompletableFuture<TaskResult> {
    final AtomicBoolean claimed = new AtomicBoolean();
  }

  private static void logOutcome(Exchange exchange, CollectorOutcome outcome) {
    if (outcome.status() == OutcomeStatus.FAILED) {
      LOG.warn(
          "collector '{}' failed for {}: {}{}",
          outcome.collectorId(),
          exchange.id(),
          outcome.reason().id(),
          outcome.message() == null ? "" : " (" + outcome.message() + ")");
    } else if (outcome.status() == OutcomeStatus.PARTIAL) {
      LOG.info(
          "collector '{}' was partial for {}: {}{}",
          outcome.collectorId(),
          exchange.id(),
          outcome.reason().id(),
          outcome.message() == null ? "" : " (" + outcome.message() + ")");
    }
  }

  private void putMdc(String exchangeId, String collectorId) {
    MDC.put(MDC_RUN_ID, runId.value());
    MDC.put(MDC_EXCHANGE, exchangeId);
    MDC.put(MDC_COLLECTOR, collectorId);
  }

  private static void clearMdc() {
    MDC.remove(MDC_RUN_ID);
    MDC.remove(MDC_EXCHANGE);
    MDC.remove(MDC_COLLECTOR);
  }

  private static TaskResult nothingCollected(CollectorOutcome outcome) {
    return new TaskResult(outcome, List.of());
  }

  private TaskResult run(EvidenceCollector collector, Exchange exchange, Context context, Run run) {
    String id = collector.id();
    CollectionResult result;
    try {
      result =
          Objects.requireNonNull(collector.collect(exchange, context), "collect returned null");
    } catch (RuntimeException | LinkageError e) {
      // logged at WARN with the outcome; the stack trace only at DEBUG
      LOG.debug("collector '{}' threw for {}", id, exchange.id(), e);
      return nothingCollected(CollectorOutcome.threw(id, e));
    }
    List<Evidence> accepted = new ArrayList<>();
    List<Problem> misattributed = new ArrayList<>();
    List<Evidence> afterAsOf = new ArrayList<>();
    for (Evidence e : result.evidence()) {
      if (run.asOfInPast && e.provenance().observedAt().isAfter(run.asOf)) {
        afterAsOf.add(e);
      } else if (!e.exchangeId().equals(exchange.id())
          || !e.provenance().collectorId().equals(id)) {
        misattributed.add(
            new Problem(
                ReasonCode.INTERNAL_ERROR,
                "dropped evidence "
                    + e.id()
                    + ": it names exchange "
                    + e.exchangeId()
                    + " and collector "
                    + e.provenance().collectorId(),
                null,
                null));
      } else {
        accepted.add(e);
      }
    }
    CollectorOutcome outcome =
        CollectorOutcome.reported(
                id,
                result.status(),
                result.reason(),
                result.message(),
                accepted.size(),
                result.problems())
            .afterDropping(misattributed, ReasonCode.INTERNAL_ERROR, OutcomeStatus.FAILED)
            // what is left is sound; with nothing left the source simply had nothing to say then
            .afterDropping(
                afterAsOf.isEmpty()
                    ? List.of()
                    : List.of(afterAsOfProblem(id, run.asOf, afterAsOf)),
                ReasonCode.AFTER_AS_OF,
                OutcomeStatus.SKIPPED);
    return new TaskResult(outcome, accepted);
  }

  /** One problem for everything a collector gave that was observed after as-of. */
  private static Problem afterAsOfProblem(
      String collectorId, Instant asOf, List<Evidence> dropped) {
    Instant latest =
        dropped.stream()
            .map(e -> e.provenance().observedAt())
            .max(Instant::compareTo)
            .orElseThrow();
    Set<String> types = new TreeSet<>();
    dropped.forEach(e -> types.add(e.fact().getClass().getSimpleName()));
    return new Problem(
        ReasonCode.AFTER_AS_OF,
        "dropped "
            + dropped.size()
            + (dropped.size() == 1 ? " piece" : " pieces")
            + " of evidence from collector '"
            + collectorId
            + "' observed after as-of "
            + asOf
            + " (latest "
            + latest
            + "; "
            + String.join(", ", types)
            + "): not knowable at that date",
        null,
        null);
  }

  @Override
  public void close() {
    workers.shutdownNow();
    watchdog.shutdownNow();
    if (ownsHttp) {
      http.close();
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** State shared by the collectors of one run. */
  private static final class Run {
    final Instant asOf;
    final boolean asOfInPast;
    final SharedDatasets datasets = new SharedDatasets(DEADLINE_CLOCK);
    final List<Exchange> exchanges;

    Run(Instant asOf, boolean asOfInPast, List<Exchange> exchanges) {
      this.asOf = asOf;
      this.asOfInPast = asOfInPast;
      this.exchanges = List.copyOf(exchanges);
    }
  }

  private final class Context implements CollectorContext {
    private final Run run;
    private final HttpFetcher fetcher;
    private final Instant deadline;
    volatile boolean cancelled;

    Context(Run run, HttpFetcher fetcher, Instant deadline) {
      this.run = run;
      this.fetcher = fetcher;
      this.deadline = deadline;
    }

    @Override
    public HttpFetcher http() {
      return fetcher;
    }

    @Override
    public Clock clock() {
      return clock;
    }

    @Override
    public Instant asOf() {
      return run.asOf;
    }

    @Override
    public boolean asOfInPast() {
      return run.asOfInPast;
    }

    @Override
    public Instant deadline() {
      return deadline;
    }

    @Override
    public boolean offline() {
      return offline;
    }

    @Override
    public ExchangeCatalog catalog() {
      return catalog;
    }

    @Override
    public List<Exchange> runExchanges() {
      return run.exchanges;
    }

    @Override
    public boolean isCancelled() {
      return cancelled || DEADLINE_CLOCK.instant().isAfter(deadline);
    }

    @Override
    public <T> T shared(SharedDataset<T> dataset) throws SourceException {
      return run.datasets.get(dataset, this);
    }

    @Override
    public SharedDataset.State sharedState(SharedDataset<?> dataset) {
      return run.datasets.state(dataset);
    }
  }

  /** Builder for {@link Assessor}. */
  public static final class Builder {
    private ExchangeCatalog catalog;
    private final List<EvidenceCollector> collectors = new ArrayList<>();
    private Config config = Config.empty();
    private Clock clock = Clock.systemUTC();
    private Instant asOf;
    private boolean offline;
    private Duration collectorTimeout;
    private int parallelism;
    private AssessmentListener listener = AssessmentListener.NONE;
    private RunId runId;
    private HttpSupport http;

    private Builder() {}

    /**
     * Sets the catalogue that {@link Assessor#assess(String)} looks exchanges up in.
     *
     * @param catalog the catalogue to use instead of the bundled one
     * @return this builder
     */
    public Builder catalog(ExchangeCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * Adds every collector of a registry.
     *
     * @param registry the collectors to add
     * @return this builder
     * @throws ConfigurationException when a collector's id is already taken
     */
    public Builder collectors(CollectorRegistry registry) {
      registry.collectors().forEach(this::collector);
      return this;
    }

    /**
     * Adds one collector; collectors run sorted by id.
     *
     * @param collector the collector to add
     * @return this builder
     * @throws ConfigurationException when another collector already has its id
     */
    public Builder collector(EvidenceCollector collector) {
      for (EvidenceCollector existing : collectors) {
        if (existing.id().equals(collector.id())) {
          throw new ConfigurationException("two collectors with id '" + collector.id() + "'");
        }
      }
      collectors.add(collector);
      collectors.sort((a, b) -> a.id().compareTo(b.id()));
      return this;
    }

    /**
     * Sets the settings: {@code http.*}, {@code assessor.*} and each collector's {@code
     * <id>.enabled}.
     *
     * @param config the settings to read
     * @return this builder
     */
    public Builder config(Config config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Sets the clock that stamps each run's start (and its as-of when none is given).
     *
     * @param clock the clock to read
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the evaluation instant; defaults to the clock's now at the start of each run. An instant
     * in the past replays it: later evidence is dropped and collectors without history are skipped.
     *
     * @param asOf the evaluation instant, or {@code null} for the clock's now
     * @return this builder
     */
    public Builder asOf(Instant asOf) {
      this.asOf = asOf;
      return this;
    }

    /**
     * Runs without the network: collectors that need it are skipped rather than fail.
     *
     * @param offline whether the network is off limits
     * @return this builder
     */
    public Builder offline(boolean offline) {
      this.offline = offline;
      return this;
    }

    /**
     * Sets the deadline of each collector run, after which it is cancelled and reported as {@link
     * ReasonCode#DEADLINE_EXCEEDED}; defaults to the {@code assessor.collector-timeout} setting.
     *
     * @param timeout how long one collector may work on one exchange
     * @return this builder
     * @throws ConfigurationException when the timeout is null, zero or negative
     */
    public Builder collectorTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new ConfigurationException("collector timeout must be positive, was " + timeout);
      }
      this.collectorTimeout = timeout;
      return this;
    }

    /**
     * Sets the number of collector runs in progress at once; defaults to the {@code
     * assessor.parallelism} setting (16).
     *
     * @param parallelism the number of runs at once, at least 1
     * @return this builder
     * @throws ConfigurationException when it is below 1
     */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new ConfigurationException("parallelism must be at least 1, was " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /**
     * Sets who hears about collector runs as they start and finish, and, when the assessor builds
     * its own HTTP client, about its requests.
     *
     * @param listener the listener to notify
     * @return this builder
     */
    public Builder listener(AssessmentListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the id of this run (default: a fresh {@link RunId#generate()}).
     *
     * @param runId the run id, shared with the report envelope, the logs and a store
     * @return this builder
     */
    public Builder runId(RunId runId) {
      this.runId = Objects.requireNonNull(runId, "runId");
      return this;
    }

    /**
     * Uses a shared HTTP client owned by the caller (not closed by the assessor); without it the
     * assessor builds its own from the {@code http.*} settings and each collector's host policies.
     *
     * @param http the client to share
     * @return this builder
     */
    public Builder http(HttpSupport http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /**
     * Builds the assessor, starting its worker threads; close it when done.
     *
     * @return a new assessor
     * @throws ConfigurationException when the settings are invalid
     */
    public Assessor build() {
      return new Assessor(this);
    }
  }
}
