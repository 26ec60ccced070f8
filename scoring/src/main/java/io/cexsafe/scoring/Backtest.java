package io.cexsafe.scoring;

import io.cexsafe.EvidenceBundle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Judges a methodology on history: scores dated evidence bundles of real cases (each bundle's
 * {@code asOf} is the case's date) and checks expectations about them, such as "FTX on 2022-11-01
 * grades below Coinbase on that day" or "FTX after the halt is flagged". Does no I/O: the caller
 * reads the cases and collects their bundles. Instances are immutable and thread-safe.
 */
public final class Backtest {
  /** A grade at or below this one counts as a warning in {@link Summary#collapsesWarned()}. */
  public static final Grade LOW_GRADE = Grade.B;

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final Scorer scorer;

  private Backtest(Scorer scorer) {
    this.scorer = Objects.requireNonNull(scorer, "scorer");
  }

  /**
   * A backtest that scores its cases with {@code scorer}.
   *
   * @param scorer the scorer, with the methodology under test
   * @return the backtest
   */
  public static Backtest of(Scorer scorer) {
    return new Backtest(scorer);
  }

  /** What a case stands for, which decides how the summary counts it. */
  public enum Role {
    /** An exchange that later collapsed, seen before the collapse. */
    PRE_COLLAPSE,
    /** An exchange seen after it failed (withdrawals halted, insolvent). */
    FAILED,
    /** An exchange that went through a hack or scare and kept serving its customers. */
    SURVIVOR,
    /** Too little public evidence to rate. */
    THIN,
    /** A comparison point without a story of its own. */
    REFERENCE;

    /** {@return the stable kebab-case id used in backtest files, e.g. {@code pre-collapse}} */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads a role from its id: {@code pre-collapse}, {@code failed}, ...
     *
     * @param id the role's id
     * @return the role
     * @throws IllegalArgumentException when no role has that id, listing the known ones
     */
    public static Role fromId(String id) {
      for (Role role : values()) {
        if (role.id().equals(id)) {
          return role;
        }
      }
      throw new IllegalArgumentException(
          "unknown role '" + id + "'; known: pre-collapse, failed, survivor, thin, reference");
    }
  }

  /**
   * One dated case.
   *
   * @param id kebab-case id, e.g. {@code ftx-2022-11-01}
   * @param bundle the evidence public on the case's date; its {@code asOf} is that date
   * @param role what the case stands for
   * @param eventDate when the collapse (or failure, hack, scare) happened, or null
   * @param description one line on what happened
   */
  public record Case(
      String id, EvidenceBundle bundle, Role role, LocalDate eventDate, String description) {
    /**
     * Validates the components.
     *
     * @param id kebab-case id, e.g. {@code ftx-2022-11-01}
     * @param bundle the evidence public on the case's date; its {@code asOf} is that date
     * @param role what the case stands for
     * @param eventDate when the collapse (or failure, hack, scare) happened, or null
     * @param description one line on what happened
     */
    public Case {
      Objects.requireNonNull(id, "id");
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException("case id must be kebab-case: '" + id + "'");
      }
      Objects.requireNonNull(bundle, "bundle");
      Objects.requireNonNull(role, "role");
      description = description == null || description.isBlank() ? null : description.strip();
    }
  }

  /** What an expectation asserts. */
  public enum Kind {
    /**
     * The case's grade (NR lowest), then its conservative estimate, is strictly below another's.
     */
    BELOW("below"),
    /** The case is rated at most the grade (NR counts as lowest). */
    AT_MOST("at-most"),
    /** The case is rated, at least the grade. */
    AT_LEAST("at-least"),
    /** The case has no letter grade. */
    NOT_RATED("not-rated"),
    /** The case has a red flag. */
    FLAGGED("flagged"),
    /** The case has no red flag. */
    NOT_FLAGGED("not-flagged");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** {@return the stable kebab-case id used in backtest files, e.g. {@code at-most}} */
    public String id() {
      return id;
    }

    /**
     * Reads a kind from its id.
     *
     * @param id the kind's id, e.g. {@code at-most}
     * @return the kind
     * @throws IllegalArgumentException when no kind has that id
     */
    public static Kind fromId(String id) {
      for (Kind kind : values()) {
        if (kind.id.equals(id)) {
          return kind;
        }
      }
      throw new IllegalArgumentException(
          "unknown expectation '"
              + id
              + "'; known: below, at-most, at-least, not-rated, flagged, not-flagged");
    }
  }

  /**
   * One expectation about a case.
   *
   * @param caseId the case it is about
   * @param kind what it asserts
   * @param other for {@link Kind#BELOW}: the case that must grade higher; otherwise null
   * @param grade for {@link Kind#AT_MOST} and {@link Kind#AT_LEAST}: the bound; otherwise null
   * @param why why it should hold, or null
   */
  public record Expectation(String caseId, Kind kind, String other, Grade grade, String why) {
    /**
     * Validates the components.
     *
     * @param caseId the case it is about
     * @param kind what it asserts
     * @param other for {@link Kind#BELOW}: the case that must grade higher; otherwise null
     * @param grade for {@link Kind#AT_MOST} and {@link Kind#AT_LEAST}: the bound; otherwise null
     * @param why why it should hold, or null
     */
    public Expectation {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(kind, "kind");
      if ((kind == Kind.BELOW) != (other != null)) {
        throw new IllegalArgumentException("'below' and only 'below' names another case");
      }
      boolean bounded = kind == Kind.AT_MOST || kind == Kind.AT_LEAST;
      if (bounded != (grade != null)) {
        throw new IllegalArgumentException("'at-most' and 'at-least' and only they need a grade");
      }
      if (caseId.equals(other)) {
        throw new IllegalArgumentException("a case cannot be below itself: " + caseId);
      }
      why = why == null || why.isBlank() ? null : why.strip();
    }

    /**
     * Expects one case below another: by grade (NR lowest), then by conservative estimate.
     *
     * @param caseId the case expected lower
     * @param other the case expected higher
     * @return the expectation
     */
    public static Expectation below(String caseId, String other) {
      return new Expectation(caseId, Kind.BELOW, other, null, null);
    }

    /**
     * Expects a case rated at most a grade (NR counts as lowest).
     *
     * @param caseId the case
     * @param grade the best grade it may have
     * @return the expectation
     */
    public static Expectation atMost(String caseId, Grade grade) {
      return new Expectation(caseId, Kind.AT_MOST, null, grade, null);
    }

    /**
     * Expects a case rated, at least a grade.
     *
     * @param caseId the case
     * @param grade the worst grade it may have
     * @return the expectation
     */
    public static Expectation atLeast(String caseId, Grade grade) {
      return new Expectation(caseId, Kind.AT_LEAST, null, grade, null);
    }

    /**
     * Expects a case to be not rated, flagged or not flagged.
     *
     * @param caseId the case
     * @param kind a kind that needs neither another case nor a grade
     * @return the expectation
     */
    public static Expectation of(String caseId, Kind kind) {
      return new Expectation(caseId, kind, null, null, null);
    }

    /**
     * {@return the expectation as one line, e.g. {@code ftx-2022-11-01 below coinbase-2022-11-01}}
     */
    public String describe() {
      return caseId
          + " "
          + kind.id()
          + (other != null ? " " + other : "")
          + (grade != null ? " " + grade.name() : "");
    }
  }

  /**
   * How one case scored.
   *
   * @param caseId the case
   * @param role its role
   * @param grade its letter grade, or null when not rated (NR)
   * @param conservativeEstimate what the evidence supports: the estimate, or the low end when there
   *     is no estimate
   * @param flags the red flags, one line each (empty when none)
   * @param scorecard the full scorecard
   */
  public record Verdict(
      String caseId,
      Role role,
      Grade grade,
      double conservativeEstimate,
      List<String> flags,
      Scorecard scorecard) {
    /**
     * Validates the components, copying its lists.
     *
     * @param caseId the case
     * @param role its role
     * @param grade its letter grade, or null when not rated (NR)
     * @param conservativeEstimate what the evidence supports: the estimate, or the low end when
     *     there is no estimate
     * @param flags the red flags, one line each (empty when none)
     * @param scorecard the full scorecard
     */
    public Verdict {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(role, "role");
      flags = List.copyOf(flags);
      Objects.requireNonNull(scorecard, "scorecard");
    }

    /** {@return whether the case has a letter grade} */
    public boolean rated() {
      return grade != null;
    }

    /** {@return whether the case has a red flag} */
    public boolean flagged() {
      return !flags.isEmpty();
    }

    /**
     * {@return the verdict as a short label, e.g. {@code BB 52.3} or {@code NR 18.0}, with {@code ,
     * flagged} when it has a red flag}
     */
    public String label() {
      return (grade == null ? "NR" : grade.name())
          + " "
          + String.format(Locale.ROOT, "%.1f", conservativeEstimate)
          + (flagged() ? ", flagged" : "");
    }
  }

  /**
   * One checked expectation.
   *
   * @param expectation what was expected
   * @param passed whether it held
   * @param detail what was found, e.g. {@code CCC 31.0 vs BBB 62.5}
   */
  public record Check(Expectation expectation, boolean passed, String detail) {
    /**
     * Validates the components.
     *
     * @param expectation what was expected
     * @param passed whether it held
     * @param detail what was found, e.g. {@code CCC 31.0 vs BBB 62.5}
     */
    public Check {
      Objects.requireNonNull(expectation, "expectation");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * The figures that judge the methodology.
   *
   * @param cases number of cases
   * @param expectations number of expectations
   * @param passed expectations that held
   * @param pairs "below" expectations
   * @param pairsOrdered "below" expectations that held
   * @param collapses cases seen before a collapse
   * @param collapsesFlagged of those, the ones with a red flag
   * @param collapsesWarned of those, the ones flagged, not rated, or graded {@link #LOW_GRADE} or
   *     lower
   * @param failures cases seen after a failure
   * @param failuresFlagged of those, the ones with a red flag
   * @param survivors survivor cases
   * @param survivorsNotFlagged of those, the ones without a red flag (no false alarm)
   * @param thin thin-evidence cases
   * @param thinNotRated of those, the ones without a letter grade
   */
  public record Summary(
      int cases,
      int expectations,
      int passed,
      int pairs,
      int pairsOrdered,
      int collapses,
      int collapsesFlagged,
      int collapsesWarned,
      int failures,
      int failuresFlagged,
      int survivors,
      int survivorsNotFlagged,
      int thin,
      int thinNotRated) {
    /** {@return the number of expectations that did not hold} */
    public int failed() {
      return expectations - passed;
    }

    /** {@return the summary as short lines, e.g. {@code pairs ordered right: 3 of 3}} */
    public List<String> lines() {
      return List.of(
          "expectations passed: " + passed + " of " + expectations + " (" + cases + " cases)",
          "pairs ordered right: " + pairsOrdered + " of " + pairs,
          "collapses flagged before they happened: "
              + collapsesFlagged
              + " of "
              + collapses
              + " (flagged, not rated or "
              + LOW_GRADE.name()
              + " and below: "
              + collapsesWarned
              + ")",
          "failures flagged: " + failuresFlagged + " of " + failures,
          "survivors not flagged: " + survivorsNotFlagged + " of " + survivors,
          "thin evidence not rated: " + thinNotRated + " of " + thin);
    }
  }

  /**
   * The outcome of a run.
   *
   * @param verdicts one per case, in case order
   * @param checks one per expectation, in expectation order
   * @param summary the figures
   */
  public record Result(List<Verdict> verdicts, List<Check> checks, Summary summary) {
    /**
     * Validates the components, copying its lists.
     *
     * @param verdicts one per case, in case order
     * @param checks one per expectation, in expectation order
     * @param summary the figures
     */
    public Result {
      verdicts = List.copyOf(verdicts);
      checks = List.copyOf(checks);
      Objects.requireNonNull(summary, "summary");
    }

    /** {@return true when every expectation held} */
    public boolean passed() {
      return checks.stream().allMatch(Check::passed);
    }
  }

  /**
   * Scores every case and checks every expectation.
   *
   * @param cases the cases, each with its own id
   * @param expectations what the cases' grades should show
   * @return the verdicts, checks and summary
   * @throws IllegalArgumentException when two cases share an id or an expectation names a case that
   *     is not there
   */
  public Result run(List<Case> cases, List<Expectation> expectations) {
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    for (Case c : cases) {
      if (verdicts.containsKey(c.id())) {
        throw new IllegalArgumentException("case id " + c.id() + " appears twice");
      }
      verdicts.put(c.id(), verdict(c, scorer.score(c.bundle())));
    }
    for (Expectation e : expectations) {
      for (String id : e.other() == null ? List.of(e.caseId()) : List.of(e.caseId(), e.other())) {
        if (!verdicts.containsKey(id)) {
          throw new IllegalArgumentException(
              "expectation '" + e.describe() + "' names an unknown case: " + id);
        }
      }
    }
    List<Check> checks = new ArrayList<>();
    for (Expectation e : expectations) {
      checks.add(check(e, verdicts));
    }
    return new Result(List.copyOf(verdicts.values()), checks, summarise(verdicts.values(), checks));
  }

  /**
   * The verdict on one scorecard: grade, conservative estimate and red flags.
   *
   * @param c the case scored
   * @param scorecard its scorecard
   * @return the verdict
   */
  public static Verdict verdict(Case c, Scorecard scorecard) {
    double conservative = scorecard.estimate() != null ? scorecard.estimate() : scorecard.low();
    return new Verdict(
        c.id(), c.role(), scorecard.grade(), conservative, flags(scorecard), scorecard);
  }

  /** The red flags of a scorecard, one line each, e.g. {@code withdrawals-halted: ...}. */
  static List<String> flags(Scorecard scorecard) {
    return scorecard.redFlags().stream().map(f -> f.kind().id() + ": " + f.message()).toList();
  }

  static Check check(Expectation e, Map<String, Verdict> verdicts) {
    Verdict v = verdicts.get(e.caseId());
    return switch (e.kind()) {
      case BELOW -> {
        Verdict other = verdicts.get(e.other());
        yield new Check(e, below(v, other), v.label() + " vs " + other.label());
      }
      case AT_MOST -> new Check(e, rank(v) <= rank(e.grade()), v.label());
      case AT_LEAST -> new Check(e, v.rated() && rank(v) >= rank(e.grade()), v.label());
      case NOT_RATED -> new Check(e, !v.rated(), v.label());
      case FLAGGED ->
          new Check(
              e,
              v.flagged(),
              v.flagged() ? v.label() + ": " + String.join("; ", v.flags()) : v.label());
      case NOT_FLAGGED ->
          new Check(
              e,
              !v.flagged(),
              v.flagged() ? v.label() + ": " + String.join("; ", v.flags()) : v.label());
    };
  }

  /** NR ranks lowest, then grades from D up to AAA. */
  private static int rank(Verdict v) {
    return v.grade() == null ? -1 : rank(v.grade());
  }

  private static int rank(Grade grade) {
    return Grade.values().length - 1 - grade.ordinal();
  }

  private static boolean below(Verdict a, Verdict b) {
    if (rank(a) != rank(b)) {
      return rank(a) < rank(b);
    }
    return a.conservativeEstimate() < b.conservativeEstimate();
  }

  private static Summary summarise(Iterable<Verdict> verdicts, List<Check> checks) {
    int cases = 0;
    int collapses = 0;
    int collapsesFlagged = 0;
    int collapsesWarned = 0;
    int failures = 0;
    int failuresFlagged = 0;
    int survivors = 0;
    int survivorsNotFlagged = 0;
    int thin = 0;
    int thinNotRated = 0;
    for (Verdict v : verdicts) {
      cases++;
      switch (v.role()) {
        case PRE_COLLAPSE -> {
          collapses++;
          collapsesFlagged += v.flagged() ? 1 : 0;
          collapsesWarned += v.flagged() || rank(v) <= rank(LOW_GRADE) ? 1 : 0;
        }
        case FAILED -> {
          failures++;
          failuresFlagged += v.flagged() ? 1 : 0;
        }
        case SURVIVOR -> {
          survivors++;
          survivorsNotFlagged += v.flagged() ? 0 : 1;
        }
        case THIN -> {
          thin++;
          thinNotRated += v.rated() ? 0 : 1;
        }
        case REFERENCE -> {}
      }
    }
    int pairs = 0;
    int pairsOrdered = 0;
    int passed = 0;
    for (Check check : checks) {
      passed += check.passed() ? 1 : 0;
      if (check.expectation().kind() == Kind.BELOW) {
        pairs++;
        pairsOrdered += check.passed() ? 1 : 0;
      }
    }
    return new Summary(
        cases,
        checks.size(),
        passed,
        pairs,
        pairsOrdered,
        collapses,
        collapsesFlagged,
        collapsesWarned,
        failures,
        failuresFlagged,
        survivors,
        survivorsNotFlagged,
        thin,
        thinNotRated);
  }
}
