package io.cexsafe.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The same evidence weighted for one kind of user.
 *
 * @param id stable id, e.g. {@code long-term-holder}
 * @param name display name
 * @param rationale one line on why these weights
 * @param methodology the persona's weights as a methodology
 * @param highlights the rules that matter most to this user, most important first
 */
public record Persona(
    String id, String name, String rationale, Methodology methodology, List<String> highlights) {
  /**
   * Validates the components, copying its lists.
   *
   * @param id stable id, e.g. {@code long-term-holder}
   * @param name display name
   * @param rationale one line on why these weights
   * @param methodology the persona's weights as a methodology
   * @param highlights the rules that matter most to this user, most important first
   */
  public Persona {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(methodology, "methodology");
    highlights = List.copyOf(highlights);
    if (highlights.isEmpty()) {
      throw new IllegalArgumentException("persona " + id + " needs at least one highlight");
    }
  }

  /**
   * The verdict for this user: the scorecard (which must have been scored under this persona's
   * methodology) and how the exchange does on what matters most.
   *
   * @param scorecard a scorecard under this persona's methodology
   * @return the verdict
   * @throws IllegalArgumentException when it was scored under another methodology
   */
  public PersonaVerdict verdict(Scorecard scorecard) {
    if (!scorecard.methodology().equals(methodology.id())) {
      throw new IllegalArgumentException(
          "scorecard was scored under " + scorecard.methodology() + ", not " + methodology.id());
    }
    List<RuleResult> results = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (String ruleId : highlights) {
      RuleResult result = scorecard.rule(ruleId);
      results.add(result);
      String title = result.title().toLowerCase(Locale.ROOT);
      parts.add(
          result.known()
              ? title
                  + " "
                  + number(result.points())
                  + "/"
                  + number(result.maxPoints())
                  + (result.value() == null ? "" : " (" + result.value() + ")")
              : title + " unknown");
    }
    String overall =
        scorecard.estimate() == null
            ? "unrated (no evidence)"
            : scorecard.gradeLabel()
                + ", "
                + number(scorecard.estimate())
                + " within ["
                + number(scorecard.low())
                + ", "
                + number(scorecard.high())
                + "]";
    String who = name.toLowerCase(Locale.ROOT);
    String verdict =
        ("aeiou".indexOf(who.charAt(0)) >= 0 ? "For an " : "For a ")
            + who
            + ": "
            + overall
            + ". What matters most: "
            + String.join("; ", parts)
            + ".";
    return new PersonaVerdict(id, name, rationale, verdict, results, scorecard);
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
