package io.cexsafe.store.alert;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.NetFlow;
import io.cexsafe.facts.PorAttestation;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.scoring.RedFlag;
import io.cexsafe.scoring.RedFlagKind;
import io.cexsafe.scoring.RuleResult;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.store.ReconstructedFact;
import io.cexsafe.store.Snapshot;
import io.cexsafe.store.diff.FactIdentity;
import io.cexsafe.store.diff.RuleDelta;
import io.cexsafe.store.diff.SnapshotDiff;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One alert rule, as a line of {@code alerts.json} declares it (see {@code docs/alerts.md}).
 *
 * <p>A rule looks at the stored history of one exchange, oldest run first, and fires when its
 * condition holds at the latest run but did not at the run before ({@link #evaluate}): a watch run
 * every day reports a reserve fall once, when it happens, not every day while it lasts. What "the
 * same condition" means is the {@link Alert#key()}: the drop between two runs, a red-flag kind, an
 * incident, a licence.
 */
public sealed interface AlertRule {

  /** {@return the rule's id as {@code alerts.json} names it (its type when not named)} */
  String id();

  /** {@return the rule's type, as {@code alerts.json} spells it, e.g. {@code reserves-down}} */
  String type();

  /**
   * The alerts whose condition holds at the last point of {@code history}, whether or not it held
   * before. Most callers want {@link #evaluate}.
   *
   * @param history one exchange's runs, oldest first; not empty
   * @return the alerts, in a stable order
   */
  List<Alert> holdingAt(List<Snapshot> history);

  /**
   * The alerts that fire at the latest run of {@code history}: those holding there whose key did
   * not hold at the run before.
   *
   * @param history one exchange's runs, oldest first
   * @return the new alerts; none for an empty history
   */
  default List<Alert> evaluate(List<Snapshot> history) {
    Objects.requireNonNull(history, "history");
    if (history.isEmpty()) {
      return List.of();
    }
    List<Alert> now = holdingAt(history);
    if (now.isEmpty() || history.size() == 1) {
      return now;
    }
    Set<String> before = new HashSet<>();
    holdingAt(history.subList(0, history.size() - 1)).forEach(a -> before.add(a.key()));
    return now.stream().filter(a -> !before.contains(a.key())).toList();
  }

  /**
   * The alerts whose condition holds at the last point of {@code history}, reading also the facts a
   * backfill reconstructed (see {@link io.cexsafe.store.EvidenceStore#recordReconstructed}). Only
   * the reserve and incident rules read them; the others answer as {@link #holdingAt(List)}.
   *
   * @param history one exchange's assessed runs, oldest first; not empty
   * @param reconstructed the exchange's reconstructed facts, oldest first (those observed after the
   *     last run's evaluation instant are not read)
   * @return the alerts, in a stable order
   */
  default List<Alert> holdingAt(List<Snapshot> history, List<ReconstructedFact> reconstructed) {
    return holdingAt(history);
  }

  /**
   * The alerts that fire at the latest run of {@code history}, as {@link #evaluate(List)}, with the
   * reserve and incident rules reading the reconstructed facts too: a backfilled history gives them
   * a trend from the first assessed run. An alert that rests on a reconstructed fact says so in its
   * message.
   *
   * @param history one exchange's assessed runs, oldest first
   * @param reconstructed the exchange's reconstructed facts, oldest first
   * @return the new alerts; none for an empty history
   */
  default List<Alert> evaluate(List<Snapshot> history, List<ReconstructedFact> reconstructed) {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(reconstructed, "reconstructed");
    if (reconstructed.isEmpty()) {
      return evaluate(history);
    }
    if (history.isEmpty()) {
      return List.of();
    }
    List<Alert> now = holdingAt(history, reconstructed);
    if (now.isEmpty() || history.size() == 1) {
      return now;
    }
    Set<String> before = new HashSet<>();
    holdingAt(history.subList(0, history.size() - 1), reconstructed)
        .forEach(a -> before.add(a.key()));
    return now.stream().filter(a -> !before.contains(a.key())).toList();
  }

  /** What an alert's message adds when it rests on reconstructed facts. */
  String RECONSTRUCTED_NOTE = " (rests on reconstructed data: a backfilled history)";

  /** The characters an id may use: what a user would type in a file name or a log query. */
  Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private static String requireId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "id must be 1 to 64 lower-case letters, digits, '.', '_' or '-': " + id);
    }
    return id;
  }

  private static void requireWithin(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be within [" + min + ", " + max + "]: " + value);
    }
  }

  private static Alert alert(
      AlertRule rule, Snapshot at, String key, String message, List<Evidence> evidence) {
    return new Alert(
        rule.id(),
        rule.type(),
        at.exchangeId(),
        at.runId(),
        at.scorecard().asOf(),
        rule.type() + "|" + key,
        message,
        evidence);
  }

  private static LocalDate day(Evidence e) {
    return LocalDate.ofInstant(e.provenance().observedAt(), ZoneOffset.UTC);
  }

  private static Snapshot last(List<Snapshot> history) {
    if (history.isEmpty()) {
      throw new IllegalArgumentException("history must not be empty");
    }
    return history.get(history.size() - 1);
  }

  private static Snapshot previous(List<Snapshot> history) {
    return history.size() < 2 ? null : history.get(history.size() - 2);
  }

  /** The later evidence of the rules that lost points between two runs. */
  private static List<Evidence> evidenceOfLosses(Snapshot from, Snapshot to) {
    SnapshotDiff diff = SnapshotDiff.between(from, to);
    Map<String, Evidence> byId = new LinkedHashMap<>();
    to.bundle().evidence().forEach(e -> byId.put(e.id(), e));
    from.bundle().evidence().forEach(e -> byId.putIfAbsent(e.id(), e));
    List<Evidence> evidence = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (RuleDelta delta : diff.rules()) {
      if (delta.overallImpact() >= 0) {
        continue;
      }
      RuleResult now = to.scorecard().rule(delta.ruleId());
      RuleResult was = from.scorecard().rule(delta.ruleId());
      List<String> ids = new ArrayList<>();
      if (now != null) {
        ids.addAll(now.evidenceIds());
      }
      if (was != null && ids.isEmpty()) {
        ids.addAll(was.evidenceIds());
      }
      for (String id : ids) {
        Evidence e = byId.get(id);
        if (e != null && seen.add(id)) {
          evidence.add(e);
        }
      }
    }
    return evidence;
  }

  private static String percentText(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
  }

  private static void requirePercent(double percent, String name) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException(name + " must be above 0 and at most 100: " + percent);
    }
  }

  /**
   * Fires when the grade fell by at least {@code steps} grades from the run before (AA to A is one
   * step). Both runs must be rated: a run that is not rated says nothing about a drop.
   *
   * @param id the rule's id
   * @param steps how many grades it must fall, at least 1
   */
  record GradeDrop(String id, int steps) implements AlertRule {
    /**
     * Validates the rule.
     *
     * @param id the rule's id
     * @param steps how many grades it must fall, at least 1
     * @throws IllegalArgumentException when {@code id} is not 1 to 64 lower-case letters, digits,
     *     '.', '_' or '-' or {@code steps} is outside [1, 9]
     */
    public GradeDrop {
      id = requireId(id);
      requireWithin("steps", steps, 1, 9);
    }

    @Override
    public String type() {
      return "grade-drop";
    }

    @Override
    public List<Alert> holdingAt(List<Snapshot> history) {
      Snapshot to = last(history);
      Snapshot from = previous(history);
      if (from == null || !from.scorecard().rated() || !to.scorecard().rated()) {
        return List.of();
      }
      int fell = to.scorecard().grade().ordinal() - from.scorecard().grade().ordinal();
      if (fell < steps) {
        return List.of();
      }
      return List.of(
          alert(
              this,
              to,
              from.runId() + ">" + to.runId(),
              "grade fell from "
                  + from.scorecard().grade()
                  + " to "
                  + to.scorecard().grade()
                  + " since run "
                  + from.runId(),
              evidenceOfLosses(from, to)));
    }
  }

  /**
   * Fires when the overall estimate fell by at least {@code points} (out of 100) from the run
   * before.
   *
   * @param id the rule's id
   * @param points the smallest fall that alerts, above 0
   */
  record ScoreDrop(String id, double points) implements AlertRule {
    /**
     * Validates the rule.
     *
     * @param id the rule's id
     * @param points the smallest fall that alerts, above 0
     * @throws IllegalArgumentException when {@code id} is not 1 to 64 lower-case letters, digits,
     *     '.', '_' or '-' or {@code points} is not above 0 and at most 100
     */
    public ScoreDrop {
      id = requireId(id);
      if (!(points > 0 && points <= 100)) {
        throw new IllegalArgumentException("points must be above 0 and at most 100: " + points);
      }
    }

    @Override
    public String type() {
      return "score-drop";
    }

    @Override
    public List<Alert> holdingAt(List<Snapshot> history) {
      Snapshot to = last(history);
      Snapshot from = previous(history);
      if (from == null
          || from.scorecard().estimate() == null
          || to.scorecard().estimate() == null) {
        return List.of();
      }
      double fell = from.scorecard().estimate() - to.scorecard().estimate();
      if (fell < points) {
        return List.of();
      }
      return List.of(
          alert(
              this,
              to,
              from.runId() + ">" + to.runId(),
              String.format(
                  Locale.ROOT,
                  "score fell %.1f points, from %.1f to %.1f, since run %s",
                  fell,
                  from.scorecard().estimate(),
                  to.scorecard().estimate(),
                  from.runId()),
              evidenceOfLosses(from, to)));
    }
  }

  /**
   * Fires when reserves fell by at least {@code percent} % over {@code days} days: the latest
   * reserve snapshot against the last one observed at least {@code days} days before it (or the
   * oldest one within the window when the history is shorter). Reads every reserve snapshot in the
   * history, including backfilled ones.
   *
   * @param id the rule's id
   * @param percent the smallest fall that alerts, in (0, 100]
   * @param days the window in days, at least 1
   */
  record ReservesDown(String id, double percent, int days) implements AlertRule {
    /**
     * Validates the rule.
     *
     * @param id the rule's id
     * @param percent the smallest fall that alerts, in (0, 100]
     * @param days the window in days, at least 1
     * @throws IllegalArgumentException when {@code id} is not 1 to 64 lower-case letters, digits,
     *     '.', '_' or '-', {@code percent} is outside (0, 100] or {@code days} is outside [1, 3660]
     */
    public ReservesDown {
      id = requireId(id);
      requirePercent(percent, "percent");
      requireWithin("days", days, 1, 3660);
    }

    @Override
    public String type() {
      return "reserves-down";
    }

    @Override
    public List<Alert> holdingAt(List<Snapshot> history) {
      return holdingAt(history, List.of());
    }

    @Override
    public List<Alert> holdingAt(List<Snapshot> history, List<ReconstructedFact> reconstructed) {
      Snapshot at = last(history);
      Instant asOf = at.scorecard().asOf();
      Map<String, Evidence> unique = new LinkedHashMap<>();
      Set<LocalDate> assessedDays = new HashSet<>();
      for (Snapshot point : history) {
        for (Evidence e : point.bundle().evidenceOf(ReserveSnapshot.class)) {
          if (!e.provenance().observedAt().isAfter(asOf)) {
            unique.putIfAbsent(e.id(), e);
            assessedDays.add(day(e));
          }
        }
      }
      Set<Evidence> rebuilt = new HashSet<>();
      for (ReconstructedFact fact : reconstructed) {
        Evidence e = fact.evidence();
        // a day an assessed run read reserves for is that run's: the real reading wins
        if (e.fact() instanceof ReserveSnapshot
            && !e.provenance().observedAt().isAfter(asOf)
            && !assessedDays.contains(day(e))
            && unique.putIfAbsent(e.id(), e) == null) {
          rebuilt.add(e);
        }
      }
      List<Evidence> series = new ArrayList<>(unique.values());
      series.sort(
          Comparator.comparing((Evidence e) -> e.provenance().observedAt())
              .thenComparing(Evidence::id));
      if (series.size() < 2) {
        return List.of();
      }
      Evidence latest = series.get(series.size() - 1);
      Instant windowStart = latest.provenance().observedAt().minus(Duration.ofDays(days));
      Evidence base = null;
      for (Evidence e : series) {
        if (!e.provenance().observedAt().isAfter(windowStart)) {
          base = e; // the last reading at or before the window's start
        } else {
          if (base == null && e != latest) {
            base = e; // a history shorter than the window: its oldest reading
          }
          break;
        }
      }
      if (base == null) {
        return List.of();
      }
      BigDecimal then = ((ReserveSnapshot) base.fact()).totalUsd();
      BigDecimal now = ((ReserveSnapshot) latest.fact()).totalUsd();
      if (then == null || now == null || then.signum() <= 0) {
        return List.of();
      }
      double change = now.divide(then, MathContext.DECIMAL64).doubleValue() - 1;
      if (change > -percent / 100) {
        return List.of();
      }
      boolean fromBackfill = rebuilt.contains(base) || rebuilt.contains(latest);
      return List.of(
          alert(
              this,
              at,
              "reserves",
              "reserves down "
                  + percentText(-change)
                  + " from "
                  + base.provenance().observedAt()
                  + " to "
                  + latest.provenance().observedAt()
                  + (fromBackfill ? RECONSTRUCTED_NOTE : ""),
              List.of(base, latest)));
    }
  }

  /**
   * Fires when the latest run's net flow over a window is an outflow of at least {@code percent} %
   * of reserves. The share is the collector's own when given, otherwise the net flow divided by the
   * run's reserve snapshot.
   *
   * @param id the rule's id
   * @param percent the smallest outflow that alerts, as a percentage of reserves in (0, 100]
   * @param windowHours the flow window to read (24, 168, 720), or null for every window
   */
  record NetOutflow(String id, double percent, Integer windowHours) implements AlertRule {
    /**
     * Validates the rule.
     *
     * @param id the rule's id
     * @param percent the smallest outflow that alerts, as a percentage of reserves in (0, 100]
     * @param windowHours the flow window to read (24, 168, 720), or null for every window
     * @throws IllegalArgumentException when {@code id} is not 1 to 64 lower-case letters, digits,
     *     '.', '_' or '-', {@code percent} is outside (0, 100] or {@code windowHours} is not
     *     positive
     */
    public NetOutflow {
      id = requireId(id);
      requirePercent(percent, "percent");
      if (windowHours != null && windowHours < 1) {
        throw new IllegalArgumentException("windowHours must be positive: " + windowHours);
      }
    }

    @Override
    public String type() {
      return "net-outflow";
    }

    @Override
    public List<Alert> holdingAt(List<Snapshot> history) {
      Snapshot at = last(history);
      EvidenceBundle bundle = at.bundle();
      BigDecimal reserves =
          bundle.facts(ReserveSnapshot.class).stream()
              .map(ReserveSnapshot::totalUsd)
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(null);
      List<Evidence> reserveEvidence = bundle.evidenceOf(ReserveSnapshot.class);
      List<Alert> alerts = new ArrayList<>();
      for (Evidence e : bundle.evidenceOf(NetFlow.class)) {
        NetFlow flow = (NetFlow) e.fact();
        if (windowHours != null && flow.windowHours() != windowHours) {
          continue;
        }
        Double share = flow.shareOfReserves();
        List<Evidence> behind = List.of(e);
        if (share == null && reserves != null && reserves.signum() > 0) {
          share = flow.netUsd().divide(reserves, MathContext.DECIMAL64).doubleValue();
          behind = new ArrayList<>(behind);
          behind.addAll(reserveEvidence);
        }
        if (share == null || share > -percent / 100) {
          continue;
        }
        alerts.add(
            alert(
                this,
                at,
                flow.windowHours() + "h",
                "net outflow of "
                    + percentText(-share)
                    + " of reserves over "
                    + flow.windowHours()
                    + " hours",
                behind));
      }
      return alerts;
    }
  }

  /**
   * Fires when a licence or registration present in both the run before and the latest run has a
   * different status (e.g. authorised to revoked).
   *
   * @param id the rule's id
   */
  record LicenceStatusChange(String id) implements AlertRule {
    /**
     * Validates the rule.
     *
     * @param id the rule's id
     * @throws IllegalArgumentException when {@code id} is not 1 to 64 lower-case letters, digits,
     *     '.', '_' or '-'
     */
    public LicenceStatusChange {
      id = requireId(id);
    }

    @Override
    public String type() {
      return "licence-status-change";
    }

    @Override
    public List<Alert> holdingAt(List<Snapshot> history) {
      Snapshot to = last(history);
      Snapshot from = previous(history);
      if (from == null) {
        return List.of();
      }
      Map<String, Evidence> before = new HashMap<>();
      from.bundle().evidenceOf(Licence.class).forEach(e -> before.put(FactIdentity.of(e), e));
      List<Alert> alerts = new ArrayList<>();
      for (Evidence e : to.bundle().evidenceOf(Licence.class)) {
        String identity = FactIdentity.of(e);
        Evidence was = before.get(identity);
        if (was == null) {
          continue;
        }
        Licence then = (Licence) was.fact();
        Licence now = (Licence) e.fact();
        if (then.status() == now.status()) {
          continue;
        }
        alerts.add(
            alert(
                this,
                to,
                identity + "|" + from.runId() + ">" + to.runId(),
                now.regulator()
                    + " "
                    + (now.identifier() != null ? now.identifier() : now.entityName())
                    + ": status "
                    + then.status().name().toLowerCase(Locale.ROOT)
                    + " -> "
                    + now.status().name().toLowerCase(Locale.ROOT),
                List.of(was, e)));
      }
      return alerts;
    }
  }

  /**
   * Fires for each incident dated within {@code withinDays} days of the run that the run before did
   * not already report.
   *
   * @param id the rule's id
   * @param withinDays how recent an incident must be, in days, at least 1
   */
  record NewIncident(String id, int withinDays) implements AlertRule {
    /**
     * Validates the rule.
     *
     * @param id the rule's id
     * @param withinDays how recent an incident must be, in days, at least 1
     * @throws IllegalArgumentException when {@code id} is not 1 to 64 lower-case letters, digits,
     *     '.', '_' or '-' or {@code withinDays} is outside [1, 3660]
     */
    public NewIncident {
      id = requireId(id);
      requireWithin("withinDays", withinDays, 1, 3660);
    }

    @Override
    public String type() {
      return "new-incident";
    }

    @Override
    public List<Alert> holdingAt(List<Snapshot> history) {
      return holdingAt(history, List.of());
    }

    /**
     * The latest run's incidents, and those a backfill reconstructed that the run does not report
     * (e.g. when its hacks list failed); an incident known only from the backfill says so.
     *
     * @param history one exchange's assessed runs, oldest first; not empty
     * @param reconstructed the exchange's reconstructed facts
     * @return the alerts, in a stable order
     */
    @Override
    public List<Alert> holdingAt(List<Snapshot> history, List<ReconstructedFact> reconstructed) {
      Snapshot at = last(history);
      LocalDate today = LocalDate.ofInstant(at.scorecard().asOf(), ZoneOffset.UTC);
      Map<String, Evidence> incidents = new LinkedHashMap<>();
      at.bundle()
          .evidenceOf(Incident.class)
          .forEach(e -> incidents.putIfAbsent(FactIdentity.of(e), e));
      Set<String> rebuilt = new HashSet<>();
      for (ReconstructedFact fact : reconstructed) {
        Evidence e = fact.evidence();
        if (e.fact() instanceof Incident && incidents.putIfAbsent(FactIdentity.of(e), e) == null) {
          rebuilt.add(FactIdentity.of(e));
        }
      }
      List<Alert> alerts = new ArrayList<>();
      for (Map.Entry<String, Evidence> entry : incidents.entrySet()) {
        Evidence e = entry.getValue();
        Incident incident = (Incident) e.fact();
        if (incident.date().isAfter(today)
            || incident.date().plusDays(withinDays).isBefore(today)) {
          continue;
        }
        alerts.add(
            alert(
                this,
                at,
                entry.getKey(),
                "new incident: "
                    + incident.summary()
                    + (rebuilt.contains(entry.getKey()) ? RECONSTRUCTED_NOTE : ""),
                List.of(e)));
      }
      return alerts;
    }
  }

  /**
   * Fires when the newest proof-of-reserves attestation of the latest run has gone stale: past its
   * stale-after date, or older than {@code maxAgeDays} when given.
   *
   * @param id the rule's id
   * @param maxAgeDays the oldest report date accepted, in days, or null to rely on each proof's own
   *     stale-after date
   */
  record StaleProofOfReserves(String id, Integer maxAgeDays) implements AlertRule {
    /**
     * Validates the rule.
     *
     * @param id the rule's id
     * @param maxAgeDays the oldest report date accepted, in days, or null to rely on each proof's
     *     own stale-after date
     * @throws IllegalArgumentException when {@code id} is not 1 to 64 lower-case letters, digits,
     *     '.', '_' or '-' or {@code maxAgeDays} is outside [1, 3660]
     */
    public StaleProofOfReserves {
      id = requireId(id);
      if (maxAgeDays != null) {
        requireWithin("maxAgeDays", maxAgeDays, 1, 3660);
      }
    }

    @Override
    public String type() {
      return "stale-proof-of-reserves";
    }

    @Override
    public List<Alert> holdingAt(List<Snapshot> history) {
      Snapshot at = last(history);
      Instant asOf = at.scorecard().asOf();
      Evidence newest =
          at.bundle().evidenceOf(PorAttestation.class).stream()
              .max(
                  Comparator.comparing((Evidence e) -> ((PorAttestation) e.fact()).reportDate())
                      .thenComparing(Evidence::id))
              .orElse(null);
      if (newest == null) {
        return List.of();
      }
      LocalDate reportDate = ((PorAttestation) newest.fact()).reportDate();
      LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
      boolean tooOld = maxAgeDays != null && reportDate.plusDays(maxAgeDays).isBefore(today);
      if (!tooOld && !newest.provenance().isStaleAt(asOf)) {
        return List.of();
      }
      return List.of(
          alert(
              this,
              at,
              "por",
              "the newest proof of reserves, dated "
                  + reportDate
                  + ", is stale ("
                  + java.time.temporal.ChronoUnit.DAYS.between(reportDate, today)
                  + " days old)",
              List.of(newest)));
    }
  }

  /**
   * Fires for each red flag in the latest scorecard of one of the given kinds (every kind when none
   * is given) that the run before did not have.
   *
   * @param id the rule's id
   * @param kinds the red-flag kinds to alert on; empty for all
   */
  record RedFlagRaised(String id, Set<RedFlagKind> kinds) implements AlertRule {
    /**
     * Validates the rule and copies its kinds; a null {@code kinds} means all kinds.
     *
     * @param id the rule's id
     * @param kinds the red-flag kinds to alert on; empty for all
     * @throws IllegalArgumentException when {@code id} is not 1 to 64 lower-case letters, digits,
     *     '.', '_' or '-'
     */
    public RedFlagRaised {
      id = requireId(id);
      kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    @Override
    public String type() {
      return "red-flag";
    }

    @Override
    public List<Alert> holdingAt(List<Snapshot> history) {
      Snapshot at = last(history);
      Scorecard scorecard = at.scorecard();
      Map<String, Evidence> byId = new HashMap<>();
      at.bundle().evidence().forEach(e -> byId.put(e.id(), e));
      List<Alert> alerts = new ArrayList<>();
      Set<RedFlagKind> seen = new HashSet<>();
      for (RedFlag flag : scorecard.redFlags()) {
        if ((!kinds.isEmpty() && !kinds.contains(flag.kind())) || !seen.add(flag.kind())) {
          continue;
        }
        alerts.add(
            alert(
                this,
                at,
                flag.kind().id(),
                "red flag "
                    + flag.kind().id()
                    + " (grade capped at "
                    + flag.cap()
                    + "): "
                    + flag.message(),
                flag.evidenceIds().stream().map(byId::get).filter(Objects::nonNull).toList()));
      }
      return alerts;
    }
  }
}
