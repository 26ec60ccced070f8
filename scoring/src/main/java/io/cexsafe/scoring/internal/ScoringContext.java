package io.cexsafe.scoring.internal;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Pillar;
import io.cexsafe.facts.ExtensionFact;
import io.cexsafe.facts.Fact;
import io.cexsafe.scoring.Finding;
import io.cexsafe.scoring.FindingKind;
import io.cexsafe.scoring.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Everything the rules read: the bundle's evidence in a canonical order (so that the order of the
 * input never matters), the evaluation instant and conflict-resolved facts. Read-only once built:
 * what canonicalising the input noticed (evidence after the evaluation instant, conflicts between
 * sources) is a value, {@link #findings()}; rules return their own findings in their {@link
 * Outcome}.
 */
public final class ScoringContext {
  /** Trust order for conflicts: higher evidence class first, then newer, then evidence id. */
  public static final Comparator<Item<?>> WINNER_FIRST = new WinnerFirst();

  // Written out rather than as a Comparator.comparing chain, and as named classes and loops rather
  // than method references and stream lambdas: scoring runs cold, interpreted, in a CLI start,
  // where
  // each lambda costs a linkage (about 0.2 ms) and every comparison three indirections.

  private static final class WinnerFirst implements Comparator<Item<?>> {
    @Override
    public int compare(Item<?> a, Item<?> b) {
      return winnerFirst(a, b);
    }
  }

  private static final class ById implements Comparator<Evidence> {
    @Override
    public int compare(Evidence a, Evidence b) {
      return byId(a, b);
    }
  }

  private static int winnerFirst(Item<?> a, Item<?> b) {
    int byTrust =
        Integer.compare(b.evidence().evidenceClass().trust(), a.evidence().evidenceClass().trust());
    if (byTrust != 0) {
      return byTrust;
    }
    int byObserved =
        b.evidence().provenance().observedAt().compareTo(a.evidence().provenance().observedAt());
    return byObserved != 0 ? byObserved : a.id().compareTo(b.id());
  }

  private static int byId(Evidence a, Evidence b) {
    return a.id().compareTo(b.id());
  }

  private final EvidenceBundle bundle;
  private final Instant asOf;
  private final LocalDate asOfDate;
  private final List<Evidence> evidence;
  private final boolean incidentSourceChecked;
  private final List<Finding> findings;
  private final Map<Class<?>, List<? extends Item<?>>> resolved;
  private final Map<Class<?>, List<Item<?>>> byType = new HashMap<>();
  private final Set<Class<?>> typesRead = new HashSet<>();
  private final Set<String> extensionKindsRead = new HashSet<>();
  // conflict resolution reads every type it knows; only what rules and checks read counts as scored
  private boolean recordingReads;

  public ScoringContext(EvidenceBundle bundle, Set<String> incidentSources) {
    this.bundle = bundle;
    this.asOf = bundle.asOf();
    this.asOfDate = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
    // evidence observed after the evaluation instant was not knowable then: it never reaches a
    // scorecard, whatever a collector returned
    List<Evidence> sorted = new ArrayList<>(bundle.evidence());
    sorted.sort(new ById());
    List<Evidence> knowable = new ArrayList<>(sorted.size());
    List<String> later = new ArrayList<>();
    for (Evidence e : sorted) {
      if (e.provenance().observedAt().isAfter(asOf)) {
        later.add(e.id());
      } else {
        knowable.add(e);
      }
    }
    this.evidence = Collections.unmodifiableList(knowable);
    List<Finding> noticed = new ArrayList<>();
    if (!later.isEmpty()) {
      noticed.add(
          new Finding(
              Severity.INFO,
              FindingKind.STALE,
              null,
              later.size()
                  + " piece(s) of evidence observed after the evaluation instant were left out",
              List.of()));
    }
    for (Evidence e : evidence) {
      List<Item<?>> items = byType.get(e.fact().getClass());
      if (items == null) {
        items = new ArrayList<>();
        byType.put(e.fact().getClass(), items);
      }
      items.add(itemOf(e));
    }
    for (Map.Entry<Class<?>, List<Item<?>>> entry : byType.entrySet()) {
      entry.setValue(List.copyOf(entry.getValue()));
    }
    this.incidentSourceChecked = incidentSourceChecked(bundle, incidentSources);
    Resolutions.Resolved resolution = Resolutions.resolveAll(this);
    this.resolved = Map.copyOf(resolution.winners());
    for (Finding finding : resolution.findings()) {
      if (!noticed.contains(finding)) {
        noticed.add(finding);
      }
    }
    this.findings = List.copyOf(noticed);
    recordingReads = true;
  }

  private static boolean incidentSourceChecked(EvidenceBundle bundle, Set<String> incidentSources) {
    for (CollectorOutcome o : bundle.outcomes()) {
      if (incidentSources.contains(o.collectorId())
          && (o.status() == io.cexsafe.OutcomeStatus.OK
              || o.status() == io.cexsafe.OutcomeStatus.PARTIAL)) {
        return true;
      }
    }
    return false;
  }

  public EvidenceBundle bundle() {
    return bundle;
  }

  public Instant asOf() {
    return asOf;
  }

  /** True when a collector that checks incident sources reported ok or partial. */
  public boolean incidentSourceChecked() {
    return incidentSourceChecked;
  }

  /** Every fact of a type, in evidence-id order, before conflict resolution. */
  @SuppressWarnings("unchecked")
  public <T extends Fact> List<Item<T>> all(Class<T> type) {
    recordRead(type);
    return (List<Item<T>>) (List<?>) byType.getOrDefault(type, List.of());
  }

  /** The facts of a type after conflict resolution (one winner per subject). */
  @SuppressWarnings("unchecked")
  public <T extends Fact> List<Item<T>> current(Class<T> type) {
    recordRead(type);
    // null while the resolutions themselves are computed, from the raw facts
    List<? extends Item<?>> items = resolved == null ? null : resolved.get(type);
    return items == null ? all(type) : (List<Item<T>>) items;
  }

  /**
   * The winners per subject among the facts of a type that state a property: a winner that is
   * silent on the property does not hide a less trusted fact that states it. Keeps rules monotone
   * (more evidence never makes a known rule unknown).
   */
  public <T extends Fact> List<Item<T>> current(Class<T> type, Predicate<T> states) {
    Function<T, String> subject = Resolutions.subjectOf(type);
    List<Item<T>> stating = stating(all(type), states);
    if (subject == null) {
      return stating;
    }
    Map<String, Item<T>> winners = new TreeMap<>();
    for (Item<T> item : stating) {
      String key = subject.apply(item.fact());
      Item<T> held = winners.get(key);
      if (held == null || WINNER_FIRST.compare(held, item) > 0) {
        winners.put(key, item);
      }
    }
    return List.copyOf(winners.values());
  }

  /** The single current fact of a type that has one subject (e.g. reserve composition). */
  public <T extends Fact> Optional<Item<T>> latest(Class<T> type) {
    Item<T> best = null;
    for (Item<T> item : current(type)) {
      if (best == null || WINNER_FIRST.compare(item, best) < 0) {
        best = item;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The items whose fact states the property, in their order, unmodifiable. */
  private static <T extends Fact> List<Item<T>> stating(List<Item<T>> items, Predicate<T> states) {
    List<Item<T>> stating = new ArrayList<>(items.size());
    for (Item<T> item : items) {
      if (states.test(item.fact())) {
        stating.add(item);
      }
    }
    return Collections.unmodifiableList(stating);
  }

  /**
   * The winning fact among those of a type that state a property, with a conflict finding for each
   * less trusted fact from another collector that disagrees with it.
   */
  public <T extends Fact> Choice<T> winner(
      Class<T> type, Predicate<T> states, BiPredicate<T, T> disagree, String what) {
    List<Item<T>> stating = new ArrayList<>(stating(all(type), states));
    stating.sort(WINNER_FIRST);
    if (stating.isEmpty()) {
      return new Choice<>(Optional.empty(), List.of());
    }
    Item<T> winner = stating.get(0);
    List<Finding> conflicts = new ArrayList<>();
    for (Item<T> loser : stating.subList(1, stating.size())) {
      if (disagree.test(winner.fact(), loser.fact())
          && !loser
              .evidence()
              .provenance()
              .collectorId()
              .equals(winner.evidence().provenance().collectorId())) {
        conflicts.add(conflict(winner, loser, what));
      }
    }
    return new Choice<>(Optional.of(winner), conflicts);
  }

  /**
   * The fact a rule relies on for one property, and the conflicts choosing it raised (the rule
   * returns them with its outcome).
   */
  public record Choice<T extends Fact>(Optional<Item<T>> winner, List<Finding> conflicts) {
    public Choice {
      Objects.requireNonNull(winner, "winner");
      conflicts = List.copyOf(conflicts);
    }

    public boolean isPresent() {
      return winner.isPresent();
    }

    public boolean isEmpty() {
      return winner.isEmpty();
    }

    public Item<T> get() {
      return winner.orElseThrow();
    }
  }

  /** The extension facts of one kind, in evidence-id order. */
  public List<Item<ExtensionFact>> extensions(String kind) {
    extensionKindsRead.add(kind);
    return byType.getOrDefault(ExtensionFact.class, List.of()).stream()
        .filter(i -> ((ExtensionFact) i.fact()).kind().equals(kind))
        .map(i -> new Item<>((ExtensionFact) i.fact(), i.evidence()))
        .toList();
  }

  private void recordRead(Class<?> type) {
    if (recordingReads) {
      typesRead.add(type);
    }
  }

  /**
   * The evidence, in id order, whose fact informs some pillar but whose type no rule or check has
   * read so far: collected but not scored. Context-only facts (no pillars) are not meant to score.
   */
  public List<Evidence> unread() {
    List<Evidence> unread = new ArrayList<>();
    for (Evidence e : evidence) {
      if (!e.fact().pillars().isEmpty() && !read(e.fact())) {
        unread.add(e);
      }
    }
    return Collections.unmodifiableList(unread);
  }

  private boolean read(Fact fact) {
    // an extension rule reads one kind: the other kinds stay unscored
    return fact instanceof ExtensionFact extension
        ? extensionKindsRead.contains(extension.kind())
        : typesRead.contains(fact.getClass());
  }

  private static Item<Fact> itemOf(Evidence e) {
    return new Item<>(e.fact(), e);
  }

  /** Age in days of something observed at {@code instant}; future instants count as age 0. */
  public double ageDays(Instant instant) {
    return Math.max(0, Duration.between(instant, asOf).toSeconds() / 86_400.0);
  }

  /** Age in days of a date (taken at UTC midnight); future dates count as age 0. */
  public double ageDays(LocalDate date) {
    return Math.max(0, asOfDate.toEpochDay() - date.toEpochDay());
  }

  public LocalDate asOfDate() {
    return asOfDate;
  }

  /** A finding about one fact, in the fact's first pillar. */
  static Finding findingAbout(Severity severity, FindingKind kind, Item<?> item, String message) {
    return new Finding(severity, kind, pillarOf(item), message, List.of(item.id()));
  }

  /** The finding that {@code winner} was used over the disagreeing {@code loser}. */
  static Finding conflict(Item<?> winner, Item<?> loser, String what) {
    String reason =
        winner.evidence().evidenceClass() == loser.evidence().evidenceClass()
            ? "newer"
            : "more trusted";
    return new Finding(
        Severity.MEDIUM,
        FindingKind.CONFLICT,
        pillarOf(winner),
        what + ": used " + describe(winner) + " (" + reason + ") over " + describe(loser),
        List.of(winner.id(), loser.id()));
  }

  static String describe(Item<?> item) {
    return "'"
        + item.fact().summary()
        + "' ["
        + item.evidence().evidenceClass().id()
        + ", "
        + LocalDate.ofInstant(item.evidence().provenance().observedAt(), ZoneOffset.UTC)
        + "]";
  }

  static Pillar pillarOf(Item<?> item) {
    Set<Pillar> pillars = item.fact().pillars();
    return pillars.stream().min(Comparator.naturalOrder()).orElse(null);
  }

  /** What canonicalising the input noticed: evidence left out, conflicts between sources. */
  public List<Finding> findings() {
    return findings;
  }
}
