package io.cexsafe.scoring.internal;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Pillar;
import io.cexsafe.facts.IdentityResolution;
import io.cexsafe.facts.SearchRecord;
import io.cexsafe.scoring.Finding;
import io.cexsafe.scoring.FindingKind;
import io.cexsafe.scoring.Grade;
import io.cexsafe.scoring.Methodology;
import io.cexsafe.scoring.PillarScore;
import io.cexsafe.scoring.RedFlag;
import io.cexsafe.scoring.RuleResult;
import io.cexsafe.scoring.RuleStatus;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.Severity;
import io.cexsafe.scoring.UnscoredFact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.DoubleStream;

/**
 * Turns a bundle into a scorecard: runs the rules, aggregates pillars over all of them (unknown
 * rules at the prior, never renormalised away), rates only what the evidence supports, and caps the
 * grade by red flags.
 */
public final class Engine {
  private Engine() {}

  /** The thresholds of methodology 2.0; see {@link io.cexsafe.scoring.Scorer}. */
  public record Thresholds(double unknownPrior, double notRatedBelow, double provisionalBelow) {
    public Thresholds {
      if (!(unknownPrior >= 0 && unknownPrior <= 1)) {
        throw new IllegalArgumentException("unknownPrior must be within [0, 1]");
      }
      if (!(notRatedBelow >= 0 && notRatedBelow <= provisionalBelow && provisionalBelow <= 1)) {
        throw new IllegalArgumentException("need 0 <= notRatedBelow <= provisionalBelow <= 1");
      }
    }
  }

  public static Scorecard score(
      Methodology methodology,
      EvidenceBundle bundle,
      Set<String> incidentSources,
      Thresholds thresholds) {
    ScoringContext ctx = new ScoringContext(bundle, incidentSources);
    List<PillarScore> pillars = new ArrayList<>();
    Set<String> staleIds = new TreeSet<>();
    List<Finding> ruleFindings = new ArrayList<>();
    Set<RedFlag> redFlags = new LinkedHashSet<>();
    double overall = 0;
    double low = 0;
    double high = 0;
    double confidence = 0;
    for (Pillar pillar : Pillar.values()) {
      double weight = methodology.weight(pillar);
      List<RuleResult> results = new ArrayList<>();
      double earned = 0;
      double coveredMax = 0;
      double unknownMax = 0;
      double effectiveCovered = 0;
      for (Rule rule : ExtensionRules.of(methodology, pillar)) {
        Outcome outcome = absentIfSearched(ctx, rule, rule.evaluate(ctx));
        ruleFindings.addAll(outcome.findings());
        redFlags.addAll(outcome.redFlags());
        double credited = credited(rule, outcome);
        double factor = outcome.points() > 0 ? credited / outcome.points() : 1;
        double points =
            outcome.status().covered()
                ? Curves.round2(Curves.clamp(credited, 0, rule.maxPoints()))
                : 0;
        Set<String> usedIds = new TreeSet<>();
        Set<String> staleUsedIds = new TreeSet<>();
        for (Evidence e : outcome.used()) {
          usedIds.add(e.id());
          if (e.provenance().isStaleAt(ctx.asOf())) {
            staleUsedIds.add(e.id());
          }
        }
        List<String> ids = List.copyOf(usedIds);
        List<String> stale = List.copyOf(staleUsedIds);
        boolean onlyStale = !ids.isEmpty() && stale.size() == ids.size();
        if (!stale.isEmpty()) {
          staleIds.addAll(stale);
          ruleFindings.add(
              new Finding(
                  Severity.LOW,
                  FindingKind.STALE,
                  pillar,
                  rule.title()
                      + ": "
                      + stale.size()
                      + " of "
                      + ids.size()
                      + " pieces of evidence used are past their stale-after date",
                  stale));
        }
        results.add(
            new RuleResult(
                rule.id(),
                rule.title(),
                rule.maxPoints(),
                points,
                outcome.status(),
                outcome.status().covered() ? outcome.value() : null,
                explain(rule, outcome, points, factor),
                ids,
                !stale.isEmpty()));
        if (outcome.status().covered()) {
          earned += points;
          coveredMax += rule.maxPoints();
          effectiveCovered += onlyStale ? rule.maxPoints() / 2 : rule.maxPoints();
        } else {
          unknownMax += rule.maxPoints();
        }
      }
      double scale = ExtensionRules.scale(methodology, pillar);
      if (scale != 1) {
        earned *= scale;
        coveredMax *= scale;
        unknownMax *= scale;
        effectiveCovered *= scale;
      }
      double pillarLow = Curves.round2(earned);
      double pillarHigh = Curves.round2(Math.min(100, earned + unknownMax));
      double estimate =
          Curves.clamp(
              Curves.round2(earned + thresholds.unknownPrior() * unknownMax),
              pillarLow,
              pillarHigh);
      pillars.add(
          new PillarScore(
              pillar,
              weight,
              estimate,
              pillarLow,
              pillarHigh,
              Curves.round2(coveredMax / 100),
              results));
      overall += weight * estimate / 100;
      low += weight * pillarLow / 100;
      high += weight * pillarHigh / 100;
      confidence += weight * (effectiveCovered / 100) / 100;
    }
    redFlags.addAll(RedFlagChecks.raise(ctx));
    double overallLow = Curves.round2(low);
    double overallHigh = Curves.round2(Math.min(100, high));
    // rounding of the parts may nudge the estimate a hundredth outside the rounded range
    double estimate = Curves.clamp(Curves.round2(overall), overallLow, overallHigh);
    double roundedConfidence = Curves.round2(Curves.clamp(confidence, 0, 1));
    List<RedFlag> flags = new ArrayList<>(redFlags);
    flags.sort(RED_FLAG_ORDER);
    boolean rated = roundedConfidence >= thresholds.notRatedBelow();
    Grade uncapped = rated ? Grade.of(estimate) : null;
    Grade grade = uncapped;
    for (RedFlag flag : flags) {
      grade = grade == null ? null : grade.atMost(flag.cap());
      ruleFindings.add(
          new Finding(
              Severity.HIGH,
              FindingKind.RED_FLAG,
              flag.pillar(),
              "red flag (grade at most " + flag.cap() + "): " + flag.message(),
              flag.evidenceIds()));
    }
    String notRatedReason =
        rated
            ? null
            : "evidence covers " + Scorecard.coverageText(roundedConfidence) + " of the weight";
    for (Evidence resolution : bundle.evidenceOf(IdentityResolution.class)) {
      // every score below rests on a name match nobody reviewed: say so first
      ruleFindings.add(
          new Finding(
              Severity.HIGH,
              FindingKind.WARNING,
              null,
              resolution.fact().summary(),
              List.of(resolution.id())));
    }
    List<Finding> findings = new ArrayList<>(ctx.findings());
    for (Finding finding : ruleFindings) {
      if (!findings.contains(finding)) {
        findings.add(finding);
      }
    }
    findings.sort(FINDING_ORDER);
    return new Scorecard(
        bundle.exchangeId(),
        methodology.id(),
        methodology.version(),
        RuleBook.VERSION,
        bundle.asOf(),
        estimate,
        overallLow,
        overallHigh,
        roundedConfidence,
        grade,
        uncapped,
        notRatedReason,
        rated && roundedConfidence < thresholds.provisionalBelow(),
        flags,
        pillars,
        findings,
        List.copyOf(staleIds),
        unscored(ctx.unread()));
  }

  // The two orders are written out rather than as Comparator.comparing chains, and named classes
  // and loops stand for method references and stream lambdas: scoring runs cold, interpreted, in a
  // CLI start, where each lambda costs a linkage (about 0.2 ms, interpreted).

  private static final Comparator<RedFlag> RED_FLAG_ORDER = new RedFlagOrder();
  private static final Comparator<Finding> FINDING_ORDER = new FindingOrder();

  private static final class RedFlagOrder implements Comparator<RedFlag> {
    @Override
    public int compare(RedFlag a, RedFlag b) {
      return redFlagOrder(a, b);
    }
  }

  private static final class FindingOrder implements Comparator<Finding> {
    @Override
    public int compare(Finding a, Finding b) {
      return findingOrder(a, b);
    }
  }

  private static List<UnscoredFact> unscored(List<Evidence> unread) {
    List<UnscoredFact> facts = new ArrayList<>(unread.size());
    for (Evidence evidence : unread) {
      facts.add(UnscoredFact.of(evidence));
    }
    return Collections.unmodifiableList(facts);
  }

  /** Lowest cap first, then kind, message and evidence ids. */
  private static int redFlagOrder(RedFlag a, RedFlag b) {
    int order = b.cap().compareTo(a.cap());
    if (order == 0) {
      order = a.kind().compareTo(b.kind());
    }
    return order != 0
        ? order
        : byMessageThenEvidence(a.message(), a.evidenceIds(), b.message(), b.evidenceIds());
  }

  /** By severity, then pillar (none last), kind, message and evidence ids. */
  private static int findingOrder(Finding a, Finding b) {
    int order = a.severity().compareTo(b.severity());
    if (order == 0) {
      order = Integer.compare(pillarRank(a), pillarRank(b));
    }
    if (order == 0) {
      order = a.kind().compareTo(b.kind());
    }
    return order != 0
        ? order
        : byMessageThenEvidence(a.message(), a.evidenceIds(), b.message(), b.evidenceIds());
  }

  /** The tie-break both orders end with: message, then the evidence ids joined. */
  private static int byMessageThenEvidence(
      String messageA, List<String> idsA, String messageB, List<String> idsB) {
    int order = messageA.compareTo(messageB);
    return order != 0 ? order : String.join(",", idsA).compareTo(String.join(",", idsB));
  }

  private static int pillarRank(Finding finding) {
    return finding.pillar() == null ? Integer.MAX_VALUE : finding.pillar().ordinal();
  }

  /** An unknown rule whose fact was searched for and not found is checked absent. */
  private static Outcome absentIfSearched(ScoringContext ctx, Rule rule, Outcome outcome) {
    if (outcome.status() != RuleStatus.UNKNOWN || rule.absentWhenSearched() == null) {
      return outcome;
    }
    int searches = 0;
    List<Item<SearchRecord>> empty = new ArrayList<>();
    for (Item<SearchRecord> search : ctx.all(SearchRecord.class)) {
      if (search.fact().topic() == rule.absentWhenSearched()) {
        searches++;
        if (search.fact().checkedAbsent()) {
          empty.add(search);
        }
      }
    }
    if (empty.isEmpty() || empty.size() < searches) {
      // a search that found something, whose fact is not in the bundle, proves no absence
      return outcome;
    }
    Set<String> summaries = new LinkedHashSet<>();
    for (Item<SearchRecord> search : empty) {
      summaries.add(search.fact().summary());
    }
    String where = String.join("; ", summaries);
    Outcome absent = Outcome.checkedAbsent(rule.absentPoints(), "checked absent", where, empty);
    return new Outcome(
        absent.status(),
        absent.points(),
        absent.value(),
        absent.explanation(),
        absent.used(),
        outcome.findings(),
        outcome.redFlags());
  }

  /**
   * The rule's points after the claim factors: per part when the rule split its points over facts,
   * otherwise at the factor of the least trusted evidence used.
   */
  private static double credited(Rule rule, Outcome outcome) {
    if (!rule.claimsDiscounted() || !outcome.known()) {
      return outcome.points();
    }
    if (!outcome.parts().isEmpty()) {
      // summed as a stream sums (compensated), so every total stays the same
      double[] credited = new double[outcome.parts().size()];
      for (int i = 0; i < credited.length; i++) {
        Outcome.Part p = outcome.parts().get(i);
        credited[i] = p.points() * ClaimFactors.of(p.evidence().evidenceClass());
      }
      return DoubleStream.of(credited).sum();
    }
    return outcome.points() * ClaimFactors.weakest(outcome.used());
  }

  private static String explain(Rule rule, Outcome outcome, double points, double factor) {
    if (!outcome.status().covered()) {
      return outcome.explanation();
    }
    String line = outcome.explanation() + ": " + Fmt.pts(points, rule.maxPoints());
    if (factor < 1 - 1e-9) {
      line +=
          outcome.parts().isEmpty()
              ? " ("
                  + Fmt.num(Curves.round2(outcome.points()))
                  + " as "
                  + Fmt.lower(weakest(outcome))
                  + ", x"
                  + Fmt.num(Curves.round2(factor))
                  + " for a claim)"
              : " ("
                  + Fmt.num(Curves.round2(outcome.points()))
                  + " before claim factors by evidence class)";
    }
    return line;
  }

  private static Enum<?> weakest(Outcome outcome) {
    EvidenceClass weakest = null;
    for (Evidence evidence : outcome.used()) {
      EvidenceClass candidate = evidence.evidenceClass();
      // the first of the lowest factors, as Stream.min keeps it
      if (weakest == null
          || Double.compare(ClaimFactors.of(candidate), ClaimFactors.of(weakest)) < 0) {
        weakest = candidate;
      }
    }
    if (weakest == null) {
      throw new NoSuchElementException("No value present");
    }
    return weakest;
  }
}
