package io.cexsafe.scoring.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.DoubleStream;

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
      if (find(list, part.name()) != null) {
        throw new IllegalArgumentException("part " + part.name() + " is declared twice");
      }
      list.add(part);
    }
    return new Composite(list, total(list));
  }

  // Loops rather than stream lambdas: each lambda costs a linkage (about 0.2 ms, interpreted) at
  // the
  // start of every CLI run, and composites are declared as the rule book loads.

  /** The part named {@code name}, or null. */
  private static Part find(List<Part> parts, String name) {
    for (Part part : parts) {
      if (part.name().equals(name)) {
        return part;
      }
    }
    return null;
  }

  /**
   * The parts' maxima summed as a stream sums them (compensated), so every total stays the same.
   */
  private static double total(List<Part> parts) {
    double[] maxima = new double[parts.size()];
    for (int i = 0; i < maxima.length; i++) {
      maxima[i] = parts.get(i).max();
    }
    return DoubleStream.of(maxima).sum();
  }

  static Part part(String name, double max) {
    return new Part(name, max);
  }

  /** This composite awarding at most {@code cap}, which must lie below the parts' total. */
  Composite cappedAt(double cap) {
    double total = total(parts);
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
    Part part = find(parts, name);
    if (part == null) {
      throw new IllegalArgumentException("no part " + name + " in this rule");
    }
    return part.max();
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
    for (Part part : parts) {
      terms.put(part.name(), Fmt.num(part.max()));
    }
    return terms;
  }
}
