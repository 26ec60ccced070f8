package io.cexsafe.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.facts.AccountControl;
import io.cexsafe.facts.AssetSegregation;
import io.cexsafe.facts.ControlAvailability;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.SecurityControl;
import io.cexsafe.scoring.FindingKind;
import io.cexsafe.scoring.RuleStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Adding a rule is one declaration and its test: a scale (here a table), a rubric template naming
 * its numbers, and what to read. The findings a rule makes come back in its outcome.
 */
class DeclaredRuleExampleTest {
  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

  /** The whole rule: its numbers, the prose around them, and the evaluation. */
  static final Table WHITELIST = Table.best("mandatory", 6).then("optional", 3).then("none", 0);

  static final Rule EXAMPLE_RULE =
      Rule.declared(
          "app-security.example-whitelist",
          Pillar.APP_SECURITY,
          "Example: withdrawal whitelist",
          WHITELIST,
          "{mandatory} points when a whitelist is mandatory, {optional} when optional, {none}"
              + " when not offered. Unknown when nothing says.",
          "An example.",
          ctx ->
              ControlRule.find(ctx, AccountControl.WITHDRAWAL_WHITELIST)
                  .map(
                      item -> {
                        ControlAvailability a = item.fact().availability();
                        String level =
                            switch (a) {
                              case MANDATORY, DEFAULT_ON -> "mandatory";
                              case OPTIONAL -> "optional";
                              case NOT_OFFERED -> "none";
                            };
                        return Outcome.known(
                            WHITELIST.points(level),
                            Fmt.lower(a),
                            "whitelist " + Fmt.lower(a),
                            item);
                      })
                  .orElse(Outcome.unknown("nothing states whether a whitelist exists")));

  private static Evidence evidence(String collector, Fact fact) {
    return Evidence.of(
        "okx",
        fact,
        Provenance.builder(collector)
            .source("https://example.com/" + collector, "x")
            .observedAt(AS_OF)
            .retrievedAt(AS_OF)
            .evidenceClass(EvidenceClass.EXCHANGE_DISCLOSURE)
            .build());
  }

  private static ScoringContext context(Evidence... evidence) {
    return new ScoringContext(
        new EvidenceBundle("okx", AS_OF, new ArrayList<>(List.of(evidence)), List.of()), Set.of());
  }

  @Test
  void theDeclarationGivesTheMaximumTheRubricAndThePoints() {
    assertThat(EXAMPLE_RULE.maxPoints()).isEqualTo(6);
    assertThat(EXAMPLE_RULE.rubric())
        .isEqualTo(
            "6 points when a whitelist is mandatory, 3 when optional, 0 when not offered."
                + " Unknown when nothing says.");
    Outcome optional =
        EXAMPLE_RULE.evaluate(
            context(
                evidence(
                    "security",
                    new SecurityControl(
                        AccountControl.WITHDRAWAL_WHITELIST,
                        ControlAvailability.OPTIONAL,
                        null,
                        null,
                        null))));
    assertThat(optional.status()).isEqualTo(RuleStatus.KNOWN);
    assertThat(optional.points()).isEqualTo(3);
    assertThat(EXAMPLE_RULE.evaluate(context()).status()).isEqualTo(RuleStatus.UNKNOWN);
  }

  @Test
  void aConflictARuleNoticesComesBackInItsOutcomeNotInTheContext() {
    ScoringContext ctx =
        context(
            evidence("terms", new AssetSegregation(null, true, null, null)),
            evidence("news", new AssetSegregation(null, false, null, null)));
    List<?> before = List.copyOf(ctx.findings());
    Rule segregation =
        RuleBook.rules(Pillar.CUSTODY).stream()
            .filter(r -> r.id().equals("custody.segregation"))
            .findFirst()
            .orElseThrow();
    Outcome outcome = segregation.evaluate(ctx);
    assertThat(outcome.findings())
        .anySatisfy(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingKind.CONFLICT);
              assertThat(f.message()).startsWith("segregation of customer assets: used");
            });
    assertThat(ctx.findings()).isEqualTo(before);
    // evaluating again gives the same outcome: the context kept nothing from the first run
    assertThat(segregation.evaluate(ctx)).isEqualTo(outcome);
  }
}
