package io.cexsafe.scoring.internal;

import io.cexsafe.Evidence;
import io.cexsafe.Pillar;
import io.cexsafe.scoring.Finding;
import io.cexsafe.scoring.FindingKind;
import io.cexsafe.scoring.RedFlag;
import io.cexsafe.scoring.RedFlagKind;
import io.cexsafe.scoring.RuleStatus;
import io.cexsafe.scoring.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a rule decided: its status, points, the line explaining them, the evidence used, and what
 * the rule noticed on the way (findings and red flags). The engine appends the points ("12/20") to
 * the explanation, so a rule's maximum is written only once, in its declaration.
 *
 * @param status known, checked absent or unknown
 * @param points points awarded before the claim factor (clamped to the rule's maximum)
 * @param value the observed value in a few words, or null
 * @param explanation one line saying why, without the points
 * @param used the evidence the rule relied on
 * @param findings what the rule noticed that a reader should know
 * @param redFlags red flags the rule raised (they cap the grade)
 * @param parts how the points split over the evidence, for rules whose parts rest on different
 *     facts (so each part is credited by its own evidence class); empty when the points rest on all
 *     of {@code used} together
 */
public record Outcome(
    RuleStatus status,
    double points,
    String value,
    String explanation,
    List<Evidence> used,
    List<Finding> findings,
    List<RedFlag> redFlags,
    List<Part> parts) {
  public Outcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(explanation, "explanation");
    used = List.copyOf(used);
    findings = List.copyOf(findings);
    redFlags = List.copyOf(redFlags);
    parts = List.copyOf(parts);
  }

  public Outcome(
      RuleStatus status,
      double points,
      String value,
      String explanation,
      List<Evidence> used,
      List<Finding> findings,
      List<RedFlag> redFlags) {
    this(status, points, value, explanation, used, findings, redFlags, List.of());
  }

  /** Points resting on one piece of evidence. */
  public record Part(double points, Evidence evidence) {}

  /**
   * Known, with points that add up over parts resting on different facts: each part is credited by
   * its own evidence class, so a verified part never lends its credibility to a claimed one.
   */
  public static Outcome knownParts(
      String value, String explanation, List<? extends Item<?>> items, List<Double> points) {
    if (items.size() != points.size()) {
      throw new IllegalArgumentException("one points value per item");
    }
    List<Part> parts = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < items.size(); i++) {
      parts.add(new Part(points.get(i), items.get(i).evidence()));
      total += points.get(i);
    }
    return new Outcome(
        RuleStatus.KNOWN, total, value, explanation, evidence(items), List.of(), List.of(), parts);
  }

  public boolean known() {
    return status == RuleStatus.KNOWN;
  }

  public static Outcome unknown(String explanation) {
    return new Outcome(RuleStatus.UNKNOWN, 0, null, explanation, List.of(), List.of(), List.of());
  }

  public static Outcome known(
      double points, String value, String explanation, Collection<? extends Item<?>> items) {
    return new Outcome(
        RuleStatus.KNOWN, points, value, explanation, evidence(items), List.of(), List.of());
  }

  public static Outcome known(double points, String value, String explanation, Item<?> item) {
    return known(points, value, explanation, List.of(item));
  }

  /** A search found nothing: the rule scores {@code points} (its worst value for the absence). */
  public static Outcome checkedAbsent(
      double points, String value, String explanation, Collection<? extends Item<?>> searches) {
    return new Outcome(
        RuleStatus.CHECKED_ABSENT,
        points,
        value,
        explanation,
        evidence(searches),
        List.of(),
        List.of());
  }

  /** This outcome with a finding about {@code item}. */
  public Outcome withFinding(Severity severity, FindingKind kind, Item<?> item, String message) {
    return withFinding(ScoringContext.findingAbout(severity, kind, item, message));
  }

  /** This outcome with {@code more} findings (e.g. the conflicts choosing its facts raised). */
  public Outcome withFindings(Collection<Finding> more) {
    Outcome outcome = this;
    for (Finding finding : more) {
      outcome = outcome.withFinding(finding);
    }
    return outcome;
  }

  public Outcome withFinding(Finding finding) {
    List<Finding> more = new ArrayList<>(findings);
    if (!more.contains(finding)) {
      more.add(finding);
    }
    return new Outcome(status, points, value, explanation, used, more, redFlags, parts);
  }

  /** This outcome with a red flag resting on {@code items}. */
  public Outcome withRedFlag(
      RedFlagKind kind, Pillar pillar, String message, Collection<? extends Item<?>> items) {
    List<RedFlag> more = new ArrayList<>(redFlags);
    more.add(RedFlag.of(kind, pillar, message, items.stream().map(Item::id).toList()));
    return new Outcome(status, points, value, explanation, used, findings, more, parts);
  }

  private static List<Evidence> evidence(Collection<? extends Item<?>> items) {
    List<Evidence> used = new ArrayList<>(items.size());
    Set<String> seen = new HashSet<>();
    for (Item<?> item : items) {
      if (seen.add(item.id())) {
        used.add(item.evidence());
      }
    }
    return used;
  }
}
