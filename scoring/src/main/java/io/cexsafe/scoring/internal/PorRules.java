package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import io.cexsafe.facts.AssetReserveRatio;
import io.cexsafe.facts.AttestorIndependence;
import io.cexsafe.facts.PorAttestation;
import io.cexsafe.facts.PorDashboard;
import io.cexsafe.facts.PorMethod;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.facts.ProofVerification;
import io.cexsafe.facts.SearchTopic;
import io.cexsafe.scoring.FindingKind;
import io.cexsafe.scoring.Severity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/** Rules of the Proof of Reserves pillar. */
final class PorRules {
  private PorRules() {}

  /** A report keeps full weight for a year and none after three (its "currency"). */
  static final double CURRENT_FULL_DAYS = 365;

  static final double CURRENT_ZERO_DAYS = 1095;

  /** What the strongest proof covers. */
  static final Table PROOF_COVERAGE =
      Table.best("sums", 25).then("tree", 15).then("assets", 8).then("wallets", 5);

  /** Every listed asset backed, or the share of fully backed assets times the lower level. */
  static final Table RESERVE_RATIOS = Table.best("allBacked", 20).then("partly", 10);

  static final Table CADENCE =
      Table.best("monthly", 10).then("quarterly", 6).then("irregular", 3).then("oneOff", 2);

  static final Table INDEPENDENCE = Table.best("independent", 10).then("self", 3);

  static final Scale USER_VERIFIABLE = Scale.max(15);

  static List<Rule> rules() {
    Pillar p = Pillar.PROOF_OF_RESERVES;
    return List.of(
        Rule.declared(
                "proof-of-reserves.liabilities-covered",
                p,
                "Liabilities covered by the proof",
                PROOF_COVERAGE,
                "What the strongest proof shows: a zero-knowledge proof or a Merkle sum tree over"
                    + " customer liabilities {sums} points; a Merkle tree without sums {tree};"
                    + " assets only {assets} (a live on-chain dashboard {assets}, a published"
                    + " wallet list {wallets}). An inclusion proof cexsafe verified itself counts by"
                    + " its strength (sum tree or zk {sums}, hash tree {tree}). Reports are scaled by currency: full for a year after their snapshot,"
                    + " none after three years; a report whose attestor has withdrawn counts half."
                    + " Unknown without any proof-of-reserves source.",
                "Assets alone prove nothing without liabilities: an exchange can show large wallets"
                    + " and still owe more. Sums in the tree let users check that liabilities were not"
                    + " understated.",
                Evaluation.LIABILITIES_COVERED)
            .absentWhenSearched(SearchTopic.PROOF_OF_RESERVES),
        Rule.declared(
                "proof-of-reserves.reserve-ratios",
                p,
                "Every attested asset at 100 % or more",
                RESERVE_RATIOS,
                "Taken from the latest report that lists per-asset reserve ratios: {allBacked}"
                    + " points when every listed asset is backed at 100 % or more; otherwise"
                    + " {partly} times the share of fully backed assets, and a HIGH warning naming the short assets. Scaled by the"
                    + " report's currency. Unknown when no report lists ratios.",
                "A total above 100 % can hide a shortfall in one asset; users are owed each asset,"
                    + " not a dollar total.",
                Evaluation.RESERVE_RATIOS)
            .absentWhenSearched(SearchTopic.PROOF_OF_RESERVES),
        CurveRule.of(
                "proof-of-reserves.attestation-age",
                p,
                "Age of the last liability-covering proof",
                20,
                Curve.lowerIsBetter(92, 730, MonthsLabel.INSTANCE),
                "Age of the newest report (or self-verified proof) that covers liabilities:"
                    + " {curve}; 0 when the only proofs are assets-only. Unknown without any"
                    + " proof-of-reserves source.",
                "Proof of reserves is a snapshot: it says nothing about the months after it, and"
                    + " snapshots can be window-dressed.",
                AttestationAge.INSTANCE)
            .absentWhenSearched(SearchTopic.PROOF_OF_RESERVES),
        Rule.declared(
                "proof-of-reserves.cadence",
                p,
                "Publication cadence",
                CADENCE,
                "Continuous or monthly {monthly} points, quarterly {quarterly}, irregular"
                    + " {irregular}, one-off {oneOff}; the best current report counts, scaled by its currency. Unknown without a report.",
                "Frequent proofs make window-dressing around a snapshot expensive.",
                Evaluation.CADENCE)
            .absentWhenSearched(SearchTopic.PROOF_OF_RESERVES),
        Rule.declared(
                "proof-of-reserves.independence",
                p,
                "Independence of the proof",
                INDEPENDENCE,
                "An independent accountant or a zero-knowledge proof {independent} points,"
                    + " self-attested {self}; a withdrawn attestor halves it; an inclusion proof"
                    + " cexsafe verified with a zk scheme earns {independent}. Scaled by currency. Unknown without a report or verified"
                    + " proof.",
                "A proof checked by someone with no stake in the result (or by mathematics) is"
                    + " worth more than the exchange's word.",
                Evaluation.INDEPENDENCE)
            .absentWhenSearched(SearchTopic.PROOF_OF_RESERVES),
        Rule.declared(
                "proof-of-reserves.user-verifiable",
                p,
                "Users can verify their own inclusion",
                USER_VERIFIABLE,
                "{max} points when users can check that their balance is in the liabilities (stated by"
                    + " a report, or shown by an inclusion proof cexsafe verified), scaled by"
                    + " currency; 0 when reports say users cannot. A proof that failed verification"
                    + " earns nothing and is a HIGH warning. Unknown without a report or proof.",
                "Each user who checks their own leaf makes it harder to leave liabilities out.",
                Evaluation.USER_VERIFIABLE)
            .absentWhenSearched(SearchTopic.PROOF_OF_RESERVES));
  }

  static double currency(ScoringContext ctx, LocalDate date) {
    return Curves.declining(ctx.ageDays(date), CURRENT_FULL_DAYS, CURRENT_ZERO_DAYS);
  }

  private static double withdrawn(PorAttestation a) {
    return a.attestorWithdrawn() ? 0.5 : 1;
  }

  private static LocalDate dateOf(Item<ProofVerification> item) {
    return item.fact().snapshotDate() != null
        ? item.fact().snapshotDate()
        : LocalDate.ofInstant(item.evidence().provenance().observedAt(), ZoneOffset.UTC);
  }

  private static List<Item<ProofVerification>> verified(ScoringContext ctx) {
    List<Item<ProofVerification>> verified = new ArrayList<>();
    for (Item<ProofVerification> item : ctx.current(ProofVerification.class)) {
      if (item.fact().included()) {
        verified.add(item);
      }
    }
    return verified;
  }

  /** A HIGH warning for each inclusion proof that did not verify. */
  private static Outcome withFailedProofs(ScoringContext ctx, Outcome outcome) {
    for (Item<ProofVerification> item : ctx.current(ProofVerification.class)) {
      if (!item.fact().included()) {
        outcome =
            outcome.withFinding(
                Severity.HIGH,
                FindingKind.WARNING,
                item,
                "inclusion proof did not verify: " + item.fact().summary());
      }
    }
    return outcome;
  }

  private static boolean anyPorSource(ScoringContext ctx) {
    return !ctx.current(PorAttestation.class).isEmpty()
        || !ctx.current(ProofVerification.class).isEmpty()
        || !ctx.current(PorDashboard.class).isEmpty();
  }

  private static double methodPoints(PorMethod method) {
    return PROOF_COVERAGE.points(
        switch (method) {
          case ZK_PROOF, MERKLE_SUM_TREE -> "sums";
          case MERKLE_TREE -> "tree";
          case ASSETS_ONLY -> "assets";
        });
  }

  private record Best(Item<?> item, double points, String value) {}

  private static Best better(Best current, Item<?> item, double points, String value) {
    return current == null || points > current.points ? new Best(item, points, value) : current;
  }

  private static Outcome liabilitiesCovered(ScoringContext ctx) {
    if (!anyPorSource(ctx)) {
      return Outcome.unknown("no proof-of-reserves source");
    }
    Best best = null;
    for (Item<PorAttestation> item : ctx.current(PorAttestation.class)) {
      PorAttestation a = item.fact();
      double points = methodPoints(a.method()) * currency(ctx, a.reportDate()) * withdrawn(a);
      best = better(best, item, points, Fmt.lower(a.method()) + " of " + a.reportDate());
    }
    for (Item<ProofVerification> item : verified(ctx)) {
      double base =
          PROOF_COVERAGE.points(
              item.fact().strength() == ProofStrength.HASH_TREE ? "tree" : "sums");
      double points = base * currency(ctx, dateOf(item));
      best = better(best, item, points, "verified " + Fmt.lower(item.fact().strength()));
    }
    for (Item<PorDashboard> item : ctx.current(PorDashboard.class)) {
      double base = PROOF_COVERAGE.points(item.fact().liveOnChain() ? "assets" : "wallets");
      double points =
          base
              * Curves.declining(
                  ctx.ageDays(item.evidence().provenance().observedAt()),
                  CURRENT_FULL_DAYS,
                  CURRENT_ZERO_DAYS);
      best =
          better(
              best,
              item,
              points,
              item.fact().liveOnChain() ? "live assets dashboard" : "published wallet list");
    }
    if (best == null) {
      return Outcome.known(0, "no valid proof", "no proof-of-reserves source verified", List.of());
    }
    return Outcome.known(best.points, best.value, best.value, best.item);
  }

  private static Outcome reserveRatios(ScoringContext ctx) {
    // the newest report listing ratios, then the winner (the first of equals)
    Item<PorAttestation> latest = null;
    for (Item<PorAttestation> item : ctx.current(PorAttestation.class, ListsAssets.INSTANCE)) {
      int newer =
          latest == null ? -1 : latest.fact().reportDate().compareTo(item.fact().reportDate());
      if (newer < 0 || (newer == 0 && ScoringContext.WINNER_FIRST.compare(item, latest) < 0)) {
        latest = item;
      }
    }
    if (latest == null) {
      return Outcome.unknown("no report lists per-asset reserve ratios");
    }
    PorAttestation a = latest.fact();
    List<AssetReserveRatio> short_ = new ArrayList<>();
    List<String> shortNames = new ArrayList<>();
    for (AssetReserveRatio ratio : a.assets()) {
      if (ratio.ratio().compareTo(BigDecimal.ONE) < 0) {
        short_.add(ratio);
        shortNames.add(ratio.asset() + " " + Fmt.pct(ratio.ratio().doubleValue()));
      }
    }
    double fullyBacked = 1 - (double) short_.size() / a.assets().size();
    double base =
        short_.isEmpty()
            ? RESERVE_RATIOS.points("allBacked")
            : RESERVE_RATIOS.points("partly") * fullyBacked;
    double points = base * currency(ctx, a.reportDate());
    String value;
    if (short_.isEmpty()) {
      value = "all " + a.assets().size() + " assets >= 100%";
    } else {
      value =
          short_.size()
              + " of "
              + a.assets().size()
              + " assets below 100% ("
              + String.join(", ", shortNames)
              + ")";
    }
    Outcome outcome =
        Outcome.known(points, value, "report of " + a.reportDate() + ": " + value, latest);
    return short_.isEmpty()
        ? outcome
        : outcome.withFinding(
            Severity.HIGH,
            FindingKind.WARNING,
            latest,
            "report of " + a.reportDate() + ": " + value);
  }

  private static String daysInMonths(double days) {
    return Math.round(days / (365.0 / 12)) + " months (" + Fmt.num(days) + " days)";
  }

  private static CurveRule.Reading attestationAge(ScoringContext ctx) {
    if (!anyPorSource(ctx)) {
      return CurveRule.Reading.unknown("no proof-of-reserves source");
    }
    Item<?> newest = null;
    LocalDate newestDate = null;
    for (Item<PorAttestation> item : ctx.current(PorAttestation.class)) {
      if (item.fact().method() != PorMethod.ASSETS_ONLY
          && (newestDate == null || item.fact().reportDate().isAfter(newestDate))) {
        newest = item;
        newestDate = item.fact().reportDate();
      }
    }
    for (Item<ProofVerification> item : verified(ctx)) {
      LocalDate date = dateOf(item);
      if (newestDate == null || date.isAfter(newestDate)) {
        newest = item;
        newestDate = date;
      }
    }
    if (newest == null) {
      // assets-only proofs never cover liabilities: as if the last one were infinitely old
      return CurveRule.Reading.of(
          Double.POSITIVE_INFINITY,
          ctx.current(PorDashboard.class).isEmpty()
              ? ctx.current(PorAttestation.class)
              : ctx.current(PorDashboard.class),
          "no liability proof",
          "no proof covering liabilities, only assets");
    }
    double age = ctx.ageDays(newestDate);
    String value = newestDate + ", " + Fmt.days(age) + " old";
    return CurveRule.Reading.of(age, newest, value, "latest liability proof " + value);
  }

  private static double cadencePoints(PorAttestation a) {
    return CADENCE.points(
        switch (a.cadence()) {
          case CONTINUOUS, MONTHLY -> "monthly";
          case QUARTERLY -> "quarterly";
          case IRREGULAR -> "irregular";
          case ONE_OFF -> "oneOff";
        });
  }

  private static Outcome cadence(ScoringContext ctx) {
    Best best = null;
    for (Item<PorAttestation> item : ctx.current(PorAttestation.class)) {
      PorAttestation a = item.fact();
      best =
          better(
              best, item, cadencePoints(a) * currency(ctx, a.reportDate()), Fmt.lower(a.cadence()));
    }
    if (best == null) {
      return Outcome.unknown("no proof-of-reserves report");
    }
    return Outcome.known(best.points, best.value, "cadence " + best.value, best.item);
  }

  private static Outcome independence(ScoringContext ctx) {
    Best best = null;
    for (Item<PorAttestation> item : ctx.current(PorAttestation.class)) {
      PorAttestation a = item.fact();
      double base =
          INDEPENDENCE.points(
              a.independence() == AttestorIndependence.SELF_ATTESTED ? "self" : "independent");
      best =
          better(
              best,
              item,
              base * withdrawn(a) * currency(ctx, a.reportDate()),
              Fmt.lower(a.independence())
                  + " ("
                  + a.attestor()
                  + (a.attestorWithdrawn() ? ", since withdrawn" : "")
                  + ")");
    }
    for (Item<ProofVerification> item : verified(ctx)) {
      if (item.fact().strength() == ProofStrength.ZK_PROOF_OF_SUMS) {
        best =
            better(
                best,
                item,
                INDEPENDENCE.points("independent") * currency(ctx, dateOf(item)),
                "verified zk proof");
      }
    }
    if (best == null) {
      if (ctx.current(ProofVerification.class).isEmpty()) {
        return Outcome.unknown("no proof-of-reserves report");
      }
      return Outcome.known(
          0,
          "no independent proof",
          "verified proofs are not zero-knowledge and no report names an attestor",
          ctx.current(ProofVerification.class));
    }
    Outcome outcome =
        Outcome.known(best.points, best.value, "independence: " + best.value, best.item);
    for (Item<PorAttestation> item : ctx.current(PorAttestation.class)) {
      if (item.fact().attestorWithdrawn()) {
        outcome =
            outcome.withFinding(
                Severity.MEDIUM,
                FindingKind.WARNING,
                item,
                "attestor " + item.fact().attestor() + " has since withdrawn from the report");
      }
    }
    return outcome;
  }

  private static Outcome userVerifiable(ScoringContext ctx) {
    List<Item<PorAttestation>> reports = ctx.current(PorAttestation.class);
    List<Item<ProofVerification>> proofs = ctx.current(ProofVerification.class);
    if (reports.isEmpty() && proofs.isEmpty()) {
      return Outcome.unknown("no proof-of-reserves report");
    }
    Best best = null;
    for (Item<PorAttestation> item : reports) {
      PorAttestation a = item.fact();
      best =
          better(
              best,
              item,
              a.userVerifiable() ? USER_VERIFIABLE.max() * currency(ctx, a.reportDate()) : 0,
              a.userVerifiable() ? "users can verify (report)" : "users cannot verify");
    }
    for (Item<ProofVerification> item : verified(ctx)) {
      best =
          better(
              best,
              item,
              USER_VERIFIABLE.max() * currency(ctx, dateOf(item)),
              "inclusion verified by cexsafe");
    }
    if (best == null) {
      return withFailedProofs(
          ctx, Outcome.known(0, "proof failed", "inclusion proof did not verify", proofs));
    }
    return withFailedProofs(ctx, Outcome.known(best.points, best.value, best.value, best.item));
  }

  // The rule book's functions below are named classes, not method references and lambdas: each
  // lambda's call site is linked on every run (about 0.2 ms of interpreted bootstrap each, even
  // from the CDS archive), and an offline assess linked 10 of them in this file (issue #19).

  /** The rules that evaluate to an outcome. */
  private enum Evaluation implements Function<ScoringContext, Outcome> {
    LIABILITIES_COVERED,
    RESERVE_RATIOS,
    CADENCE,
    INDEPENDENCE,
    USER_VERIFIABLE;

    @Override
    public Outcome apply(ScoringContext ctx) {
      return switch (this) {
        case LIABILITIES_COVERED -> liabilitiesCovered(ctx);
        case RESERVE_RATIOS -> reserveRatios(ctx);
        case CADENCE -> cadence(ctx);
        case INDEPENDENCE -> independence(ctx);
        case USER_VERIFIABLE -> userVerifiable(ctx);
      };
    }
  }

  /** The attestation-age curve rule's reading. */
  private static final class AttestationAge implements Function<ScoringContext, CurveRule.Reading> {
    static final AttestationAge INSTANCE = new AttestationAge();

    @Override
    public CurveRule.Reading apply(ScoringContext ctx) {
      return attestationAge(ctx);
    }
  }

  /** The attestation-age curve's thresholds in months and days. */
  private static final class MonthsLabel implements DoubleFunction<String> {
    static final MonthsLabel INSTANCE = new MonthsLabel();

    @Override
    public String apply(double days) {
      return daysInMonths(days);
    }
  }

  /** Reports that list per-asset reserve ratios. */
  private static final class ListsAssets implements Predicate<PorAttestation> {
    static final ListsAssets INSTANCE = new ListsAssets();

    @Override
    public boolean test(PorAttestation attestation) {
      return !attestation.assets().isEmpty();
    }
  }
}
