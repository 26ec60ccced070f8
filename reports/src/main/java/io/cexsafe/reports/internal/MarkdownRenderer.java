package io.cexsafe.reports.internal;

import com.google.common.html.HtmlEscapers;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Pillar;
import io.cexsafe.reports.ComparisonReport;
import io.cexsafe.reports.ExchangeAssessment;
import io.cexsafe.scoring.Comparison;
import io.cexsafe.scoring.Finding;
import io.cexsafe.scoring.PillarScore;
import io.cexsafe.scoring.RuleResult;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.SensitivityReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Markdown as code-hosting sites render it (GitHub flavour): a summary table, one section per
 * pillar with links to its evidence, the evidence with source links and dates, what each collector
 * did and the stale evidence.
 */
public final class MarkdownRenderer {
  private MarkdownRenderer() {}

  public static void assessments(List<ExchangeAssessment> assessments, Writer out)
      throws IOException {
    StringBuilder md = new StringBuilder();
    if (assessments.size() > 1) {
      md.append("# cexsafe assessment\n\n");
      table(
          md,
          List.of("Exchange", "Score", "Range", "Grade", "Confidence"),
          assessments.stream()
              .map(
                  a ->
                      List.of(
                          "[" + text(a.displayName()) + "](#" + anchor(a) + ")",
                          Fmt.num(a.scorecard().estimate()),
                          Fmt.range(a.scorecard().low(), a.scorecard().high()),
                          text(a.scorecard().gradeLabel()),
                          Fmt.confidence(a.scorecard().confidence())))
              .toList());
      md.append('\n');
    }
    for (ExchangeAssessment assessment : assessments) {
      exchange(md, assessment, assessments.size() > 1 ? "## " : "# ");
    }
    out.write(md.toString());
  }

  public static void comparison(ComparisonReport report, Writer out) throws IOException {
    StringBuilder md = new StringBuilder();
    Comparison comparison = report.comparison();
    md.append("# cexsafe comparison\n\n");
    md.append("Methodology **")
        .append(
            text(
                comparison.methodology()
                    + " "
                    + comparison.methodologyVersion()
                    + ", methodology "
                    + comparison.rulesVersion()))
        .append("**, evaluated ")
        .append(report.assessments().get(0).bundle().asOf())
        .append(". A rank is claimed only where score ranges do not overlap.\n\n");
    table(
        md,
        List.of("Rank", "Exchange", "Score", "Range", "Grade", "Confidence", "Red flags"),
        comparison.entries().stream()
            .map(
                e ->
                    List.of(
                        text(e.rank()),
                        text(Fmt.comparedExchange(report, e.exchangeId())),
                        Fmt.num(e.estimate()),
                        Fmt.range(e.low(), e.high()),
                        text(e.grade()),
                        Fmt.confidence(e.confidence()),
                        e.redFlags().isEmpty()
                            ? "none"
                            : text(
                                e.redFlags().stream()
                                    .map(f -> f.kind().id() + " (at most " + f.cap() + ")")
                                    .collect(Collectors.joining(", ")))))
            .toList());
    md.append("\n## Pillars\n\n");
    List<String> header = new ArrayList<>(List.of("Pillar"));
    comparison.entries().forEach(e -> header.add(text(e.exchangeId())));
    List<List<String>> rows = new ArrayList<>();
    for (Pillar pillar : Pillar.values()) {
      List<String> row = new ArrayList<>(List.of(text(pillar.displayName())));
      for (Comparison.Entry entry : comparison.entries()) {
        Comparison.PillarCell cell = entry.pillars().get(pillar.ordinal());
        row.add(Fmt.num(cell.estimate()) + " " + Fmt.range(cell.low(), cell.high()));
      }
      rows.add(row);
    }
    table(md, header, rows);
    md.append("\n## Controls\n\n");
    List<String> controlHeader = new ArrayList<>(List.of("Control"));
    comparison.entries().forEach(e -> controlHeader.add(text(e.exchangeId())));
    List<List<String>> controlRows = new ArrayList<>();
    for (Comparison.ControlRow row : comparison.controls()) {
      List<String> cells = new ArrayList<>(List.of(text(row.title())));
      for (Comparison.Cell cell : row.cells()) {
        cells.add(text(TableRenderer.control(cell, row.maxPoints())));
      }
      controlRows.add(cells);
    }
    table(md, controlHeader, controlRows);
    md.append('\n');
    for (String statement : comparison.statements()) {
      md.append("- ").append(text(statement)).append('\n');
    }
    SensitivityReport sensitivity = report.sensitivity();
    if (sensitivity != null) {
      md.append("\n## Sensitivity\n\n")
          .append(sensitivity.draws())
          .append(" weight draws around ")
          .append(text(sensitivity.methodology()))
          .append(" (Dirichlet, concentration ")
          .append(Fmt.num(sensitivity.concentration()))
          .append(", seed ")
          .append(sensitivity.seed())
          .append(").\n\n");
      table(
          md,
          List.of("Exchange", "Base rank", "First in", "Best", "Median", "Worst"),
          sensitivity.exchanges().stream()
              .map(
                  e ->
                      List.of(
                          text(e.exchangeId()),
                          String.valueOf(e.baseRank()),
                          String.format(Locale.ROOT, "%.1f%%", e.shareFirst() * 100),
                          String.valueOf(e.bestRank()),
                          String.valueOf(e.medianRank()),
                          String.valueOf(e.worstRank())))
              .toList());
    }
    md.append("\n## Collectors and stale evidence\n");
    for (ExchangeAssessment assessment : JsonRenderer.inRankOrder(report)) {
      md.append("\n### ").append(text(assessment.displayName())).append("\n\n");
      collectors(md, assessment.bundle());
      stale(md, assessment);
      unscored(md, assessment);
    }
    out.write(md.toString());
  }

  private static void exchange(StringBuilder md, ExchangeAssessment assessment, String h) {
    Scorecard card = assessment.scorecard();
    EvidenceBundle bundle = assessment.bundle();
    String sub = "#" + h;
    md.append(h)
        .append("<a id=\"")
        .append(anchor(assessment))
        .append("\"></a>")
        .append(text(assessment.displayName()))
        .append(" (")
        .append(text(assessment.exchange().id()))
        .append(")\n\n");
    md.append("- Methodology: ").append(text(Fmt.methodology(card))).append('\n');
    md.append("- Evaluated: ").append(card.asOf()).append('\n');
    md.append("- Overall: **")
        .append(Fmt.num(card.estimate()))
        .append("**, grade **")
        .append(text(card.gradeLabel()))
        .append("**, range ")
        .append(Fmt.range(card.low(), card.high()))
        .append(", confidence ")
        .append(Fmt.confidence(card.confidence()))
        .append('\n');
    if (assessment.verdict() != null) {
      md.append("- Persona: ").append(text(assessment.verdict().verdict())).append('\n');
    }
    md.append('\n');
    table(
        md,
        List.of("Pillar", "Weight", "Score", "Range", "Coverage"),
        card.pillars().stream()
            .map(
                p ->
                    List.of(
                        "[" + text(p.pillar().displayName()) + "](#" + pillarAnchor(card, p) + ")",
                        Fmt.points(p.weight()),
                        Fmt.num(p.estimate()),
                        Fmt.range(p.low(), p.high()),
                        Fmt.percent(p.coverage())))
            .toList());
    md.append('\n').append(sub).append("Red flags\n\n");
    if (card.redFlags().isEmpty()) {
      md.append("None.\n");
    }
    for (io.cexsafe.scoring.RedFlag flag : card.redFlags()) {
      md.append("- **").append(text(Fmt.redFlag(flag))).append("**\n");
    }
    md.append('\n').append(sub).append("Findings\n\n");
    if (card.findings().isEmpty()) {
      md.append("None.\n");
    }
    for (Finding finding : card.findings()) {
      md.append("- **")
          .append(finding.severity().id())
          .append("** ")
          .append(finding.kind().id())
          .append(finding.pillar() == null ? "" : " (" + text(finding.pillar().displayName()) + ")")
          .append(": ")
          .append(text(finding.message()))
          .append('\n');
    }
    Map<String, Evidence> byId =
        bundle.evidence().stream().collect(Collectors.toMap(Evidence::id, Function.identity()));
    for (PillarScore pillar : card.pillars()) {
      md.append('\n')
          .append(sub)
          .append("<a id=\"")
          .append(pillarAnchor(card, pillar))
          .append("\"></a>")
          .append(text(pillar.pillar().displayName()))
          .append(": ")
          .append(pillar.estimate() == null ? "unknown" : Fmt.num(pillar.estimate()))
          .append("\n\n");
      md.append("Weight ")
          .append(Fmt.points(pillar.weight()))
          .append(", range ")
          .append(Fmt.range(pillar.low(), pillar.high()))
          .append(", coverage ")
          .append(Fmt.percent(pillar.coverage()))
          .append(".\n\n");
      for (RuleResult rule : pillar.rules()) {
        md.append("- ")
            .append(rule.known() ? "" : rule.covered() ? "*checked absent*: " : "*unknown*: ")
            .append(text(rule.covered() ? rule.explanation() : rule.title()))
            .append(rule.stale() ? " **(stale)**" : "");
        for (String id : rule.evidenceIds()) {
          Evidence e = byId.get(id);
          if (e != null) {
            md.append(" · ").append(sourceLink(e)).append(", ").append(observed(e));
          }
        }
        md.append('\n');
      }
    }
    md.append('\n').append(sub).append("Evidence\n\n");
    table(
        md,
        List.of("Fact", "Pillars", "Class", "Observed", "Source"),
        Fmt.evidenceInPillarOrder(bundle).stream()
            .map(
                e ->
                    List.of(
                        text(e.fact().summary())
                            + (e.provenance().isStaleAt(bundle.asOf()) ? " **(stale)**" : ""),
                        text(Fmt.pillars(e)),
                        e.evidenceClass().id(),
                        observed(e),
                        sourceLink(e)))
            .toList());
    md.append('\n').append(sub).append("Collectors\n\n");
    collectors(md, bundle);
    stale(md, assessment);
    unscored(md, assessment);
    md.append('\n');
  }

  private static void collectors(StringBuilder md, EvidenceBundle bundle) {
    table(
        md,
        List.of("Collector", "Status", "Evidence", "Detail"),
        bundle.outcomes().stream()
            .map(
                (CollectorOutcome o) ->
                    List.of(
                        text(o.collectorId()),
                        text(Fmt.status(o)),
                        String.valueOf(o.evidenceCount()),
                        o.message() == null ? "" : text(o.message())))
            .toList());
  }

  private static void unscored(StringBuilder md, ExchangeAssessment assessment) {
    List<String> unscored = Fmt.unscored(assessment);
    if (unscored.isEmpty()) {
      return;
    }
    md.append('\n').append(Fmt.UNSCORED_TITLE).append(":\n\n");
    unscored.forEach(line -> md.append("- ").append(text(line)).append('\n'));
  }

  private static void stale(StringBuilder md, ExchangeAssessment assessment) {
    List<Evidence> stale = Fmt.stale(assessment);
    md.append("\nStale evidence: ").append(stale.isEmpty() ? "none.\n" : "\n\n");
    for (Evidence e : stale) {
      md.append("- ")
          .append(text(e.fact().summary()))
          .append(", ")
          .append(observed(e))
          .append(", stale after ")
          .append(Fmt.date(e.provenance().staleAfter()))
          .append(" · ")
          .append(sourceLink(e))
          .append('\n');
    }
  }

  private static String observed(Evidence e) {
    return "observed " + Fmt.date(e.provenance().observedAt());
  }

  private static String sourceLink(Evidence e) {
    String title = text(e.provenance().sourceTitle());
    String url = e.provenance().sourceUrl().toString();
    if (!Fmt.linkable(url)) {
      return title + " (" + text(url) + ")";
    }
    return "["
        + title
        + "]("
        + url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        + ")";
  }

  private static void table(StringBuilder md, List<String> header, List<List<String>> rows) {
    md.append("| ").append(String.join(" | ", header)).append(" |\n");
    md.append("|").append(" --- |".repeat(header.size())).append('\n');
    for (List<String> row : rows) {
      md.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
  }

  private static String anchor(ExchangeAssessment assessment) {
    return "exchange-" + Html.slug(assessment.exchange().id());
  }

  private static String pillarAnchor(Scorecard card, PillarScore pillar) {
    return Html.slug(card.exchangeId()) + "-" + pillar.pillar().id();
  }

  /**
   * Text that renders as itself: HTML special characters become entities (Markdown passes inline
   * HTML through), Markdown punctuation is backslash-escaped and line breaks become spaces, so that
   * it cannot break a table or start a link.
   */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    String escaped = HtmlEscapers.htmlEscaper().escape(value.replaceAll("[\\r\\n]+", " "));
    StringBuilder out = new StringBuilder(escaped.length());
    for (char c : escaped.toCharArray()) {
      if ("\\`*_[]|~".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
