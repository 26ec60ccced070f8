package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import io.cexsafe.facts.AccountControl;
import io.cexsafe.facts.ControlAvailability;
import io.cexsafe.facts.SecurityControl;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * A rule declared as the availability of one account control: the declared maximum times the
 * control's credit (one table, below, rendered into every such rubric).
 */
final class ControlRule {
  private ControlRule() {}

  /** The share of a control rule's points each availability earns. */
  static double credit(ControlAvailability availability) {
    return switch (availability) {
      case MANDATORY -> 1.0;
      case DEFAULT_ON -> 0.9;
      case OPTIONAL -> 0.7;
      case NOT_OFFERED -> 0;
    };
  }

  static String label(ControlAvailability availability) {
    return switch (availability) {
      case MANDATORY -> "mandatory";
      case DEFAULT_ON -> "on by default";
      case OPTIONAL -> "optional";
      case NOT_OFFERED -> "not offered";
    };
  }

  /** The credit table in words: "mandatory 100 %, on by default 90 %, ...". */
  static final String CREDIT_TEXT = creditText();

  // Loops and a named evaluation class rather than streams and lambdas: each lambda costs a linkage
  // (about 0.2 ms, interpreted) at the start of every CLI run that scores.

  private static String creditText() {
    StringJoiner text = new StringJoiner(", ");
    for (ControlAvailability availability : ControlAvailability.values()) {
      text.add(label(availability) + " " + Curve.percent(credit(availability)));
    }
    return text.toString();
  }

  /** The statement about {@code control}, if any. */
  static Optional<Item<SecurityControl>> find(ScoringContext ctx, AccountControl control) {
    for (Item<SecurityControl> item : ctx.current(SecurityControl.class)) {
      if (item.fact().control() == control) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  /** {@code max} points times the availability of {@code control}; unknown when unstated. */
  static Rule of(
      String id,
      Pillar pillar,
      String title,
      double max,
      AccountControl control,
      String rationale) {
    String name = Fmt.lower(control);
    return new Rule(
        id,
        pillar,
        title,
        max,
        Fmt.num(max)
            + " points times the control's availability ("
            + CREDIT_TEXT
            + "). Unknown when nothing states whether "
            + name
            + " is offered.",
        rationale,
        new Evaluation(control, name, max));
  }

  /** {@code max} points times the availability of {@code control}. */
  private record Evaluation(AccountControl control, String name, double max)
      implements Function<ScoringContext, Outcome> {
    @Override
    public Outcome apply(ScoringContext ctx) {
      Optional<Item<SecurityControl>> item = find(ctx, control);
      if (item.isEmpty()) {
        return Outcome.unknown("nothing states whether " + name + " is offered");
      }
      double points = max * credit(item.get().fact().availability());
      String value = Fmt.lower(item.get().fact().availability());
      return Outcome.known(points, value, name + ": " + value, item.get());
    }
  }
}
