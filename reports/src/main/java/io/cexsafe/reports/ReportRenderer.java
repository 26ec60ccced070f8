package io.cexsafe.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/**
 * One report format. The six built-in formats are renderers, and a library user adds one by
 * implementing this interface (a public class with a public no-argument constructor) and listing it
 * in {@code META-INF/services/io.cexsafe.reports.ReportRenderer}; {@link ReportRenderers#discover}
 * then finds it and {@code cexsafe assess --format <id>} uses it. Or register it explicitly with
 * {@link ReportRenderers.Builder#register}.
 *
 * <p>A renderer writes text, which callers encode as UTF-8. It writes only to the writer it is
 * given and neither flushes nor closes it ({@link ReportWriter} flushes). It states, like every
 * built-in format, the methodology and its version, the evaluation date, what each collector did
 * and which evidence is stale, all of which the {@link ExchangeAssessment}s carry. A renderer is
 * called only for the {@link #kinds()} it declares.
 */
public interface ReportRenderer {

  /**
   * {@return the name users pick it by, e.g. {@code jsonl}: lower-case letters and digits in words
   * joined by hyphens, unique among the renderers of a run}
   */
  String id();

  /** {@return one line saying what the format is, for help texts} */
  String description();

  /** {@return the IANA media type of the output, e.g. {@code text/csv}} */
  String mediaType();

  /** {@return the usual file name extension, without the dot, e.g. {@code csv}} */
  String fileExtension();

  /** {@return what it can render; never empty} */
  Set<ReportKind> kinds();

  /**
   * Writes a report on one or more exchanges (never an empty list). Called only when {@link
   * #kinds()} holds {@link ReportKind#ASSESSMENTS}.
   *
   * @param assessments the assessments, in the order to report them
   * @param options the reader's choices; use those that make sense for the format
   * @param out where the report goes; the caller flushes and closes it
   * @throws IOException when {@code out} cannot be written
   */
  default void renderAssessments(
      List<ExchangeAssessment> assessments, ReportOptions options, Writer out) throws IOException {
    throw new UnsupportedOperationException("report format '" + id() + "' renders no assessments");
  }

  /**
   * Writes a comparison report. Called only when {@link #kinds()} holds {@link
   * ReportKind#COMPARISON}.
   *
   * @param report the comparison and the assessments it ranks
   * @param options the reader's choices; use those that make sense for the format
   * @param out where the report goes; the caller flushes and closes it
   * @throws IOException when {@code out} cannot be written
   */
  default void renderComparison(ComparisonReport report, ReportOptions options, Writer out)
      throws IOException {
    throw new UnsupportedOperationException("report format '" + id() + "' renders no comparison");
  }
}
