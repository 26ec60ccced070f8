package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bundle reads back from the reports that embed it, in the shapes of report schema 2. */
class EvidenceBundleFromReportTest {
  private static final EvidenceBundle BUNDLE =
      new EvidenceBundle(
          "kraken",
          Instant.parse("2026-11-21T23:59:59Z"),
          List.of(),
          List.of(CollectorOutcome.skipped("defillama", ReasonCode.OFFLINE, "offline run")));

  @Test
  void readsTheBundleOfAReportOnOneExchange() {
    String report =
        "{\"schemaVersion\":2,\"kind\":\"assessments\",\"runId\":\"r\",\"assessments\":[{\"bundle\":"
            + BUNDLE.toJson()
            + ",\"scorecard\":{}}]}";
    assertThat(EvidenceBundle.fromJson(report)).isEqualTo(BUNDLE);
  }

  @Test
  void readsTheBundleOfAJsonLine() {
    String line =
        "{\"schemaVersion\":2,\"kind\":\"assessment\",\"bundle\":" + BUNDLE.toJson() + "}";
    assertThat(EvidenceBundle.fromJson(line)).isEqualTo(BUNDLE);
  }

  @Test
  void refusesAReportOnSeveralExchangesNamingWhere() {
    String report =
        "{\"assessments\":[{\"bundle\":"
            + BUNDLE.toJson()
            + "},{\"bundle\":"
            + BUNDLE.toJson()
            + "}]}";
    assertThatThrownBy(() -> EvidenceBundle.fromJson(report))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("$.assessments")
        .hasMessageContaining("a report on 2 exchanges");
  }

  @Test
  void aBrokenEmbeddedBundleIsReportedAtItsPath() {
    String report =
        "{\"assessments\":[{\"bundle\":{\"exchangeId\":\"kraken\",\"asOf\":\"never\"}}]}";
    assertThatThrownBy(() -> EvidenceBundle.fromJson(report))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("$.assessments[0].bundle");
  }
}
