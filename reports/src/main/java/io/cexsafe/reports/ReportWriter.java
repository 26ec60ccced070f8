package io.cexsafe.reports;

import io.cexsafe.reports.internal.CsvRenderer;
import io.cexsafe.reports.internal.HtmlRenderer;
import io.cexsafe.reports.internal.JsonRenderer;
import io.cexsafe.reports.internal.MarkdownRenderer;
import io.cexsafe.reports.internal.TableRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes assessments and comparisons in one {@link ReportFormat}. Every format states the
 * methodology and its version, the evaluation date, what each collector did (ran, failed or was
 * skipped, and why) and which evidence is stale. Writes only to the given writer, which it flushes
 * but does not close.
 */
public final class ReportWriter {
  /** Classpath location of the JSON Schema that JSON and JSON-lines output follow. */
  public static final String SCHEMA_RESOURCE = "/io/cexsafe/reports/report-schema.json";

  private final ReportFormat format;
  private final boolean listEvidence;

  private ReportWriter(ReportFormat format, boolean listEvidence) {
    this.format = format;
    this.listEvidence = listEvidence;
  }

  /** A writer for the given format. */
  public static ReportWriter of(ReportFormat format) {
    return new ReportWriter(Objects.requireNonNull(format, "format"), false);
  }

  /**
   * A copy that also lists every piece of evidence in the text table (the other formats always
   * carry it).
   */
  public ReportWriter listingEvidence(boolean list) {
    return new ReportWriter(format, list);
  }

  public ReportFormat format() {
    return format;
  }

  /** Writes a report on one or more exchanges. */
  public void writeAssessments(List<ExchangeAssessment> assessments, Writer out) {
    List<ExchangeAssessment> all = List.copyOf(assessments);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("nothing to report");
    }
    try {
      switch (format) {
        case TABLE -> TableRenderer.assessments(all, listEvidence, out);
        case JSON -> JsonRenderer.assessments(all, false, out);
        case JSONL -> JsonRenderer.assessments(all, true, out);
        case CSV -> CsvRenderer.assessments(all, out);
        case MD -> MarkdownRenderer.assessments(all, out);
        case HTML -> HtmlRenderer.assessments(all, out);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a comparison report. */
  public void writeComparison(ComparisonReport report, Writer out) {
    Objects.requireNonNull(report, "report");
    try {
      switch (format) {
        case TABLE -> TableRenderer.comparison(report, out);
        case JSON -> JsonRenderer.comparison(report, out);
        case JSONL -> JsonRenderer.assessments(JsonRenderer.inRankOrder(report), true, out);
        case CSV -> CsvRenderer.assessments(JsonRenderer.inRankOrder(report), out);
        case MD -> MarkdownRenderer.comparison(report, out);
        case HTML -> HtmlRenderer.comparison(report, out);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One exchange as JSON and JSON-lines output carry it: {@code bundle} (readable back with {@code
   * EvidenceBundle.fromJson}), {@code scorecard} and, with a persona, {@code persona}.
   */
  public static Map<String, Object> document(ExchangeAssessment assessment) {
    return JsonRenderer.document(assessment);
  }
}
