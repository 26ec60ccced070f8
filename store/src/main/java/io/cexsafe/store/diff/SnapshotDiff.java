package io.cexsafe.store.diff;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Json;
import io.cexsafe.Pillar;
import io.cexsafe.scoring.Grade;
import io.cexsafe.scoring.PillarScore;
import io.cexsafe.scoring.RedFlag;
import io.cexsafe.scoring.RedFlagKind;
import io.cexsafe.scoring.RuleResult;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.Scorer;
import io.cexsafe.store.Snapshot;
import io.cexsafe.store.diff.FactChange.ChangeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What changed for one exchange between two snapshots (an evidence bundle and its scorecard): the
 * facts added, removed and changed, the score, grade and confidence before and after, the rules
 * that moved the score, and the red flags raised or cleared.
 *
 * <p>Facts are matched by {@link FactIdentity}: a licence whose status went from authorised to
 * revoked is one changed fact, not one removed and one added. A fact read again with the same value
 * (only its observation time is newer) is unchanged.
 *
 * @param exchangeId the exchange
 * @param fromRunId the run of the earlier snapshot, or null when not known
 * @param toRunId the run of the later snapshot, or null when not known
 * @param fromAsOf the earlier snapshot's evaluation instant
 * @param toAsOf the later snapshot's evaluation instant
 * @param estimateBefore the earlier overall estimate (out of 100), or null when there was none
 * @param estimateAfter the later overall estimate, or null
 * @param gradeBefore the earlier grade, or null when not rated
 * @param gradeAfter the later grade, or null when not rated
 * @param confidenceBefore the earlier confidence in [0, 1]
 * @param confidenceAfter the later confidence in [0, 1]
 * @param facts the facts that differ: added, then removed, then changed, each by type and identity
 * @param rules the rules whose points or status moved, largest effect on the overall estimate first
 * @param redFlagsRaised the red-flag kinds in the later scorecard only
 * @param redFlagsCleared the red-flag kinds in the earlier scorecard only
 */
public record SnapshotDiff(
    String exchangeId,
    String fromRunId,
    String toRunId,
    Instant fromAsOf,
    Instant toAsOf,
    Double estimateBefore,
    Double estimateAfter,
    Grade gradeBefore,
    Grade gradeAfter,
    double confidenceBefore,
    double confidenceAfter,
    List<FactChange> facts,
    List<RuleDelta> rules,
    List<RedFlagKind> redFlagsRaised,
    List<RedFlagKind> redFlagsCleared) {
  /**
   * Validates the difference and copies its lists; a null list means an empty one.
   *
   * @param exchangeId the exchange
   * @param fromRunId the run of the earlier snapshot, or null when not known
   * @param toRunId the run of the later snapshot, or null when not known
   * @param fromAsOf the earlier snapshot's evaluation instant
   * @param toAsOf the later snapshot's evaluation instant
   * @param estimateBefore the earlier overall estimate (out of 100), or null when there was none
   * @param estimateAfter the later overall estimate, or null
   * @param gradeBefore the earlier grade, or null when not rated
   * @param gradeAfter the later grade, or null when not rated
   * @param confidenceBefore the earlier confidence in [0, 1]
   * @param confidenceAfter the later confidence in [0, 1]
   * @param facts the facts that differ: added, then removed, then changed, each by type and
   *     identity
   * @param rules the rules whose points or status moved, largest effect on the overall estimate
   *     first
   * @param redFlagsRaised the red-flag kinds in the later scorecard only
   * @param redFlagsCleared the red-flag kinds in the earlier scorecard only
   */
  public SnapshotDiff {
    Objects.requireNonNull(exchangeId, "exchangeId");
    Objects.requireNonNull(fromAsOf, "fromAsOf");
    Objects.requireNonNull(toAsOf, "toAsOf");
    facts = facts == null ? List.of() : List.copyOf(facts);
    rules = rules == null ? List.of() : List.copyOf(rules);
    redFlagsRaised = redFlagsRaised == null ? List.of() : List.copyOf(redFlagsRaised);
    redFlagsCleared = redFlagsCleared == null ? List.of() : List.copyOf(redFlagsCleared);
  }

  /**
   * The difference from one snapshot of an exchange to a later one.
   *
   * @param fromRunId the earlier run's id, or null
   * @param fromBundle the earlier evidence
   * @param fromScorecard the earlier scorecard
   * @param toRunId the later run's id, or null
   * @param toBundle the later evidence
   * @param toScorecard the later scorecard
   * @return the difference
   * @throws IllegalArgumentException when the four are not about one exchange
   */
  public static SnapshotDiff between(
      String fromRunId,
      EvidenceBundle fromBundle,
      Scorecard fromScorecard,
      String toRunId,
      EvidenceBundle toBundle,
      Scorecard toScorecard) {
    Objects.requireNonNull(fromBundle, "fromBundle");
    Objects.requireNonNull(fromScorecard, "fromScorecard");
    Objects.requireNonNull(toBundle, "toBundle");
    Objects.requireNonNull(toScorecard, "toScorecard");
    String exchange = fromBundle.exchangeId();
    for (String other :
        List.of(fromScorecard.exchangeId(), toBundle.exchangeId(), toScorecard.exchangeId())) {
      if (!other.equals(exchange)) {
        throw new IllegalArgumentException(
            "a diff compares one exchange, not " + exchange + " and " + other);
      }
    }
    return new SnapshotDiff(
        exchange,
        fromRunId,
        toRunId,
        fromScorecard.asOf(),
        toScorecard.asOf(),
        fromScorecard.estimate(),
        toScorecard.estimate(),
        fromScorecard.grade(),
        toScorecard.grade(),
        fromScorecard.confidence(),
        toScorecard.confidence(),
        factChanges(fromBundle.evidence(), toBundle.evidence()),
        ruleDeltas(fromScorecard, toScorecard),
        redFlagKinds(toScorecard, fromScorecard),
        redFlagKinds(fromScorecard, toScorecard));
  }

  /**
   * The difference from one stored snapshot of an exchange to a later one.
   *
   * @param from the earlier snapshot
   * @param to the later snapshot
   * @return the difference
   * @throws IllegalArgumentException when the two are not about one exchange
   */
  public static SnapshotDiff between(Snapshot from, Snapshot to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return between(
        from.runId(), from.bundle(), from.scorecard(), to.runId(), to.bundle(), to.scorecard());
  }

  /**
   * {@return the change of the overall estimate in points out of 100 (after minus before), or null
   * when either side has none}
   */
  public Double estimateDelta() {
    return estimateBefore == null || estimateAfter == null ? null : estimateAfter - estimateBefore;
  }

  /**
   * {@return how many grade steps the grade fell (negative when it rose), or null when either side
   * is not rated}
   */
  public Integer gradeStepsDown() {
    return gradeBefore == null || gradeAfter == null
        ? null
        : gradeAfter.ordinal() - gradeBefore.ordinal();
  }

  /** {@return true when nothing differs: no fact, rule, grade, estimate or red flag} */
  public boolean isEmpty() {
    return facts.isEmpty()
        && rules.isEmpty()
        && redFlagsRaised.isEmpty()
        && redFlagsCleared.isEmpty()
        && gradeBefore == gradeAfter
        && Objects.equals(estimateBefore, estimateAfter);
  }

  /**
   * The facts of one kind of change.
   *
   * @param kind added, removed or changed
   * @return those changes, in the order of {@link #facts()}
   */
  public List<FactChange> facts(ChangeKind kind) {
    return facts.stream().filter(change -> change.kind() == kind).toList();
  }

  /**
   * {@return this difference as indented JSON with a trailing newline, in core's JSON conventions}
   */
  public String toJson() {
    return Json.writePretty(this);
  }

  private static List<FactChange> factChanges(List<Evidence> before, List<Evidence> after) {
    Map<String, List<Evidence>> earlier = byIdentity(before);
    Map<String, List<Evidence>> later = byIdentity(after);
    List<FactChange> added = new ArrayList<>();
    List<FactChange> removed = new ArrayList<>();
    List<FactChange> changed = new ArrayList<>();
    Set<String> identities = new LinkedHashSet<>(earlier.keySet());
    identities.addAll(later.keySet());
    for (String identity : identities) {
      List<Evidence> was = new ArrayList<>(earlier.getOrDefault(identity, List.of()));
      List<Evidence> now = new ArrayList<>(later.getOrDefault(identity, List.of()));
      // the same fact value on both sides is unchanged, whatever its observation time
      for (Iterator<Evidence> it = now.iterator(); it.hasNext(); ) {
        Evidence candidate = it.next();
        String value = Json.write(candidate.fact());
        for (Iterator<Evidence> old = was.iterator(); old.hasNext(); ) {
          if (Json.write(old.next().fact()).equals(value)) {
            old.remove();
            it.remove();
            break;
          }
        }
      }
      int paired = Math.min(was.size(), now.size());
      for (int i = 0; i < paired; i++) {
        Evidence e = now.get(i);
        changed.add(
            new FactChange(ChangeKind.CHANGED, identity, e.fact().typeName(), was.get(i), e));
      }
      for (Evidence e : now.subList(paired, now.size())) {
        added.add(new FactChange(ChangeKind.ADDED, identity, e.fact().typeName(), null, e));
      }
      for (Evidence e : was.subList(paired, was.size())) {
        removed.add(new FactChange(ChangeKind.REMOVED, identity, e.fact().typeName(), e, null));
      }
    }
    Comparator<FactChange> order =
        Comparator.comparing(FactChange::factType).thenComparing(FactChange::identity);
    List<FactChange> all = new ArrayList<>();
    added.sort(order);
    removed.sort(order);
    changed.sort(order);
    all.addAll(added);
    all.addAll(removed);
    all.addAll(changed);
    return all;
  }

  private static Map<String, List<Evidence>> byIdentity(List<Evidence> evidence) {
    Map<String, List<Evidence>> grouped = new TreeMap<>();
    for (Evidence e : evidence) {
      grouped.computeIfAbsent(FactIdentity.of(e), key -> new ArrayList<>()).add(e);
    }
    return grouped;
  }

  private static List<RuleDelta> ruleDeltas(Scorecard before, Scorecard after) {
    Map<String, RuleAt> earlier = rulesOf(before);
    Map<String, RuleAt> later = rulesOf(after);
    Set<String> ids = new LinkedHashSet<>(earlier.keySet());
    ids.addAll(later.keySet());
    List<RuleDelta> deltas = new ArrayList<>();
    for (String id : ids) {
      RuleAt was = earlier.get(id);
      RuleAt now = later.get(id);
      RuleResult wasRule = was == null ? null : was.rule();
      RuleResult nowRule = now == null ? null : now.rule();
      boolean moved =
          wasRule == null
              || nowRule == null
              || wasRule.points() != nowRule.points()
              || wasRule.status() != nowRule.status();
      if (!moved) {
        continue;
      }
      RuleAt named = now != null ? now : was;
      double impact = contribution(now) - contribution(was);
      deltas.add(
          new RuleDelta(
              named.pillar(),
              id,
              named.rule().title(),
              wasRule == null ? null : wasRule.status(),
              nowRule == null ? null : nowRule.status(),
              wasRule == null ? 0 : wasRule.points(),
              nowRule == null ? 0 : nowRule.points(),
              wasRule == null ? null : wasRule.value(),
              nowRule == null ? null : nowRule.value(),
              impact));
    }
    deltas.sort(
        Comparator.comparingDouble((RuleDelta d) -> -Math.abs(d.overallImpact()))
            .thenComparing(RuleDelta::ruleId));
    return deltas;
  }

  /** A rule's share of the overall estimate: its points (an unknown rule at the prior) × weight. */
  private static double contribution(RuleAt at) {
    if (at == null) {
      return 0;
    }
    RuleResult rule = at.rule();
    double points = rule.covered() ? rule.points() : rule.maxPoints() * Scorer.UNKNOWN_PRIOR;
    return points * at.weight() / 100;
  }

  private static Map<String, RuleAt> rulesOf(Scorecard scorecard) {
    Map<String, RuleAt> rules = new LinkedHashMap<>();
    for (PillarScore pillar : scorecard.pillars()) {
      for (RuleResult rule : pillar.rules()) {
        rules.put(rule.ruleId(), new RuleAt(pillar.pillar(), pillar.weight(), rule));
      }
    }
    return rules;
  }

  private static List<RedFlagKind> redFlagKinds(Scorecard in, Scorecard notIn) {
    Set<RedFlagKind> absent = new LinkedHashSet<>();
    notIn.redFlags().forEach(flag -> absent.add(flag.kind()));
    return in.redFlags().stream()
        .map(RedFlag::kind)
        .filter(kind -> !absent.contains(kind))
        .distinct()
        .sorted()
        .toList();
  }

  private record RuleAt(Pillar pillar, double weight, RuleResult rule) {}
}
