package io.cexsafe.protection.internal.claim;

import static io.cexsafe.protection.internal.TestInputs.claim;
import static io.cexsafe.protection.internal.TestInputs.parseClaim;
import static io.cexsafe.protection.internal.TestInputs.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.ClaimAssessment.MissingInformation;
import io.cexsafe.protection.ClaimAssessment.NotCoveredReason;
import io.cexsafe.protection.ClaimAssessment.ReasonKind;
import io.cexsafe.protection.ProtectionProgramme;
import io.cexsafe.protection.ProtectionProgrammes;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageTest {
  private static final ProtectionProgramme APP = ProtectionProgrammes.cryptoComApp();

  private static Coverage classify(ObjectNode claim) {
    return Coverage.classify(APP, parseClaim(claim));
  }

  @Test
  void aCoveredClaimHasItsTransactionAsCandidate() {
    Coverage coverage = classify(claim());

    assertThat(coverage.excluded()).isFalse();
    assertThat(coverage.notCoveredAtAll()).isFalse();
    assertThat(coverage.candidates()).containsExactly(0);
    assertThat(coverage.notCovered()).isEmpty();
    assertThat(coverage.missing()).isEmpty();
    assertThat(coverage.transactions().get(0).coveredEventId())
        .isEqualTo("unauthorised-digital-asset-withdrawal");
    assertThat(coverage.transactions().get(0).date()).isEqualTo(LocalDate.of(2026, 3, 10));
  }

  @Test
  void unknownPrerequisitesAndCauseAreAskedForInOrder() {
    ObjectNode claim = claim();
    claim.putNull("kycCompleted");
    claim.putNull("country");
    claim.putNull("cause");

    Coverage coverage = classify(claim);

    assertThat(coverage.excluded()).isFalse();
    assertThat(coverage.missing())
        .extracting(MissingInformation::path)
        .containsExactly("$.kycCompleted", "$.country", "$.cause");
    // coverable once the cause is known
    assertThat(coverage.candidates()).containsExactly(0);
    assertThat(coverage.transactions().get(0).coveredEventId()).isNull();
  }

  @Test
  void failedPrerequisitesExcludeTheWholeClaim() {
    Coverage coverage = classify(claim().put("kycCompleted", false).put("country", "US"));

    assertThat(coverage.excluded()).isTrue();
    assertThat(coverage.notCoveredAtAll()).isTrue();
    assertThat(coverage.notCovered())
        .extracting(NotCoveredReason::id)
        .containsExactly("kyc-not-completed", "country-not-covered");
    assertThat(coverage.notCovered().get(1).detail()).isEqualTo("US is not one of them");
    assertThat(coverage.notCoveredSummary())
        .isEqualTo("Not covered: kyc-not-completed and 1 more reason(s).");
  }

  @Test
  void anExcludedCauseNamesItsExclusion() {
    Coverage coverage = classify(claim().put("cause", "WRONG_ADDRESS"));

    assertThat(coverage.excluded()).isTrue();
    assertThat(coverage.notCovered().get(0).kind()).isEqualTo(ReasonKind.EXCLUSION);
    assertThat(coverage.notCovered().get(0).id()).isEqualTo("mistaken-authorisation");
  }

  @Test
  void anExcludedTransactionIsLeftOutAndTheRestStays() {
    ObjectNode claim = claim();
    claim
        .withArray("transactions")
        .insert(0, transaction("2026-03-10T13:00:00Z", "INTERNAL_CONVERSION", "CRO", "50000"));

    Coverage coverage = classify(claim);

    assertThat(coverage.excluded()).isFalse();
    assertThat(coverage.candidates()).containsExactly(1);
    assertThat(coverage.notCovered())
        .extracting(NotCoveredReason::id, NotCoveredReason::transactionIndex)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("no-external-transfer", 0));
    assertThat(coverage.transactions().get(0).exclusionId()).isEqualTo("no-external-transfer");
  }

  @Test
  void onlyExcludedTransactionsMeanNotCoveredAtAll() {
    ObjectNode claim = claim();
    claim
        .putArray("transactions")
        .add(transaction("2026-03-10T13:00:00Z", "INTERNAL_CONVERSION", "CRO", "50000"));

    Coverage coverage = classify(claim);

    assertThat(coverage.notCoveredAtAll()).isTrue();
    assertThat(coverage.notCoveredSummary())
        .isEqualTo("Not covered (the only transaction): no-external-transfer.");
  }

  @Test
  void refusesToSummariseWithoutAReason() {
    Coverage empty = new Coverage(false, List.of(), List.of(), List.of(), List.of());

    assertThat(empty.notCoveredAtAll()).isTrue();
    assertThatThrownBy(empty::notCoveredSummary).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Coverage(true, List.of(), List.of(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
