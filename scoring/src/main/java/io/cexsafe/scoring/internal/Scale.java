package io.cexsafe.scoring.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of one rule, declared once: the most it can award and the terms its rubric states
 * ({@code {name}} in a rubric template becomes {@code terms().get(name)}). A rule's points are
 * computed from the same declaration, so prose and points cannot disagree.
 */
interface Scale {
  /** The most the rule can award. */
  double max();

  /** The numbers the rubric states, by placeholder name, already formatted. */
  Map<String, String> terms();

  /** This scale with more rubric terms (e.g. a curve's thresholds). */
  default Scale with(Map<String, String> more) {
    Scale base = this;
    Map<String, String> terms = new LinkedHashMap<>(base.terms());
    more.forEach(
        (name, term) -> {
          if (terms.putIfAbsent(name, term) != null) {
            throw new IllegalArgumentException("rubric term " + name + " is declared twice");
          }
        });
    Map<String, String> all = Map.copyOf(terms);
    return new Scale() {
      @Override
      public double max() {
        return base.max();
      }

      @Override
      public Map<String, String> terms() {
        return all;
      }
    };
  }

  /** A maximum without further terms. */
  static Scale max(double max) {
    if (!(max > 0) || Double.isInfinite(max)) {
      throw new IllegalArgumentException("a rule's maximum must be finite and above 0, not " + max);
    }
    return new Scale() {
      @Override
      public double max() {
        return max;
      }

      @Override
      public Map<String, String> terms() {
        return Map.of();
      }
    };
  }
}
