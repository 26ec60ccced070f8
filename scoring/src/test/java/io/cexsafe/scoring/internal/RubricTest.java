package io.cexsafe.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.Pillar;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RubricTest {
  private static final Table CADENCE = Table.best("monthly", 10).then("quarterly", 6);

  @Test
  void placeholdersBecomeTheDeclaredNumbers() {
    assertThat(
            Rubric.render(
                "proof-of-reserves.cadence",
                "Monthly {monthly} points, quarterly {quarterly}; at most {max}.",
                CADENCE))
        .isEqualTo("Monthly 10 points, quarterly 6; at most 10.");
  }

  @Test
  void extraTermsJoinTheScale() {
    Scale scale = Scale.max(15).with(Map.of("hours", "24"));
    assertThat(Rubric.render("x.y", "{max} points within {hours} hours.", scale))
        .isEqualTo("15 points within 24 hours.");
    assertThatThrownBy(() -> CADENCE.with(Map.of("monthly", "9")))
        .hasMessage("rubric term monthly is declared twice");
  }

  @Test
  void aTemplateNamingAnUndeclaredTermIsRejected() {
    assertThatThrownBy(
            () ->
                Rubric.render(
                    "proof-of-reserves.cadence",
                    "Monthly {monthly}, quarterly {quarterly}, yearly {yearly}.",
                    CADENCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "proof-of-reserves.cadence: the rubric names {yearly}, which the rule does not"
                + " declare");
  }

  @Test
  void aTemplateLeavingADeclaredNumberUnstatedIsRejected() {
    assertThatThrownBy(
            () -> Rubric.render("proof-of-reserves.cadence", "Monthly {monthly} points.", CADENCE))
        .hasMessage("proof-of-reserves.cadence: the rubric never states the declared quarterly");
  }

  @Test
  void aRuleIsDeclaredFromItsScale() {
    Rule rule =
        Rule.declared(
            "proof-of-reserves.example-cadence",
            Pillar.PROOF_OF_RESERVES,
            "Example cadence",
            CADENCE,
            "Monthly {monthly} points, quarterly {quarterly}.",
            "An example.",
            ctx -> Outcome.unknown("nothing"));
    assertThat(rule.maxPoints()).isEqualTo(10);
    assertThat(rule.rubric()).isEqualTo("Monthly 10 points, quarterly 6.");
  }

  @Test
  void aNonPositiveMaximumIsRejected() {
    assertThatThrownBy(() -> Scale.max(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a rule's maximum must be finite and above 0, not -5.0");
  }
}
