package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.IncidentKind;
import io.cexsafe.facts.IncidentRecordCheck;
import io.cexsafe.facts.Reimbursement;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.facts.SearchRecord;
import io.cexsafe.facts.SearchTopic;
import io.cexsafe.scoring.FindingKind;
import io.cexsafe.scoring.Severity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Rules of the Incident Response &amp; Track Record pillar. */
final class TrackRecordRules {
  private TrackRecordRules() {}

  static final String CHECKED =
      " The pillar is known only through the search that ran: an incident database search is on"
          + " record (an incident record check or a search record for incidents, e.g. DeFiLlama's"
          + " hacks list, found or not) or a collector configured as an incident source reported ok"
          + " or partial. An incident on record without such a search leaves the pillar unknown"
          + " (counted at the prior): a hack never raises a score above what the same exchange gets"
          + " with no incident on record.";

  static final Deduction LOSSES = Deduction.startingAt(70);

  static final Deduction RESPONSE = Deduction.startingAt(30).per(10);

  /** Severity of an incident, by its loss over reserves, its loss in dollars, or its kind. */
  static final double TOTAL = 1.0;

  static final double LARGE = 0.6;

  static final double MEDIUM = 0.3;

  static final double SMALL = 0.1;

  static final double LARGE_SHARE = 0.10;

  static final double MEDIUM_SHARE = 0.01;

  static final double SMALL_SHARE = 0.001;

  static final double LARGE_USD = 500e6;

  static final double MEDIUM_USD = 50e6;

  static final double SMALL_USD = 5e6;

  /** Share of an incident's penalty that reimbursement restores. */
  static final double FULL_RESTORES = 0.75;

  static final double PARTIAL_RESTORES = 0.35;

  /** A response counts as fast within this many hours. */
  static final int DISCLOSURE_HOURS = 24;

  /** An incident's weight halves every two years; severe ones within it are warnings. */
  static final double HALF_LIFE_DAYS = 730;

  private static final Map<String, String> SEVERITY_TERMS =
      Map.ofEntries(
          Map.entry("total", factor(TOTAL)),
          Map.entry("large", factor(LARGE)),
          Map.entry("medium", factor(MEDIUM)),
          Map.entry("small", factor(SMALL)),
          Map.entry("largeShare", Curve.percent(LARGE_SHARE)),
          Map.entry("mediumShare", Curve.percent(MEDIUM_SHARE)),
          Map.entry("smallShare", Curve.percent(SMALL_SHARE)),
          Map.entry("largeUsd", Curve.usd(LARGE_USD)),
          Map.entry("mediumUsd", Curve.usd(MEDIUM_USD).substring("USD ".length())),
          Map.entry("smallUsd", Curve.usd(SMALL_USD).substring("USD ".length())),
          Map.entry("fullRestores", Curve.percent(FULL_RESTORES)),
          Map.entry("partialRestores", Curve.percent(PARTIAL_RESTORES)));

  private static String factor(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static List<Rule> rules() {
    Pillar p = Pillar.TRACK_RECORD;
    return List.of(
        Rule.declared(
            "track-record.losses",
            p,
            "Losses, weighted by size, age and reimbursement",
            LOSSES.with(SEVERITY_TERMS),
            "Starts at {max}. Each incident subtracts {max} times its severity times its age"
                + " factor times what users were not made whole for. Severity: loss over current"
                + " reserves of {largeShare} or more {total}, {mediumShare} {large}, {smallShare}"
                + " {medium}, less {small}; without reserves, absolute tiers of {largeUsd},"
                + " {mediumUsd} and {smallUsd}; without a loss figure, by kind (hack or withdrawal"
                + " halt {large}, account takeover, data breach or enforcement {medium}, outage"
                + " {small}); insolvency and fraud are always {total}. Age factor: halved every"
                + " two years. Full reimbursement (or returned funds covering the loss) restores"
                + " {fullRestores} of the penalty, partial {partialRestores}, unknown nothing."
                + " Floored at 0. A severe ({large}+) incident in the last two years without full reimbursement"
                + " is a HIGH warning."
                + CHECKED,
            "What went wrong before is the best evidence of what can go wrong again, but old"
                + " incidents that were made good say less about today than recent unreimbursed"
                + " ones.",
            Evaluation.LOSSES),
        Rule.declared(
            "track-record.response",
            p,
            "Response: disclosure, post-mortem, hardening",
            RESPONSE.with(Map.of("disclosureHours", Integer.toString(DISCLOSURE_HOURS))),
            "Starts at {max}. Each incident subtracts its severity times its age factor times"
                + " {per} for each missing response: disclosure within {disclosureHours} hours, a"
                + " published post-mortem,"
                + " named hardening measures (unknown counts as missing). Floored at 0. With no"
                + " incident on record it is full."
                + CHECKED,
            "Fast, candid disclosure and visible fixes show an exchange that learns; silence"
                + " leaves users exposed to the same failure.",
            Evaluation.RESPONSE));
  }

  static boolean checked(ScoringContext ctx) {
    return ctx.incidentSourceChecked() || !cleanChecks(ctx).isEmpty();
  }

  /** The incident searches on record: "no incidents" is credited to them. */
  private static List<Item<?>> cleanChecks(ScoringContext ctx) {
    List<Item<?>> searches = new ArrayList<>(ctx.current(IncidentRecordCheck.class));
    for (Item<SearchRecord> item : ctx.all(SearchRecord.class)) {
      if (item.fact().topic() == SearchTopic.INCIDENTS) {
        searches.add(item);
      }
    }
    return searches;
  }

  /** Incidents up to the evaluation date: a later one was not knowable then. */
  private static List<Item<Incident>> current(ScoringContext ctx) {
    List<Item<Incident>> knowable = new ArrayList<>();
    for (Item<Incident> item : ctx.current(Incident.class)) {
      if (!item.fact().date().isAfter(ctx.asOfDate())) {
        knowable.add(item);
      }
    }
    return knowable;
  }

  static double severity(Incident incident, BigDecimal reserves) {
    if (incident.kind() == IncidentKind.INSOLVENCY || incident.kind() == IncidentKind.FRAUD) {
      return TOTAL;
    }
    if (incident.lossUsd() != null) {
      if (reserves != null && reserves.signum() > 0) {
        double share = incident.lossUsd().divide(reserves, MathContext.DECIMAL64).doubleValue();
        return tier(share, LARGE_SHARE, MEDIUM_SHARE, SMALL_SHARE);
      }
      return tier(incident.lossUsd().doubleValue(), LARGE_USD, MEDIUM_USD, SMALL_USD);
    }
    return switch (incident.kind()) {
      case HACK, WITHDRAWAL_HALT -> LARGE;
      case ACCOUNT_TAKEOVER, DATA_BREACH, ENFORCEMENT -> MEDIUM;
      default -> SMALL;
    };
  }

  private static double tier(double value, double large, double medium, double small) {
    return value >= large ? TOTAL : value >= medium ? LARGE : value >= small ? MEDIUM : SMALL;
  }

  static double ageFactor(ScoringContext ctx, Incident incident) {
    return Math.pow(0.5, ctx.ageDays(incident.date()) / HALF_LIFE_DAYS);
  }

  static double restored(Incident incident) {
    if (incident.reimbursement() == Reimbursement.FULL
        || (incident.lossUsd() != null
            && incident.lossUsd().signum() > 0
            && incident.returnedUsd() != null
            && incident.returnedUsd().compareTo(incident.lossUsd()) >= 0)) {
      return FULL_RESTORES;
    }
    return incident.reimbursement() == Reimbursement.PARTIAL ? PARTIAL_RESTORES : 0;
  }

  private static BigDecimal reserves(ScoringContext ctx) {
    Optional<Item<ReserveSnapshot>> snapshot = ctx.latest(ReserveSnapshot.class);
    return snapshot.isPresent() ? snapshot.get().fact().totalUsd() : null;
  }

  private static Outcome losses(ScoringContext ctx) {
    if (!checked(ctx)) {
      return Outcome.unknown("no incident source was checked");
    }
    List<Item<Incident>> incidents = current(ctx);
    if (incidents.isEmpty()) {
      return Outcome.known(
          LOSSES.max(), "no incidents", "incident sources checked, none found", cleanChecks(ctx));
    }
    BigDecimal reserves = reserves(ctx);
    double penalty = 0;
    List<Item<Incident>> severe = new ArrayList<>();
    for (Item<Incident> item : incidents) {
      Incident incident = item.fact();
      double severity = severity(incident, reserves);
      penalty += LOSSES.perUnit() * severity * ageFactor(ctx, incident) * (1 - restored(incident));
      if (severity >= LARGE
          && ctx.ageDays(incident.date()) <= HALF_LIFE_DAYS
          && restored(incident) < FULL_RESTORES) {
        severe.add(item);
      }
    }
    double points = LOSSES.remaining(penalty);
    String value = incidents.size() + (incidents.size() == 1 ? " incident" : " incidents");
    Outcome outcome =
        Outcome.known(
            points, value, value + ", penalty " + Fmt.num(Curves.round2(penalty)), incidents);
    for (Item<Incident> item : severe) {
      outcome =
          outcome.withFinding(
              Severity.HIGH,
              FindingKind.WARNING,
              item,
              "recent severe incident without full reimbursement: " + item.fact().summary());
    }
    return outcome;
  }

  private static Outcome response(ScoringContext ctx) {
    if (!checked(ctx)) {
      return Outcome.unknown("no incident source was checked");
    }
    List<Item<Incident>> incidents = current(ctx);
    if (incidents.isEmpty()) {
      return Outcome.known(
          RESPONSE.max(), "no incidents", "no incident to respond to", cleanChecks(ctx));
    }
    BigDecimal reserves = reserves(ctx);
    double shortfall = 0;
    int missing = 0;
    for (Item<Incident> item : incidents) {
      Incident incident = item.fact();
      int gaps =
          (incident.hoursToDisclosure() == null || incident.hoursToDisclosure() > DISCLOSURE_HOURS
                  ? 1
                  : 0)
              + (Boolean.TRUE.equals(incident.postMortemPublished()) ? 0 : 1)
              + (incident.hardeningMeasures().isEmpty() ? 1 : 0);
      missing += gaps;
      shortfall +=
          severity(incident, reserves) * ageFactor(ctx, incident) * RESPONSE.perUnit() * gaps;
    }
    double points = RESPONSE.remaining(shortfall);
    String value = missing + " missing responses";
    return Outcome.known(
        points,
        value,
        missing + " of " + 3 * incidents.size() + " responses missing across incidents: ",
        incidents);
  }

  /**
   * The rules' evaluations: one class with a switch, not a method reference each, whose call site
   * is linked on every run (about 0.2 ms of interpreted bootstrap each, issue #19).
   */
  private enum Evaluation implements Function<ScoringContext, Outcome> {
    LOSSES,
    RESPONSE;

    @Override
    public Outcome apply(ScoringContext ctx) {
      return switch (this) {
        case LOSSES -> losses(ctx);
        case RESPONSE -> response(ctx);
      };
    }
  }
}
