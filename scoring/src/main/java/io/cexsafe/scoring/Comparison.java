package io.cexsafe.scoring;

import io.cexsafe.Json;
import io.cexsafe.Pillar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Several exchanges side by side under one methodology: scores with ranges, a control-by-control
 * matrix, and ranks claimed only where the evidence can tell. Rated exchanges come first, ordered
 * by what the evidence supports (the conservative, low end of their range); not-rated exchanges are
 * listed after them, never above. Exchange A is ranked above B only when A's low end is above B's
 * high end; otherwise they are tied within what the evidence can tell.
 *
 * @param methodology the methodology's id
 * @param methodologyVersion its version
 * @param rulesVersion the version of the scoring methodology in code (rules, priors, floors, caps)
 * @param entries one entry per exchange: rated ones by low end (highest first), then not-rated
 * @param controls the control-by-control matrix, one row per rule
 * @param statements human lines on what can and cannot be ranked
 */
public record Comparison(
    String methodology,
    String methodologyVersion,
    String rulesVersion,
    List<Entry> entries,
    List<ControlRow> controls,
    List<String> statements) {

  /** Rules shown in the matrix by default: the controls users ask about first. */
  public static final List<String> DEFAULT_CONTROLS =
      List.of(
          "app-security.two-factor",
          "app-security.passkeys",
          "app-security.whitelist-lock",
          "insurance.cover-ratio",
          "insurance.protection-programme",
          "proof-of-reserves.liabilities-covered",
          "proof-of-reserves.attestation-age",
          "regulation.verified-licences",
          "regulation.jurisdiction-breadth",
          "track-record.losses",
          "user-experience.store-rating");

  /**
   * Normalises the components, copying its lists.
   *
   * @param methodology the methodology's id
   * @param methodologyVersion its version
   * @param rulesVersion the version of the scoring methodology in code (rules, priors, floors,
   *     caps)
   * @param entries one entry per exchange: rated ones by low end (highest first), then not-rated
   * @param controls the control-by-control matrix, one row per rule
   * @param statements human lines on what can and cannot be ranked
   */
  public Comparison {
    entries = List.copyOf(entries);
    controls = List.copyOf(controls);
    statements = List.copyOf(statements);
  }

  /**
   * One exchange's row.
   *
   * @param exchangeId the exchange
   * @param estimate overall estimate, or null
   * @param low overall low end
   * @param high overall high end
   * @param confidence confidence in [0, 1]
   * @param grade grade label, e.g. "A (provisional)" or "NR (evidence covers 12 % of the weight)"
   * @param rated true when the exchange has a letter grade
   * @param bestRank the best rank the ranges allow among rated exchanges (not-rated ones rank after
   *     every rated one)
   * @param worstRank the worst rank the ranges allow
   * @param rank "2" when the ranges settle it, "2-4 (tied)" otherwise, "not rated" without a grade
   * @param redFlags the red flags capping the grade
   * @param pillars pillar estimates with their ranges, in pillar order
   */
  public record Entry(
      String exchangeId,
      Double estimate,
      double low,
      double high,
      double confidence,
      String grade,
      boolean rated,
      int bestRank,
      int worstRank,
      String rank,
      List<RedFlag> redFlags,
      List<PillarCell> pillars) {
    /**
     * Normalises the components, copying its lists.
     *
     * @param exchangeId the exchange
     * @param estimate overall estimate, or null
     * @param low overall low end
     * @param high overall high end
     * @param confidence confidence in [0, 1]
     * @param grade grade label, e.g. "A (provisional)" or "NR (evidence covers 12 % of the weight)"
     * @param rated true when the exchange has a letter grade
     * @param bestRank the best rank the ranges allow among rated exchanges (not-rated ones rank
     *     after every rated one)
     * @param worstRank the worst rank the ranges allow
     * @param rank "2" when the ranges settle it, "2-4 (tied)" otherwise, "not rated" without a
     *     grade
     * @param redFlags the red flags capping the grade
     * @param pillars pillar estimates with their ranges, in pillar order
     */
    public Entry {
      redFlags = List.copyOf(redFlags);
      pillars = List.copyOf(pillars);
    }

    /** {@return whether the exchange's rank is certain: its best and worst possible ranks agree} */
    public boolean rankClaimed() {
      return bestRank == worstRank;
    }
  }

  /** One pillar of one exchange. */
  public record PillarCell(
      Pillar pillar, Double estimate, double low, double high, double coverage) {}

  /** One rule across exchanges. */
  public record ControlRow(String ruleId, String title, double maxPoints, List<Cell> cells) {
    /**
     * Copies the cells.
     *
     * @param ruleId the rule's id
     * @param title the rule's title
     * @param maxPoints the most points the rule gives
     * @param cells one cell per exchange, in the comparison's order
     */
    public ControlRow {
      cells = List.copyOf(cells);
    }
  }

  /**
   * One rule for one exchange.
   *
   * @param exchangeId the exchange
   * @param status known or unknown
   * @param points points awarded
   * @param value the observed value in a few words, or null when unknown
   */
  public record Cell(String exchangeId, RuleStatus status, double points, String value) {}

  /**
   * Compares scorecards with the default control rows.
   *
   * @param scorecards scorecards of different exchanges under one methodology
   * @return the comparison
   * @throws IllegalArgumentException when they mix methodologies or repeat an exchange
   */
  public static Comparison of(List<Scorecard> scorecards) {
    return of(scorecards, DEFAULT_CONTROLS);
  }

  /**
   * Compares scorecards, showing the given rules in the matrix. The scorecards must come from the
   * same methodology and be about different exchanges.
   *
   * @param scorecards scorecards of different exchanges under one methodology
   * @param controlRuleIds the rules shown as rows of the control matrix
   * @return the comparison
   * @throws IllegalArgumentException when they mix methodologies or repeat an exchange
   */
  public static Comparison of(List<Scorecard> scorecards, List<String> controlRuleIds) {
    Objects.requireNonNull(scorecards, "scorecards");
    if (scorecards.isEmpty()) {
      throw new IllegalArgumentException("nothing to compare");
    }
    Scorecard first = scorecards.get(0);
    Set<String> exchanges = new HashSet<>();
    for (Scorecard card : scorecards) {
      if (!card.methodology().equals(first.methodology())
          || !card.methodologyVersion().equals(first.methodologyVersion())) {
        throw new IllegalArgumentException(
            "scorecards use different methodologies: "
                + first.methodology()
                + " "
                + first.methodologyVersion()
                + " and "
                + card.methodology()
                + " "
                + card.methodologyVersion());
      }
      if (!exchanges.add(card.exchangeId())) {
        throw new IllegalArgumentException(card.exchangeId() + " appears twice");
      }
    }
    List<Scorecard> ordered = new ArrayList<>(scorecards);
    ordered.sort(
        Comparator.comparing((Scorecard c) -> !c.rated())
            .thenComparing(Scorecard::low, Comparator.reverseOrder())
            .thenComparing(
                (Scorecard c) -> c.estimate() == null ? Double.NEGATIVE_INFINITY : c.estimate(),
                Comparator.reverseOrder())
            .thenComparing(Scorecard::exchangeId));
    int n = ordered.size();
    int ratedCount = (int) ordered.stream().filter(Scorecard::rated).count();
    List<Entry> entries = new ArrayList<>();
    for (Scorecard card : ordered) {
      int surelyBetter = 0;
      int surelyWorse = 0;
      for (Scorecard other : ordered) {
        if (other == card || other.rated() != card.rated()) {
          continue;
        }
        if (other.low() > card.high()) {
          surelyBetter++;
        } else if (other.high() < card.low()) {
          surelyWorse++;
        }
      }
      int offset = card.rated() ? 0 : ratedCount;
      int groupSize = card.rated() ? ratedCount : n - ratedCount;
      int best = offset + 1 + surelyBetter;
      int worst = offset + groupSize - surelyWorse;
      List<PillarCell> pillars =
          card.pillars().stream()
              .map(p -> new PillarCell(p.pillar(), p.estimate(), p.low(), p.high(), p.coverage()))
              .toList();
      entries.add(
          new Entry(
              card.exchangeId(),
              card.estimate(),
              card.low(),
              card.high(),
              card.confidence(),
              card.gradeLabel(),
              card.rated(),
              best,
              worst,
              !card.rated()
                  ? "not rated"
                  : best == worst ? Integer.toString(best) : best + "-" + worst + " (tied)",
              card.redFlags(),
              pillars));
    }
    List<ControlRow> rows = new ArrayList<>();
    for (String ruleId : controlRuleIds) {
      RuleResult template = first.rule(ruleId);
      if (template == null) {
        throw new IllegalArgumentException("unknown rule '" + ruleId + "'");
      }
      List<Cell> cells = new ArrayList<>();
      for (Scorecard card : ordered) {
        RuleResult r = card.rule(ruleId);
        cells.add(new Cell(card.exchangeId(), r.status(), r.points(), r.value()));
      }
      rows.add(new ControlRow(ruleId, template.title(), template.maxPoints(), cells));
    }
    return new Comparison(
        first.methodology(),
        first.methodologyVersion(),
        first.rulesVersion(),
        entries,
        rows,
        statements(ordered));
  }

  private static List<String> statements(List<Scorecard> ordered) {
    List<String> statements = new ArrayList<>();
    for (Scorecard card : ordered) {
      if (!card.rated()) {
        statements.add(
            card.exchangeId()
                + " is not rated: "
                + card.notRatedReason()
                + ", below the "
                + Scorecard.coverageText(Scorer.NOT_RATED_BELOW)
                + " a grade needs; it is listed after the rated exchanges");
      }
    }
    for (int i = 0; i < ordered.size(); i++) {
      for (int j = i + 1; j < ordered.size(); j++) {
        Scorecard a = ordered.get(i);
        Scorecard b = ordered.get(j);
        if (a.rated() != b.rated()) {
          continue;
        }
        if (a.low() > b.high()) {
          statements.add(
              a.exchangeId()
                  + " ranks above "
                  + b.exchangeId()
                  + ": its low end "
                  + fmt(a.low())
                  + " is above the other's high end "
                  + fmt(b.high()));
        } else if (b.low() > a.high()) {
          statements.add(b.exchangeId() + " ranks above " + a.exchangeId() + " (ranges apart)");
        } else {
          statements.add(
              a.exchangeId()
                  + " and "
                  + b.exchangeId()
                  + " are tied within what the evidence can tell: ranges ["
                  + fmt(a.low())
                  + ", "
                  + fmt(a.high())
                  + "] and ["
                  + fmt(b.low())
                  + ", "
                  + fmt(b.high())
                  + "] overlap");
        }
      }
    }
    return statements;
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** {@return the comparison as indented JSON, in core's JSON conventions} */
  public String toJson() {
    return Json.writePretty(this);
  }
}
