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

  /**
   * A writer for the given built-in format, with the default options.
   *
   * @param format the format
   * @return the writer
   */
  public static ReportWriter of(ReportFormat format) {
    return of(Objects.requireNonNull(format, "format").renderer());
  }

  /**
   * A writer for the given renderer, built-in or a plugin's, with the default options.
   *
   * @param renderer the renderer
   * @return the writer
   */
  public static ReportWriter of(ReportRenderer renderer) {
    return new ReportWriter(Objects.requireNonNull(renderer, "renderer"), ReportOptions.defaults());
  }

  /**
   * A copy that also lists every piece of evidence in the text table (the other formats always
   * carry it).
   *
   * @param list whether to list every piece of evidence
   * @return the copy
   */
  public ReportWriter listingEvidence(boolean list) {
    return new ReportWriter(renderer, options.listingEvidence(list));
  }

  /**
   * A copy that hands these options to the renderer.
   *
   * @param options the options, in place of this writer's
   * @return the copy
   */
  public ReportWriter withOptions(ReportOptions options) {
    return new ReportWriter(renderer, Objects.requireNonNull(options, "options"));
  }

  /**
   * The built-in format this writer writes.
   *
   * @return the format
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

  /**
   * The renderer this writer hands reports to.
   *
   * @return the renderer
   */
  public ReportRenderer renderer() {
    return renderer;
  }

  /**
   * The options this writer hands to its renderer.
   *
   * @return the options
   */
  public ReportOptions options() {
    return options;
  }

  /**
   * Writes a report on one or more exchanges, in the order given, and flushes {@code out}.
   *
   * @param assessments the assessments, at least one
   * @param out where the report goes; left open
   * @throws java.io.UncheckedIOException when {@code out} cannot be written
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
   * Writes a comparison report and flushes {@code out}.
   *
   * @param report the comparison and the assessments it ranks
   * @param out where the report goes; left open
   * @throws java.io.UncheckedIOException when {@code out} cannot be written
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
   *
   * @param assessment the assessment
   * @return its fields in order, ready to serialise
   */
  public static Map<String, Object> document(ExchangeAssessment assessment) {
    return JsonRenderer.document(assessment);
  }
}
