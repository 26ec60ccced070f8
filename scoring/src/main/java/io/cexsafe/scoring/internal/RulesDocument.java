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
    md.append("\nA grade is marked **provisional** when confidence is below ")
        .append(Fmt.num(Scorer.PROVISIONAL_BELOW))
        .append(".\n");
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
