package io.cexsafe.reports.internal;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.reports.ExchangeAssessment;
import io.cexsafe.scoring.PillarScore;
import io.cexsafe.scoring.RuleResult;
import io.cexsafe.scoring.Scorecard;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV with a header row and one row per exchange and pillar. Exchange-level columns
 * (overall score, grade, confidence, methodology, evaluation date, collectors) repeat on each of an
 * exchange's rows so that every row stands alone in a pipeline.
 */
public final class CsvRenderer {
  /** The header, in column order. */
  public static final List<String> HEADER =
      List.of(
          "exchange_id",
          "exchange_name",
          "evaluated_at",
          "methodology",
          "methodology_version",
          "rules_version",
          "pillar",
          "pillar_name",
          "weight",
          "score",
          "low",
          "high",
          "coverage",
          "stale_evidence_ids",
          "overall_score",
          "overall_low",
          "overall_high",
          "grade",
          "provisional",
          "confidence",
          "collectors",
          "not_rated_reason",
          "uncapped_grade",
          "red_flags");

  private CsvRenderer() {}

  public static void assessments(List<ExchangeAssessment> assessments, Writer out)
      throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();
    CSVPrinter printer = new CSVPrinter(out, format);
    for (ExchangeAssessment assessment : assessments) {
      Scorecard card = assessment.scorecard();
      Set<String> stale =
          Fmt.stale(assessment).stream().map(Evidence::id).collect(Collectors.toSet());
      String collectors =
          assessment.bundle().outcomes().stream()
              .map(CsvRenderer::collector)
              .collect(Collectors.joining("; "));
      for (PillarScore pillar : card.pillars()) {
        Set<String> pillarStale = new LinkedHashSet<>();
        for (RuleResult rule : pillar.rules()) {
          rule.evidenceIds().stream().filter(stale::contains).forEach(pillarStale::add);
        }
        printer.printRecord(
            text(card.exchangeId()),
            text(assessment.displayName()),
            card.asOf().toString(),
            text(card.methodology()),
            text(card.methodologyVersion()),
            text(card.rulesVersion()),
            text(pillar.pillar().id()),
            text(pillar.pillar().displayName()),
            decimal(pillar.weight()),
            pillar.estimate() == null ? "" : decimal(pillar.estimate()),
            decimal(pillar.low()),
            decimal(pillar.high()),
            decimal(pillar.coverage()),
            text(String.join(" ", pillarStale)),
            card.estimate() == null ? "" : decimal(card.estimate()),
            decimal(card.low()),
            decimal(card.high()),
            card.grade() == null ? "" : card.grade().name(),
            Boolean.toString(card.provisional()),
            decimal(card.confidence()),
            text(collectors),
            text(card.notRatedReason() == null ? "" : card.notRatedReason()),
            card.uncappedGrade() == null ? "" : card.uncappedGrade().name(),
            text(Fmt.redFlags(card)));
      }
    }
    printer.flush();
  }

  /**
   * A text cell that a spreadsheet would run as a formula (it starts with {@code =}, {@code +},
   * {@code -}, {@code @}, a tab or a carriage return) gets a leading apostrophe, as OWASP advises
   * against CSV injection; the printer quotes any cell holding a comma, quote or line break.
   * Numeric columns are numbers this class formats itself and are never altered, so a negative
   * number stays a number.
   */
  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    boolean formula =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    return formula ? "'" + value : value;
  }

  /** "defillama=skipped:offline", "disclosures=ok". */
  private static String collector(CollectorOutcome outcome) {
    return outcome.collectorId()
        + "="
        + outcome.status().id()
        + (outcome.isOk() ? "" : ":" + outcome.reason().id());
  }

  /** A plain decimal with up to four places, never in the default locale's notation. */
  private static String decimal(double value) {
    String text = String.format(Locale.ROOT, "%.4f", value);
    text = text.contains(".") ? text.replaceAll("0+$", "") : text;
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
