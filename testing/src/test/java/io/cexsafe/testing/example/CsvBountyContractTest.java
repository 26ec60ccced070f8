package io.cexsafe.testing.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.BugBounty;
import io.cexsafe.spi.EvidenceCollectorProvider;
import io.cexsafe.testing.CollectorContractTest;
import io.cexsafe.testing.Fixtures;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The README's CSV-backed collector runs the whole contract kit. */
class CsvBountyContractTest extends CollectorContractTest {
  @Override
  protected EvidenceCollectorProvider provider() {
    return new CsvBountyCollector();
  }

  @Override
  protected Map<String, String> settings(MockWebServer server) {
    return Map.of("base-url", server.url("/bounties.csv").toString());
  }

  @Override
  protected void serveHappyPath(MockWebServer server) {
    server.setDispatcher(
        byPath(Map.of("/bounties.csv", csv(Fixtures.fixture("example/bounties.csv")))));
  }

  @Override
  protected void verifyHappyPathRequests(List<RecordedRequest> requests) {
    assertThat(requests).extracting(RecordedRequest::getTarget).containsExactly("/bounties.csv");
  }

  static MockResponse csv(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "text/csv; charset=utf-8")
        .body(body)
        .build();
  }

  @Test
  void readsEveryRowOfTheExchangeWithTheDeclaredProvenance() {
    serveHappyPath(server);
    EvidenceBundle bundle = collect();
    assertThat(bundle.facts(BugBounty.class))
        .extracting(BugBounty::platform)
        .containsExactlyInAnyOrder("HackerOne", "Immunefi");
    assertThat(bundle.evidence())
        .allSatisfy(
            e -> {
              assertThat(e.evidenceClass()).isEqualTo(EvidenceClass.THIRD_PARTY_REPORT);
              assertThat(e.provenance().sourceTitle()).isEqualTo("Bounty list");
              assertThat(e.provenance().sourceUrl().getPath()).isEqualTo("/bounties.csv");
            });
  }

  @Test
  void anExchangeMissingFromTheFileIsNotListed() {
    server.setDispatcher(
        byPath(Map.of("/bounties.csv", csv("exchange,platform,max_reward_usd\nkraken,Own,1\n"))));
    CollectorOutcome outcome = collect().outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.SKIPPED);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.NOT_LISTED);
    assertThat(outcome.message()).isEqualTo("crypto-com is not in Bounty list");
  }

  @Test
  void otherColumnsAreAMalformedDocumentNotAnAbsence() {
    server.setDispatcher(byPath(Map.of("/bounties.csv", csv("name,reward\ncrypto-com,1\n"))));
    EvidenceBundle bundle = collect();
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.FAILED);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
    assertThat(outcome.message())
        .isEqualTo("expected the columns [exchange, platform, max_reward_usd], got [name, reward]");
    assertThat(outcome.problems().get(0).source()).endsWith("/bounties.csv");
    assertThat(bundle.evidence()).isEmpty();
  }

  @Test
  void aValueTheFactRejectsFailsTheDocumentWithoutInventingEvidence() {
    for (String badRow :
        List.of("crypto-com,HackerOne,lots", "crypto-com,HackerOne,-5", "crypto-com,,5")) {
      server.setDispatcher(
          byPath(
              Map.of("/bounties.csv", csv("exchange,platform,max_reward_usd\n" + badRow + "\n"))));
      EvidenceBundle bundle = collect();
      CollectorOutcome outcome = bundle.outcomes().get(0);
      assertThat(outcome.reason()).as(badRow).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
      assertThat(outcome.message()).as(badRow).startsWith("cannot read Bounty list: ");
      assertThat(bundle.evidence()).as(badRow).isEmpty();
    }
  }

  @Test
  void anUnclosedQuoteIsMalformed() {
    server.setDispatcher(
        byPath(
            Map.of(
                "/bounties.csv",
                csv("exchange,platform,max_reward_usd\ncrypto-com,\"HackerOne,5\n"))));
    CollectorOutcome outcome = collect().outcomes().get(0);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
  }
}
