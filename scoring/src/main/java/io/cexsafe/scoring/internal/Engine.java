package io.cexsafe.scoring.internal;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Pillar;
import io.cexsafe.scoring.Finding;
import io.cexsafe.scoring.FindingKind;
import io.cexsafe.scoring.Grade;
import io.cexsafe.scoring.Methodology;
import io.cexsafe.scoring.PillarScore;
import io.cexsafe.scoring.RuleResult;
import io.cexsafe.scoring.RuleStatus;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Turns a bundle into a scorecard: runs the rules, aggregates pillars and the overall score. */
public final class Engine {
  private Engine() {}

  public static Scorecard score(
      Methodology methodology,
      EvidenceBundle bundle,
      Set<String> incidentSources,
      double provisionalBelow) {
    ScoringContext ctx = new ScoringContext(bundle, incidentSources);
    List<PillarScore> pillars = new ArrayList<>();
    Set<String> staleIds = new TreeSet<>();
    double weightedEstimate = 0;
    double coveredWeight = 0;
    double low = 0;
    double high = 0;
    double confidence = 0;
    for (Pillar pillar : Pillar.values()) {
      double weight = methodology.weight(pillar);
      List<RuleResult> results = new ArrayList<>();
      double earned = 0;
      double knownMax = 0;
      double unknownMax = 0;
      double effectiveKnown = 0;
      for (Rule rule : RuleBook.rules(pillar)) {
        Outcome outcome = rule.evaluate(ctx);
        double points =
            outcome.known()
                ? Curves.round2(Curves.clamp(outcome.points(), 0, rule.maxPoints()))
                : 0;
        List<String> ids = outcome.used().stream().map(Evidence::id).distinct().sorted().toList();
        List<String> stale =
            outcome.used().stream()
                .filter(e -> e.provenance().isStaleAt(ctx.asOf()))
                .map(Evidence::id)
                .distinct()
                .sorted()
                .toList();
        boolean onlyStale = !ids.isEmpty() && stale.size() == ids.size();
        if (!stale.isEmpty()) {
          staleIds.addAll(stale);
          ctx.finding(
              Severity.LOW,
              FindingKind.STALE,
              pillar,
              rule.title()
                  + ": "
                  + stale.size()
                  + " of "
                  + ids.size()
                  + " pieces of evidence used are past their stale-after date",
              stale);
        }
        results.add(
            new RuleResult(
                rule.id(),
                rule.title(),
                rule.maxPoints(),
                points,
                outcome.known() ? RuleStatus.KNOWN : RuleStatus.UNKNOWN,
                outcome.known() ? outcome.value() : null,
                outcome.explanation(),
                ids,
                !stale.isEmpty()));
        if (outcome.known()) {
          earned += points;
          knownMax += rule.maxPoints();
          effectiveKnown += onlyStale ? rule.maxPoints() / 2 : rule.maxPoints();
        } else {
          unknownMax += rule.maxPoints();
        }
      }
      double coverage = knownMax / 100;
      Double estimate = knownMax > 0 ? Curves.round2(earned / knownMax * 100) : null;
      double pillarLow = Curves.round2(earned);
      double pillarHigh = Curves.round2(Math.min(100, earned + unknownMax));
      pillars.add(
          new PillarScore(
              pillar, weight, estimate, pillarLow, pillarHigh, Curves.round2(coverage), results));
      if (estimate != null && weight > 0) {
        weightedEstimate += weight * estimate;
        coveredWeight += weight;
      }
      low += weight * pillarLow / 100;
      high += weight * pillarHigh / 100;
      confidence += weight * (effectiveKnown / 100) / 100;
    }
    Double overall = coveredWeight > 0 ? Curves.round2(weightedEstimate / coveredWeight) : null;
    double overallLow = Curves.round2(low);
    double overallHigh = Curves.round2(Math.min(100, high));
    if (overall != null) {
      // rounding of the parts may nudge the estimate a hundredth outside the rounded range
      overall = Curves.clamp(overall, overallLow, overallHigh);
    }
    double roundedConfidence = Curves.round2(Curves.clamp(confidence, 0, 1));
    List<Finding> findings = new ArrayList<>(ctx.findings());
    findings.sort(
        Comparator.comparing(Finding::severity)
            .thenComparing(f -> f.pillar() == null ? Integer.MAX_VALUE : f.pillar().ordinal())
            .thenComparing(Finding::kind)
            .thenComparing(Finding::message)
            .thenComparing(f -> String.join(",", f.evidenceIds())));
    return new Scorecard(
        bundle.exchangeId(),
        methodology.id(),
        methodology.version(),
        RuleBook.VERSION,
        bundle.asOf(),
        overall,
        overallLow,
        overallHigh,
        roundedConfidence,
        overall == null ? null : Grade.of(overall),
        roundedConfidence < provisionalBelow,
        pillars,
        findings,
        List.copyOf(staleIds));
  }
}
