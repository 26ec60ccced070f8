package io.cexsafe.reports.internal;

import io.cexsafe.reports.ComparisonReport;
import io.cexsafe.reports.ExchangeAssessment;
import io.cexsafe.reports.ReportKind;
import io.cexsafe.reports.ReportOptions;
import io.cexsafe.reports.ReportRenderer;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/** The formats cexsafe ships, registered here and nowhere else, in the order help lists them. */
public final class BuiltInRenderers {
  private BuiltInRenderers() {}

  private static final Set<ReportKind> BOTH = Set.of(ReportKind.ASSESSMENTS, ReportKind.COMPARISON);

  private static final List<ReportRenderer> ALL =
      List.of(
          new BuiltIn(
              "table",
              "plain text tables for a terminal",
              "text/plain",
              "txt",
              (all, options, out) -> TableRenderer.assessments(all, options.listsEvidence(), out),
              (report, options, out) -> TableRenderer.comparison(report, out)),
          new BuiltIn(
              "json",
              "one indented JSON document (an array of them for several exchanges)",
              "application/json",
              "json",
              (all, options, out) -> JsonRenderer.assessments(all, false, options, out),
              (report, options, out) -> JsonRenderer.comparison(report, options, out)),
          new BuiltIn(
              "jsonl",
              "JSON lines: one compact document per exchange and line",
              "application/jsonl",
              "jsonl",
              (all, options, out) -> JsonRenderer.assessments(all, true, options, out),
              (report, options, out) ->
                  JsonRenderer.assessments(JsonRenderer.inRankOrder(report), true, options, out)),
          new BuiltIn(
              "csv",
              "RFC 4180 CSV, one row per exchange and pillar",
              "text/csv",
              "csv",
              (all, options, out) -> CsvRenderer.assessments(all, out),
              (report, options, out) ->
                  CsvRenderer.assessments(JsonRenderer.inRankOrder(report), out)),
          new BuiltIn(
              "md",
              "Markdown for a code-hosting site",
              "text/markdown",
              "md",
              (all, options, out) -> MarkdownRenderer.assessments(all, out),
              (report, options, out) -> MarkdownRenderer.comparison(report, out)),
          new BuiltIn(
              "html",
              "one self-contained HTML page with SVG charts",
              "text/html",
              "html",
              (all, options, out) -> HtmlRenderer.assessments(all, out),
              (report, options, out) -> HtmlRenderer.comparison(report, out)));

  /** The built-in renderers: table, json, jsonl, csv, md, html. */
  public static List<ReportRenderer> all() {
    return ALL;
  }

  @FunctionalInterface
  private interface AssessmentsBody {
    void render(List<ExchangeAssessment> assessments, ReportOptions options, Writer out)
        throws IOException;
  }

  @FunctionalInterface
  private interface ComparisonBody {
    void render(ComparisonReport report, ReportOptions options, Writer out) throws IOException;
  }

  private record BuiltIn(
      String id,
      String description,
      String mediaType,
      String fileExtension,
      AssessmentsBody assessments,
      ComparisonBody comparison)
      implements ReportRenderer {

    @Override
    public Set<ReportKind> kinds() {
      return BOTH;
    }

    @Override
    public void renderAssessments(List<ExchangeAssessment> all, ReportOptions options, Writer out)
        throws IOException {
      assessments.render(all, options, out);
    }

    @Override
    public void renderComparison(ComparisonReport report, ReportOptions options, Writer out)
        throws IOException {
      comparison.render(report, options, out);
    }

    @Override
    public String toString() {
      return "built-in report format " + id;
    }
  }
}
