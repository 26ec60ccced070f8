package io.cexsafe.scoring.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A composite kind: a rule whose points add up over named parts, each declared with its own
 * maximum. The rule's maximum is the sum of the parts, or a declared cap below it ("each safeguard
 * adds 0.5, up to 10"). Placeholders {@code {part}} in a rubric state each part's maximum.
 */
final class Composite implements Scale {
  /** One named part and the most it adds. */
  record Part(String name, double max) {
    Part {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a part needs a name");
      }
      if (!(max > 0) || Double.isInfinite(max)) {
        throw new IllegalArgumentException(
            "part " + name + " must have a finite maximum above 0, not " + max);
      }
    }
  }

  private final List<Part> parts;
  private final double cap;

  private Composite(List<Part> parts, double cap) {
    this.parts = List.copyOf(parts);
    this.cap = cap;
  }

  static Composite of(Part... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("a composite needs at least one part");
    }
    List<Part> list = new ArrayList<>();
    for (Part part : parts) {
      if (list.stream().anyMatch(p -> p.name().equals(part.name()))) {
        throw new IllegalArgumentException("part " + part.name() + " is declared twice");
      }
      list.add(part);
    }
    return new Composite(list, list.stream().mapToDouble(Part::max).sum());
  }

  static Part part(String name, double max) {
    return new Part(name, max);
  }

  /** This composite awarding at most {@code cap}, which must lie below the parts' total. */
  Composite cappedAt(double cap) {
    double total = parts.stream().mapToDouble(Part::max).sum();
    if (!(cap > 0 && cap < total)) {
      throw new IllegalArgumentException(
          "a cap must lie above 0 and below the parts' total " + Fmt.num(total) + ", not " + cap);
    }
    return new Composite(parts, cap);
  }

  @Override
  public double max() {
    return cap;
  }

  /** The most part {@code name} adds. */
  double part(String name) {
    return parts.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no part " + name + " in this rule"))
        .max();
  }

  /** What part {@code name} adds when it earns {@code fraction} of its maximum. */
  double points(String name, double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException(
          "part " + name + " earns a fraction within [0, 1], not " + fraction);
    }
    return part(name) * fraction;
  }

  /** The sum of what the parts earned, never above the maximum. */
  double total(double... earned) {
    double sum = 0;
    for (double points : earned) {
      sum += points;
    }
    return Math.min(cap, sum);
  }

  @Override
  public Map<String, String> terms() {
    Map<String, String> terms = new LinkedHashMap<>();
    parts.forEach(p -> terms.put(p.name(), Fmt.num(p.max())));
    return terms;
  }
}
