package io.cexsafe.scoring.internal;

import io.cexsafe.Evidence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a rule decided: known with points, or unknown.
 *
 * @param known whether the rule's inputs were known
 * @param points points awarded (clamped to the rule's maximum by the engine)
 * @param value the observed value in a few words, or null
 * @param explanation one line saying why
 * @param used the evidence the rule relied on
 */
public record Outcome(
    boolean known, double points, String value, String explanation, List<Evidence> used) {
  public Outcome {
    used = List.copyOf(used);
  }

  public static Outcome unknown(String explanation) {
    return new Outcome(false, 0, null, explanation, List.of());
  }

  public static Outcome known(
      double points, String value, String explanation, Collection<? extends Item<?>> items) {
    List<Evidence> used = new ArrayList<>(items.size());
    Set<String> seen = new HashSet<>();
    for (Item<?> item : items) {
      if (seen.add(item.id())) {
        used.add(item.evidence());
      }
    }
    return new Outcome(true, points, value, explanation, used);
  }

  public static Outcome known(double points, String value, String explanation, Item<?> item) {
    return known(points, value, explanation, List.of(item));
  }
}
