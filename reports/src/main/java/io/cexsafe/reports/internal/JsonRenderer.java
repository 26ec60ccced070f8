package io.cexsafe.reports.internal;

import io.cexsafe.Json;
import io.cexsafe.reports.ComparisonReport;
import io.cexsafe.reports.ExchangeAssessment;
import io.cexsafe.scoring.Comparison;
import io.cexsafe.scoring.PersonaVerdict;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON and JSON lines, following {@code report-schema.json}. */
public final class JsonRenderer {
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
   * Indented JSON (one document, or an array for several exchanges), or JSON lines: one compact
   * document per exchange and line.
   */
  public static void assessments(List<ExchangeAssessment> assessments, boolean lines, Writer out)
      throws IOException {
    if (lines) {
      for (ExchangeAssessment assessment : assessments) {
        // compact JSON escapes line breaks inside strings, so a document never spans two lines
        out.write(Json.write(document(assessment)));
        out.write('\n');
      }
      return;
    }
    List<Map<String, Object>> documents = assessments.stream().map(JsonRenderer::document).toList();
    out.write(Json.writePretty(documents.size() == 1 ? documents.get(0) : documents));
  }

  /** The comparison, the sensitivity analysis when present, and every exchange's document. */
  public static void comparison(ComparisonReport report, Writer out) throws IOException {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("comparison", report.comparison());
    if (report.sensitivity() != null) {
      document.put("sensitivity", report.sensitivity());
    }
    document.put("assessments", inRankOrder(report).stream().map(JsonRenderer::document).toList());
    out.write(Json.writePretty(document));
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
