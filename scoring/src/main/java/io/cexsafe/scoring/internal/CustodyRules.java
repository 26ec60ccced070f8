package io.cexsafe.scoring.internal;

import static io.cexsafe.scoring.internal.Fmt.pct;

import io.cexsafe.Pillar;
import io.cexsafe.facts.AssetSegregation;
import io.cexsafe.facts.ColdStorage;
import io.cexsafe.facts.CustodyProvider;
import io.cexsafe.facts.CustodyRole;
import io.cexsafe.facts.Fact;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.Predicate;

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
      Curve.lowerIsBetter(SNAPSHOT_FULL_DAYS, SNAPSHOT_ZERO_DAYS, Label.NUMBER);

  /** A disclosed cold-storage share (on its curve) or a claim without a number. */
  static final Table COLD_STORAGE = Table.best("share", 15).then("claim", 6);

  static final Curve.Linear COLD_SHARE = Curve.higherIsBetter(0.5, 0.9, Label.PERCENT);

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
                Evaluation.RESERVES_TRACKED)
            .absentWhenSearched(SearchTopic.RESERVES),
        CurveRule.of(
            "custody.own-token-share",
            p,
            "Own-token share of reserves",
            15,
            Curve.lowerIsBetter(0.02, 0.30, Label.PERCENT),
            "Share of reserves held in the exchange's own token (from the reserve composition, or"
                + " own-token value over total reserves). {curve}. A share above "
                + Curve.percent(OWN_TOKEN_WARNING_SHARE)
                + " is a MEDIUM warning, above 30 % a red flag. Unknown when no source states the"
                + " share.",
            "An exchange's own token is worth most when the exchange is healthy and least in a"
                + " run: reserves made of it vanish exactly when users need them (FTX/FTT).",
            Measure.OWN_TOKEN_SHARE,
            Warning.OWN_TOKEN),
        CurveRule.of(
            "custody.reserve-stability",
            p,
            "Reserve stability (30-day net flow)",
            10,
            Curve.higherIsBetter(-0.30, -0.10, Label.PERCENT),
            "Net flow over the window closest to 30 days as a share of reserves (falling back to"
                + " the relative reserve change over a 7-90 day window): {curve}. A "
                + Curve.percent(-OUTFLOW_WARNING_CHANGE)
                + " outflow or worse is a HIGH warning. Unknown without a flow or trend.",
            "Large sustained outflows are the visible signature of a bank run; modest ones are"
                + " normal market movement.",
            Measure.RESERVE_STABILITY,
            Warning.OUTFLOW),
        CurveRule.of(
            "custody.long-tail-concentration",
            p,
            "Reserves in volatile long-tail assets",
            10,
            Curve.lowerIsBetter(0.10, 0.50, Label.PERCENT),
            "Share of reserves outside BTC, ETH and stablecoins (the long-tail share, or one minus"
                + " the major-asset share): {curve}. Unknown without a composition.",
            "Long-tail tokens are thinly traded: their marked value cannot be realised in a run.",
            Measure.LONG_TAIL),
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
                Evaluation.COLD_STORAGE)
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
                Evaluation.KEY_MANAGEMENT)
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
                Evaluation.SEGREGATION)
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
                Evaluation.QUALIFIED_CUSTODY)
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
                Evaluation.RELATED_PARTIES)
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
            Property.OWN_TOKEN_SHARE,
            Property.OWN_TOKEN_SHARE.disagree,
            "own-token share of reserves");
    Item<?> source;
    double share;
    if (composition.isPresent()) {
      source = composition.get();
      share = composition.get().fact().ownTokenShare();
    } else {
      Optional<Item<ReserveSnapshot>> snapshot =
          ctx.current(ReserveSnapshot.class, Property.OWN_TOKEN_USD).stream()
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
    // the flow whose window is closest to 30 days, then the winner (the first of equals)
    Item<NetFlow> flow = null;
    int flowDistance = 0;
    for (Item<NetFlow> item : ctx.current(NetFlow.class, Property.FLOW_SHARE)) {
      int distance = Math.abs(item.fact().windowHours() - 720);
      if (flow == null || closer(distance, item, flowDistance, flow)) {
        flow = item;
        flowDistance = distance;
      }
    }
    Item<?> source;
    double change;
    if (flow != null) {
      source = flow;
      change = flow.fact().shareOfReserves();
    } else {
      // else the 7-90 day trend closest to 30 days, then the winner
      Item<ReserveTrend> trend = null;
      int trendDistance = 0;
      for (Item<ReserveTrend> item : ctx.current(ReserveTrend.class)) {
        int days = item.fact().windowDays();
        if (days < 7 || days > 90) {
          continue;
        }
        int distance = Math.abs(days - 30);
        if (trend == null || closer(distance, item, trendDistance, trend)) {
          trend = item;
          trendDistance = distance;
        }
      }
      if (trend == null) {
        return CurveRule.Reading.unknown("no net flow or reserve trend");
      }
      source = trend;
      change = trend.fact().change();
    }
    String window = window(source);
    String value = String.format(java.util.Locale.ROOT, "%+.1f%%", change * 100);
    return CurveRule.Reading.of(change, source, value + " (" + window + ")", window + " " + value);
  }

  /**
   * Whether a candidate is nearer the wanted window than the best so far, or as near and winning.
   */
  private static boolean closer(int distance, Item<?> item, int bestDistance, Item<?> best) {
    return distance < bestDistance
        || (distance == bestDistance && ScoringContext.WINNER_FIRST.compare(item, best) < 0);
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
            Property.LONG_TAIL_SHARE,
            Property.LONG_TAIL_SHARE.disagree,
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
            Property.COLD_SHARE,
            Property.COLD_SHARE.disagree,
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
    for (Item<KeyManagement> item : items) {
      union.addAll(item.fact().protections());
    }
    long core = 0;
    Set<String> names = new TreeSet<>();
    for (KeyProtection protection : union) {
      core += CORE.contains(protection) ? 1 : 0;
      names.add(Fmt.lower(protection));
    }
    long operational = union.size() - core;
    double protections =
        core == 0 ? 0 : KEY_PROTECTIONS.points(core == 1 ? "one" : core == 2 ? "two" : "three");
    double points = Math.min(KEY_MANAGEMENT.max(), protections + SAFEGUARD_POINTS * operational);
    String value = String.join(", ", names);
    return Outcome.known(points, value, "key management: " + value, items);
  }

  private static Outcome segregation(ScoringContext ctx) {
    ScoringContext.Choice<AssetSegregation> backing =
        ctx.winner(
            AssetSegregation.class,
            Property.ONE_TO_ONE_BACKING,
            Property.ONE_TO_ONE_BACKING.disagree,
            "1:1 backing");
    ScoringContext.Choice<AssetSegregation> segregated =
        ctx.winner(
            AssetSegregation.class,
            Property.SEGREGATED,
            Property.SEGREGATED.disagree,
            "segregation of customer assets");
    ScoringContext.Choice<AssetSegregation> remote =
        ctx.winner(
            AssetSegregation.class,
            Property.BANKRUPTCY_REMOTE,
            Property.BANKRUPTCY_REMOTE.disagree,
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
            Property.AFFILIATE_USE,
            Property.AFFILIATE_USE.disagree,
            "use of customer assets by affiliates");
    ScoringContext.Choice<Governance> tradingFirm =
        ctx.winner(
            Governance.class,
            Property.AFFILIATED_TRADING_FIRM,
            Property.AFFILIATED_TRADING_FIRM.disagree,
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

  // The rule book's functions below are named constants of a few classes dispatching by a switch,
  // not method references and lambdas: each lambda's call site is linked on every run (about
  // 0.2 ms of interpreted bootstrap each, even from the CDS archive), and an offline assess linked
  // 40 of them in this file alone (issue #19).

  /** The rules that evaluate to an outcome. */
  private enum Evaluation implements Function<ScoringContext, Outcome> {
    RESERVES_TRACKED,
    COLD_STORAGE,
    KEY_MANAGEMENT,
    SEGREGATION,
    QUALIFIED_CUSTODY,
    RELATED_PARTIES;

    @Override
    public Outcome apply(ScoringContext ctx) {
      return switch (this) {
        case RESERVES_TRACKED -> reservesTracked(ctx);
        case COLD_STORAGE -> coldStorage(ctx);
        case KEY_MANAGEMENT -> keyManagement(ctx);
        case SEGREGATION -> segregation(ctx);
        case QUALIFIED_CUSTODY -> qualifiedCustody(ctx);
        case RELATED_PARTIES -> relatedParties(ctx);
      };
    }
  }

  /** The curve rules' readings. */
  private enum Measure implements Function<ScoringContext, CurveRule.Reading> {
    OWN_TOKEN_SHARE,
    RESERVE_STABILITY,
    LONG_TAIL;

    @Override
    public CurveRule.Reading apply(ScoringContext ctx) {
      return switch (this) {
        case OWN_TOKEN_SHARE -> ownTokenShare(ctx);
        case RESERVE_STABILITY -> reserveStability(ctx);
        case LONG_TAIL -> longTail(ctx);
      };
    }
  }

  /** The warnings curve rules add to their outcome. */
  private enum Warning implements BiFunction<CurveRule.Reading, Outcome, Outcome> {
    OWN_TOKEN,
    OUTFLOW;

    @Override
    public Outcome apply(CurveRule.Reading reading, Outcome outcome) {
      return switch (this) {
        case OWN_TOKEN -> ownTokenWarning(reading, outcome);
        case OUTFLOW -> outflowWarning(reading, outcome);
      };
    }
  }

  /** How curves write their thresholds. */
  private enum Label implements DoubleFunction<String> {
    NUMBER,
    PERCENT;

    @Override
    public String apply(double value) {
      return switch (this) {
        case NUMBER -> Fmt.num(value);
        case PERCENT -> Curve.percent(value);
      };
    }
  }

  /**
   * A property the rules read from facts of one type: a fact states it when its value is not null,
   * and two facts disagree on it when their values differ (shares by more than 5 points).
   */
  private static final class Property<T extends Fact> implements Predicate<T> {
    static final Property<ReserveComposition> OWN_TOKEN_SHARE = new Property<>();
    static final Property<ReserveComposition> LONG_TAIL_SHARE = new Property<>();
    static final Property<ReserveSnapshot> OWN_TOKEN_USD = new Property<>();
    static final Property<NetFlow> FLOW_SHARE = new Property<>();
    static final Property<ColdStorage> COLD_SHARE = new Property<>();
    static final Property<AssetSegregation> ONE_TO_ONE_BACKING = new Property<>();
    static final Property<AssetSegregation> SEGREGATED = new Property<>();
    static final Property<AssetSegregation> BANKRUPTCY_REMOTE = new Property<>();
    static final Property<Governance> AFFILIATE_USE = new Property<>();
    static final Property<Governance> AFFILIATED_TRADING_FIRM = new Property<>();

    private Property() {}

    /** The fact's value of this property, null when it does not state it. */
    private Object value(Fact fact) {
      if (this == OWN_TOKEN_SHARE) {
        return ((ReserveComposition) fact).ownTokenShare();
      }
      if (this == LONG_TAIL_SHARE) {
        ReserveComposition c = (ReserveComposition) fact;
        return c.longTailShare() != null || c.majorAssetShare() != null ? longTailOf(c) : null;
      }
      if (this == OWN_TOKEN_USD) {
        ReserveSnapshot snapshot = (ReserveSnapshot) fact;
        return snapshot.ownTokenUsd() != null && snapshot.totalUsd().signum() > 0
            ? snapshot.ownTokenUsd()
            : null;
      }
      if (this == FLOW_SHARE) {
        return ((NetFlow) fact).shareOfReserves();
      }
      if (this == COLD_SHARE) {
        return ((ColdStorage) fact).coldShare();
      }
      if (this == ONE_TO_ONE_BACKING) {
        return ((AssetSegregation) fact).oneToOneBacking();
      }
      if (this == SEGREGATED) {
        return ((AssetSegregation) fact).segregated();
      }
      if (this == BANKRUPTCY_REMOTE) {
        return ((AssetSegregation) fact).bankruptcyRemote();
      }
      if (this == AFFILIATE_USE) {
        return ((Governance) fact).customerAssetsUsedByAffiliate();
      }
      return ((Governance) fact).affiliatedTradingFirm();
    }

    @Override
    public boolean test(T fact) {
      return value(fact) != null;
    }

    /** Whether two facts that state the property disagree on it. */
    final BiPredicate<T, T> disagree = new Disagreement<>(this);

    /**
     * A property's disagreement, a class of its own: Predicate and BiPredicate cannot share one.
     */
    private static final class Disagreement<T extends Fact> implements BiPredicate<T, T> {
      private final Property<T> property;

      private Disagreement(Property<T> property) {
        this.property = property;
      }

      @Override
      public boolean test(T a, T b) {
        Object x = property.value(a);
        Object y = property.value(b);
        return x instanceof Double share ? Math.abs(share - (Double) y) > 0.05 : !x.equals(y);
      }
    }
  }
}
