package io.cexsafe.scoring.internal;

import static io.cexsafe.scoring.internal.Fmt.pct;

import io.cexsafe.Pillar;
import io.cexsafe.facts.AssetSegregation;
import io.cexsafe.facts.ColdStorage;
import io.cexsafe.facts.CustodyProvider;
import io.cexsafe.facts.CustodyRole;
import io.cexsafe.facts.Governance;
import io.cexsafe.facts.KeyManagement;
import io.cexsafe.facts.KeyProtection;
import io.cexsafe.facts.NetFlow;
import io.cexsafe.facts.ReserveComposition;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.facts.ReserveTrend;
import io.cexsafe.facts.SearchTopic;
import io.cexsafe.scoring.Finding;
import io.cexsafe.scoring.FindingKind;
import io.cexsafe.scoring.Severity;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Rules of the Custody &amp; Storage pillar. */
final class CustodyRules {
  private CustodyRules() {}

  static final double SNAPSHOT_FULL_DAYS = 7;
  static final double SNAPSHOT_ZERO_DAYS = 90;

  /** Above this own-token share of reserves a MEDIUM warning is raised. */
  static final double OWN_TOKEN_WARNING_SHARE = 0.20;

  /** A reserve change at or below this is a HIGH warning (a bank-run signal). */
  static final double OUTFLOW_WARNING_CHANGE = -0.20;

  /** A reserve snapshot by how it was read; scaled by its freshness. */
  static final Table RESERVE_SNAPSHOT = Table.best("onChain", 15).then("offChain", 6);

  static final Curve.Linear SNAPSHOT_FRESHNESS =
      Curve.lowerIsBetter(SNAPSHOT_FULL_DAYS, SNAPSHOT_ZERO_DAYS, Fmt::num);

  /** A disclosed cold-storage share (on its curve) or a claim without a number. */
  static final Table COLD_STORAGE = Table.best("share", 15).then("claim", 6);

  static final Curve.Linear COLD_SHARE = Curve.higherIsBetter(0.5, 0.9, Curve::percent);

  /** How many of HSM, MPC and multisig are disclosed; each operational safeguard adds to it. */
  static final Table KEY_PROTECTIONS = Table.best("three", 9).then("two", 8).then("one", 6);

  static final double SAFEGUARD_POINTS = 0.5;

  static final Scale KEY_MANAGEMENT =
      Scale.max(10)
          .with(KEY_PROTECTIONS.terms())
          .with(java.util.Map.of("safeguard", Fmt.num(SAFEGUARD_POINTS)));

  static final Composite SEGREGATION =
      Composite.of(
          Composite.part("backing", 4),
          Composite.part("segregated", 3),
          Composite.part("remote", 3));

  static final Table QUALIFIED_CUSTODY =
      Table.best("choosable", 5).then("qualified", 3).then("sub", 2).then("technology", 1);

  static final Composite RELATED_PARTIES =
      Composite.of(Composite.part("noAffiliateUse", 6), Composite.part("tradingFirm", 4));

  static List<Rule> rules() {
    Pillar p = Pillar.CUSTODY;
    return List.of(
        Rule.declared(
                "custody.reserves-tracked",
                p,
                "Reserves tracked on-chain and fresh",
                RESERVE_SNAPSHOT.with(SNAPSHOT_FRESHNESS.terms("age")),
                "{onChain} points for a reserve snapshot read from on-chain tracking of known"
                    + " wallets; {offChain} for a snapshot that is not on-chain (e.g."
                    + " self-reported). Scaled by freshness: full up to {age.full} days old, falling"
                    + " linearly to nothing at {age.zero} days. The best snapshot counts."
                    + " Unknown without any reserve snapshot; checked absent (0) when a search of"
                    + " reserve trackers found none.",
                "Holdings anyone can watch on-chain cannot be quietly lent out or double-counted for"
                    + " long; a figure that is weeks old says little about today.",
                CustodyRules::reservesTracked)
            .absentWhenSearched(SearchTopic.RESERVES),
        CurveRule.of(
            "custody.own-token-share",
            p,
            "Own-token share of reserves",
            15,
            Curve.lowerIsBetter(0.02, 0.30, Curve::percent),
            "Share of reserves held in the exchange's own token (from the reserve composition, or"
                + " own-token value over total reserves). {curve}. A share above "
                + Curve.percent(OWN_TOKEN_WARNING_SHARE)
                + " is a MEDIUM warning, above 30 % a red flag. Unknown when no source states the"
                + " share.",
            "An exchange's own token is worth most when the exchange is healthy and least in a"
                + " run: reserves made of it vanish exactly when users need them (FTX/FTT).",
            CustodyRules::ownTokenShare,
            CustodyRules::ownTokenWarning),
        CurveRule.of(
            "custody.reserve-stability",
            p,
            "Reserve stability (30-day net flow)",
            10,
            Curve.higherIsBetter(-0.30, -0.10, Curve::percent),
            "Net flow over the window closest to 30 days as a share of reserves (falling back to"
                + " the relative reserve change over a 7-90 day window): {curve}. A "
                + Curve.percent(-OUTFLOW_WARNING_CHANGE)
                + " outflow or worse is a HIGH warning. Unknown without a flow or trend.",
            "Large sustained outflows are the visible signature of a bank run; modest ones are"
                + " normal market movement.",
            CustodyRules::reserveStability,
            CustodyRules::outflowWarning),
        CurveRule.of(
            "custody.long-tail-concentration",
            p,
            "Reserves in volatile long-tail assets",
            10,
            Curve.lowerIsBetter(0.10, 0.50, Curve::percent),
            "Share of reserves outside BTC, ETH and stablecoins (the long-tail share, or one minus"
                + " the major-asset share): {curve}. Unknown without a composition.",
            "Long-tail tokens are thinly traded: their marked value cannot be realised in a run.",
            CustodyRules::longTail),
        Rule.declared(
                "custody.cold-storage",
                p,
                "Disclosed cold-storage share",
                COLD_STORAGE.with(COLD_SHARE.terms("cold")),
                "A disclosed cold-storage share earns {share} points at {cold.full} or more, none"
                    + " at {cold.zero} or less, linear in between. A qualitative claim without a"
                    + " number earns {claim}. A stated"
                    + " number takes precedence over a vaguer claim. Unknown when nothing is"
                    + " disclosed.",
                "Keys kept offline cannot be stolen through the exchange's online systems; most large"
                    + " exchange hacks drained hot wallets.",
                CustodyRules::coldStorage)
            .discountingClaims(),
        Rule.declared(
                "custody.key-management",
                p,
                "Key management (HSM / MPC / multisig)",
                KEY_MANAGEMENT,
                "Across all key-management disclosures: one of HSM, MPC or multisig earns {one},"
                    + " two earn {two}, all three {three}; each operational safeguard (air gap,"
                    + " geographic distribution, role-based access) adds {safeguard}, up to {max}."
                    + " Unknown without a disclosure.",
                "No single person or machine should be able to move customer funds; these are the"
                    + " established ways to ensure it.",
                CustodyRules::keyManagement)
            .discountingClaims(),
        Rule.declared(
                "custody.segregation",
                p,
                "Segregation and 1:1 backing",
                SEGREGATION,
                "Per statement, the most trusted (then newest) source decides: 1:1 backing"
                    + " {backing} points, segregation from the exchange's own assets {segregated},"
                    + " a bankruptcy-remote entity or trust {remote}. Unknown when no source states any of them.",
                "In an insolvency, commingled customer assets become the estate's; segregated,"
                    + " bankruptcy-remote ones can be returned.",
                CustodyRules::segregation)
            .discountingClaims(),
        Rule.declared(
                "custody.qualified-custody",
                p,
                "Qualified third-party custody",
                QUALIFIED_CUSTODY,
                "{choosable} points when customers can choose a regulated qualified custodian,"
                    + " {qualified} when one holds assets but customers cannot choose it, {sub} for"
                    + " a sub-custodian, {technology} for a wallet technology provider only. The best provider counts. Unknown without any"
                    + " custody-provider fact.",
                "A regulated custodian adds an independent holder with its own capital and audit"
                    + " obligations between the exchange and the assets.",
                CustodyRules::qualifiedCustody)
            .discountingClaims(),
        Rule.declared(
                "custody.related-parties",
                p,
                "Related parties: affiliates and customer assets",
                RELATED_PARTIES,
                "{noAffiliateUse} points when customer assets are stated never to be lent to,"
                    + " held, borrowed or traded by an affiliate (0 when they are, which is also a"
                    + " red flag); {tradingFirm} more"
                    + " when the exchange discloses whether it has an affiliated trading firm or"
                    + " market maker (either answer). The most trusted, then newest, statement"
                    + " decides each part. Credited by evidence class. Unknown when nothing is"
                    + " stated.",
                "FTX lent customer deposits to its affiliated trading firm Alameda; an affiliate"
                    + " that trades against customers or borrows their assets is the failure that"
                    + " proof of reserves cannot see.",
                CustodyRules::relatedParties)
            .discountingClaims());
  }

  private static Outcome reservesTracked(ScoringContext ctx) {
    List<Item<ReserveSnapshot>> snapshots = ctx.all(ReserveSnapshot.class);
    if (snapshots.isEmpty()) {
      return Outcome.unknown("no reserve snapshot");
    }
    Item<ReserveSnapshot> best = null;
    double bestPoints = -1;
    for (Item<ReserveSnapshot> item : snapshots) {
      double points = snapshotPoints(ctx, item);
      if (points > bestPoints) {
        best = item;
        bestPoints = points;
      }
    }
    double age = ctx.ageDays(best.evidence().provenance().observedAt());
    String value =
        Fmt.usd(best.fact().totalUsd())
            + (best.fact().trackedOnChain() ? " on-chain, " : " not on-chain, ")
            + Fmt.days(age)
            + " old";
    return Outcome.known(bestPoints, value, "reserves " + value, best);
  }

  private static double snapshotPoints(ScoringContext ctx, Item<ReserveSnapshot> item) {
    double base = RESERVE_SNAPSHOT.points(item.fact().trackedOnChain() ? "onChain" : "offChain");
    double age = ctx.ageDays(item.evidence().provenance().observedAt());
    return base * SNAPSHOT_FRESHNESS.fraction(age);
  }

  private static CurveRule.Reading ownTokenShare(ScoringContext ctx) {
    ScoringContext.Choice<ReserveComposition> composition =
        ctx.winner(
            ReserveComposition.class,
            f -> f.ownTokenShare() != null,
            (a, b) -> Math.abs(a.ownTokenShare() - b.ownTokenShare()) > 0.05,
            "own-token share of reserves");
    Item<?> source;
    double share;
    if (composition.isPresent()) {
      source = composition.get();
      share = composition.get().fact().ownTokenShare();
    } else {
      Optional<Item<ReserveSnapshot>> snapshot =
          ctx
              .current(
                  ReserveSnapshot.class, f -> f.ownTokenUsd() != null && f.totalUsd().signum() > 0)
              .stream()
              .min(ScoringContext.WINNER_FIRST);
      if (snapshot.isEmpty()) {
        return CurveRule.Reading.unknown("no source states the own-token share of reserves")
            .withFindings(composition.conflicts());
      }
      source = snapshot.get();
      share =
          Math.min(
              1,
              snapshot
                  .get()
                  .fact()
                  .ownTokenUsd()
                  .divide(snapshot.get().fact().totalUsd(), MathContext.DECIMAL64)
                  .doubleValue());
    }
    return CurveRule.Reading.of(
            share, source, pct(share), "own token " + pct(share) + " of reserves")
        .withFindings(composition.conflicts());
  }

  private static Outcome ownTokenWarning(CurveRule.Reading reading, Outcome outcome) {
    return reading.x() > OWN_TOKEN_WARNING_SHARE
        ? outcome.withFinding(
            Severity.MEDIUM,
            FindingKind.WARNING,
            reading.items().get(0),
            pct(reading.x()) + " of reserves are the exchange's own token")
        : outcome;
  }

  private static CurveRule.Reading reserveStability(ScoringContext ctx) {
    Optional<Item<NetFlow>> flow =
        ctx.current(NetFlow.class, f -> f.shareOfReserves() != null).stream()
            .min(
                Comparator.<Item<NetFlow>>comparingInt(i -> Math.abs(i.fact().windowHours() - 720))
                    .thenComparing(ScoringContext.WINNER_FIRST));
    Item<?> source;
    double change;
    if (flow.isPresent()) {
      source = flow.get();
      change = flow.get().fact().shareOfReserves();
    } else {
      Optional<Item<ReserveTrend>> trend =
          ctx.current(ReserveTrend.class).stream()
              .filter(i -> i.fact().windowDays() >= 7 && i.fact().windowDays() <= 90)
              .min(
                  Comparator.<Item<ReserveTrend>>comparingInt(
                          i -> Math.abs(i.fact().windowDays() - 30))
                      .thenComparing(ScoringContext.WINNER_FIRST));
      if (trend.isEmpty()) {
        return CurveRule.Reading.unknown("no net flow or reserve trend");
      }
      source = trend.get();
      change = trend.get().fact().change();
    }
    String window = window(source);
    String value = String.format(java.util.Locale.ROOT, "%+.1f%%", change * 100);
    return CurveRule.Reading.of(change, source, value + " (" + window + ")", window + " " + value);
  }

  private static Outcome outflowWarning(CurveRule.Reading reading, Outcome outcome) {
    if (reading.x() > OUTFLOW_WARNING_CHANGE) {
      return outcome;
    }
    Item<?> source = reading.items().get(0);
    return outcome.withFinding(
        Severity.HIGH,
        FindingKind.WARNING,
        source,
        window(source) + " of " + Fmt.pct(reading.x()) + " of reserves: a bank-run signal");
  }

  /** "30-day net flow" or "30-day reserve change": what the stability reading measured. */
  private static String window(Item<?> source) {
    if (source.fact() instanceof NetFlow flow) {
      int hours = flow.windowHours();
      return hours % 24 == 0 ? hours / 24 + "-day net flow" : hours + "-hour net flow";
    }
    return ((ReserveTrend) source.fact()).windowDays() + "-day reserve change";
  }

  private static CurveRule.Reading longTail(ScoringContext ctx) {
    ScoringContext.Choice<ReserveComposition> longTail =
        ctx.winner(
            ReserveComposition.class,
            f -> f.longTailShare() != null || f.majorAssetShare() != null,
            (a, b) -> Math.abs(longTailOf(a) - longTailOf(b)) > 0.05,
            "long-tail share of reserves");
    if (longTail.isEmpty()) {
      return CurveRule.Reading.unknown("no reserve composition");
    }
    double share = longTailOf(longTail.get().fact());
    return CurveRule.Reading.of(
            share,
            longTail.get(),
            pct(share) + " long tail",
            "long-tail assets " + pct(share) + " of reserves")
        .withFindings(longTail.conflicts());
  }

  private static double longTailOf(ReserveComposition c) {
    return c.longTailShare() != null ? c.longTailShare() : 1 - c.majorAssetShare();
  }

  private static Outcome coldStorage(ScoringContext ctx) {
    ScoringContext.Choice<ColdStorage> numeric =
        ctx.winner(
            ColdStorage.class,
            f -> f.coldShare() != null,
            (a, b) -> Math.abs(a.coldShare() - b.coldShare()) > 0.05,
            "cold-storage share");
    if (numeric.isPresent()) {
      double share = numeric.get().fact().coldShare();
      double points = COLD_STORAGE.points("share") * COLD_SHARE.fraction(share);
      return Outcome.known(
              points,
              pct(share) + " cold",
              "disclosed cold-storage share " + pct(share),
              numeric.get())
          .withFindings(numeric.conflicts());
    }
    Optional<Item<ColdStorage>> claim =
        ctx.all(ColdStorage.class).stream().min(ScoringContext.WINNER_FIRST);
    if (claim.isEmpty()) {
      return Outcome.unknown("no cold-storage disclosure").withFindings(numeric.conflicts());
    }
    return Outcome.known(
            COLD_STORAGE.points("claim"),
            "qualitative claim",
            "cold storage claimed without a share (\"" + claim.get().fact().claim() + "\")",
            claim.get())
        .withFindings(numeric.conflicts());
  }

  private static final Set<KeyProtection> CORE =
      EnumSet.of(KeyProtection.HSM, KeyProtection.MPC, KeyProtection.MULTISIG);

  private static Outcome keyManagement(ScoringContext ctx) {
    List<Item<KeyManagement>> items = ctx.all(KeyManagement.class);
    if (items.isEmpty()) {
      return Outcome.unknown("no key-management disclosure");
    }
    Set<KeyProtection> union = EnumSet.noneOf(KeyProtection.class);
    items.forEach(i -> union.addAll(i.fact().protections()));
    long core = union.stream().filter(CORE::contains).count();
    long operational = union.size() - core;
    double protections =
        core == 0 ? 0 : KEY_PROTECTIONS.points(core == 1 ? "one" : core == 2 ? "two" : "three");
    double points = Math.min(KEY_MANAGEMENT.max(), protections + SAFEGUARD_POINTS * operational);
    String value = String.join(", ", new TreeSet<>(union.stream().map(Fmt::lower).toList()));
    return Outcome.known(points, value, "key management: " + value, items);
  }

  private static Outcome segregation(ScoringContext ctx) {
    ScoringContext.Choice<AssetSegregation> backing =
        ctx.winner(
            AssetSegregation.class,
            f -> f.oneToOneBacking() != null,
            (a, b) -> !a.oneToOneBacking().equals(b.oneToOneBacking()),
            "1:1 backing");
    ScoringContext.Choice<AssetSegregation> segregated =
        ctx.winner(
            AssetSegregation.class,
            f -> f.segregated() != null,
            (a, b) -> !a.segregated().equals(b.segregated()),
            "segregation of customer assets");
    ScoringContext.Choice<AssetSegregation> remote =
        ctx.winner(
            AssetSegregation.class,
            f -> f.bankruptcyRemote() != null,
            (a, b) -> !a.bankruptcyRemote().equals(b.bankruptcyRemote()),
            "bankruptcy-remote holding");
    List<Finding> conflicts = new ArrayList<>(backing.conflicts());
    conflicts.addAll(segregated.conflicts());
    conflicts.addAll(remote.conflicts());
    if (backing.isEmpty() && segregated.isEmpty() && remote.isEmpty()) {
      return Outcome.unknown("no statement on segregation or backing");
    }
    List<Double> points = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    List<Item<?>> used = new ArrayList<>();
    if (backing.isPresent()) {
      boolean yes = backing.get().fact().oneToOneBacking();
      points.add(SEGREGATION.points("backing", yes ? 1 : 0));
      parts.add((yes ? "" : "not ") + "1:1 backed");
      used.add(backing.get());
    }
    if (segregated.isPresent()) {
      boolean yes = segregated.get().fact().segregated();
      points.add(SEGREGATION.points("segregated", yes ? 1 : 0));
      parts.add((yes ? "" : "not ") + "segregated");
      used.add(segregated.get());
    }
    if (remote.isPresent()) {
      boolean yes = remote.get().fact().bankruptcyRemote();
      points.add(SEGREGATION.points("remote", yes ? 1 : 0));
      parts.add((yes ? "" : "not ") + "bankruptcy-remote");
      used.add(remote.get());
    }
    String value = String.join(", ", parts);
    return Outcome.knownParts(value, "customer assets " + value, used, points)
        .withFindings(conflicts);
  }

  private static Outcome relatedParties(ScoringContext ctx) {
    ScoringContext.Choice<Governance> use =
        ctx.winner(
            Governance.class,
            f -> f.customerAssetsUsedByAffiliate() != null,
            (a, b) -> !a.customerAssetsUsedByAffiliate().equals(b.customerAssetsUsedByAffiliate()),
            "use of customer assets by affiliates");
    ScoringContext.Choice<Governance> tradingFirm =
        ctx.winner(
            Governance.class,
            f -> f.affiliatedTradingFirm() != null,
            (a, b) -> !a.affiliatedTradingFirm().equals(b.affiliatedTradingFirm()),
            "affiliated trading firm");
    List<Finding> conflicts = new ArrayList<>(use.conflicts());
    conflicts.addAll(tradingFirm.conflicts());
    if (use.isEmpty() && tradingFirm.isEmpty()) {
      return Outcome.unknown("no statement on related parties");
    }
    List<Double> points = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    List<Item<?>> used = new ArrayList<>();
    if (use.isPresent()) {
      boolean used_ = use.get().fact().customerAssetsUsedByAffiliate();
      points.add(RELATED_PARTIES.points("noAffiliateUse", used_ ? 0 : 1));
      parts.add(
          used_ ? "customer assets used by an affiliate" : "no affiliate use of customer assets");
      used.add(use.get());
    }
    if (tradingFirm.isPresent()) {
      points.add(RELATED_PARTIES.part("tradingFirm"));
      parts.add(
          tradingFirm.get().fact().affiliatedTradingFirm()
              ? "affiliated trading firm disclosed"
              : "no affiliated trading firm");
      used.add(tradingFirm.get());
    }
    String value = String.join(", ", parts);
    return Outcome.knownParts(value, value, used, points).withFindings(conflicts);
  }

  private static Outcome qualifiedCustody(ScoringContext ctx) {
    List<Item<CustodyProvider>> providers = ctx.current(CustodyProvider.class);
    if (providers.isEmpty()) {
      return Outcome.unknown("no custody provider disclosed");
    }
    Item<CustodyProvider> best = null;
    double bestPoints = -1;
    for (Item<CustodyProvider> item : providers) {
      CustodyProvider f = item.fact();
      double points =
          QUALIFIED_CUSTODY.points(
              f.role() == CustodyRole.QUALIFIED_CUSTODIAN
                  ? (f.availableToCustomers() ? "choosable" : "qualified")
                  : f.role() == CustodyRole.SUB_CUSTODIAN ? "sub" : "technology");
      if (points > bestPoints) {
        best = item;
        bestPoints = points;
      }
    }
    String value = best.fact().name() + " (" + Fmt.lower(best.fact().role()) + ")";
    return Outcome.known(bestPoints, value, "custody provider " + value, best);
  }
}
