package io.cexsafe.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.facts.AccountControl;
import io.cexsafe.facts.ControlAvailability;
import io.cexsafe.facts.SecurityControl;
import io.cexsafe.scoring.RuleStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A control rule is one declaration: maximum, control and rationale. */
class ControlRuleTest {
  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

  private static final Rule RULE =
      ControlRule.of(
          "app-security.example-lock",
          Pillar.APP_SECURITY,
          "Example",
          8,
          AccountControl.ACCOUNT_LOCK,
          "An example.");

  private static ScoringContext context(SecurityControl fact) {
    List<Evidence> evidence =
        fact == null
            ? List.of()
            : List.of(
                Evidence.of(
                    "okx",
                    fact,
                    Provenance.builder("security")
                        .source("https://example.com/", "x")
                        .observedAt(AS_OF)
                        .retrievedAt(AS_OF)
                        .evidenceClass(EvidenceClass.EXCHANGE_DISCLOSURE)
                        .build()));
    return new ScoringContext(new EvidenceBundle("okx", AS_OF, evidence, List.of()), Set.of());
  }

  @Test
  void theRubricStatesTheMaximumAndTheCreditTable() {
    assertThat(RULE.rubric())
        .isEqualTo(
            "8 points times the control's availability (mandatory 100 %, on by default 90 %,"
                + " optional 70 %, not offered 0 %). Unknown when nothing states whether account"
                + " lock is offered.");
  }

  @ParameterizedTest
  @CsvSource({"MANDATORY, 8", "DEFAULT_ON, 7.2", "OPTIONAL, 5.6", "NOT_OFFERED, 0"})
  void pointsAreTheMaximumTimesTheCredit(ControlAvailability availability, double points) {
    SecurityControl fact = sample(availability);
    Outcome outcome = RULE.evaluate(context(fact));
    assertThat(outcome.status()).isEqualTo(RuleStatus.KNOWN);
    assertThat(outcome.points()).isCloseTo(points, within(1e-9));
    assertThat(outcome.explanation()).isEqualTo("account lock: " + Fmt.lower(availability));
  }

  @Test
  void anUnstatedControlIsUnknown() {
    Outcome outcome = RULE.evaluate(context(null));
    assertThat(outcome.status()).isEqualTo(RuleStatus.UNKNOWN);
    assertThat(outcome.explanation()).isEqualTo("nothing states whether account lock is offered");
  }

  private static SecurityControl sample(ControlAvailability availability) {
    return new SecurityControl(AccountControl.ACCOUNT_LOCK, availability, null, null, null);
  }
}
