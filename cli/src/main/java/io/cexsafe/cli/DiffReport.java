package io.cexsafe.cli;

import io.cexsafe.RunId;
import io.cexsafe.reports.ReportEnvelope;
import io.cexsafe.reports.TextTable;
import io.cexsafe.scoring.Grade;
import io.cexsafe.scoring.RedFlagKind;
import io.cexsafe.scoring.RuleStatus;
import io.cexsafe.store.diff.FactChange;
import io.cexsafe.store.diff.RuleDelta;
import io.cexsafe.store.diff.SnapshotDiff;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link SnapshotDiff} in the built-in report formats: json and jsonl are the envelope
 * (kind {@code diff}, a null {@code asOf}: the diff's own instants are {@code fromAsOf} and {@code
 * toAsOf}) followed by the diff's own JSON (indented, or on one line); table, csv, md and html list
 * the same rows: score, grade and confidence, red flags raised or cleared, facts added, removed and
 * changed, and the rules that moved the score. See docs/alerts.md.
 */
final class DiffReport {
  /** The formats a diff renders in. */
  static final List<String> FORMATS = List.of("table", "json", "jsonl", "csv", "md", "html");

  static final List<String> CSV_HEADER =
      List.of(
          "exchange",
          "from_run",
          "to_run",
          "section",
          "change",
          "id",
          "kind",
          "before",
          "after",
          "delta");

  private DiffReport() {}

  /** One line of the diff, in every tabular format. */
  record Row(
      String section,
      String change,
      String id,
      String kind,
      String before,
      String after,
      String delta) {}

  static void write(String format, SnapshotDiff diff, RunId runId, Writer out) {
    PrintWriter print = new PrintWriter(out);
    ReportEnvelope envelope = ReportEnvelope.of("diff", runId, null);
    switch (format) {
      case "json" -> print.print(envelope.pretty(diff));
      case "jsonl" -> print.println(envelope.line(diff));
      case "csv" -> csv(diff, print);
      case "md" -> markdown(diff, print);
      case "html" -> html(diff, print);
      default -> table(diff, print);
    }
    print.flush();
  }

  static List<Row> rows(SnapshotDiff diff) {
    List<Row> rows = new ArrayList<>();
    Double delta = diff.estimateDelta();
    rows.add(
        new Row(
            "score",
            delta == null ? "unknown" : delta == 0 ? "unchanged" : delta > 0 ? "up" : "down",
            "estimate",
            "",
            num(diff.estimateBefore()),
            num(diff.estimateAfter()),
            delta == null ? "" : signed(delta)));
    Integer steps = diff.gradeStepsDown();
    rows.add(
        new Row(
            "grade",
            diff.gradeBefore() == diff.gradeAfter()
                ? "unchanged"
                : steps == null ? "rated-or-not" : steps > 0 ? "down" : "up",
            "grade",
            "",
            grade(diff.gradeBefore()),
            grade(diff.gradeAfter()),
            steps == null || steps == 0 ? "" : (steps > 0 ? "-" : "+") + Math.abs(steps)));
    double confidenceDelta = diff.confidenceAfter() - diff.confidenceBefore();
    rows.add(
        new Row(
            "confidence",
            Math.abs(confidenceDelta) < 1e-9 ? "unchanged" : confidenceDelta > 0 ? "up" : "down",
            "confidence",
            "",
            percent(diff.confidenceBefore()),
            percent(diff.confidenceAfter()),
            Math.abs(confidenceDelta) < 1e-9 ? "" : signed(confidenceDelta * 100) + " pts"));
    for (RedFlagKind kind : diff.redFlagsRaised()) {
      rows.add(
          new Row(
              "red-flag", "raised", kind.id(), "cap " + kind.cap(), "", kind.description(), ""));
    }
    for (RedFlagKind kind : diff.redFlagsCleared()) {
      rows.add(
          new Row(
              "red-flag", "cleared", kind.id(), "cap " + kind.cap(), kind.description(), "", ""));
    }
    for (FactChange change : diff.facts()) {
      rows.add(
          new Row(
              "fact",
              change.kind().id(),
              change.identity(),
              change.factType(),
              change.before() == null ? "" : change.before().fact().summary(),
              change.after() == null ? "" : change.after().fact().summary(),
              ""));
    }
    for (RuleDelta rule : diff.rules()) {
      rows.add(
          new Row(
              "rule",
              rule.overallImpact() > 0 ? "up" : rule.overallImpact() < 0 ? "down" : "status",
              rule.ruleId(),
              rule.pillar().id(),
              rule(rule.pointsBefore(), rule.statusBefore(), rule.valueBefore()),
              rule(rule.pointsAfter(), rule.statusAfter(), rule.valueAfter()),
              signed(rule.overallImpact())));
    }
    return rows;
  }

  private static String title(SnapshotDiff diff) {
    return diff.exchangeId()
        + ": run "
        + (diff.fromRunId() == null ? "?" : diff.fromRunId())
        + " ("
        + diff.fromAsOf()
        + ") -> run "
        + (diff.toRunId() == null ? "?" : diff.toRunId())
        + " ("
        + diff.toAsOf()
        + ")";
  }

  private static String summary(SnapshotDiff diff) {
    return diff.facts(FactChange.ChangeKind.ADDED).size()
        + " facts added, "
        + diff.facts(FactChange.ChangeKind.REMOVED).size()
        + " removed, "
        + diff.facts(FactChange.ChangeKind.CHANGED).size()
        + " changed; "
        + diff.rules().size()
        + " rules moved";
  }

  private static void table(SnapshotDiff diff, PrintWriter out) {
    out.println(title(diff));
    out.println(summary(diff));
    out.println();
    TextTable table = new TextTable("SECTION", "CHANGE", "ID", "KIND", "BEFORE", "AFTER", "DELTA");
    for (Row row : rows(diff)) {
      table.row(
          row.section(),
          row.change(),
          row.id(),
          row.kind(),
          clip(row.before()),
          clip(row.after()),
          row.delta());
    }
    table.print(out);
  }

  private static void csv(SnapshotDiff diff, PrintWriter out) {
    out.print(String.join(",", CSV_HEADER) + "\r\n");
    for (Row row : rows(diff)) {
      List<String> cells =
          List.of(
              diff.exchangeId(),
              diff.fromRunId() == null ? "" : diff.fromRunId(),
              diff.toRunId() == null ? "" : diff.toRunId(),
              row.section(),
              row.change(),
              row.id(),
              row.kind(),
              row.before(),
              row.after(),
              row.delta());
      out.print(String.join(",", cells.stream().map(DiffReport::csvCell).toList()) + "\r\n");
    }
  }

  private static void markdown(SnapshotDiff diff, PrintWriter out) {
    out.println("# Changes for " + md(diff.exchangeId()));
    out.println();
    out.println(md(title(diff)) + "  ");
    out.println(md(summary(diff)));
    out.println();
    out.println("| section | change | id | kind | before | after | delta |");
    out.println("|---|---|---|---|---|---|---|");
    for (Row row : rows(diff)) {
      out.println(
          "| "
              + String.join(
                  " | ",
                  md(row.section()),
                  md(row.change()),
                  md(row.id()),
                  md(row.kind()),
                  md(row.before()),
                  md(row.after()),
                  md(row.delta()))
              + " |");
    }
  }

  private static void html(SnapshotDiff diff, PrintWriter out) {
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.println("<title>cexsafe diff: " + html(diff.exchangeId()) + "</title>");
    out.println(
        "<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
            + ".down{color:#b00020}.up{color:#1b5e20}</style>");
    out.println("</head><body>");
    out.println("<h1>Changes for " + html(diff.exchangeId()) + "</h1>");
    out.println("<p>" + html(title(diff)) + "<br>" + html(summary(diff)) + "</p>");
    out.println(
        "<table><thead><tr><th>section</th><th>change</th><th>id</th><th>kind</th>"
            + "<th>before</th><th>after</th><th>delta</th></tr></thead><tbody>");
    for (Row row : rows(diff)) {
      out.println(
          "<tr class=\""
              + html(row.change())
              + "\"><td>"
              + String.join(
                  "</td><td>",
                  html(row.section()),
                  html(row.change()),
                  html(row.id()),
                  html(row.kind()),
                  html(row.before()),
                  html(row.after()),
                  html(row.delta()))
              + "</td></tr>");
    }
    out.println("</tbody></table>");
    out.println("</body></html>");
  }

  private static String rule(double points, RuleStatus status, String value) {
    if (status == null) {
      return "(no such rule)";
    }
    return points(points)
        + " pts, "
        + status.id()
        + (value == null || value.isBlank() ? "" : ": " + value);
  }

  private static String num(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String points(double value) {
    return num(value).replace(".0", "");
  }

  private static String signed(double value) {
    return String.format(Locale.ROOT, "%+.2f", value);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f %%", share * 100);
  }

  private static String grade(Grade grade) {
    return grade == null ? "NR" : grade.name();
  }

  private static String clip(String text) {
    return text.length() <= 60 ? text : text.substring(0, 59) + "…";
  }

  static String csvCell(String value) {
    String text = value == null ? "" : value;
    // a leading =, +, - or @ would be a formula to a spreadsheet
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("[-+][0-9.]+.*")) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private static String md(String text) {
    return text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("\r", " ")
        .replace("\n", " ")
        .replace("<", "&lt;");
  }

  private static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
