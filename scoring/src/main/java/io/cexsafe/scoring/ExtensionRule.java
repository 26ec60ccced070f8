package io.cexsafe.scoring;

import com.fasterxml.jackson.core.JsonPointer;
import io.cexsafe.Pillar;
import io.cexsafe.facts.ExtensionFact;
import java.util.Objects;

/**
 * A rule a methodology file declares for a plugin's {@link ExtensionFact} kind: it reads one number
 * from the payload of the most trusted (then newest) fact of that kind and places it on a linear
 * curve. The pillar's built-in rules keep their points; the pillar is then scored out of 100 plus
 * this rule's maximum and scaled back to 100. Claims earn less than verification, as for every
 * built-in rule that reads disclosures.
 *
 * @param kind the extension kind it reads, e.g. {@code acme.cold-wallet-audit}
 * @param pillar the pillar it scores in
 * @param title a short title
 * @param maxPoints the most it awards, in (0, 100]
 * @param field a JSON Pointer into the payload, e.g. {@code /coldShare}
 * @param higherIsBetter true when a higher value earns more
 * @param zeroAt the value at and beyond which the rule awards nothing
 * @param fullAt the value at and beyond which the rule awards its maximum
 */
public record ExtensionRule(
    String kind,
    Pillar pillar,
    String title,
    double maxPoints,
    String field,
    boolean higherIsBetter,
    double zeroAt,
    double fullAt) {
  /**
   * Validates the components.
   *
   * @param kind the extension kind it reads, e.g. {@code acme.cold-wallet-audit}
   * @param pillar the pillar it scores in
   * @param title a short title
   * @param maxPoints the most it awards, in (0, 100]
   * @param field a JSON Pointer into the payload, e.g. {@code /coldShare}
   * @param higherIsBetter true when a higher value earns more
   * @param zeroAt the value at and beyond which the rule awards nothing
   * @param fullAt the value at and beyond which the rule awards its maximum
   */
  public ExtensionRule {
    kind = ExtensionFact.requireKind(kind);
    Objects.requireNonNull(pillar, "pillar");
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException(kind + ": title must not be blank");
    }
    title = title.trim();
    if (!(maxPoints > 0 && maxPoints <= 100)) {
      throw new IllegalArgumentException(
          kind + ": maxPoints must be within (0, 100], got " + maxPoints);
    }
    if (field == null || !field.startsWith("/") || field.length() < 2) {
      throw new IllegalArgumentException(
          kind
              + ": field must be a JSON Pointer into the payload such as /coldShare, got "
              + field);
    }
    try {
      JsonPointer.compile(field);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(kind + ": field '" + field + "' is no JSON Pointer", e);
    }
    if (!Double.isFinite(zeroAt) || !Double.isFinite(fullAt)) {
      throw new IllegalArgumentException(kind + ": zeroAt and fullAt must be finite numbers");
    }
    if (higherIsBetter ? !(zeroAt < fullAt) : !(fullAt < zeroAt)) {
      throw new IllegalArgumentException(
          kind
              + ": with "
              + (higherIsBetter ? "higher" : "lower")
              + " values better, zeroAt ("
              + zeroAt
              + ") must be "
              + (higherIsBetter ? "below" : "above")
              + " fullAt ("
              + fullAt
              + ")");
    }
  }

  /** {@return the rule's id: its pillar, then its kind ({@code custody.acme.cold-wallet-audit})} */
  public String id() {
    return pillar.id() + "." + kind;
  }
}
