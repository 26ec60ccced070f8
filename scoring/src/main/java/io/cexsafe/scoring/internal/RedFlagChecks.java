package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.Governance;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.IncidentKind;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.NetFlow;
import io.cexsafe.facts.ProofVerification;
import io.cexsafe.facts.RegulatoryWarning;
import io.cexsafe.facts.ReserveComposition;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.facts.ReserveTrend;
import io.cexsafe.facts.ReviewTheme;
import io.cexsafe.facts.ReviewThemes;
import io.cexsafe.facts.ThemeShare;
import io.cexsafe.scoring.RedFlag;
import io.cexsafe.scoring.RedFlagKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The red flags, declared once each: what raises it (the rubric, for the generated document) and
 * the check. A red flag caps the grade at its kind's cap, whatever the pillars say, and raises a
 * HIGH finding.
 */
public final class RedFlagChecks {
  private RedFlagChecks() {}

  /** A halt this recent is a red flag; older halts are history for the track record. */
  static final int HALT_DAYS = 365;

  /** Enforcement and unreimbursed losses count for two years. */
  static final int RECENT_DAYS = 730;

  static final double OWN_TOKEN_SHARE = 0.30;
  static final double RUN_SHARE = -0.50;
  static final double LOSS_SHARE = 0.05;

  /** Without a reserve figure, an unreimbursed loss this large (USD) stands in for 5 %. */
  static final BigDecimal LOSS_WITHOUT_RESERVES_USD = new BigDecimal("100000000");

  /** Reviews about failed withdrawals: a spike from this share of all reviews (after shrinkage). */
  static final double WITHDRAWAL_SPIKE_SHARE = 0.10;

  /**
   * One red-flag check.
   *
   * @param kind what it raises
   * @param rubric when it is raised (markdown, one sentence)
   */
  public record Check(RedFlagKind kind, String rubric) {
    // a switch over the kind, not a lambda per check: each lambda costs a linkage (about 0.2 ms,
    // interpreted) at the start of every CLI run that scores

    /** The red flags this check raises. */
    List<RedFlag> raise(ScoringContext ctx) {
      return switch (kind) {
        case WITHDRAWALS_HALTED -> incidents(ctx, kind, HALT_DAYS, IncidentKind.WITHDRAWAL_HALT);
        case INSOLVENCY ->
            incidents(ctx, kind, Integer.MAX_VALUE, IncidentKind.INSOLVENCY, IncidentKind.FRAUD);
        case RESERVES_COLLAPSE -> reservesCollapse(ctx);
        case REGULATORY_ACTION -> regulatoryAction(ctx);
        case OWN_TOKEN_RESERVES -> ownToken(ctx);
        case AFFILIATE_USE_OF_CUSTOMER_ASSETS -> affiliateUse(ctx);
        case UNREIMBURSED_LOSS -> unreimbursedLoss(ctx);
        case FAILED_PROOF -> failedProofs(ctx);
        case WITHDRAWAL_COMPLAINTS_SPIKE -> withdrawalSpike(ctx);
      };
    }
  }

  public static final List<Check> CHECKS =
      List.of(
          new Check(
              RedFlagKind.WITHDRAWALS_HALTED,
              "an incident of kind withdrawal halt dated within "
                  + HALT_DAYS
                  + " days before the evaluation date."),
          new Check(
              RedFlagKind.INSOLVENCY, "an incident of kind insolvency or fraud, whatever its age."),
          new Check(
              RedFlagKind.RESERVES_COLLAPSE,
              "a reserve trend over at most 7 days falling 50 % or more (change or maximum"
                  + " drawdown), or a net flow over at most 168 hours of -50 % of reserves or"
                  + " worse."),
          new Check(
              RedFlagKind.REGULATORY_ACTION,
              "a register entry (after conflict resolution) revoked or withdrawn, lapsed or"
                  + " warned; an unresolved regulator warning; or an enforcement incident within "
                  + RECENT_DAYS
                  + " days."),
          new Check(
              RedFlagKind.OWN_TOKEN_RESERVES,
              "the winning reserve composition (or a snapshot) puts the exchange's own token above"
                  + " 30 % of reserves."),
          new Check(
              RedFlagKind.AFFILIATE_USE_OF_CUSTOMER_ASSETS,
              "a governance statement that customer assets are lent to, held, borrowed or traded"
                  + " by an affiliate (the most trusted, then newest, statement decides)."),
          new Check(
              RedFlagKind.UNREIMBURSED_LOSS,
              "an incident within "
                  + RECENT_DAYS
                  + " days whose loss not returned or reimbursed exceeds 5 % of current reserves"
                  + " (USD 100M when no reserve figure is known); a full reimbursement clears it."),
          new Check(
              RedFlagKind.FAILED_PROOF,
              "an inclusion proof or proof of reserves that cexsafe could not verify."),
          new Check(
              RedFlagKind.WITHDRAWAL_COMPLAINTS_SPIKE,
              "reviews about failed or delayed withdrawals exceed 10 % of all reviews analysed in"
                  + " a sample, after shrinking the share toward the 2 % prior by "
                  + (int) Shrinkage.PSEUDO_REVIEWS
                  + " pseudo-reviews (so 10 angry reviews out of 20 do not raise it)."));

  /** Every red flag the evidence raises, in check order. */
  static List<RedFlag> raise(ScoringContext ctx) {
    List<RedFlag> flags = new ArrayList<>();
    for (Check check : CHECKS) {
      flags.addAll(check.raise(ctx));
    }
    return flags;
  }

  private static RedFlag flag(RedFlagKind kind, Pillar pillar, String message, Item<?> item) {
    return RedFlag.of(kind, pillar, message, List.of(item.id()));
  }

  private static boolean happened(ScoringContext ctx, Incident incident, int withinDays) {
    return !incident.date().isAfter(ctx.asOfDate()) && ctx.ageDays(incident.date()) <= withinDays;
  }

  private static List<RedFlag> incidents(
      ScoringContext ctx, RedFlagKind kind, int withinDays, IncidentKind... kinds) {
    List<IncidentKind> wanted = List.of(kinds);
    List<RedFlag> flags = new ArrayList<>();
    for (Item<Incident> i : ctx.current(Incident.class)) {
      if (wanted.contains(i.fact().kind()) && happened(ctx, i.fact(), withinDays)) {
        flags.add(flag(kind, Pillar.TRACK_RECORD, i.fact().summary(), i));
      }
    }
    return Collections.unmodifiableList(flags);
  }

  private static List<RedFlag> failedProofs(ScoringContext ctx) {
    List<RedFlag> flags = new ArrayList<>();
    for (Item<ProofVerification> i : ctx.current(ProofVerification.class)) {
      if (!i.fact().included()) {
        flags.add(
            flag(
                RedFlagKind.FAILED_PROOF,
                Pillar.PROOF_OF_RESERVES,
                "proof did not verify: " + i.fact().summary(),
                i));
      }
    }
    return Collections.unmodifiableList(flags);
  }

  /** The most trusted, then newest, item (the first of equals), or null: Stream.min's choice. */
  private static <T extends Fact> Item<T> winner(List<Item<T>> items) {
    Item<T> best = null;
    for (Item<T> item : items) {
      if (best == null || ScoringContext.WINNER_FIRST.compare(item, best) < 0) {
        best = item;
      }
    }
    return best;
  }

  private static List<RedFlag> reservesCollapse(ScoringContext ctx) {
    List<RedFlag> flags = new ArrayList<>();
    for (Item<ReserveTrend> item : ctx.current(ReserveTrend.class)) {
      ReserveTrend t = item.fact();
      if (t.windowDays() <= 7 && (t.change() <= RUN_SHARE || t.maxDrawdown() >= -RUN_SHARE)) {
        flags.add(flag(RedFlagKind.RESERVES_COLLAPSE, Pillar.CUSTODY, t.summary(), item));
      }
    }
    for (Item<NetFlow> item : ctx.current(NetFlow.class)) {
      NetFlow f = item.fact();
      if (f.windowHours() <= 168
          && f.shareOfReserves() != null
          && f.shareOfReserves() <= RUN_SHARE) {
        flags.add(flag(RedFlagKind.RESERVES_COLLAPSE, Pillar.CUSTODY, f.summary(), item));
      }
    }
    return flags;
  }

  private static List<RedFlag> regulatoryAction(ScoringContext ctx) {
    List<RedFlag> flags = new ArrayList<>();
    for (Item<Licence> item : ctx.current(Licence.class)) {
      LicenceStatus s = item.fact().status();
      if (s == LicenceStatus.REVOKED_OR_WITHDRAWN
          || s == LicenceStatus.LAPSED
          || s == LicenceStatus.WARNED) {
        flags.add(
            flag(
                RedFlagKind.REGULATORY_ACTION,
                Pillar.REGULATION,
                "register entry " + item.fact().summary(),
                item));
      }
    }
    for (Item<RegulatoryWarning> item : ctx.current(RegulatoryWarning.class)) {
      if (!item.fact().resolved()
          && (item.fact().date() == null || !item.fact().date().isAfter(ctx.asOfDate()))) {
        flags.add(
            flag(RedFlagKind.REGULATORY_ACTION, Pillar.REGULATION, item.fact().summary(), item));
      }
    }
    flags.addAll(
        incidents(ctx, RedFlagKind.REGULATORY_ACTION, RECENT_DAYS, IncidentKind.ENFORCEMENT));
    return flags;
  }

  private static List<RedFlag> ownToken(ScoringContext ctx) {
    Item<ReserveComposition> composition =
        winner(ctx.current(ReserveComposition.class, new StatesOwnTokenShare()));
    if (composition != null) {
      double share = composition.fact().ownTokenShare();
      return share > OWN_TOKEN_SHARE
          ? List.of(
              flag(
                  RedFlagKind.OWN_TOKEN_RESERVES,
                  Pillar.CUSTODY,
                  Fmt.pct(share) + " of reserves are the exchange's own token",
                  composition))
          : List.of();
    }
    Item<ReserveSnapshot> i = winner(ctx.current(ReserveSnapshot.class, new StatesOwnTokenUsd()));
    if (i == null
        || !(i.fact().ownTokenUsd().divide(i.fact().totalUsd(), MathContext.DECIMAL64).doubleValue()
            > OWN_TOKEN_SHARE)) {
      return List.of();
    }
    return List.of(
        flag(
            RedFlagKind.OWN_TOKEN_RESERVES,
            Pillar.CUSTODY,
            "own token "
                + Fmt.usd(i.fact().ownTokenUsd())
                + " of "
                + Fmt.usd(i.fact().totalUsd())
                + " reserves",
            i));
  }

  private static final class StatesOwnTokenShare implements Predicate<ReserveComposition> {
    @Override
    public boolean test(ReserveComposition f) {
      return f.ownTokenShare() != null;
    }
  }

  private static final class StatesOwnTokenUsd implements Predicate<ReserveSnapshot> {
    @Override
    public boolean test(ReserveSnapshot f) {
      return f.ownTokenUsd() != null && f.totalUsd().signum() > 0;
    }
  }

  private static final class StatesAffiliateUse implements Predicate<Governance> {
    @Override
    public boolean test(Governance f) {
      return f.customerAssetsUsedByAffiliate() != null;
    }
  }

  private static List<RedFlag> affiliateUse(ScoringContext ctx) {
    Item<Governance> i = winner(ctx.current(Governance.class, new StatesAffiliateUse()));
    if (i == null || !i.fact().customerAssetsUsedByAffiliate()) {
      return List.of();
    }
    return List.of(
        flag(RedFlagKind.AFFILIATE_USE_OF_CUSTOMER_ASSETS, Pillar.CUSTODY, i.fact().summary(), i));
  }

  private static List<RedFlag> unreimbursedLoss(ScoringContext ctx) {
    Optional<Item<ReserveSnapshot>> snapshot = ctx.latest(ReserveSnapshot.class);
    BigDecimal reserves = snapshot.isPresent() ? snapshot.get().fact().totalUsd() : null;
    List<RedFlag> flags = new ArrayList<>();
    for (Item<Incident> item : ctx.current(Incident.class)) {
      Incident incident = item.fact();
      if (incident.lossUsd() == null
          || !happened(ctx, incident, RECENT_DAYS)
          || TrackRecordRules.restored(incident) >= 0.75) {
        continue;
      }
      BigDecimal open =
          incident.returnedUsd() == null
              ? incident.lossUsd()
              : incident.lossUsd().subtract(incident.returnedUsd()).max(BigDecimal.ZERO);
      boolean large =
          reserves != null && reserves.signum() > 0
              ? open.divide(reserves, MathContext.DECIMAL64).doubleValue() > LOSS_SHARE
              : open.compareTo(LOSS_WITHOUT_RESERVES_USD) >= 0;
      if (large) {
        flags.add(
            flag(
                RedFlagKind.UNREIMBURSED_LOSS,
                Pillar.TRACK_RECORD,
                Fmt.usd(open)
                    + " not made good"
                    + (reserves == null ? "" : " against reserves of " + Fmt.usd(reserves))
                    + ": "
                    + incident.summary(),
                item));
      }
    }
    return flags;
  }

  private static List<RedFlag> withdrawalSpike(ScoringContext ctx) {
    List<RedFlag> flags = new ArrayList<>();
    for (Item<ReviewThemes> item :
        Samples.themes(
            ctx.current(
                ReviewThemes.class,
                new SupportRules.MeasuresTheme(ReviewTheme.WITHDRAWAL_FAILURES)))) {
      ThemeShare theme = item.fact().theme(ReviewTheme.WITHDRAWAL_FAILURES);
      double shrunk =
          Shrinkage.share(
              theme.shareOfAll(), item.fact().reviewsAnalysed(), Shrinkage.WITHDRAWAL_PRIOR_SHARE);
      if (shrunk > WITHDRAWAL_SPIKE_SHARE) {
        flags.add(
            flag(
                RedFlagKind.WITHDRAWAL_COMPLAINTS_SPIKE,
                Pillar.SUPPORT,
                Fmt.pct(theme.shareOfAll())
                    + " of "
                    + item.fact().reviewsAnalysed()
                    + " reviews report failed or delayed withdrawals ("
                    + Fmt.pct(shrunk)
                    + " after shrinkage)",
                item));
      }
    }
    return flags;
  }
}
