package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import io.cexsafe.scoring.Grade;
import io.cexsafe.scoring.Methodology;
import io.cexsafe.scoring.Persona;
import io.cexsafe.scoring.Personas;
import io.cexsafe.scoring.Scorer;
import java.util.List;

/**
 * Renders the generated part of docs/methodology.md from the rule book, the default methodology,
 * the grade scale and the personas, so that the documentation cannot drift from the code.
 */
public final class RulesDocument {
  public static final String BEGIN =
      "<!-- BEGIN GENERATED: do not edit, see MethodologyDocTest -->";
  public static final String END = "<!-- END GENERATED -->";

  private RulesDocument() {}

  /** Replaces the generated section of {@code document} (markers included) with a fresh one. */
  public static String update(String document) {
    int begin = document.indexOf(BEGIN);
    int end = document.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("document lacks the generated-section markers");
    }
    return document.substring(0, begin) + render() + document.substring(end + END.length());
  }

  public static String render() {
    StringBuilder md = new StringBuilder();
    md.append(BEGIN).append("\n\n");
    Methodology methodology = Methodology.defaultMethodology();
    md.append("### Default weights\n\n");
    md.append("Methodology `")
        .append(methodology.id())
        .append("` version ")
        .append(methodology.version())
        .append(", rule book version ")
        .append(RuleBook.VERSION)
        .append(".\n\n");
    md.append("| pillar | id | weight |\n|---|---|---:|\n");
    for (Pillar pillar : Pillar.values()) {
      md.append("| ")
          .append(pillar.displayName())
          .append(" | `")
          .append(pillar.id())
          .append("` | ")
          .append(Fmt.num(methodology.weight(pillar)))
          .append(" |\n");
    }
    md.append("\n### Grades\n\n");
    md.append("| grade | overall estimate from |\n|---|---:|\n");
    for (Grade grade : Grade.values()) {
      md.append("| ").append(grade.name()).append(" | ").append(grade.floor()).append(" |\n");
    }
    md.append("\n### From rules to a grade (methodology ").append(RuleBook.VERSION).append(")\n\n");
    md.append(
            "Each rule is **known** (its facts are there), **checked absent** (a search record"
                + " shows someone looked where the fact would be published and found nothing; the"
                + " rule then scores its worst value, 0) or **unknown** (nobody looked). A pillar's"
                + " estimate is the points of its known and checked-absent rules plus each unknown"
                + " rule's maximum times the **prior** ")
        .append(Fmt.num(Scorer.UNKNOWN_PRIOR))
        .append(
            "; its range runs from every unknown rule at 0 to every unknown rule at its maximum."
                + " The overall estimate is the weighted sum of all pillar estimates: nothing is"
                + " dropped or renormalised, so one known pillar can no longer become the"
                + " headline. **Confidence** is the weighted share of rule maxima that are known"
                + " or checked absent (rules backed only by stale evidence count half).\n\n");
    md.append("*Why a prior of ")
        .append(Fmt.num(Scorer.UNKNOWN_PRIOR))
        .append(
            ":* an exchange that has not shown something deserves less than one that showed an"
                + " average result, or silence would pay; but unknown is not checked absent, so it"
                + " earns more than the worst value. A quarter of the maximum sits well below the"
                + " midpoint: an exchange known on nothing estimates 25, grade CC.\n\n");
    md.append("- **Not rated** (`NR`) below confidence ")
        .append(Fmt.num(Scorer.NOT_RATED_BELOW))
        .append(
            ": with less than half of the weight backed by evidence, the prior rather than the"
                + " exchange decides most of the estimate, so no letter is given; the scorecard"
                + " says why (\"evidence covers 12 % of the weight\").\n");
    md.append("- **Provisional** from ")
        .append(Fmt.num(Scorer.NOT_RATED_BELOW))
        .append(" up to (not including) confidence ")
        .append(Fmt.num(Scorer.PROVISIONAL_BELOW))
        .append(
            ": a grade, marked provisional because nearly a third of the weight is still"
                + " unknown.\n");
    md.append(
        "- `compare` orders rated exchanges by the conservative end of their range (the low),"
            + " lists not-rated exchanges after them, and claims a rank only where ranges do not"
            + " overlap.\n");
    md.append("\n### Claims earn less than verification\n\n");
    md.append(
        "Rules marked *credited by evidence class* multiply their points by the factor of the least"
            + " trusted evidence they relied on, so a verified fact about one part of a rule never"
            + " lends its credibility to a claim about another (the points before the factor are"
            + " shown in the explanation):\n\n");
    md.append("| evidence class | factor | why |\n|---|---:|---|\n");
    for (var entry : ClaimFactors.all().entrySet()) {
      md.append("| `")
          .append(entry.getKey().id())
          .append("` | ")
          .append(Fmt.num(entry.getValue()))
          .append(" | ")
          .append(ClaimFactors.REASONS.get(entry.getKey()))
          .append(" |\n");
    }
    md.append(
        "\nLicences are not discounted by class (a register entry is itself the verification):"
            + " `regulation.verified-licences` weighs each by its regime's strength, its kind"
            + " (authorisation > AML registration > preparatory, MVP or sandbox) and whether a"
            + " register confirms it.\n");
    md.append("\n### Red flags\n\n");
    md.append(
        "A red flag caps the grade whatever the pillars say and raises a HIGH finding. Signs that"
            + " customers may already be losing access to their money cap at CCC (substantial"
            + " risk); the others at BB (below every investment-grade letter), because each alone"
            + " has preceded collapses but has also been survived.\n\n");
    md.append("| red flag | grade at most | raised by |\n|---|---|---|\n");
    for (RedFlagChecks.Check check : RedFlagChecks.CHECKS) {
      md.append("| `")
          .append(check.kind().id())
          .append("` ")
          .append(check.kind().description())
          .append(" | ")
          .append(check.kind().cap())
          .append(" | ")
          .append(check.rubric())
          .append(" |\n");
    }
    for (Pillar pillar : Pillar.values()) {
      List<Rule> rules = RuleBook.rules(pillar);
      md.append("\n### ")
          .append(pillar.displayName())
          .append(" (`")
          .append(pillar.id())
          .append("`)\n\n");
      md.append("| rule | points |\n|---|---:|\n");
      for (Rule rule : rules) {
        md.append("| `")
            .append(rule.id())
            .append("` ")
            .append(rule.title())
            .append(" | ")
            .append(Fmt.num(rule.maxPoints()))
            .append(" |\n");
      }
      for (Rule rule : rules) {
        md.append("\n#### `")
            .append(rule.id())
            .append("`: ")
            .append(rule.title())
            .append(" (")
            .append(Fmt.num(rule.maxPoints()))
            .append(" points)\n\n");
        md.append(rule.rubric()).append("\n\n");
        if (rule.absentWhenSearched() != null) {
          md.append("*Checked absent* when a search record for `")
              .append(rule.absentWhenSearched().name().toLowerCase(java.util.Locale.ROOT))
              .append("` found nothing: ")
              .append(Fmt.num(rule.absentPoints()))
              .append(" points.\n\n");
        }
        if (rule.claimsDiscounted()) {
          md.append("*Credited by evidence class* (claims earn less than verification).\n\n");
        }
        md.append("*Why:* ").append(rule.rationale()).append("\n");
      }
    }
    md.append("\n### Personas\n\n");
    md.append("| persona | weights (")
        .append(pillarHeader())
        .append(") | highlights | rationale |\n");
    md.append("|---|---|---|---|\n");
    for (Persona persona : Personas.all()) {
      StringBuilder weights = new StringBuilder();
      for (Pillar pillar : Pillar.values()) {
        if (weights.length() > 0) {
          weights.append(" / ");
        }
        weights.append(Fmt.num(persona.methodology().weight(pillar)));
      }
      md.append("| `")
          .append(persona.id())
          .append("` ")
          .append(persona.name())
          .append(" | ")
          .append(weights)
          .append(" | ")
          .append(String.join(", ", persona.highlights().stream().map(h -> "`" + h + "`").toList()))
          .append(" | ")
          .append(persona.rationale())
          .append(" |\n");
    }
    md.append("\n").append(END);
    return md.toString();
  }

  private static String pillarHeader() {
    StringBuilder header = new StringBuilder();
    for (Pillar pillar : Pillar.values()) {
      if (header.length() > 0) {
        header.append(" / ");
      }
      header.append(pillar.id());
    }
    return header.toString();
  }
}
