package io.cexsafe.reports.internal;

import io.cexsafe.Pillar;
import java.util.List;
import java.util.Locale;

/**
 * An SVG bar chart of the eight pillars: a solid bar from 0 to the estimate and a whisker over the
 * range the estimate could move to once unknown rules are known. A pillar without evidence shows a
 * dashed whisker over the whole scale and says "unknown".
 */
final class PillarChart {
  /** Fill of the score bars; the browser test looks for it in a screenshot. */
  static final String SCORE_COLOUR = "#1f6feb";

  static final String RANGE_COLOUR = "#0b1f44";
  private static final String TRACK_COLOUR = "#e8edf3";

  private static final int ROW = 30;
  private static final int TOP = 26;
  private static final int BAR = 14;

  /** One pillar's numbers. */
  record Bar(Pillar pillar, Double estimate, double low, double high, double coverage) {}

  private PillarChart() {}

  /**
   * Writes the chart. A compact chart uses short pillar names, for comparison pages where several
   * charts stand side by side.
   */
  static void write(Html html, String title, List<Bar> bars, boolean compact) {
    int labelWidth = compact ? 118 : 250;
    int scale = compact ? 200 : 400;
    int x0 = labelWidth + 10;
    int width = x0 + scale + (compact ? 60 : 70);
    int height = TOP + bars.size() * ROW + 6;
    html.open(
        "svg",
        "xmlns",
        "http://www.w3.org/2000/svg",
        "class",
        compact ? "chart compact" : "chart",
        "viewBox",
        "0 0 " + width + " " + height,
        "width",
        String.valueOf(width),
        "height",
        String.valueOf(height),
        "role",
        "img",
        "aria-label",
        title);
    html.element("title", title);
    for (int tick = 0; tick <= 100; tick += 25) {
      double x = x0 + tick * scale / 100.0;
      html.open(
              "line",
              "class",
              "grid",
              "x1",
              fmt(x),
              "x2",
              fmt(x),
              "y1",
              String.valueOf(TOP - 6),
              "y2",
              String.valueOf(height - 4),
              "stroke",
              "#c9d2dc",
              "stroke-width",
              "1")
          .close("line");
      html.element(
          "text",
          String.valueOf(tick),
          "x",
          fmt(x),
          "y",
          String.valueOf(TOP - 10),
          "text-anchor",
          "middle",
          "class",
          "tick");
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = TOP + i * ROW + (ROW - BAR) / 2;
      double mid = y + BAR / 2.0;
      html.open("g", "class", "pillar", "data-pillar", bar.pillar().id());
      html.element(
          "title",
          bar.pillar().displayName()
              + ": "
              + (bar.estimate() == null ? "unknown" : Fmt.num(bar.estimate()))
              + ", range "
              + Fmt.range(bar.low(), bar.high())
              + ", coverage "
              + Fmt.percent(bar.coverage()));
      html.element(
          "text",
          compact ? shortName(bar.pillar()) : bar.pillar().displayName(),
          "x",
          String.valueOf(labelWidth),
          "y",
          fmt(mid + 4),
          "text-anchor",
          "end",
          "class",
          "label");
      rect(html, "track", x0, y, scale, BAR, TRACK_COLOUR);
      if (bar.estimate() != null) {
        rect(html, "score", x0, y, bar.estimate() * scale / 100.0, BAR, SCORE_COLOUR);
      }
      double lowX = x0 + bar.low() * scale / 100.0;
      double highX = x0 + bar.high() * scale / 100.0;
      String dash = bar.estimate() == null ? "4 3" : null;
      line(html, "range", lowX, mid, highX, mid, dash);
      line(html, "range", lowX, mid - 5, lowX, mid + 5, null);
      line(html, "range", highX, mid - 5, highX, mid + 5, null);
      html.element(
          "text",
          bar.estimate() == null ? (compact ? "n/a" : "unknown") : Fmt.num(bar.estimate()),
          "x",
          fmt(x0 + scale + 8.0),
          "y",
          fmt(mid + 4),
          "class",
          bar.estimate() == null ? "value unknown" : "value");
      html.close("g");
    }
    html.close("svg");
  }

  private static void rect(
      Html html, String cls, double x, double y, double w, double h, String c) {
    html.open(
            "rect", "class", cls, "x", fmt(x), "y", fmt(y), "width", fmt(w), "height", fmt(h),
            "fill", c)
        .close("rect");
  }

  private static void line(
      Html html, String cls, double x1, double y1, double x2, double y2, String dash) {
    html.open(
            "line",
            "class",
            cls,
            "x1",
            fmt(x1),
            "y1",
            fmt(y1),
            "x2",
            fmt(x2),
            "y2",
            fmt(y2),
            "stroke",
            RANGE_COLOUR,
            "stroke-width",
            "2",
            "stroke-dasharray",
            dash)
        .close("line");
  }

  static String shortName(Pillar pillar) {
    return switch (pillar) {
      case CUSTODY -> "Custody";
      case PROOF_OF_RESERVES -> "Proof of reserves";
      case INSURANCE -> "Insurance";
      case REGULATION -> "Regulation";
      case APP_SECURITY -> "App security";
      case TRACK_RECORD -> "Track record";
      case USER_EXPERIENCE -> "User experience";
      case SUPPORT -> "Support";
    };
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
