package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import io.cexsafe.facts.ExtensionFact;
import io.cexsafe.scoring.ExtensionRule;
import io.cexsafe.scoring.Methodology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a methodology's declared {@link ExtensionRule}s into rules: a {@link CurveRule} on the
 * payload number of the winning fact of the kind, crediting claims less than verification.
 */
final class ExtensionRules {
  private ExtensionRules() {}

  /** The built-in rules of {@code pillar}, then the methodology's extension rules for it. */
  static List<Rule> of(Methodology methodology, Pillar pillar) {
    List<ExtensionRule> declared = methodology.extensionRules(pillar);
    if (declared.isEmpty()) {
      return RuleBook.rules(pillar);
    }
    List<Rule> rules = new ArrayList<>(RuleBook.rules(pillar));
    declared.forEach(rule -> rules.add(rule(rule)));
    return rules;
  }

  /**
   * What brings the pillar's points back to 100: the built-in rules sum to 100, the extension rules
   * add their maxima. Exactly 1 without extension rules, so those scores are untouched.
   */
  static double scale(Methodology methodology, Pillar pillar) {
    double extra =
        methodology.extensionRules(pillar).stream().mapToDouble(ExtensionRule::maxPoints).sum();
    return extra == 0 ? 1 : 100 / (100 + extra);
  }

  static Rule rule(ExtensionRule declared) {
    Curve curve =
        declared.higherIsBetter()
            ? Curve.higherIsBetter(declared.zeroAt(), declared.fullAt(), Fmt::num)
            : Curve.lowerIsBetter(declared.fullAt(), declared.zeroAt(), Fmt::num);
    return CurveRule.of(
            declared.id(),
            declared.pillar(),
            declared.title(),
            declared.maxPoints(),
            curve,
            "Declared by the methodology file: reads `"
                + declared.field()
                + "` from the most trusted, then newest, `"
                + declared.kind()
                + "` extension fact. {curve}. Claims earn less than verification.",
            "A plugin's fact the methodology chose to score; the pillar is scored out of 100 plus"
                + " this rule's maximum and scaled back to 100.",
            ctx -> read(ctx, declared))
        .discountingClaims();
  }

  private static CurveRule.Reading read(ScoringContext ctx, ExtensionRule declared) {
    Optional<Item<ExtensionFact>> winner =
        ctx.extensions(declared.kind()).stream().min(ScoringContext.WINNER_FIRST);
    if (winner.isEmpty()) {
      return CurveRule.Reading.unknown("no " + declared.kind() + " evidence");
    }
    Item<ExtensionFact> item = winner.get();
    var value = item.fact().at(declared.field());
    if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
      return CurveRule.Reading.unknown(
          declared.kind() + " evidence " + item.id() + " has no number at " + declared.field());
    }
    double x = value.doubleValue();
    return CurveRule.Reading.of(
        x,
        item,
        Fmt.num(x),
        declared.field() + " = " + Fmt.num(x) + " (" + item.fact().summary() + ")");
  }
}
