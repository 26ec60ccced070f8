package io.cexsafe.collectors.regulators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.LegalEntity;
import io.cexsafe.Secret;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request estimate of the regulators collector, per register host. */
class RegulatorsPlannedRequestsTest {
  private static final Exchange CLAIMS_EVERYWHERE =
      new Exchange(
          "claims",
          "Claims Exchange",
          null,
          List.of(),
          List.of(),
          List.of(
              new LegalEntity("Claims UK Ltd", "GB", null, "UK"),
              new LegalEntity("Other UK Ltd", "GB", null, "UK, no FRN"),
              new LegalEntity("Claims AU Pty Ltd", "AU", null, "AU, no ABN"),
              new LegalEntity("Claims Europe GmbH", "DE", null, "EU")),
          List.of(
              new ExchangeIdentifier("fca.frn", "900001", "Claims UK Ltd", null, null, null),
              new ExchangeIdentifier("fca.frn", "900002"),
              new ExchangeIdentifier("austrac.abn", "51824753556"),
              new ExchangeIdentifier("fincen.record", "123456"),
              new ExchangeIdentifier("fintrac.msb", "M12345678"),
              new ExchangeIdentifier("vara.reference", "VL/23/10/003"),
              new ExchangeIdentifier("mas.fid", "123456-CLAIMS-PTE-LTD")));
  private static final Exchange NAME_ONLY =
      new Exchange("plain", "Plain", null, List.of(), List.of(), List.of(), List.of());

  private static RegulatorsCollector collector(boolean fcaCredentials, boolean esmaOn) {
    Optional<Secret> email =
        fcaCredentials ? Optional.of(Secret.of("a@example.org")) : Optional.empty();
    Optional<Secret> key = fcaCredentials ? Optional.of(Secret.of("key")) : Optional.empty();
    return new RegulatorsCollector(
        List.of(
            new FcaSource(URI.create("https://fca.test/services/V0.1"), true, email, key),
            new EsmaSource(URI.create("https://esma.test/files"), esmaOn),
            new FincenSource(URI.create("https://fincen.test"), true),
            new VaraSource(URI.create("https://vara.test"), true),
            new AustracSource(URI.create("https://austrac.test/vaspr"), true),
            new MasSource(URI.create("https://mas.test/fid"), true),
            new FintracSource(URI.create("https://fintrac.test/msb-esm"), true)));
  }

  @Test
  void sharedFilesOnceAndPerClaimCallsPerClaim() {
    Map<String, Integer> planned =
        collector(true, true)
            .plannedRequests(List.of(CLAIMS_EVERYWHERE, CLAIMS_EVERYWHERE, NAME_ONLY))
            .orElseThrow();
    assertThat(planned)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                // two exchanges with two FRNs (4 calls each) and one UK entity searched by name (2)
                "fca.test",
                    2 * (2 * FcaSource.REQUESTS_PER_FRN + FcaSource.REQUESTS_PER_NAME_SEARCH),
                "esma.test", 2, // NCASP.csv and CASPS.csv, once each
                "fincen.test", 1,
                "vara.test", 1,
                "austrac.test", 2 * 2, // one ABN and one AU entity without one, per exchange
                "mas.test", 1,
                "fintrac.test", 1));
  }

  @Test
  void exchangesWithoutClaimsReadOnlyTheWarningList() {
    assertThat(collector(true, true).plannedRequests(List.of(NAME_ONLY)))
        .contains(Map.of("esma.test", 1));
    assertThat(collector(true, true).plannedRequests(List.of())).contains(Map.of());
  }

  @Test
  void switchedOffOrUncredentialedRegistersPlanNothing() {
    Map<String, Integer> planned =
        collector(false, false).plannedRequests(List.of(CLAIMS_EVERYWHERE)).orElseThrow();
    assertThat(planned).doesNotContainKeys("fca.test", "esma.test").containsKey("fincen.test");
  }

  @Test
  void aSourceThatCannotTellLeavesTheCollectorNotEstimated() {
    RegisterSource unknown =
        new RegisterSource() {
          @Override
          public Register register() {
            return Register.VARA;
          }

          @Override
          public boolean enabled() {
            return true;
          }

          @Override
          public boolean appliesTo(Exchange exchange) {
            return true;
          }

          @Override
          public void collect(Exchange exchange, Findings out) {}
        };
    assertThat(new RegulatorsCollector(List.of(unknown)).plannedRequests(List.of(NAME_ONLY)))
        .isEmpty();
  }
}
