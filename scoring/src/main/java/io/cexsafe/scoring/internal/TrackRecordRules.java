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
import java.util.Optional;

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

  static List<Rule> rules() {
    Pillar p = Pillar.TRACK_RECORD;
    return List.of(
        new Rule(
            "track-record.losses",
            p,
            "Losses, weighted by size, age and reimbursement",
            70,
            "Starts at 70. Each incident subtracts 70 times its severity times its age factor"
                + " times what users were not made whole for. Severity: loss over current"
                + " reserves of 10 % or more 1.0, 1 % 0.6, 0.1 % 0.3, less 0.1; without"
                + " reserves, absolute tiers of USD 500M, 50M and 5M; without a loss figure, by"
                + " kind (hack or withdrawal halt 0.6, account takeover, data breach or"
                + " enforcement 0.3, outage 0.1); insolvency and fraud are always 1.0. Age factor:"
                + " halved every two years. Full reimbursement (or returned funds covering the"
                + " loss) restores 75 % of the penalty, partial 35 %, unknown nothing. Floored at"
                + " 0. A severe (0.6+) incident in the last two years without full reimbursement"
                + " is a HIGH warning."
                + CHECKED,
            "What went wrong before is the best evidence of what can go wrong again, but old"
                + " incidents that were made good say less about today than recent unreimbursed"
                + " ones.",
            TrackRecordRules::losses),
        new Rule(
            "track-record.response",
            p,
            "Response: disclosure, post-mortem, hardening",
            30,
            "Starts at 30. Each incident subtracts its severity times its age factor times 10 for"
                + " each missing response: disclosure within 24 hours, a published post-mortem,"
                + " named hardening measures (unknown counts as missing). Floored at 0. With no"
                + " incident on record it is full."
                + CHECKED,
            "Fast, candid disclosure and visible fixes show an exchange that learns; silence"
                + " leaves users exposed to the same failure.",
            TrackRecordRules::response));
  }

  static boolean checked(ScoringContext ctx) {
    return ctx.incidentSourceChecked() || !cleanChecks(ctx).isEmpty();
  }

  /** The incident searches on record: "no incidents" is credited to them. */
  private static List<Item<?>> cleanChecks(ScoringContext ctx) {
    List<Item<?>> searches = new ArrayList<>(ctx.current(IncidentRecordCheck.class));
    ctx.all(SearchRecord.class).stream()
        .filter(i -> i.fact().topic() == SearchTopic.INCIDENTS)
        .forEach(searches::add);
    return searches;
  }

  /** Incidents up to the evaluation date: a later one was not knowable then. */
  private static List<Item<Incident>> current(ScoringContext ctx) {
    return ctx.current(Incident.class).stream()
        .filter(i -> !i.fact().date().isAfter(ctx.asOfDate()))
        .toList();
  }

  static double severity(Incident incident, BigDecimal reserves) {
    if (incident.kind() == IncidentKind.INSOLVENCY || incident.kind() == IncidentKind.FRAUD) {
      return 1.0;
    }
    if (incident.lossUsd() != null) {
      if (reserves != null && reserves.signum() > 0) {
        double share = incident.lossUsd().divide(reserves, MathContext.DECIMAL64).doubleValue();
        return share >= 0.10 ? 1.0 : share >= 0.01 ? 0.6 : share >= 0.001 ? 0.3 : 0.1;
      }
      double loss = incident.lossUsd().doubleValue();
      return loss >= 500e6 ? 1.0 : loss >= 50e6 ? 0.6 : loss >= 5e6 ? 0.3 : 0.1;
    }
    return switch (incident.kind()) {
      case HACK, WITHDRAWAL_HALT -> 0.6;
      case ACCOUNT_TAKEOVER, DATA_BREACH, ENFORCEMENT -> 0.3;
      default -> 0.1;
    };
  }

  static double ageFactor(ScoringContext ctx, Incident incident) {
    return Math.pow(0.5, ctx.ageDays(incident.date()) / 730.0);
  }

  static double restored(Incident incident) {
    if (incident.reimbursement() == Reimbursement.FULL
        || (incident.lossUsd() != null
            && incident.lossUsd().signum() > 0
            && incident.returnedUsd() != null
            && incident.returnedUsd().compareTo(incident.lossUsd()) >= 0)) {
      return 0.75;
    }
    return incident.reimbursement() == Reimbursement.PARTIAL ? 0.35 : 0;
  }

  private static BigDecimal reserves(ScoringContext ctx) {
    Optional<Item<ReserveSnapshot>> snapshot = ctx.latest(ReserveSnapshot.class);
    return snapshot.map(s -> s.fact().totalUsd()).orElse(null);
  }

  private static Outcome losses(ScoringContext ctx) {
    if (!checked(ctx)) {
      return Outcome.unknown("no incident source was checked");
    }
    List<Item<Incident>> incidents = current(ctx);
    if (incidents.isEmpty()) {
      return Outcome.known(
          70, "no incidents", "incident sources checked, none found", cleanChecks(ctx));
    }
    BigDecimal reserves = reserves(ctx);
    double penalty = 0;
    List<Item<Incident>> severe = new ArrayList<>();
    for (Item<Incident> item : incidents) {
      Incident incident = item.fact();
      double severity = severity(incident, reserves);
      penalty += 70 * severity * ageFactor(ctx, incident) * (1 - restored(incident));
      if (severity >= 0.6 && ctx.ageDays(incident.date()) <= 730 && restored(incident) < 0.75) {
        severe.add(item);
      }
    }
    double points = Math.max(0, 70 - penalty);
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
      return Outcome.known(30, "no incidents", "no incident to respond to", cleanChecks(ctx));
    }
    BigDecimal reserves = reserves(ctx);
    double shortfall = 0;
    int missing = 0;
    for (Item<Incident> item : incidents) {
      Incident incident = item.fact();
      int gaps =
          (incident.hoursToDisclosure() == null || incident.hoursToDisclosure() > 24 ? 1 : 0)
              + (Boolean.TRUE.equals(incident.postMortemPublished()) ? 0 : 1)
              + (incident.hardeningMeasures().isEmpty() ? 1 : 0);
      missing += gaps;
      shortfall += severity(incident, reserves) * ageFactor(ctx, incident) * 10 * gaps;
    }
    double points = Math.max(0, 30 - shortfall);
    String value = missing + " missing responses";
    return Outcome.known(
        points,
        value,
        missing + " of " + 3 * incidents.size() + " responses missing across incidents: ",
        incidents);
  }
}
