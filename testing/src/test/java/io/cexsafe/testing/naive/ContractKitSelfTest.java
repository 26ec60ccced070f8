package io.cexsafe.testing.naive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.cexsafe.spi.EvidenceCollectorProvider;
import io.cexsafe.testing.CollectorContractTest;
import io.cexsafe.testing.Faults;
import io.cexsafe.testing.Fixtures;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the contract kit against {@link NaiveRatingsCollector} and checks that the kit fails it on
 * exactly the faults that carry no source content, and passes it on everything else: proof that the
 * kit is not too kind.
 */
class ContractKitSelfTest {
  /** The kit applied to the naive collector; a nested class, so surefire does not run it alone. */
  static class NaiveKit extends CollectorContractTest {
    @Override
    protected EvidenceCollectorProvider provider() {
      return new NaiveRatingsCollector.Provider();
    }

    @Override
    protected Map<String, String> settings(MockWebServer server) {
      return Map.of("base-url", server.url("/").toString());
    }

    @Override
    protected void serveHappyPath(MockWebServer server) {
      server.setDispatcher(
          byPath(Map.of("/ratings/1262148500", Fixtures.jsonFixture("example/rating.json"))));
    }
  }

  @Test
  void theKitFailsACollectorThatCallsNonDataNotListed() {
    Map<String, TestExecutionResult.Status> results = runFaultChecks();
    Set<String> failed =
        results.entrySet().stream()
            .filter(e -> e.getValue() != TestExecutionResult.Status.SUCCESSFUL)
            .map(Map.Entry::getKey)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> strict =
        Arrays.stream(Faults.values())
            .filter(Faults::neverNotListed)
            .map(Faults::name)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(results).as("one result per fault").hasSize(Faults.values().length);
    assertThat(strict)
        .as("the kit's non-JSON faults")
        .contains(
            "PLAIN_TEXT_ERROR",
            "HTML_MAINTENANCE_PAGE",
            "EMPTY_200",
            "DISCONNECT_MID_BODY",
            "GZIP_BOMB",
            "REDIRECT_TO_OTHER_HOST");
    assertThat(failed).isEqualTo(strict);
  }

  @Test
  void theKitStillPassesAnHonestCollector() {
    // the example collector reports every fault as a failure; see ExampleRatingsContractTest
    Map<String, TestExecutionResult.Status> results =
        run(io.cexsafe.testing.example.ExampleAccess.contractTestClass());
    assertThat(results).hasSize(Faults.values().length);
    assertThat(results)
        .allSatisfy(
            (fault, status) ->
                assertThat(status).as(fault).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
  }

  private static Map<String, TestExecutionResult.Status> runFaultChecks() {
    return run(NaiveKit.class);
  }

  /** Runs the fault checks of a kit class; results by fault name. */
  private static Map<String, TestExecutionResult.Status> run(Class<?> kit) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(
                selectMethod(
                    kit, "everyFaultIsReportedNeverThrownNorInvented", Faults.class.getName()))
            .build();
    Map<String, TestExecutionResult.Status> results = new TreeMap<>();
    LauncherFactory.create()
        .execute(
            request,
            new TestExecutionListener() {
              @Override
              public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                  results.put(id.getDisplayName(), result.getStatus());
                }
              }
            });
    return results;
  }
}
