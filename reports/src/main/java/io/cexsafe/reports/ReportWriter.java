package io.cexsafe.reports;

import io.cexsafe.reports.internal.JsonRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes assessments and comparisons with one {@link ReportRenderer}: a built-in {@link
 * ReportFormat} or any renderer from {@link ReportRenderers}. Every built-in format states the
 * methodology and its version, the evaluation date, what each collector did (ran, failed or was
 * skipped, and why) and which evidence is stale. Writes only to the given writer, which it flushes
 * but does not close.
 */
public final class ReportWriter {
  /** Classpath location of the JSON Schema that JSON and JSON-lines output follow. */
  public static final String SCHEMA_RESOURCE = "/io/cexsafe/reports/report-schema.json";

  private final ReportRenderer renderer;
  private final ReportOptions options;

  private ReportWriter(ReportRenderer renderer, ReportOptions options) {
    this.renderer = renderer;
    this.options = options;
  }

  /** A writer for the given built-in format. */
  public static ReportWriter of(ReportFormat format) {
    return of(Objects.requireNonNull(format, "format").renderer());
  }

  /** A writer for the given renderer. */
  public static ReportWriter of(ReportRenderer renderer) {
    return new ReportWriter(Objects.requireNonNull(renderer, "renderer"), ReportOptions.defaults());
  }

  /**
   * A copy that also lists every piece of evidence in the text table (the other formats always
   * carry it).
   */
  public ReportWriter listingEvidence(boolean list) {
    return new ReportWriter(renderer, options.listingEvidence(list));
  }

  /** A copy that hands these options to the renderer. */
  public ReportWriter withOptions(ReportOptions options) {
    return new ReportWriter(renderer, Objects.requireNonNull(options, "options"));
  }

  /**
   * The built-in format this writer writes.
   *
   * @throws IllegalStateException when its renderer is not a built-in one
   * @deprecated the set of formats is open; use {@link #renderer()}
   */
  @Deprecated
  public ReportFormat format() {
    for (ReportFormat format : ReportFormat.values()) {
      if (format.renderer() == renderer) {
        return format;
      }
    }
    throw new IllegalStateException(
        "report format '" + renderer.id() + "' is not a built-in one; use renderer()");
  }

  public ReportRenderer renderer() {
    return renderer;
  }

  public ReportOptions options() {
    return options;
  }

  /**
   * Writes a report on one or more exchanges.
   *
   * @throws IllegalArgumentException when there is nothing to report or the renderer cannot render
   *     assessments
   */
  public void writeAssessments(List<ExchangeAssessment> assessments, Writer out) {
    List<ExchangeAssessment> all = List.copyOf(assessments);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("nothing to report");
    }
    requireKind(ReportKind.ASSESSMENTS);
    try {
      renderer.renderAssessments(all, options, out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a comparison report.
   *
   * @throws IllegalArgumentException when the renderer cannot render comparisons
   */
  public void writeComparison(ComparisonReport report, Writer out) {
    Objects.requireNonNull(report, "report");
    requireKind(ReportKind.COMPARISON);
    try {
      renderer.renderComparison(report, options, out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void requireKind(ReportKind kind) {
    if (!renderer.kinds().contains(kind)) {
      throw new IllegalArgumentException(
          "report format '"
              + renderer.id()
              + "' cannot render "
              + (kind == ReportKind.COMPARISON ? "a comparison" : "assessments"));
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
