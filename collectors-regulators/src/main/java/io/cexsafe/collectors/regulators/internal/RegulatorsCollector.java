package io.cexsafe.collectors.regulators.internal;

import io.cexsafe.Evidence;
import io.cexsafe.Exchange;
import io.cexsafe.Pillar;
import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.SearchTopic;
import io.cexsafe.http.HostPolicy;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an exchange's licence and registration claims against public registers, one source per
 * register, read side by side. A source that fails, throws or runs out of time is a problem of that
 * source (named in brackets, e.g. {@code [esma]}); the others still report. Each register that
 * answered records a {@link io.cexsafe.facts.SearchRecord}, so that "the register has no entry" is
 * told apart from "nobody looked". With an as-of in the past, registers that show only their
 * current state are kept out (reason {@link ReasonCode#NO_HISTORY}) and ESMA is read at that date.
 */
public final class RegulatorsCollector implements EvidenceCollector {
  public static final String ID = "regulators";
  private static final Logger LOG = LoggerFactory.getLogger(RegulatorsCollector.class);

  /** At most this many registers are read at once for one exchange. */
  static final int MAX_PARALLEL_SOURCES = 4;

  private static final Duration MAX_DEADLINE_MARGIN = Duration.ofSeconds(2);
  // the run's deadlines are on the system clock, whatever clock the context gives for facts
  private static final Clock DEADLINE_CLOCK = Clock.systemUTC();

  private final List<RegisterSource> sources;

  public RegulatorsCollector(List<RegisterSource> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.REGULATION);
  }

  @Override
  public String description() {
    return "licences and registrations in public registers (FCA, ESMA MiCA, FinCEN, VARA,"
        + " AUSTRAC, MAS, FINTRAC)";
  }

  public List<RegisterSource> sources() {
    return sources;
  }

  @Override
  public Map<String, HostPolicy> hostPolicies() {
    Map<String, HostPolicy> policies = new LinkedHashMap<>();
    // FCA: documented 50 per 10 s, also quoted as 10 per 10 s, and a 429 blocks for a minute
    policies.put(FcaSource.DEFAULT_HOST, new HostPolicy(1, 1.0));
    for (var base :
        List.of(
            EsmaSource.DEFAULT_BASE,
            FincenSource.DEFAULT_BASE,
            VaraSource.DEFAULT_BASE,
            AustracSource.DEFAULT_BASE,
            MasSource.DEFAULT_BASE,
            FintracSource.DEFAULT_BASE)) {
      policies.put(base.getHost(), new HostPolicy(1, 1.0));
    }
    return policies;
  }

  /**
   * Sums what each switched-on register plans over {@code exchanges}: shared files once per run,
   * per-claim calls per claim; a register without credentials plans nothing. Empty when one of them
   * cannot tell.
   */
  @Override
  public Optional<Map<String, Integer>> plannedRequests(List<Exchange> exchanges) {
    Map<String, Integer> perHost = new TreeMap<>();
    for (RegisterSource source : sources) {
      if (!source.enabled()) {
        continue;
      }
      Optional<Map<String, Integer>> planned = source.plannedRequests(exchanges);
      if (planned.isEmpty()) {
        return Optional.empty();
      }
      planned.get().forEach((host, n) -> perHost.merge(host, n, Integer::sum));
    }
    return Optional.of(perHost);
  }

  @Override
  public CollectionResult collect(Exchange exchange, CollectorContext context) {
    List<RegisterSource> enabled = sources.stream().filter(RegisterSource::enabled).toList();
    if (enabled.isEmpty()) {
      return CollectionResult.skipped(
          ReasonCode.DISABLED,
          "every register source is switched off (regulators.<source>.enabled)");
    }
    List<RegisterSource> applicable = enabled.stream().filter(s -> s.appliesTo(exchange)).toList();
    if (applicable.isEmpty()) {
      return CollectionResult.skipped(
          ReasonCode.NO_IDENTIFIER,
          "the catalogue gives " + exchange.id() + " no register identifier or entity to check");
    }
    boolean past = Findings.asOfInPast(context);
    List<RegisterSource> runnable = new ArrayList<>();
    List<Problem> notRun = new ArrayList<>();
    for (RegisterSource source : applicable) {
      Register register = source.register();
      if (past && !register.keepsHistory()) {
        notRun.add(
            new Problem(
                ReasonCode.NO_HISTORY,
                "["
                    + register.id()
                    + "] kept out: as of "
                    + context.asOf().atZone(ZoneOffset.UTC).toLocalDate()
                    + " the "
                    + register.title()
                    + " cannot be read (it shows only its current entries, not what it listed then)",
                null,
                null));
        continue;
      }
      source
          .missingCredentials()
          .ifPresentOrElse(
              why ->
                  notRun.add(
                      new Problem(
                          ReasonCode.MISSING_CREDENTIALS,
                          "[" + register.id() + "] not checked: " + why,
                          null,
                          null)),
              () -> runnable.add(source));
    }
    if (runnable.isEmpty()) {
      ReasonCode reason = notRun.get(0).reason();
      return CollectionResult.skipped(
          reason, String.join("; ", notRun.stream().map(Problem::message).toList()));
    }
    CollectionResult.Builder result = CollectionResult.builder();
    for (SourceRun run : runAll(exchange, context, runnable)) {
      run.evidence().forEach(result::add);
      run.problems().forEach(result::problem);
    }
    notRun.forEach(result::problem);
    return result.build();
  }

  /** What one register gave: its evidence and problems, in its own order. */
  private record SourceRun(List<Evidence> evidence, List<Problem> problems) {}

  /**
   * Runs the registers side by side (each host has its own limits, so one slow register no longer
   * holds up the others) and collects each one's findings separately: a register that fails,
   * throws, or is still busy when the time budget runs out costs only its own evidence.
   */
  private static List<SourceRun> runAll(
      Exchange exchange, CollectorContext context, List<RegisterSource> runnable) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(runnable.size(), MAX_PARALLEL_SOURCES),
            task -> {
              Thread thread = new Thread(task, "cexsafe-regulators-" + exchange.id());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<SourceRun>> futures = new ArrayList<>();
      for (RegisterSource source : runnable) {
        futures.add(pool.submit(() -> runOne(source, exchange, context)));
      }
      Instant waitUntil = waitUntil(context);
      List<SourceRun> runs = new ArrayList<>();
      for (int i = 0; i < runnable.size(); i++) {
        runs.add(await(runnable.get(i).register(), futures.get(i), waitUntil, context));
      }
      return runs;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * When to stop waiting: a little before the collector's deadline, so that what the finished
   * registers gave is still handed back before the run cuts the whole collector off.
   */
  private static Instant waitUntil(CollectorContext context) {
    Instant now = DEADLINE_CLOCK.instant();
    Duration left = Duration.between(now, context.deadline());
    Duration margin = left.dividedBy(10);
    if (margin.compareTo(MAX_DEADLINE_MARGIN) > 0) {
      margin = MAX_DEADLINE_MARGIN;
    }
    return context.deadline().minus(margin);
  }

  private static SourceRun await(
      Register register, Future<SourceRun> future, Instant waitUntil, CollectorContext context) {
    long millis = Math.max(1, Duration.between(DEADLINE_CLOCK.instant(), waitUntil).toMillis());
    try {
      return future.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return new SourceRun(
          List.of(),
          List.of(
              new Problem(
                  ReasonCode.TIMEOUT,
                  "["
                      + register.id()
                      + "] not finished within the collector's time budget; its findings are"
                      + " left out",
                  null,
                  null)));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return new SourceRun(
          List.of(),
          List.of(
              new Problem(
                  ReasonCode.CANCELLED,
                  "[" + register.id() + "] not checked: the run was cancelled",
                  null,
                  null)));
    } catch (ExecutionException e) {
      // runOne reports everything but errors the JVM cannot recover from
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** One register, isolated: whatever it throws becomes its own problem. */
  private static SourceRun runOne(
      RegisterSource source, Exchange exchange, CollectorContext context) {
    Register register = source.register();
    CollectionResult.Builder own = CollectionResult.builder();
    Findings out = new Findings(ID, exchange, context, own);
    if (context.isCancelled()) {
      out.problem(
          register,
          ReasonCode.CANCELLED,
          "not checked: the run was cancelled or ran out of time",
          null);
      return new SourceRun(out.evidence(), out.problems());
    }
    try {
      source.collect(exchange, out);
      if (!out.searchRecorded()) {
        recordSearch(register, out);
      }
    } catch (SourceException e) {
      out.problem(register, e);
    } catch (VirtualMachineError e) {
      if (!(e instanceof StackOverflowError)) {
        throw e;
      }
      internalError(register, exchange, out, e);
    } catch (RuntimeException | Error e) {
      // a bug in one register's reader (or a class missing from a broken install) must not cost
      // the evidence of the others
      internalError(register, exchange, out, e);
    }
    return new SourceRun(out.evidence(), out.problems());
  }

  private static void internalError(
      Register register, Exchange exchange, Findings out, Throwable e) {
    LOG.warn("register source '{}' failed for {}: {}", register.id(), exchange.id(), e.toString());
    LOG.debug("register source failure", e);
    out.problem(
        register,
        ReasonCode.INTERNAL_ERROR,
        "not checked: the "
            + register.title()
            + " reader failed unexpectedly (an internal error; run with --verbose for details)",
        null);
  }

  /**
   * The generic search record of a register that answered: how many entries it listed for the
   * exchange. An absence (none found) is only claimed when the register answered every question
   * without a problem.
   */
  private static void recordSearch(Register register, Findings out) {
    int found = 0;
    for (Evidence evidence : out.evidence()) {
      if (evidence.fact() instanceof Licence licence
          && licence.status() != LicenceStatus.NOT_FOUND
          && licence.status() != LicenceStatus.WARNED) {
        found++;
      }
    }
    if (found > 0 || out.problems().isEmpty()) {
      out.searched(
          register, SearchTopic.LICENCE, found, "the entities and identifiers the catalogue gives");
    }
  }
}
