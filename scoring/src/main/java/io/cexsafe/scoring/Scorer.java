package io.cexsafe.scoring;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.scoring.internal.Engine;
import io.cexsafe.scoring.internal.RuleBook;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores evidence bundles under one methodology. The evaluation instant is the bundle's {@code
 * asOf}: the scorer reads no clock and does no I/O, so the same bundle and methodology always give
 * the same scorecard. Instances are immutable and thread-safe.
 */
public final class Scorer {
  /** A scorecard whose confidence is below this is marked provisional. */
  public static final double PROVISIONAL_BELOW = 0.6;

  /**
   * Collectors whose ok or partial outcome alone counts as a check of incident sources: none by
   * default, because a search is recorded as evidence ({@code IncidentRecordCheck}); configure ids
   * only for incident collectors that do not record their searches.
   */
  public static final Set<String> DEFAULT_INCIDENT_SOURCES = Set.of();

  private final Methodology methodology;
  private final Set<String> incidentSources;

  private Scorer(Methodology methodology, Set<String> incidentSources) {
    this.methodology = Objects.requireNonNull(methodology, "methodology");
    this.incidentSources = Set.copyOf(incidentSources);
  }

  public static Scorer of(Methodology methodology) {
    return new Scorer(methodology, DEFAULT_INCIDENT_SOURCES);
  }

  /** The default methodology. */
  public static Scorer standard() {
    return of(Methodology.defaultMethodology());
  }

  public static Builder builder(Methodology methodology) {
    return new Builder(methodology);
  }

  public Scorecard score(EvidenceBundle bundle) {
    Objects.requireNonNull(bundle, "bundle");
    return Engine.score(methodology, bundle, incidentSources, PROVISIONAL_BELOW);
  }

  public Methodology methodology() {
    return methodology;
  }

  /** The collector ids whose ok or partial outcome counts as an incident-source check. */
  public Set<String> incidentSources() {
    return new TreeSet<>(incidentSources);
  }

  /** A scorer with the same settings under another methodology. */
  public Scorer with(Methodology other) {
    return new Scorer(other, incidentSources);
  }

  /** Every rule with its documentation, in pillar then rule order. */
  public static List<RuleInfo> rules() {
    return RuleBook.all().stream()
        .map(
            r ->
                new RuleInfo(
                    r.id(), r.pillar(), r.title(), r.maxPoints(), r.rubric(), r.rationale()))
        .toList();
  }

  /** The version of the rule book. */
  public static String rulesVersion() {
    return RuleBook.VERSION;
  }

  /** Builder for {@link Scorer}. */
  public static final class Builder {
    private final Methodology methodology;
    private Set<String> incidentSources = DEFAULT_INCIDENT_SOURCES;

    private Builder(Methodology methodology) {
      this.methodology = Objects.requireNonNull(methodology, "methodology");
    }

    /**
     * The collectors that check incident sources (those feeding the track-record pillar): their ok
     * or partial outcome makes the track record known even when no incident was found.
     */
    public Builder incidentSources(Collection<String> collectorIds) {
      this.incidentSources = Set.copyOf(collectorIds);
      return this;
    }

    public Scorer build() {
      return new Scorer(methodology, incidentSources);
    }
  }
}
