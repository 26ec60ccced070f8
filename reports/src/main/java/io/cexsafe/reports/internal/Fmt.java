package io.cexsafe.reports.internal;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Pillar;
import io.cexsafe.reports.ExchangeAssessment;
import io.cexsafe.scoring.Scorecard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Number, date and status wording shared by the renderers, independent of the default locale. */
public final class Fmt {
  private Fmt() {}

  public static String num(Double value) {
    return value == null ? "-" : fixed(value, 1);
  }

  /**
   * {@code value} with {@code decimals} digits after the point, exactly as {@code
   * String.format(Locale.ROOT, "%.<decimals>f", value)} writes it: half-up rounding of the shortest
   * decimal that names the double (its {@link Double#toString}), and the minus sign kept on a
   * negative value that rounds to zero. A report formats thousands of numbers; {@code Formatter}
   * took a cold 90-exchange run's report ~15 % of its main thread.
   */
  static String fixed(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
    String text =
        BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    boolean negative = value < 0 || (value == 0 && 1 / value < 0);
    return negative && text.charAt(0) != '-' ? "-" + text : text;
  }

  public static String range(double low, double high) {
    return "[" + num(low) + ", " + num(high) + "]";
  }

  public static String percent(double share) {
    return fixed(share * 100, 0) + "%";
  }

  public static String confidence(double confidence) {
    return fixed(confidence, 2);
  }

  /** A weight or point count without a needless ".0". */
  public static String points(double value) {
    return num(value).replace(".0", "");
  }

  /** The UTC calendar date of an instant. */
  public static LocalDate date(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /** "ok", "skipped (offline)", "failed (timeout)". */
  public static String status(CollectorOutcome outcome) {
    return outcome.status().id()
        + (outcome.status() == OutcomeStatus.OK ? "" : " (" + outcome.reason().id() + ")");
  }

  /** The methodology line every report starts with. */
  public static String methodology(Scorecard card) {
    return card.methodology()
        + " "
        + card.methodologyVersion()
        + ", methodology "
        + card.rulesVersion();
  }

  /** "withdrawals-halted (at most CCC): ...; failed-proof (at most BB): ...", or "". */
  public static String redFlags(Scorecard card) {
    return card.redFlags().stream()
        .map(Fmt::redFlag)
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /** One red flag in one line. */
  public static String redFlag(io.cexsafe.scoring.RedFlag flag) {
    return flag.kind().id() + " (grade at most " + flag.cap() + "): " + flag.message();
  }

  /** Evidence in the bundle past its stale-after date at the evaluation instant. */
  public static List<Evidence> stale(ExchangeAssessment assessment) {
    EvidenceBundle bundle = assessment.bundle();
    Set<String> ids = new LinkedHashSet<>(assessment.scorecard().staleEvidenceIds());
    bundle.evidence().stream()
        .filter(e -> e.provenance().isStaleAt(bundle.asOf()))
        .forEach(e -> ids.add(e.id()));
    List<Evidence> stale = new ArrayList<>();
    for (String id : ids) {
      bundle.evidence().stream().filter(e -> e.id().equals(id)).findFirst().ifPresent(stale::add);
    }
    return stale;
  }

  /**
   * The facts no rule read, one line each ("ev-1: extension acme.cold-wallet-audit: summary"); an
   * empty list when every collected fact was scored (reports then print nothing).
   */
  public static List<String> unscored(ExchangeAssessment assessment) {
    List<String> lines = new ArrayList<>();
    for (io.cexsafe.scoring.UnscoredFact fact : assessment.scorecard().unscoredFacts()) {
      String summary =
          assessment.bundle().evidence().stream()
              .filter(e -> e.id().equals(fact.evidenceId()))
              .map(e -> ": " + e.fact().summary())
              .findFirst()
              .orElse("");
      lines.add(fact.evidenceId() + ": " + fact.label() + summary);
    }
    return lines;
  }

  /** The heading of the unscored list in every text format. */
  public static final String UNSCORED_TITLE =
      "Collected but not scored (no rule reads these facts)";

  /** Every piece of evidence once, ordered by its first pillar (context-only evidence last). */
  public static List<Evidence> evidenceInPillarOrder(EvidenceBundle bundle) {
    List<Evidence> ordered = new ArrayList<>(bundle.evidence());
    ordered.sort(
        java.util.Comparator.comparingInt(
            (Evidence e) ->
                e.pillars().stream()
                    .mapToInt(Pillar::ordinal)
                    .min()
                    .orElse(Pillar.values().length)));
    return ordered;
  }

  /** The pillars of a piece of evidence by display name, or "context" when it informs none. */
  public static String pillars(Evidence evidence) {
    List<String> names = new ArrayList<>();
    for (Pillar pillar : Pillar.values()) {
      if (evidence.pillars().contains(pillar)) {
        names.add(pillar.displayName());
      }
    }
    return names.isEmpty() ? "context" : String.join(", ", names);
  }

  /**
   * True for the URL schemes a report may link to; others (urn:, javascript:) are shown as text.
   */
  public static boolean linkable(String url) {
    String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://");
  }

  /**
   * An exchange's id as a comparison's ranking shows it: with {@code (unreviewed identity)} after
   * it when its identity was resolved at run time, as its name is everywhere else.
   */
  static String comparedExchange(io.cexsafe.reports.ComparisonReport report, String exchangeId) {
    return report.assessment(exchangeId).unreviewedIdentity()
        ? exchangeId + " (" + io.cexsafe.facts.IdentityResolution.FLAG + ")"
        : exchangeId;
  }
}
