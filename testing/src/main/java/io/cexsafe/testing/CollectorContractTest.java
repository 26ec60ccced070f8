package io.cexsafe.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cexsafe.Assessor;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Config;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.Fact;
import io.cexsafe.spi.CollectorRegistry;
import io.cexsafe.spi.EvidenceCollector;
import io.cexsafe.spi.EvidenceCollectorProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every collector module runs, in the manner of Micrometer's compatibility kit: extend
 * it, point the collector at the mock server, serve a happy path, and the kit checks the rest.
 *
 * <pre>{@code
 * class DefiLlamaCollectorContractTest extends CollectorContractTest {
 *   protected EvidenceCollectorProvider provider() { return new DefiLlamaCollectorProvider(); }
 *   protected Map<String, String> settings(MockWebServer server) {
 *     return Map.of("base-url", server.url("/").toString());
 *   }
 *   protected void serveHappyPath(MockWebServer server) { server.setDispatcher(...); }
 * }
 * }</pre>
 */
public abstract class CollectorContractTest {
  /** The fixed instant of the injected clock. */
  protected static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  /** The mock server the collector is pointed at, started afresh for each test. */
  protected MockWebServer server;

  /** {@return the provider under test} */
  protected abstract EvidenceCollectorProvider provider();

  /**
   * The collector's own settings (without its id prefix) that point it at {@code server}, e.g.
   * {@code base-url}.
   *
   * @param server the test's mock server
   * @return the settings by key
   */
  protected abstract Map<String, String> settings(MockWebServer server);

  /**
   * Makes {@code server} answer a complete, successful collection for {@link #exchange()}.
   *
   * @param server the test's mock server
   */
  protected abstract void serveHappyPath(MockWebServer server);

  /** {@return the exchange to collect for; crypto-com by default} */
  protected Exchange exchange() {
    return ExchangeCatalog.bundled().get("crypto-com");
  }

  /**
   * Extra checks of the requests the happy path sent; none by default.
   *
   * @param requests the requests the server received, in order
   */
  protected void verifyHappyPathRequests(List<RecordedRequest> requests) {}

  /** {@return the clock the collector reads: fixed at {@link #NOW} by default} */
  protected Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  @BeforeEach
  void startServer() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /**
   * {@return the bundle of one run of the collector for {@link #exchange()} against the server, as
   * an assessment would run it}
   */
  protected EvidenceBundle collect() {
    return collect(Map.of());
  }

  /**
   * The run of {@link #collect()} for a server that answers {@code fault} to every request. Two
   * faults are only noticed after a wait, which these runs keep short rather than wait on real
   * time: {@link Faults#SLOW_HEADERS} never sends its headers within any read timeout, so a short
   * one gives the same timeout sooner; {@link Faults#RATE_LIMITED} asks for a second before the
   * next attempt, which would only bring the same 429 again, so the run makes one attempt.
   */
  private EvidenceBundle collectAnswering(Faults fault) {
    return switch (fault) {
      case SLOW_HEADERS -> collect(Map.of("http.read-timeout", "100ms"));
      case RATE_LIMITED -> collect(Map.of("http.max-attempts", "1"));
      default -> collect(Map.of());
    };
  }

  private EvidenceBundle collect(Map<String, String> httpOverrides) {
    Config.Builder config =
        Config.builder()
            .set("http.max-attempts", "2")
            .set("http.initial-backoff", "10ms")
            .set("http.max-backoff", "50ms")
            .set("http.max-retry-after", "2s")
            .set("http.connect-timeout", "1s")
            .set("http.read-timeout", "500ms")
            .set("http.call-timeout", "3s")
            // small enough that the gzip bomb is stopped quickly; collectors may raise it per
            // request
            .set("http.max-body-bytes", String.valueOf(4L * 1024 * 1024));
    httpOverrides.forEach(config::set);
    String id = provider().id();
    settings(server).forEach((key, value) -> config.set(id + "." + key, value));
    Config built = config.build();
    try (Assessor assessor =
        Assessor.builder()
            .collectors(CollectorRegistry.builder().config(built).register(provider()).build())
            .config(built)
            .clock(clock())
            .collectorTimeout(Duration.ofSeconds(20))
            .build()) {
      return assessor.assess(exchange());
    }
  }

  /** {@return a collector created by the provider with {@link #settings} under its id} */
  protected EvidenceCollector collector() {
    String id = provider().id();
    Config.Builder config = Config.builder();
    settings(server).forEach((key, value) -> config.set(id + "." + key, value));
    return provider().create(config.build().scoped(id));
  }

  @Test
  void idIsStableKebabCase() {
    assertThat(provider().id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    assertThat(collector().id()).isEqualTo(provider().id());
  }

  @Test
  void declaresThePillarsItFeeds() {
    assertThat(collector().pillars()).isNotEmpty();
  }

  @Test
  void isFoundByServiceLoader() {
    List<String> found = new ArrayList<>();
    for (EvidenceCollectorProvider p : ServiceLoader.load(EvidenceCollectorProvider.class)) {
      if (p.id().equals(provider().id())) {
        found.add(p.getClass().getName());
      }
    }
    assertThat(found).containsExactly(provider().getClass().getName());
  }

  @Test
  void happyPathGivesEvidenceWithProvenance() throws Exception {
    serveHappyPath(server);
    EvidenceBundle bundle = collect();
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).as("outcome %s", outcome).isEqualTo(OutcomeStatus.OK);
    assertThat(bundle.evidence()).isNotEmpty();
    EvidenceCollector collector = collector();
    for (Evidence evidence : bundle.evidence()) {
      assertThat(evidence.exchangeId()).isEqualTo(exchange().id());
      assertThat(evidence.provenance().collectorId()).isEqualTo(provider().id());
      if (collector.requiresNetwork()) {
        assertThat(evidence.provenance().retrievedAt())
            .as("retrievedAt of %s comes from the injected clock", evidence.id())
            .isEqualTo(NOW);
      }
      assertThat(evidence.provenance().observedAt())
          .as("observedAt of %s", evidence.id())
          .isBeforeOrEqualTo(NOW.plus(Duration.ofDays(1)));
      assertThat(evidence.provenance().sourceUrl().isAbsolute()).isTrue();
      if (!evidence.fact().pillars().isEmpty()) {
        assertThat(evidence.fact().pillars())
            .as("pillars of %s", evidence.id())
            .containsAnyElementsOf(collector.pillars());
      }
    }
    assertThat(EvidenceBundle.fromJson(bundle.toJson())).isEqualTo(bundle);
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request);
      if (collector.requiresNetwork()) {
        assertThat(request.getHeaders().get("User-Agent")).startsWith("cexsafe/");
      }
    }
    verifyHappyPathRequests(requests);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Faults.class)
  void everyFaultIsReportedNeverThrownNorInvented(Faults fault) throws Exception {
    assumeTrue(collector().requiresNetwork(), "collector reads no network sources");
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              return new MockResponse.Builder()
                  .code(200)
                  .setHeader("Content-Type", "text/html; charset=utf-8")
                  .body(Faults.PARKED_PAGE)
                  .build();
            }
          });
      elsewhere.start();
      MockResponse response = fault.response(elsewhere.url("/").uri());
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              return response;
            }
          });
      EvidenceBundle bundle = collectAnswering(fault);
      assertFaultReported(fault, bundle.outcomes().get(0), bundle);
    }
  }

  /**
   * The faults replayed one request at a time by {@link
   * #oneAnswerWithoutContentAmongGoodOnesIsAFailureNotAnAbsence}.
   */
  protected static final List<Faults> SINGLE_REQUEST_FAULTS =
      List.of(
          Faults.PLAIN_TEXT_ERROR,
          Faults.HTML_MAINTENANCE_PAGE,
          Faults.EMPTY_200,
          Faults.DISCONNECT_MID_TEXT_BODY,
          Faults.GZIP_BOMB);

  /**
   * Serves the happy path with exactly one of its requests answered by {@code fault}, for each
   * request in turn. The collector must say that something failed (partial or failed, with a
   * problem), and may only give facts the happy path also gives: an unusable answer is never turned
   * into an absence ("not listed", "not found", "searched, none found").
   */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("singleRequestFaults")
  void oneAnswerWithoutContentAmongGoodOnesIsAFailureNotAnAbsence(Faults fault) throws Exception {
    assumeTrue(collector().requiresNetwork(), "collector reads no network sources");
    serveHappyPath(server);
    Dispatcher happy = server.getDispatcher();
    EvidenceBundle reference = collect();
    Set<Object> referenceFacts = new HashSet<>();
    reference.evidence().forEach(e -> referenceFacts.add(e.fact()));
    List<String> targets = new ArrayList<>();
    RecordedRequest recorded;
    while ((recorded = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      String key = recorded.getMethod() + " " + recorded.getTarget();
      if (!targets.contains(key)) {
        targets.add(key);
      }
    }
    assumeTrue(!targets.isEmpty(), "the happy path sends no requests");
    for (String target : targets) {
      MockResponse faulty = fault.response(server.url("/").uri());
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
              return (request.getMethod() + " " + request.getTarget()).equals(target)
                  ? faulty
                  : happy.dispatch(request);
            }
          });
      EvidenceBundle bundle = collect();
      while (server.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
        // drain, so the next round sees only its own requests
      }
      CollectorOutcome outcome = bundle.outcomes().get(0);
      assertThat(outcome.status())
          .as("%s answering %s: %s", fault, target, outcome)
          .isIn(OutcomeStatus.FAILED, OutcomeStatus.PARTIAL);
      assertThat(outcome.problems())
          .as("%s answering %s: %s", fault, target, outcome)
          .isNotEmpty()
          .noneMatch(p -> p.reason() == ReasonCode.NOT_LISTED);
      for (Evidence evidence : bundle.evidence()) {
        assertThat(referenceFacts.stream().anyMatch(f -> sameSubject(evidence.fact(), (Fact) f)))
            .as(
                "%s answering %s produced a fact the happy path does not have: %s (happy: %s)",
                fault,
                target,
                evidence.fact(),
                referenceFacts.stream()
                    .filter(f -> f.getClass() == evidence.fact().getClass())
                    .toList())
            .isTrue();
      }
    }
  }

  /**
   * Whether a fact from a run with one failed request stands for {@code happy}, a fact of the happy
   * path. Equality by default; a collector whose facts aggregate several requests (a pooled review
   * sample, a rating over storefronts) may accept the same subject with other figures.
   *
   * @param fromFaultyRun a fact from the run with one failed request
   * @param happy a fact from the happy path
   * @return true when the first may stand for the second
   */
  protected boolean sameSubject(Fact fromFaultyRun, Fact happy) {
    return fromFaultyRun.equals(happy);
  }

  static List<Faults> singleRequestFaults() {
    return SINGLE_REQUEST_FAULTS;
  }

  /**
   * The checks of {@link #everyFaultIsReportedNeverThrownNorInvented}: the fault is a reported
   * reason, no evidence is invented, and an answer with no source content (a {@linkplain
   * Faults#neverNotListed() never "not listed"} fault) is a failure, not an absence.
   *
   * @param fault the fault the server answered with
   * @param outcome the collector's outcome
   * @param bundle the bundle of the run
   */
  protected static void assertFaultReported(
      Faults fault, CollectorOutcome outcome, EvidenceBundle bundle) {
    assertThat(outcome.status()).as("outcome %s", outcome).isNotEqualTo(OutcomeStatus.OK);
    assertThat(outcome.reason())
        .as("a fault is a reported reason, not a crash: %s", outcome)
        .isNotIn(ReasonCode.NONE, ReasonCode.INTERNAL_ERROR, ReasonCode.DEADLINE_EXCEEDED);
    assertThat(outcome.message()).isNotBlank();
    assertThat(bundle.evidence())
        .as("no evidence may be invented when every source fails (%s)", fault)
        .isEmpty();
    if (fault.neverNotListed()) {
      assertThat(outcome.status())
          .as(
              "%s carries no source content: it is a failure, never 'not listed' or skipped: %s",
              fault, outcome)
          .isIn(OutcomeStatus.FAILED, OutcomeStatus.PARTIAL);
      assertThat(outcome.reason())
          .as("%s is not an absence: %s", fault, outcome)
          .isNotIn(ReasonCode.NOT_LISTED, ReasonCode.NO_IDENTIFIER, ReasonCode.DISABLED);
      assertThat(outcome.problems())
          .as("%s: every problem is a failure, none says 'not listed': %s", fault, outcome)
          .isNotEmpty()
          .noneMatch(p -> p.reason() == ReasonCode.NOT_LISTED);
    }
  }

  /**
   * Serves responses by path, for subclasses' happy paths. 404 for anything else.
   *
   * @param responses the response for each path, query included
   * @return the dispatcher to give the server
   */
  protected static Dispatcher byPath(Map<String, MockResponse> responses) {
    Map<String, MockResponse> copy = new LinkedHashMap<>(responses);
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String target = request.getTarget();
        for (Map.Entry<String, MockResponse> entry : copy.entrySet()) {
          if (target.equals(entry.getKey())
              || target.startsWith(entry.getKey() + "?")
              || (entry.getKey().endsWith("*")
                  && target.startsWith(entry.getKey().substring(0, entry.getKey().length() - 1)))) {
            return entry.getValue();
          }
        }
        return new MockResponse.Builder().code(404).body("no fixture for " + target).build();
      }
    };
  }
}
