package io.cexsafe.reports.internal;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Pillar;
import io.cexsafe.Version;
import io.cexsafe.reports.ComparisonReport;
import io.cexsafe.reports.ExchangeAssessment;
import io.cexsafe.scoring.Comparison;
import io.cexsafe.scoring.Finding;
import io.cexsafe.scoring.PillarScore;
import io.cexsafe.scoring.RuleResult;
import io.cexsafe.scoring.RuleStatus;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.SensitivityReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One self-contained HTML page: inline styles, inline SVG charts, no scripts, fonts or other
 * external resources, and a content security policy that forbids loading any. All text from
 * evidence is escaped.
 */
public final class HtmlRenderer {
  private static final String STYLE =
      """
      :root{color-scheme:light;--ink:#1b2430;--muted:#5b6776;--line:#d7dee6;--accent:#1f6feb}
      *{box-sizing:border-box}
      body{margin:0;padding:24px 32px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,\
      "Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
      h1{font-size:24px;margin:0 0 4px}h2{font-size:20px;margin:28px 0 6px}
      h3{font-size:16px;margin:22px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
      h4{font-size:14px;margin:14px 0 4px}
      .meta{color:var(--muted);margin:2px 0}
      .overall{display:flex;gap:18px;align-items:center;margin:14px 0}
      .grade{font-size:30px;font-weight:700;min-width:84px;text-align:center;padding:8px 12px;\
      border-radius:8px;color:#fff;background:#6b7785}
      .grade.g-high{background:#1a7f37}.grade.g-mid{background:#9a6700}.grade.g-low{background:#cf222e}
      .figures div{margin:2px 0}.figures b{font-size:18px}
      table{border-collapse:collapse;margin:6px 0 10px;width:100%}
      th,td{border:1px solid var(--line);padding:4px 7px;text-align:left;vertical-align:top}
      th{background:#f4f6f8;font-weight:600}
      td.num{text-align:right;white-space:nowrap}
      svg.chart{max-width:100%;height:auto;font-size:12px}
      svg .label{fill:var(--ink)}svg .tick{fill:var(--muted);font-size:10px}
      svg .value{fill:var(--ink);font-weight:600}svg .value.unknown{fill:var(--muted);font-weight:400}
      ul{margin:4px 0 8px;padding-left:20px}li{margin:2px 0}
      .sev-high{color:#cf222e;font-weight:600}.sev-medium{color:#9a6700;font-weight:600}
      .sev-low,.sev-info{color:var(--muted)}
      .stale{color:#9a6700;font-weight:600}.unknown{color:var(--muted)}
      .urn{color:var(--muted);font-size:12px;word-break:break-all}
      .ev-ref{font-size:12px}
      .status-ok{color:#1a7f37}.status-partial{color:#9a6700}.status-failed{color:#cf222e}\
      .status-skipped{color:var(--muted)}
      .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:14px}
      .card{border:1px solid var(--line);border-radius:8px;padding:10px 12px}
      .card h3{border:0;margin:0 0 4px;padding:0}
      td.ctl-full{background:#dafbe1}td.ctl-part{background:#fff8c5}td.ctl-none{background:#ffebe9}
      td.ctl-unknown{color:var(--muted);background:#f6f8fa}
      article{border-top:3px solid var(--line);margin-top:26px}
      footer{margin-top:30px;color:var(--muted);font-size:12px}
      """;

  private HtmlRenderer() {}

  public static void assessments(List<ExchangeAssessment> assessments, Writer out)
      throws IOException {
    Html html = new Html();
    String title =
        assessments.size() == 1
            ? "cexsafe report: " + assessments.get(0).displayName()
            : "cexsafe report: "
                + assessments.stream().map(a -> a.displayName()).collect(Collectors.joining(", "));
    head(html, title);
    for (ExchangeAssessment assessment : assessments) {
      exchange(html, assessment);
    }
    foot(html);
    out.write(html.toString());
  }

  public static void comparison(ComparisonReport report, Writer out) throws IOException {
    Comparison comparison = report.comparison();
    Html html = new Html();
    head(
        html,
        "cexsafe comparison: "
            + comparison.entries().stream()
                .map(Comparison.Entry::exchangeId)
                .collect(Collectors.joining(", ")));
    html.element("h1", "Exchange comparison");
    html.element(
        "p",
        "Methodology "
            + comparison.methodology()
            + " "
            + comparison.methodologyVersion()
            + ", methodology "
            + comparison.rulesVersion()
            + " · evaluated "
            + report.assessments().get(0).bundle().asOf()
            + " · a rank is claimed only where score ranges do not overlap",
        "class",
        "meta");
    html.element("h2", "Ranking");
    html.open("table", "class", "ranking").raw("<thead><tr>");
    for (String h :
        List.of("Rank", "Exchange", "Score", "Range", "Grade", "Confidence", "Red flags")) {
      html.element("th", h);
    }
    html.raw("</tr></thead><tbody>");
    for (Comparison.Entry entry : comparison.entries()) {
      html.raw("<tr>");
      html.element("td", entry.rank());
      html.element("td", report.assessment(entry.exchangeId()).displayName());
      html.element("td", Fmt.num(entry.estimate()), "class", "num");
      html.element("td", Fmt.range(entry.low(), entry.high()), "class", "num");
      html.element("td", entry.grade());
      html.element("td", Fmt.confidence(entry.confidence()), "class", "num");
      html.element(
          "td",
          entry.redFlags().isEmpty()
              ? "none"
              : entry.redFlags().stream()
                  .map(f -> f.kind().id() + " (at most " + f.cap() + ")")
                  .collect(Collectors.joining(", ")));
      html.raw("</tr>");
    }
    html.raw("</tbody></table>");
    html.element("h2", "Pillars");
    html.open("div", "class", "cards");
    for (Comparison.Entry entry : comparison.entries()) {
      ExchangeAssessment assessment = report.assessment(entry.exchangeId());
      html.open("div", "class", "card", "data-exchange", entry.exchangeId());
      html.element("h3", assessment.displayName());
      html.element(
          "p",
          Fmt.num(entry.estimate())
              + " "
              + Fmt.range(entry.low(), entry.high())
              + " · grade "
              + entry.grade()
              + " · confidence "
              + Fmt.confidence(entry.confidence()),
          "class",
          "meta");
      PillarChart.write(
          html,
          "Pillar scores of " + assessment.displayName(),
          entry.pillars().stream()
              .map(
                  c ->
                      new PillarChart.Bar(
                          c.pillar(), c.estimate(), c.low(), c.high(), c.coverage()))
              .toList(),
          true);
      html.close("div");
    }
    html.close("div");
    html.element("h2", "Controls");
    html.open("table", "class", "controls").raw("<thead><tr>");
    html.element("th", "Control");
    comparison.entries().forEach(e -> html.element("th", e.exchangeId()));
    html.raw("</tr></thead><tbody>");
    for (Comparison.ControlRow row : comparison.controls()) {
      html.open("tr", "data-rule", row.ruleId());
      html.element("td", row.title());
      for (Comparison.Cell cell : row.cells()) {
        html.element(
            "td", TableRenderer.control(cell, row.maxPoints()), "class", controlClass(cell, row));
      }
      html.close("tr");
    }
    html.raw("</tbody></table>");
    html.open("ul", "class", "statements");
    comparison.statements().forEach(s -> html.element("li", s));
    html.close("ul");
    if (report.sensitivity() != null) {
      sensitivity(html, report.sensitivity());
    }
    html.element("h2", "Collectors and stale evidence");
    for (ExchangeAssessment assessment : JsonRenderer.inRankOrder(report)) {
      html.element("h3", assessment.displayName());
      collectors(html, assessment.bundle());
      stale(html, assessment);
      unscored(html, assessment);
    }
    foot(html);
    out.write(html.toString());
  }

  private static void head(Html html, String title) {
    html.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'; img-src data:\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .element("title", title)
        .raw("<style>")
        .raw(STYLE)
        .raw("</style></head><body>\n");
  }

  private static void foot(Html html) {
    html.element(
        "footer",
        "Generated by cexsafe "
            + Version.current()
            + ". Scores are out of 100; a range shows where a score could move once unknown"
            + " rules are known. Evidence is listed with its source and the date it was observed.");
    html.raw("\n</body></html>\n");
  }

  private static void exchange(Html html, ExchangeAssessment assessment) {
    Scorecard card = assessment.scorecard();
    EvidenceBundle bundle = assessment.bundle();
    String prefix = Html.slug(card.exchangeId());
    html.open("article", "id", "exchange-" + prefix, "data-exchange", card.exchangeId());
    html.element("h1", assessment.displayName() + " (" + assessment.exchange().id() + ")");
    html.element(
        "p",
        "Methodology " + Fmt.methodology(card) + " · evaluated " + card.asOf(),
        "class",
        "meta methodology");
    html.open("div", "class", "overall");
    html.element(
        "div", card.grade() == null ? "NR" : card.grade().name(), "class", gradeClass(card));
    html.open("div", "class", "figures");
    html.raw("<div>Overall score <b>").text(Fmt.num(card.estimate())).raw("</b> of 100</div>");
    html.element("div", "Range " + Fmt.range(card.low(), card.high()));
    html.element(
        "div",
        "Grade "
            + card.gradeLabel()
            + " · confidence "
            + Fmt.confidence(card.confidence())
            + (card.provisional() ? " (too little evidence for a firm grade)" : ""));
    if (assessment.verdict() != null) {
      html.element("div", assessment.verdict().verdict(), "class", "verdict");
    }
    html.close("div").close("div");
    html.element("h2", "Red flags");
    if (card.redFlags().isEmpty()) {
      html.element("p", "None.");
    } else {
      html.open("ul", "class", "red-flags");
      for (io.cexsafe.scoring.RedFlag flag : card.redFlags()) {
        html.open("li", "data-red-flag", flag.kind().id());
        html.text(Fmt.redFlag(flag));
        evidenceRefs(html, prefix, flag.evidenceIds());
        html.close("li");
      }
      html.close("ul");
    }
    html.element("h2", "Pillars");
    PillarChart.write(
        html,
        "Pillar scores of " + assessment.displayName(),
        card.pillars().stream()
            .map(
                p -> new PillarChart.Bar(p.pillar(), p.estimate(), p.low(), p.high(), p.coverage()))
            .toList(),
        false);
    html.open("table", "class", "pillars").raw("<thead><tr>");
    for (String h : List.of("Pillar", "Weight", "Score", "Range", "Coverage")) {
      html.element("th", h);
    }
    html.raw("</tr></thead><tbody>");
    for (PillarScore pillar : card.pillars()) {
      html.raw("<tr><td>");
      html.element(
          "a", pillar.pillar().displayName(), "href", "#" + prefix + "-" + pillar.pillar().id());
      html.raw("</td>");
      html.element("td", Fmt.points(pillar.weight()), "class", "num");
      html.element("td", Fmt.num(pillar.estimate()), "class", "num");
      html.element("td", Fmt.range(pillar.low(), pillar.high()), "class", "num");
      html.element("td", Fmt.percent(pillar.coverage()), "class", "num");
      html.raw("</tr>");
    }
    html.raw("</tbody></table>");
    html.element("h2", "Findings");
    if (card.findings().isEmpty()) {
      html.element("p", "None.");
    } else {
      html.open("ul", "class", "findings");
      for (Finding finding : card.findings()) {
        html.open("li");
        html.element("span", finding.severity().id(), "class", "sev-" + finding.severity().id());
        html.text(
            " "
                + finding.kind().id()
                + (finding.pillar() == null ? "" : " (" + finding.pillar().displayName() + ")")
                + ": "
                + finding.message());
        evidenceRefs(html, prefix, finding.evidenceIds());
        html.close("li");
      }
      html.close("ul");
    }
    html.element("h2", "Pillar details");
    for (PillarScore pillar : card.pillars()) {
      html.element(
          "h3",
          pillar.pillar().displayName()
              + ": "
              + (pillar.estimate() == null ? "unknown" : Fmt.num(pillar.estimate()))
              + " · range "
              + Fmt.range(pillar.low(), pillar.high())
              + " · coverage "
              + Fmt.percent(pillar.coverage()),
          "id",
          prefix + "-" + pillar.pillar().id());
      html.open("ul", "class", "rules");
      for (RuleResult rule : pillar.rules()) {
        html.open("li", "data-rule", rule.ruleId());
        if (rule.covered()) {
          html.text((rule.known() ? "" : "checked absent: ") + rule.explanation());
          if (rule.stale()) {
            html.raw(" ").element("span", "stale", "class", "stale");
          }
        } else {
          html.element("span", "unknown: " + rule.title(), "class", "unknown");
        }
        evidenceRefs(html, prefix, rule.evidenceIds());
        html.close("li");
      }
      html.close("ul");
    }
    html.element("h2", "Evidence");
    html.element(
        "p",
        bundle.evidence().size() + " pieces of evidence, each with its source and dates.",
        "class",
        "meta");
    html.open("table", "class", "evidence").raw("<thead><tr>");
    for (String h : List.of("Fact", "Pillars", "Class", "Observed", "Source")) {
      html.element("th", h);
    }
    html.raw("</tr></thead><tbody>");
    for (Evidence e : Fmt.evidenceInPillarOrder(bundle)) {
      boolean stale = e.provenance().isStaleAt(bundle.asOf());
      html.open("tr", "id", evidenceAnchor(prefix, e.id()), "data-evidence", e.id());
      html.open("td").text(e.fact().summary());
      if (stale) {
        html.raw(" ").element("span", "stale", "class", "stale");
      }
      if (e.provenance().note() != null) {
        html.raw("<br>").element("small", e.provenance().note(), "class", "unknown");
      }
      html.close("td");
      html.element("td", Fmt.pillars(e));
      html.element("td", e.evidenceClass().id());
      html.element("td", Fmt.date(e.provenance().observedAt()).toString(), "class", "num");
      html.open("td", "class", "source");
      html.link(e.provenance().sourceUrl().toString(), e.provenance().sourceTitle());
      html.raw("<br>")
          .element(
              "small",
              "retrieved "
                  + Fmt.date(e.provenance().retrievedAt())
                  + " by "
                  + e.provenance().collectorId(),
              "class",
              "unknown");
      html.close("td").close("tr");
    }
    html.raw("</tbody></table>");
    html.element("h2", "Collectors");
    collectors(html, bundle);
    stale(html, assessment);
    unscored(html, assessment);
    html.close("article");
  }

  private static void collectors(Html html, EvidenceBundle bundle) {
    html.open("table", "class", "collectors").raw("<thead><tr>");
    for (String h : List.of("Collector", "Status", "Evidence", "Detail")) {
      html.element("th", h);
    }
    html.raw("</tr></thead><tbody>");
    for (CollectorOutcome outcome : bundle.outcomes()) {
      html.open("tr", "data-collector", outcome.collectorId());
      html.element("td", outcome.collectorId());
      html.element("td", Fmt.status(outcome), "class", "status-" + outcome.status().id());
      html.element("td", String.valueOf(outcome.evidenceCount()), "class", "num");
      html.element("td", outcome.message() == null ? "" : outcome.message());
      html.close("tr");
    }
    html.raw("</tbody></table>");
  }

  private static void unscored(Html html, ExchangeAssessment assessment) {
    List<String> unscored = Fmt.unscored(assessment);
    if (unscored.isEmpty()) {
      return;
    }
    html.element("h4", Fmt.UNSCORED_TITLE);
    html.open("ul", "class", "unscored-facts");
    unscored.forEach(line -> html.element("li", line));
    html.close("ul");
  }

  private static void stale(Html html, ExchangeAssessment assessment) {
    List<Evidence> stale = Fmt.stale(assessment);
    html.element("h4", "Stale evidence");
    if (stale.isEmpty()) {
      html.element(
          "p", "None: all evidence is within its freshness window.", "class", "stale-none");
      return;
    }
    html.open("ul", "class", "stale-evidence");
    for (Evidence e : stale) {
      html.open("li");
      html.text(
          e.fact().summary()
              + ", observed "
              + Fmt.date(e.provenance().observedAt())
              + ", stale after "
              + Fmt.date(e.provenance().staleAfter())
              + " · ");
      html.link(e.provenance().sourceUrl().toString(), e.provenance().sourceTitle());
      html.close("li");
    }
    html.close("ul");
  }

  private static void sensitivity(Html html, SensitivityReport report) {
    html.element("h2", "Sensitivity");
    html.element(
        "p",
        report.draws()
            + " weight draws around "
            + report.methodology()
            + " (Dirichlet, concentration "
            + Fmt.num(report.concentration())
            + ", seed "
            + report.seed()
            + ")",
        "class",
        "meta");
    html.open("table", "class", "sensitivity").raw("<thead><tr>");
    for (String h : List.of("Exchange", "Base rank", "First in", "Best", "Median", "Worst")) {
      html.element("th", h);
    }
    html.raw("</tr></thead><tbody>");
    for (SensitivityReport.ExchangeStability e : report.exchanges()) {
      html.raw("<tr>");
      html.element("td", e.exchangeId());
      html.element("td", String.valueOf(e.baseRank()), "class", "num");
      html.element(
          "td", String.format(Locale.ROOT, "%.1f%%", e.shareFirst() * 100), "class", "num");
      html.element("td", String.valueOf(e.bestRank()), "class", "num");
      html.element("td", String.valueOf(e.medianRank()), "class", "num");
      html.element("td", String.valueOf(e.worstRank()), "class", "num");
      html.raw("</tr>");
    }
    html.raw("</tbody></table>");
    if (!report.unrated().isEmpty()) {
      html.element(
          "p", "Not rated (too little evidence to rank): " + String.join(", ", report.unrated()));
    }
  }

  private static void evidenceRefs(Html html, String prefix, List<String> ids) {
    Set<String> seen = new java.util.LinkedHashSet<>(ids);
    int n = 0;
    for (String id : seen) {
      html.raw(" ")
          .element(
              "a",
              "[" + (++n) + "]",
              "href",
              "#" + evidenceAnchor(prefix, id),
              "class",
              "ev-ref",
              "title",
              id);
    }
  }

  private static String evidenceAnchor(String prefix, String evidenceId) {
    return "ev-" + prefix + "-" + Html.slug(evidenceId);
  }

  private static String gradeClass(Scorecard card) {
    if (card.estimate() == null) {
      return "grade";
    }
    double score = card.estimate();
    return score >= 70 ? "grade g-high" : score >= 45 ? "grade g-mid" : "grade g-low";
  }

  private static String controlClass(Comparison.Cell cell, Comparison.ControlRow row) {
    if (cell.status() == RuleStatus.UNKNOWN) {
      return "ctl-unknown";
    }
    if (cell.points() >= row.maxPoints()) {
      return "ctl-full";
    }
    return cell.points() > 0 ? "ctl-part" : "ctl-none";
  }

  static List<Pillar> pillars() {
    return List.of(Pillar.values());
  }
}
