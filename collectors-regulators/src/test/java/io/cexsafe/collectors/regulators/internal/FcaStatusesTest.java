package io.cexsafe.collectors.regulators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.facts.LicenceStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every status wording the FCA reference notes record (firm details, search rows by type of
 * business, individuals, names, the FCA's documentation examples and the normalisation table), with
 * what the table makes of it. Wording that is not a firm's register status stays not understood
 * rather than guessed.
 */
class FcaStatusesTest {
  private static final LicenceStatus NOT_UNDERSTOOD = null;

  /** Wording → status, in the order the reference lists them. */
  private static final Map<String, LicenceStatus> REFERENCE_WORDINGS = new LinkedHashMap<>();

  static {
    // firm details and search rows of type Firm
    REFERENCE_WORDINGS.put("Authorised", LicenceStatus.ACTIVE);
    REFERENCE_WORDINGS.put("No longer authorised", LicenceStatus.LAPSED);
    REFERENCE_WORDINGS.put("Lapsed", LicenceStatus.LAPSED);
    REFERENCE_WORDINGS.put("Appointed representative", LicenceStatus.ACTIVE);
    REFERENCE_WORDINGS.put("Appointed representative - introducer", LicenceStatus.ACTIVE);
    REFERENCE_WORDINGS.put(
        "No longer registered as an Appointed Representative", LicenceStatus.LAPSED);
    REFERENCE_WORDINGS.put("Authorised Schedule 5 - recognised body", LicenceStatus.ACTIVE);
    // payment services firms and e-money
    REFERENCE_WORDINGS.put("No Longer Registered as a PSD Agent", LicenceStatus.LAPSED);
    REFERENCE_WORDINGS.put("EMD Agent Former", LicenceStatus.LAPSED);
    // the warning list
    REFERENCE_WORDINGS.put("Unauthorised", LicenceStatus.WARNED);
    // collective investment schemes
    REFERENCE_WORDINGS.put("Recognised", LicenceStatus.ACTIVE);
    REFERENCE_WORDINGS.put("Approved", LicenceStatus.ACTIVE);
    REFERENCE_WORDINGS.put("Terminated", LicenceStatus.REVOKED_OR_WITHDRAWN);
    REFERENCE_WORDINGS.put("De-recognised", LicenceStatus.REVOKED_OR_WITHDRAWN);
    // individuals
    REFERENCE_WORDINGS.put("Active", LicenceStatus.ACTIVE);
    REFERENCE_WORDINGS.put("Regulatory approval no longer required", NOT_UNDERSTOOD);
    REFERENCE_WORDINGS.put("Deceased", NOT_UNDERSTOOD);
    REFERENCE_WORDINGS.put("Prohibited", LicenceStatus.REVOKED_OR_WITHDRAWN);
    REFERENCE_WORDINGS.put("Approved by regulator", NOT_UNDERSTOOD);
    REFERENCE_WORDINGS.put("Certified / assessed by firm", NOT_UNDERSTOOD);
    REFERENCE_WORDINGS.put("Approved by regulator; Certified / assessed by firm", NOT_UNDERSTOOD);
    // names
    REFERENCE_WORDINGS.put("Trading", NOT_UNDERSTOOD);
    REFERENCE_WORDINGS.put("Registered", LicenceStatus.ACTIVE);
    // the search documentation's placeholder, and a sub-status
    REFERENCE_WORDINGS.put("See full details", NOT_UNDERSTOOD);
    REFERENCE_WORDINGS.put("In Administration", NOT_UNDERSTOOD);
    // MLRs, PSD / EMD and agent statuses of the FCA's documentation example
    REFERENCE_WORDINGS.put("MLRs Registered", LicenceStatus.ACTIVE);
    REFERENCE_WORDINGS.put("Cancelled - Small PI", LicenceStatus.REVOKED_OR_WITHDRAWN);
    REFERENCE_WORDINGS.put("PSD Agent Former", LicenceStatus.LAPSED);
    REFERENCE_WORDINGS.put("EMD Agent Revoked", LicenceStatus.REVOKED_OR_WITHDRAWN);
    // third-party type definitions and the normalisation table
    REFERENCE_WORDINGS.put("EEA Authorised", LicenceStatus.ACTIVE);
    REFERENCE_WORDINGS.put("Cancelled", LicenceStatus.REVOKED_OR_WITHDRAWN);
    REFERENCE_WORDINGS.put("Revoked", LicenceStatus.REVOKED_OR_WITHDRAWN);
  }

  /**
   * Wording the table understands although no FCA recording shows it: the register's own word for
   * an authorisation taken back ("withdrawn" is how the normalisation table names the state).
   */
  private static final Map<String, LicenceStatus> BEYOND_THE_RECORDINGS =
      Map.of("Withdrawn", LicenceStatus.REVOKED_OR_WITHDRAWN);

  @Test
  void everyWordingOfTheReferenceMapsAsDeclared() {
    REFERENCE_WORDINGS.forEach(
        (wording, expected) ->
            assertThat(FcaStatuses.status(wording))
                .as(wording)
                .isEqualTo(Optional.ofNullable(expected)));
  }

  @Test
  void wordingBeyondTheRecordingsMapsAsDeclared() {
    BEYOND_THE_RECORDINGS.forEach(
        (wording, expected) ->
            assertThat(FcaStatuses.status(wording)).as(wording).contains(expected));
  }

  @Test
  void everyRuleOfTheTableDecidesSomeDeclaredWording() {
    Set<FcaStatuses.Rule> used =
        Stream.concat(REFERENCE_WORDINGS.keySet().stream(), BEYOND_THE_RECORDINGS.keySet().stream())
            .map(FcaStatuses::rule)
            .flatMap(Optional::stream)
            .collect(Collectors.toSet());
    assertThat(FcaStatuses.RULES)
        .as("a rule that no declared wording needs is untested")
        .allSatisfy(rule -> assertThat(used).as(rule.toString()).contains(rule));
  }

  @Test
  void adverseWordsWinOverCurrentOnes() {
    assertThat(FcaStatuses.status("Authorised - cancelled"))
        .contains(LicenceStatus.REVOKED_OR_WITHDRAWN);
    assertThat(FcaStatuses.status("Registered (former)")).contains(LicenceStatus.LAPSED);
    assertThat(FcaStatuses.rule("Cancelled - Small PI").orElseThrow().wording())
        .isEqualTo("cancelled");
  }

  @Test
  void caseAndSurroundingSpaceDoNotMatterAndBlankIsNotUnderstood() {
    assertThat(FcaStatuses.status("  AUTHORISED ")).contains(LicenceStatus.ACTIVE);
    assertThat(FcaStatuses.status("unauthorised")).contains(LicenceStatus.WARNED);
    assertThat(FcaStatuses.status("Unauthorised firm"))
        .as("a type of business, not a status")
        .isEmpty();
    assertThat(FcaStatuses.status("")).isEmpty();
    assertThat(FcaStatuses.status("   ")).isEmpty();
    assertThat(FcaStatuses.status(null)).isEmpty();
  }

  @Test
  void theTurkishLocaleDoesNotBreakTheMatching() {
    // "İ".toLowerCase() in a Turkish locale is not "i": the table must not depend on the locale
    assertThat(FcaStatuses.status("AUTHORISED")).contains(LicenceStatus.ACTIVE);
    assertThat(FcaStatuses.status("MLRS REGISTERED")).contains(LicenceStatus.ACTIVE);
  }

  @Test
  void theSourceStillAnswersNullForWordingNotUnderstood() {
    assertThat(FcaSource.status("Deceased")).isNull();
    assertThat(FcaSource.status("Registered")).isEqualTo(LicenceStatus.ACTIVE);
  }

  @Test
  void mlrRegistrationIsPlainRegisteredOrACurrentMlrStatus() {
    assertThat(FcaStatuses.mlrRegistered("Registered", "")).isTrue();
    assertThat(FcaStatuses.mlrRegistered("registered", "")).isTrue();
    assertThat(FcaStatuses.mlrRegistered("Authorised", "MLRs Registered")).isTrue();
    assertThat(FcaStatuses.mlrRegistered("Authorised", "")).isFalse();
    assertThat(FcaStatuses.mlrRegistered("Authorised", "No longer MLRs registered"))
        .as("registered, but no longer")
        .isFalse();
    assertThat(FcaStatuses.mlrRegistered("Authorised", "MLRs registration cancelled")).isFalse();
    assertThat(FcaStatuses.mlrRegistered("Registered as an Appointed Representative", ""))
        .isFalse();
  }

  @Test
  void aRuleIsLowerCaseText() {
    assertThatThrownBy(
            () ->
                new FcaStatuses.Rule(FcaStatuses.Match.EXACTLY, "Authorised", LicenceStatus.ACTIVE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case");
    assertThatThrownBy(
            () -> new FcaStatuses.Rule(FcaStatuses.Match.CONTAINS, " ", LicenceStatus.ACTIVE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
