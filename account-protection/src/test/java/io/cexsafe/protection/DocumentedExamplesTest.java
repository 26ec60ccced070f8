package io.cexsafe.protection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cexsafe.protection.ClaimAssessment.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The examples in docs/examples must stay valid and give the results the documentation shows. */
class DocumentedExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "docs", "examples");
  private static final Clock UNUSED_CLOCK =
      Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

  private static String read(String name) throws IOException {
    return Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void theExampleClaimMeetsTheConditionsAndReachesTheCap() throws IOException {
    Claim claim =
        Claim.fromJson(read("protection-claim.json"), "protection-claim.json", UNUSED_CLOCK);

    ClaimAssessment result =
        ClaimEvaluator.forProgramme(ProtectionProgrammes.cryptoComApp()).evaluate(claim);

    assertThat(result.outcome()).isEqualTo(Outcome.MEETS_MINIMUM_CONDITIONS);
    assertThat(result.recovery().lossUsd()).isEqualByComparingTo("271400");
    assertThat(result.recovery().recoverableUsd()).isEqualByComparingTo("249999.99165");
    assertThat(result.deadline().lastDay()).hasToString("2026-04-22");
    String text = ProtectionReports.text(result);
    assertThat(text)
        .contains("MEETS THE MINIMUM CONDITIONS")
        .contains("20276.49 EUR (USD 21999.99), limited by the cap")
        .contains("Relief stays at the exchange's discretion")
        .contains("T&Cs shall prevail");

    JsonNode json = new ObjectMapper().readTree(ProtectionReports.json(result));
    assertThat(json.get("outcome").asText()).isEqualTo("MEETS_MINIMUM_CONDITIONS");
    assertThat(json.at("/recovery/transactions/1/recoverableAmount").decimalValue())
        .isEqualByComparingTo("20276.49");
    assertThat(json.at("/deadline/lastDay").asText()).isEqualTo("2026-04-22");
  }

  @Test
  void theIncompleteExampleAsksForWhatIsMissing() throws IOException {
    Claim claim = Claim.fromJson(read("protection-claim-incomplete.json"), "x.json", UNUSED_CLOCK);

    ClaimAssessment result =
        ClaimEvaluator.forProgramme(ProtectionProgrammes.cryptoComApp()).evaluate(claim);

    assertThat(result.outcome()).isEqualTo(Outcome.CONDITIONS_NOT_MET);
    assertThat(result.informationNeeded())
        .extracting(m -> m.path())
        .containsExactly("$.policeReport", "$.securityQuestionnaireCompleted");
    assertThat(ProtectionReports.text(result)).contains("contact support by 2026-05-15");
  }

  @Test
  void theExampleAccountGivesTheDocumentedFindings() throws IOException {
    AccountSettings account =
        AccountSettings.fromJson(
            read("account-posture.json"), "account-posture.json", UNUSED_CLOCK);

    PostureReport report =
        PostureAuditor.forProgramme(ProtectionProgrammes.cryptoComApp()).audit(account);

    assertThat(report.findings()).hasSize(14);
    assertThat(report.findings().get(0).severity()).isEqualTo(PostureReport.Severity.CRITICAL);
    assertThat(report.appReadiness().waitingPeriodMetFrom()).hasToString("2026-05-16");
    assertThat(ProtectionReports.text(report))
        .contains("not ready today")
        .contains("condition 3: the 24-hour withdrawal lock is off");
    JsonNode json = new ObjectMapper().readTree(ProtectionReports.json(report));
    assertThat(json.at("/appReadiness/waitingPeriodMetFrom").asText()).isEqualTo("2026-05-16");
  }
}
