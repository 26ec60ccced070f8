package io.cexsafe.cli;

import io.cexsafe.Exchange;
import io.cexsafe.scoring.Finding;
import io.cexsafe.scoring.PersonaVerdict;
import io.cexsafe.scoring.PillarScore;
import io.cexsafe.scoring.RuleResult;
import io.cexsafe.scoring.Scorecard;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints a scorecard as text. */
final class ScorecardReport {
  private ScorecardReport() {}

  static String num(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }

  static String range(double low, double high) {
    return "[" + num(low) + ", " + num(high) + "]";
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  static void print(PrintWriter out, Exchange exchange, Scorecard card, PersonaVerdict verdict) {
    out.println(
        exchange.name()
            + " ("
            + exchange.id()
            + "), scored as of "
            + card.asOf()
            + " under "
            + card.methodology()
            + " "
            + card.methodologyVersion()
            + " (rules "
            + card.rulesVersion()
            + ")");
    out.println();
    out.println(
        "Overall: "
            + num(card.estimate())
            + "  grade "
            + card.gradeLabel()
            + "  range "
            + range(card.low(), card.high())
            + "  confidence "
            + String.format(Locale.ROOT, "%.2f", card.confidence()));
    if (verdict != null) {
      out.println(verdict.verdict());
      out.println("  (" + verdict.rationale() + ")");
    }
    out.println();
    TextTable table = new TextTable("PILLAR", "WEIGHT", "SCORE", "RANGE", "COVERAGE");
    for (PillarScore pillar : card.pillars()) {
      table.row(
          pillar.pillar().displayName(),
          num(pillar.weight()).replace(".0", ""),
          num(pillar.estimate()),
          range(pillar.low(), pillar.high()),
          percent(pillar.coverage()));
    }
    table.print(out);
    for (PillarScore pillar : card.pillars()) {
      out.println();
      out.println(
          pillar.pillar().displayName()
              + ": "
              + (pillar.estimate() == null ? "unknown" : num(pillar.estimate()))
              + ", coverage "
              + percent(pillar.coverage()));
      List<String> unknown = new ArrayList<>();
      for (RuleResult rule : pillar.rules()) {
        if (rule.known()) {
          out.println(
              "  + "
                  + rule.explanation()
                  + (rule.stale() ? " [STALE]" : "")
                  + evidence(rule.evidenceIds()));
        } else {
          unknown.add(rule.title());
        }
      }
      if (unknown.size() == pillar.rules().size()) {
        out.println("  no evidence: all " + unknown.size() + " rules unknown");
      } else if (!unknown.isEmpty()) {
        out.println(
            "  ? unknown ("
                + unknown.size()
                + " of "
                + pillar.rules().size()
                + " rules): "
                + String.join("; ", unknown));
      }
    }
    out.println();
    if (card.findings().isEmpty()) {
      out.println("Findings: none");
    } else {
      out.println("Findings:");
      for (Finding finding : card.findings()) {
        out.println(
            "  "
                + finding.severity().id().toUpperCase(Locale.ROOT)
                + " "
                + finding.kind().id()
                + (finding.pillar() == null ? "" : " [" + finding.pillar().id() + "]")
                + ": "
                + finding.message());
      }
    }
  }

  private static String evidence(List<String> ids) {
    if (ids.isEmpty()) {
      return "";
    }
    return ids.size() <= 2
        ? "  <" + String.join(", ", ids) + ">"
        : "  <" + ids.get(0) + ", " + ids.get(1) + " +" + (ids.size() - 2) + ">";
  }
}
