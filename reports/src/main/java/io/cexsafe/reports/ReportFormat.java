package io.cexsafe.reports;

import io.cexsafe.reports.internal.BuiltInRenderers;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The built-in report formats, for code that names one of them with a constant. The set of formats
 * is open: {@link ReportRenderers} holds these and any a library adds ({@link ReportRenderer}), and
 * {@link ReportWriter#of(ReportRenderer)} writes with any of them.
 */
public enum ReportFormat {
  /** Plain text tables for a terminal. */
  TABLE("table"),
  /** One indented JSON document (an array of them for several exchanges). */
  JSON("json"),
  /** One compact JSON document per exchange and line, for pipelines. */
  JSONL("jsonl"),
  /** RFC 4180 CSV, one row per exchange and pillar. */
  CSV("csv"),
  /** Markdown for a code-hosting site. */
  MD("md"),
  /** One self-contained HTML page with SVG charts. */
  HTML("html");

  private final String id;

  ReportFormat(String id) {
    this.id = id;
  }

  /** {@return the name used on the command line, e.g. {@code jsonl}} */
  public String id() {
    return id;
  }

  /** {@return the renderer behind this format} */
  public ReportRenderer renderer() {
    return BuiltInRenderers.all().stream()
        .filter(renderer -> renderer.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Finds a built-in format by its id, ignoring case.
   *
   * @param id the format's id, e.g. {@code json}
   * @return the format
   * @throws IllegalArgumentException when no built-in format has that id
   */
  public static ReportFormat fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(f -> f.id.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown report format '"
                        + id
                        + "'; known: "
                        + Arrays.stream(values())
                            .map(ReportFormat::id)
                            .collect(Collectors.joining(", "))));
  }
}
