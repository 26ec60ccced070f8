package io.cexsafe.reports.internal;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.Pillar;
import io.cexsafe.reports.ComparisonReport;
import io.cexsafe.reports.ExchangeAssessment;
import io.cexsafe.reports.TextTable;
import io.cexsafe.scoring.Comparison;
import io.cexsafe.scoring.Finding;
import io.cexsafe.scoring.PersonaVerdict;
import io.cexsafe.scoring.PillarScore;
import io.cexsafe.scoring.RuleResult;
import io.cexsafe.scoring.RuleStatus;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.SensitivityReport;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text tables for a terminal. */
public final class TableRenderer {
  private TableRenderer() {}

  public static void assessments(
      List<ExchangeAssessment> assessments, boolean listEvidence, Writer writer) {
    PrintWriter out = new PrintWriter(writer);
    for (int i = 0; i < assessments.size(); i++) {
      ExchangeAssessment assessment = assessments.get(i);
      if (i > 0) {
        out.println();
        out.println("=".repeat(78));
        out.println();
      }
      scorecard(
          out,
          assessment.displayName(),
          assessment.exchange(),
          assessment.scorecard(),
          assessment.verdict());
      out.println();
      outcomes(out, assessment.bundle(), "Collectors:");
      stale(out, assessment);
      unscored(out, assessment);
      if (listEvidence) {
        evidence(out, assessment.bundle());
      }
    }
    out.flush();
  }

  public static void comparison(ComparisonReport report, Writer writer) {
    PrintWriter out = new PrintWriter(writer);
    Comparison comparison = report.comparison();
    out.println(
        "Comparison under "
            + comparison.methodology()
            + " "
            + comparison.methodologyVersion()
            + ", methodology "
            + comparison.rulesVersion()
            + ", evaluated "
            + report.assessments().get(0).bundle().asOf()
            + " (a rank is claimed only where ranges do not overlap)");
    out.println();
    TextTable scores =
        new TextTable("RANK", "EXCHANGE", "SCORE", "RANGE", "GRADE", "CONFIDENCE", "RED FLAGS");
    for (Comparison.Entry entry : comparison.entries()) {
      scores.row(
          entry.rank(),
          Fmt.comparedExchange(report, entry.exchangeId()),
          Fmt.num(entry.estimate()),
          Fmt.range(entry.low(), entry.high()),
          entry.grade(),
          Fmt.confidence(entry.confidence()),
          entry.redFlags().isEmpty()
              ? "none"
              : String.join(
                  ", ",
                  entry.redFlags().stream()
                      .map(f -> f.kind().id() + " (at most " + f.cap() + ")")
                      .toList()));
    }
    scores.print(out, "");
    out.println();
    List<String> header = new ArrayList<>(List.of("PILLAR"));
    comparison.entries().forEach(e -> header.add(e.exchangeId()));
    TextTable pillars = new TextTable(header.toArray(String[]::new));
    for (Pillar pillar : Pillar.values()) {
      List<String> row = new ArrayList<>(List.of(pillar.displayName()));
      for (Comparison.Entry entry : comparison.entries()) {
        Comparison.PillarCell cell = entry.pillars().get(pillar.ordinal());
        row.add(Fmt.num(cell.estimate()) + " " + Fmt.range(cell.low(), cell.high()));
      }
      pillars.row(row.toArray(String[]::new));
    }
    pillars.print(out, "");
    out.println();
    List<String> controlHeader = new ArrayList<>(List.of("CONTROL"));
    comparison.entries().forEach(e -> controlHeader.add(e.exchangeId()));
    TextTable controls = new TextTable(controlHeader.toArray(String[]::new));
    for (Comparison.ControlRow row : comparison.controls()) {
      List<String> cells = new ArrayList<>(List.of(row.title()));
      for (Comparison.Cell cell : row.cells()) {
        cells.add(control(cell, row.maxPoints()));
      }
      controls.row(cells.toArray(String[]::new));
    }
    controls.print(out, "");
    out.println();
    comparison.statements().forEach(s -> out.println("- " + s));
    if (report.sensitivity() != null) {
      out.println();
      sensitivity(out, report.sensitivity());
    }
    for (Comparison.Entry entry : comparison.entries()) {
      ExchangeAssessment assessment = report.assessment(entry.exchangeId());
      out.println();
      outcomes(out, assessment.bundle(), "Collectors for " + entry.exchangeId() + ":");
      stale(out, assessment);
      unscored(out, assessment);
    }
    out.flush();
  }

  /** One cell of the control matrix: "8/10 mandatory" or "unknown". */
  static String control(Comparison.Cell cell, double maxPoints) {
    return cell.status() == RuleStatus.UNKNOWN
        ? "unknown"
        : Fmt.points(cell.points())
            + "/"
            + Fmt.points(maxPoints)
            + (cell.value() == null ? "" : " " + cell.value());
  }

  private static void scorecard(
      PrintWriter out,
      String displayName,
      Exchange exchange,
      Scorecard card,
      PersonaVerdict verdict) {
    out.println(
        displayName
            + " ("
            + exchange.id()
            + "), scored as of "
            + card.asOf()
            + " under "
            + Fmt.methodology(card));
    out.println();
    out.println(
        "Overall: "
            + Fmt.num(card.estimate())
            + "  grade "
            + card.gradeLabel()
            + "  range "
            + Fmt.range(card.low(), card.high())
            + "  confidence "
            + Fmt.confidence(card.confidence()));
    if (verdict != null) {
      out.println(verdict.verdict());
      out.println("  (" + verdict.rationale() + ")");
    }
    if (card.redFlags().isEmpty()) {
      out.println("Red flags: none");
    } else {
      out.println("Red flags:");
      for (io.cexsafe.scoring.RedFlag flag : card.redFlags()) {
        out.println("  " + Fmt.redFlag(flag) + evidenceIds(flag.evidenceIds()));
      }
    }
    out.println();
    TextTable table = new TextTable("PILLAR", "WEIGHT", "SCORE", "RANGE", "COVERAGE");
    for (PillarScore pillar : card.pillars()) {
      table.row(
          pillar.pillar().displayName(),
          Fmt.points(pillar.weight()),
          Fmt.num(pillar.estimate()),
          Fmt.range(pillar.low(), pillar.high()),
          Fmt.percent(pillar.coverage()));
    }
    table.print(out, "");
    for (PillarScore pillar : card.pillars()) {
      out.println();
      out.println(
          pillar.pillar().displayName()
              + ": "
              + (pillar.estimate() == null ? "unknown" : Fmt.num(pillar.estimate()))
              + ", coverage "
              + Fmt.percent(pillar.coverage()));
      List<String> unknown = new ArrayList<>();
      for (RuleResult rule : pillar.rules()) {
        if (rule.covered()) {
          out.println(
              (rule.known() ? "  + " : "  - checked absent: ")
                  + rule.explanation()
                  + (rule.stale() ? " [STALE]" : "")
                  + evidenceIds(rule.evidenceIds()));
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

  private static void outcomes(PrintWriter out, EvidenceBundle bundle, String title) {
    out.println(title);
    TextTable outcomes = new TextTable("COLLECTOR", "STATUS", "EVIDENCE", "DETAIL");
    for (CollectorOutcome outcome : bundle.outcomes()) {
      outcomes.row(
          outcome.collectorId(),
          Fmt.status(outcome),
          String.valueOf(outcome.evidenceCount()),
          outcome.message() == null ? "" : outcome.message());
    }
    outcomes.print(out, "  ");
  }

  private static void stale(PrintWriter out, ExchangeAssessment assessment) {
    List<Evidence> stale = Fmt.stale(assessment);
    if (stale.isEmpty()) {
      out.println("Stale evidence: none");
      return;
    }
    out.println("Stale evidence:");
    for (Evidence e : stale) {
      out.println(
          "  - "
              + e.id()
              + ": "
              + e.fact().summary()
              + " (observed "
              + Fmt.date(e.provenance().observedAt())
              + ", stale after "
              + Fmt.date(e.provenance().staleAfter())
              + ")");
    }
  }

  private static void unscored(PrintWriter out, ExchangeAssessment assessment) {
    List<String> unscored = Fmt.unscored(assessment);
    if (unscored.isEmpty()) {
      return;
    }
    out.println(Fmt.UNSCORED_TITLE + ":");
    unscored.forEach(line -> out.println("  - " + line));
  }

  private static void evidence(PrintWriter out, EvidenceBundle bundle) {
    for (Map.Entry<Pillar, List<Evidence>> entry : bundle.byPillar().entrySet()) {
      Pillar pillar = entry.getKey();
      List<Evidence> evidence = entry.getValue();
      out.println();
      out.println(
          "Evidence for "
              + pillar.displayName()
              + ": "
              + (evidence.isEmpty()
                  ? "no evidence, unknown"
                  : evidence.size() + " pieces of evidence"));
      for (Evidence e : evidence) {
        out.println(
            "  - "
                + e.fact().summary()
                + " ["
                + e.evidenceClass().id()
                + ", observed "
                + Fmt.date(e.provenance().observedAt())
                + (e.provenance().isStaleAt(bundle.asOf()) ? ", STALE" : "")
                + "]");
        out.println(
            "      " + e.provenance().sourceTitle() + " <" + e.provenance().sourceUrl() + ">");
      }
    }
  }

  private static void sensitivity(PrintWriter out, SensitivityReport report) {
    out.println(
        "Sensitivity: "
            + report.draws()
            + " weight draws around "
            + report.methodology()
            + " (Dirichlet, concentration "
            + Fmt.num(report.concentration())
            + ", seed "
            + report.seed()
            + ")");
    TextTable table =
        new TextTable("EXCHANGE", "BASE RANK", "FIRST IN", "BEST", "P5", "MEDIAN", "P95", "WORST");
    for (SensitivityReport.ExchangeStability e : report.exchanges()) {
      table.row(
          e.exchangeId(),
          String.valueOf(e.baseRank()),
          String.format(Locale.ROOT, "%.1f%%", e.shareFirst() * 100),
          String.valueOf(e.bestRank()),
          String.valueOf(e.rankP5()),
          String.valueOf(e.medianRank()),
          String.valueOf(e.rankP95()),
          String.valueOf(e.worstRank()));
    }
    table.print(out, "");
    if (!report.unrated().isEmpty()) {
      out.println(
          "Not rated (too little evidence to rank): " + String.join(", ", report.unrated()));
    }
  }

  private static String evidenceIds(List<String> ids) {
    if (ids.isEmpty()) {
      return "";
    }
    return ids.size() <= 2
        ? "  <" + String.join(", ", ids) + ">"
        : "  <" + ids.get(0) + ", " + ids.get(1) + " +" + (ids.size() - 2) + ">";
  }
}
