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
  /**
   * What an unknown rule counts for in the estimate, as a share of its maximum: 0.25, well below
   * the midpoint. An exchange that has not shown something deserves less than one that showed an
   * average result; the prior is what a user can assume of an exchange that tells nothing, and it
   * removes the incentive to stay silent. It is not 0, because unknown is not checked absent: a
   * rule nobody could evaluate says nothing bad either.
   */
  public static final double UNKNOWN_PRIOR = 0.25;

  /**
   * Below this confidence (share of the weight backed by evidence) there is no letter grade: the
   * scorecard is not rated ({@code NR}). At 0.5, at least half of what the methodology asks about
   * must be known or checked absent; with less, the prior (not the exchange) decides most of the
   * estimate.
   */
  public static final double NOT_RATED_BELOW = 0.5;

  /** A rated scorecard whose confidence is below this is marked provisional. */
  public static final double PROVISIONAL_BELOW = 0.7;

  private static final Engine.Thresholds THRESHOLDS =
      new Engine.Thresholds(UNKNOWN_PRIOR, NOT_RATED_BELOW, PROVISIONAL_BELOW);

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

  /**
   * A scorer under a methodology, with the default incident sources.
   *
   * @param methodology the weights and extension rules
   * @return the scorer
   */
  public static Scorer of(Methodology methodology) {
    return new Scorer(methodology, DEFAULT_INCIDENT_SOURCES);
  }

  /** {@return a scorer under the default methodology} */
  public static Scorer standard() {
    return of(Methodology.defaultMethodology());
  }

  /**
   * Starts a scorer under a methodology.
   *
   * @param methodology the weights and extension rules
   * @return the builder
   */
  public static Builder builder(Methodology methodology) {
    return new Builder(methodology);
  }

  /**
   * Scores a bundle. Scoring does no I/O and gives the same scorecard for the same bundle.
   *
   * @param bundle an exchange's evidence
   * @return its scorecard
   */
  public Scorecard score(EvidenceBundle bundle) {
    Objects.requireNonNull(bundle, "bundle");
    return Engine.score(methodology, bundle, incidentSources, THRESHOLDS);
  }

  /** {@return the methodology the scorer scores under} */
  public Methodology methodology() {
    return methodology;
  }

  /** {@return the collector ids whose ok or partial outcome counts as an incident-source check} */
  public Set<String> incidentSources() {
    return new TreeSet<>(incidentSources);
  }

  /**
   * A scorer with the same settings under another methodology.
   *
   * @param other the methodology
   * @return the new scorer
   */
  public Scorer with(Methodology other) {
    return new Scorer(other, incidentSources);
  }

  /** {@return every rule with its documentation, in pillar then rule order} */
  public static List<RuleInfo> rules() {
    return RuleBook.all().stream()
        .map(
            r ->
                new RuleInfo(
                    r.id(), r.pillar(), r.title(), r.maxPoints(), r.rubric(), r.rationale()))
        .toList();
  }

  /** {@return the version of the rule book} */
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
     * Sets the collectors that check incident sources (those feeding the track-record pillar):
     * their ok or partial outcome makes the track record known even when no incident was found.
     *
     * @param collectorIds the collectors' ids
     * @return this builder
     */
    public Builder incidentSources(Collection<String> collectorIds) {
      this.incidentSources = Set.copyOf(collectorIds);
      return this;
    }

    /** {@return the scorer} */
    public Scorer build() {
      return new Scorer(methodology, incidentSources);
    }
  }
}
