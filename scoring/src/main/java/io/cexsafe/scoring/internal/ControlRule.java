package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import io.cexsafe.facts.AccountControl;
import io.cexsafe.facts.ControlAvailability;
import io.cexsafe.facts.SecurityControl;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

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
  static final String CREDIT_TEXT =
      Arrays.stream(ControlAvailability.values())
          .map(a -> label(a) + " " + Curve.percent(credit(a)))
          .collect(Collectors.joining(", "));

  /** The statement about {@code control}, if any. */
  static Optional<Item<SecurityControl>> find(ScoringContext ctx, AccountControl control) {
    return ctx.current(SecurityControl.class).stream()
        .filter(i -> i.fact().control() == control)
        .findFirst();
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
        ctx -> {
          Optional<Item<SecurityControl>> item = find(ctx, control);
          if (item.isEmpty()) {
            return Outcome.unknown("nothing states whether " + name + " is offered");
          }
          double points = max * credit(item.get().fact().availability());
          String value = Fmt.lower(item.get().fact().availability());
          return Outcome.known(points, value, name + ": " + value, item.get());
        });
  }
}
