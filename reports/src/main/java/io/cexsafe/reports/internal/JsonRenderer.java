package io.cexsafe.reports.internal;

import io.cexsafe.RunId;
import io.cexsafe.reports.ComparisonReport;
import io.cexsafe.reports.ExchangeAssessment;
import io.cexsafe.reports.ReportEnvelope;
import io.cexsafe.reports.ReportOptions;
import io.cexsafe.scoring.Comparison;
import io.cexsafe.scoring.PersonaVerdict;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON and JSON lines, following {@code report-schema.json}: every document and every line starts
 * with the {@link ReportEnvelope}.
 */
public final class JsonRenderer {
  /** The kind of {@code assess --format json}: an envelope around an {@code assessments} array. */
  public static final String ASSESSMENTS = "assessments";

  /** The kind of each JSON line: one exchange's assessment. */
  public static final String ASSESSMENT = "assessment";

  /** The kind of {@code compare --format json}. */
  public static final String COMPARISON = "comparison";

  private JsonRenderer() {}

  /**
   * One exchange: the evidence bundle exactly as {@code EvidenceBundle.fromJson} reads it back, the
   * scorecard, and the persona's verdict when one was asked for (its scorecard is the one above, so
   * it is not repeated).
   */
  public static Map<String, Object> document(ExchangeAssessment assessment) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("bundle", assessment.bundle());
    document.put("scorecard", assessment.scorecard());
    PersonaVerdict verdict = assessment.verdict();
    if (verdict != null) {
      Map<String, Object> persona = new LinkedHashMap<>();
      persona.put("id", verdict.persona());
      persona.put("name", verdict.name());
      persona.put("rationale", verdict.rationale());
      persona.put("verdict", verdict.verdict());
      persona.put("highlights", verdict.highlights());
      document.put("persona", persona);
    }
    return document;
  }

  /**
   * Indented JSON (one envelope with an {@code assessments} array, whether for one exchange or
   * many), or JSON lines: one compact document per exchange and line, each with the envelope.
   */
  public static void assessments(
      List<ExchangeAssessment> assessments, boolean lines, ReportOptions options, Writer out)
      throws IOException {
    RunId runId = runId(options);
    Instant asOf = assessments.get(0).bundle().asOf();
    if (lines) {
      ReportEnvelope envelope = ReportEnvelope.of(ASSESSMENT, runId, asOf);
      for (ExchangeAssessment assessment : assessments) {
        // compact JSON escapes line breaks inside strings, so a document never spans two lines
        out.write(envelope.line(document(assessment)));
        out.write('\n');
      }
      return;
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("assessments", assessments.stream().map(JsonRenderer::document).toList());
    out.write(ReportEnvelope.of(ASSESSMENTS, runId, asOf).pretty(document));
  }

  /** The comparison, the sensitivity analysis when present, and every exchange's document. */
  public static void comparison(ComparisonReport report, ReportOptions options, Writer out)
      throws IOException {
    List<ExchangeAssessment> ranked = inRankOrder(report);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("comparison", report.comparison());
    if (report.sensitivity() != null) {
      document.put("sensitivity", report.sensitivity());
    }
    document.put("assessments", ranked.stream().map(JsonRenderer::document).toList());
    Instant asOf = ranked.isEmpty() ? null : ranked.get(0).bundle().asOf();
    out.write(ReportEnvelope.of(COMPARISON, runId(options), asOf).pretty(document));
  }

  private static RunId runId(ReportOptions options) {
    return options.runId() != null ? options.runId() : RunId.generate();
  }

  /** The compared assessments in the comparison's order (highest estimate first). */
  public static List<ExchangeAssessment> inRankOrder(ComparisonReport report) {
    List<ExchangeAssessment> ordered = new ArrayList<>();
    for (Comparison.Entry entry : report.comparison().entries()) {
      ordered.add(report.assessment(entry.exchangeId()));
    }
    return ordered;
  }
}
