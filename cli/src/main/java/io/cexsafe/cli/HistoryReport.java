package io.cexsafe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.Exchange;
import io.cexsafe.Json;
import io.cexsafe.Pillar;
import io.cexsafe.RunId;
import io.cexsafe.reports.ReportEnvelope;
import io.cexsafe.reports.TextTable;
import io.cexsafe.store.HistoryPoint;
import io.cexsafe.store.PillarPoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Renders an exchange's history in each of the CLI's report formats. */
final class HistoryReport {
  private static final ObjectMapper JSON = Json.mapper();

  private HistoryReport() {}

  /** The formats history renders: the ids of the built-in report formats. */
  enum Format {
    TABLE("table"),
    JSON("json"),
    JSONL("jsonl"),
    CSV("csv"),
    MD("md"),
    HTML("html");

    final String id;

    Format(String id) {
      this.id = id;
    }

    static Format of(String id) {
      for (Format format : values()) {
        if (format.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
          return format;
        }
      }
      throw new BadInputException(
          "history cannot be written as '" + id + "'; formats: " + String.join(", ", ids()));
    }

    static List<String> ids() {
      return Arrays.stream(values()).map(f -> f.id).toList();
    }
  }

  /** Completion candidates for --format. */
  static final class Formats implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Format.ids().iterator();
    }
  }

  /**
   * Writes the history. JSON is one document (kind {@code history}); JSON lines are one line per
   * point (kind {@code history-point}) with the point under {@code point}, since its own run id and
   * as-of are a stored run's, not this invocation's. Both carry the envelope with a null {@code
   * asOf}: history is read from the store, not evaluated at one date.
   */
  static void write(
      Format format, Exchange exchange, List<HistoryPoint> points, RunId runId, Writer out) {
    try {
      switch (format) {
        case TABLE -> table(exchange, points, out);
        case JSON ->
            out.write(ReportEnvelope.of("history", runId, null).pretty(document(exchange, points)));
        case JSONL -> {
          ReportEnvelope envelope = ReportEnvelope.of("history-point", runId, null);
          for (HistoryPoint point : points) {
            ObjectNode line = JSON.createObjectNode();
            line.put("exchangeId", exchange.id());
            line.set("point", point(point));
            out.write(envelope.line(line));
            out.write("\n");
          }
        }
        case CSV -> csv(exchange, points, out);
        case MD -> markdown(exchange, points, out);
        case HTML -> html(exchange, points, out);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode document(Exchange exchange, List<HistoryPoint> points) {
    ObjectNode root = JSON.createObjectNode();
    root.put("exchangeId", exchange.id());
    root.put("exchange", exchange.name());
    ArrayNode array = root.putArray("points");
    points.forEach(p -> array.add(point(p)));
    return root;
  }

  private static ObjectNode point(HistoryPoint point) {
    ObjectNode node = JSON.createObjectNode();
    node.put("runId", point.runId());
    node.put("asOf", point.asOf().toString());
    if (point.estimate() == null) {
      node.putNull("estimate");
    } else {
      node.put("estimate", point.estimate());
    }
    node.put("low", point.low());
    node.put("high", point.high());
    node.put("confidence", point.confidence());
    if (point.grade() == null) {
      node.putNull("grade");
    } else {
      node.put("grade", point.grade().name());
    }
    node.put("gradeLabel", point.gradeLabel());
    ArrayNode pillars = node.putArray("pillars");
    for (PillarPoint pillar : point.pillars()) {
      ObjectNode p = pillars.addObject();
      p.put("pillar", pillar.pillar().id());
      if (pillar.estimate() == null) {
        p.putNull("estimate");
      } else {
        p.put("estimate", pillar.estimate());
      }
      p.put("low", pillar.low());
      p.put("high", pillar.high());
      p.put("coverage", pillar.coverage());
    }
    if (point.reconstructed()) {
      // only reconstructed points carry these: an assessed point is one without them
      node.put("reconstructed", true);
      if (point.reservesUsd() == null) {
        node.putNull("reservesUsd");
      } else {
        node.put("reservesUsd", point.reservesUsd());
      }
    }
    return node;
  }

  private static boolean anyReconstructed(List<HistoryPoint> points) {
    return points.stream().anyMatch(HistoryPoint::reconstructed);
  }

  /** "N stored runs", and the reconstructed days when there are any. */
  private static String counted(List<HistoryPoint> points) {
    long days = points.stream().filter(HistoryPoint::reconstructed).count();
    String runs = (points.size() - days) + " stored runs";
    return days == 0
        ? runs
        : runs + " and " + days + " reconstructed days (reserves and incidents only, no score)";
  }

  private static String usd(java.math.BigDecimal value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%,.0f", value).replace(',', ' ');
  }

  private static String number(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String range(HistoryPoint point) {
    return String.format(Locale.ROOT, "%.1f-%.1f", point.low(), point.high());
  }

  private static String date(HistoryPoint point) {
    return point.asOf().toString();
  }

  private static String pillarScore(HistoryPoint point, Pillar pillar) {
    PillarPoint p = point.pillar(pillar);
    return p == null ? "-" : number(p.estimate());
  }

  private static List<String> header(boolean reconstructed) {
    List<String> header =
        new ArrayList<>(List.of("As of", "Run", "Score", "Grade", "Range", "Confidence"));
    for (Pillar pillar : Pillar.values()) {
      header.add(pillar.displayName());
    }
    if (reconstructed) {
      header.add("Reconstructed");
      header.add("Reserves USD");
    }
    return header;
  }

  private static List<String> row(HistoryPoint point, boolean reconstructed) {
    List<String> row =
        new ArrayList<>(
            List.of(
                date(point),
                point.runId(),
                number(point.estimate()),
                point.gradeLabel(),
                point.reconstructed() ? "-" : range(point),
                point.reconstructed()
                    ? "-"
                    : io.cexsafe.scoring.Scorecard.coverageText(point.confidence())));
    for (Pillar pillar : Pillar.values()) {
      row.add(pillarScore(point, pillar));
    }
    if (reconstructed) {
      row.add(point.reconstructed() ? "yes" : "no");
      row.add(usd(point.reservesUsd()));
    }
    return row;
  }

  private static void table(Exchange exchange, List<HistoryPoint> points, Writer out) {
    PrintWriter print = new PrintWriter(out);
    boolean reconstructed = anyReconstructed(points);
    print.println(exchange.name() + " (" + exchange.id() + "): " + counted(points));
    if (!points.isEmpty()) {
      print.println();
      TextTable table = new TextTable(header(reconstructed).toArray(String[]::new));
      points.forEach(p -> table.row(row(p, reconstructed).toArray(String[]::new)));
      table.print(print);
    }
    print.flush();
  }

  private static void csv(Exchange exchange, List<HistoryPoint> points, Writer out)
      throws IOException {
    List<String> header =
        new ArrayList<>(
            List.of("exchange", "run", "as_of", "estimate", "low", "high", "confidence", "grade"));
    for (Pillar pillar : Pillar.values()) {
      header.add(pillar.id());
    }
    boolean reconstructed = anyReconstructed(points);
    if (reconstructed) {
      header.add("reconstructed");
      header.add("reserves_usd");
    }
    CSVPrinter printer =
        new CSVPrinter(
            out,
            CSVFormat.RFC4180
                .builder()
                .setRecordSeparator("\n")
                .setHeader(header.toArray(String[]::new))
                .get());
    for (HistoryPoint point : points) {
      List<Object> record = new ArrayList<>();
      record.add(exchange.id());
      record.add(point.runId());
      record.add(point.asOf().toString());
      record.add(point.estimate() == null ? "" : plain(point.estimate()));
      record.add(point.reconstructed() ? "" : plain(point.low()));
      record.add(point.reconstructed() ? "" : plain(point.high()));
      record.add(point.reconstructed() ? "" : plain(point.confidence()));
      record.add(point.grade() == null ? "NR" : point.grade().name());
      for (Pillar pillar : Pillar.values()) {
        PillarPoint p = point.pillar(pillar);
        record.add(p == null || p.estimate() == null ? "" : plain(p.estimate()));
      }
      if (reconstructed) {
        record.add(point.reconstructed());
        record.add(point.reservesUsd() == null ? "" : point.reservesUsd().toPlainString());
      }
      printer.printRecord(record);
    }
    printer.flush();
  }

  private static String plain(double value) {
    return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  private static void markdown(Exchange exchange, List<HistoryPoint> points, Writer out)
      throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(mdCell(exchange.name())).append(": history\n\n");
    boolean reconstructed = anyReconstructed(points);
    md.append(counted(points)).append(".\n");
    if (!points.isEmpty()) {
      md.append('\n');
      List<String> header = header(reconstructed);
      md.append("| ").append(String.join(" | ", header)).append(" |\n");
      md.append("|").append("---|".repeat(header.size())).append('\n');
      for (HistoryPoint point : points) {
        md.append("| ")
            .append(
                String.join(
                    " | ", row(point, reconstructed).stream().map(HistoryReport::mdCell).toList()))
            .append(" |\n");
      }
    }
    out.write(md.toString());
  }

  private static String mdCell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static void html(Exchange exchange, List<HistoryPoint> points, Writer out)
      throws IOException {
    StringBuilder html = new StringBuilder();
    String title = escape(exchange.name()) + ": history";
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(title)
        .append("</title>\n<style>body{font-family:sans-serif;margin:2em}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .5em;")
        .append("text-align:right}</style>\n</head>\n<body>\n<h1>")
        .append(title)
        .append("</h1>\n<p>")
        .append(escape(counted(points)))
        .append(".</p>\n");
    boolean reconstructed = anyReconstructed(points);
    if (!points.isEmpty()) {
      html.append(chart(points));
      html.append("<table>\n<thead><tr>");
      for (String cell : header(reconstructed)) {
        html.append("<th>").append(escape(cell)).append("</th>");
      }
      html.append("</tr></thead>\n<tbody>\n");
      for (HistoryPoint point : points) {
        html.append(point.reconstructed() ? "<tr class=\"reconstructed\">" : "<tr>");
        for (String cell : row(point, reconstructed)) {
          html.append("<td>").append(escape(cell)).append("</td>");
        }
        html.append("</tr>\n");
      }
      html.append("</tbody>\n</table>\n");
    }
    html.append("</body>\n</html>\n");
    out.write(html.toString());
  }

  /** An inline SVG line of the score (0 to 100) with its range as a band, one x step per run. */
  static String chart(List<HistoryPoint> points) {
    int width = 640;
    int height = 240;
    int pad = 30;
    double step = points.size() == 1 ? 0 : (double) (width - 2 * pad) / (points.size() - 1);
    StringBuilder line = new StringBuilder();
    StringBuilder upper = new StringBuilder();
    StringBuilder lower = new StringBuilder();
    StringBuilder rebuilt = new StringBuilder();
    double maxReserves =
        points.stream()
            .filter(p -> p.reservesUsd() != null)
            .mapToDouble(p -> p.reservesUsd().doubleValue())
            .max()
            .orElse(0);
    for (int i = 0; i < points.size(); i++) {
      HistoryPoint point = points.get(i);
      double x = points.size() == 1 ? width / 2.0 : pad + i * step;
      if (point.reconstructed()) {
        // no score on a reconstructed day: its reserves, scaled to their maximum, dashed
        if (point.reservesUsd() != null && maxReserves > 0) {
          double scaled = point.reservesUsd().doubleValue() / maxReserves * 100;
          rebuilt.append(coordinate(x, y(scaled, height, pad))).append(' ');
        }
        continue;
      }
      upper.append(coordinate(x, y(point.high(), height, pad))).append(' ');
      lower.insert(0, coordinate(x, y(point.low(), height, pad)) + " ");
      if (point.estimate() != null) {
        line.append(coordinate(x, y(point.estimate(), height, pad))).append(' ');
      }
    }
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\">\n<title>Score over time (0 to 100), with its range</title>\n");
    for (int grid = 0; grid <= 100; grid += 25) {
      double gy = y(grid, height, pad);
      svg.append("<line x1=\"")
          .append(pad)
          .append("\" x2=\"")
          .append(width - pad)
          .append("\" y1=\"")
          .append(format(gy))
          .append("\" y2=\"")
          .append(format(gy))
          .append("\" stroke=\"#ddd\"/>")
          .append("<text x=\"2\" y=\"")
          .append(format(gy + 4))
          .append("\" font-size=\"10\">")
          .append(grid)
          .append("</text>\n");
    }
    svg.append("<polygon class=\"range\" fill=\"#cfe0f5\" points=\"")
        .append((upper.toString() + lower).trim())
        .append("\"/>\n");
    svg.append(
            "<polyline class=\"score\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"")
        .append(line.toString().trim())
        .append("\"/>\n");
    if (!rebuilt.isEmpty()) {
      svg.append(
              "<polyline class=\"reconstructed\" fill=\"none\" stroke=\"#a86a1f\""
                  + " stroke-width=\"2\" stroke-dasharray=\"5 4\" points=\"")
          .append(rebuilt.toString().trim())
          .append("\"><title>Reconstructed reserves (backfilled from DeFiLlama; scaled to")
          .append(" their maximum; no score)</title></polyline>\n");
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static double y(double score, int height, int pad) {
    return height - pad - score / 100.0 * (height - 2 * pad);
  }

  private static String coordinate(double x, double y) {
    return format(x) + "," + format(y);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
