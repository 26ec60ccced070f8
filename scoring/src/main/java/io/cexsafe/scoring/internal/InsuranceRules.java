package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import io.cexsafe.facts.InsurancePolicy;
import io.cexsafe.facts.InsuranceScope;
import io.cexsafe.facts.ProtectionProgramme;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.facts.SearchTopic;
import io.cexsafe.facts.SelfInsuranceFund;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/** Rules of the Insurance pillar. */
final class InsuranceRules {
  private InsuranceRules() {}

  static final Scale COVER = Scale.max(30);

  /** Cover over reserves; saturates at a tenth because no exchange insures all custody. */
  static final Curve.Log COVER_RATIO = Curve.log10(-4, -1, Format.PERCENT);

  /** Cover in dollars, when reserves are unknown. */
  static final Curve.Log COVER_USD = Curve.log10(6, 9, Format.USD);

  static final Table UNDERWRITER = Table.best("named", 15).then("broker", 7).then("none", 0);

  /** The broadest scope of any policy. */
  static final Table SCOPE =
      Table.best("hot", 15).then("crime", 8).then("custody", 5).then("cold", 3);

  static final Composite PROGRAMME =
      Composite.of(
          Composite.part("having", 8),
          Composite.part("binding", 6),
          Composite.part("cap", 4),
          Composite.part("terms", 2));

  static final Table TERMS = Table.best("policy", 10).then("programme", 6).then("none", 0);

  static final Composite FUND = Composite.of(Composite.part("fund", 4), Composite.part("size", 6));

  static final Curve.Log FUND_SIZE = Curve.log10(7, 9, Format.USD);

  static List<Rule> rules() {
    Pillar p = Pillar.INSURANCE;
    return List.of(
        Rule.declared(
                "insurance.cover-ratio",
                p,
                "Insured amount relative to custody",
                COVER.with(COVER_RATIO.terms("ratio")).with(COVER_USD.terms("usd")),
                "Total disclosed cover of all distinct policies divided by the current reserves,"
                    + " on a log scale: nothing at {ratio.zero} or less, full points at {ratio.full}"
                    + " or more. When reserves are unknown, the absolute cover counts instead:"
                    + " nothing at {usd.zero}, full at {usd.full}, log scale. Unknown when no policy discloses its cover.",
                "Cover matters in proportion to what it protects; no exchange insures all custody, so"
                    + " the scale is logarithmic and saturates at a tenth.",
                Evaluation.COVER_RATIO)
            .absentWhenSearched(SearchTopic.INSURANCE)
            .discountingClaims(),
        Rule.declared(
                "insurance.underwriter",
                p,
                "Named underwriter",
                UNDERWRITER,
                "{named} points when a policy names its (lead) underwriter, {broker} when only the"
                    + " broker is named, {none} when neither. Unknown without any policy.",
                "An unnamed insurer cannot be checked; a named one can be, and has its reputation at"
                    + " stake.",
                Evaluation.UNDERWRITER)
            .absentWhenSearched(SearchTopic.INSURANCE)
            .discountingClaims(),
        Rule.declared(
                "insurance.hot-wallet-scope",
                p,
                "Scope covers hot wallets",
                SCOPE,
                "The broadest scope counts: hot wallets {hot} points, crime or cyber cover {crime},"
                    + " custody cover {custody}, cold storage or specie only {cold}. Unknown when no policy states its"
                    + " scope.",
                "Most losses happen from hot wallets; cover of cold storage alone protects the part"
                    + " least at risk.",
                Evaluation.SCOPE)
            .absentWhenSearched(SearchTopic.INSURANCE)
            .discountingClaims(),
        Rule.declared(
                "insurance.protection-programme",
                p,
                "Retail protection programme",
                PROGRAMME,
                "The best programme: {having} points for having one, {binding} more when relief is"
                    + " not at the exchange's discretion, {cap} when a per-user cap is stated,"
                    + " {terms} when terms are published. Unknown when no programme is known.",
                "What a retail user can actually claim after an account takeover depends on such a"
                    + " programme, not on the exchange's corporate policies.",
                Evaluation.PROGRAMME)
            .absentWhenSearched(SearchTopic.PROTECTION_PROGRAMME)
            .discountingClaims(),
        Rule.declared(
                "insurance.terms-published",
                p,
                "Published terms and exclusions",
                TERMS,
                "{policy} points when a policy's terms and exclusions are published, {programme}"
                    + " when a protection programme publishes its terms, {none} when a policy says its terms are not"
                    + " published or a programme has none. Unknown otherwise.",
                "Exclusions decide whether cover pays; unpublished terms cannot be relied on.",
                Evaluation.TERMS)
            .absentWhenSearched(SearchTopic.INSURANCE)
            .discountingClaims(),
        Rule.declared(
                "insurance.self-insurance-fund",
                p,
                "Self-insurance fund",
                FUND.with(FUND_SIZE.terms("size")),
                "A disclosed fund earns {fund} points; with a stated size, {fund} plus up to"
                    + " {size} on a log scale (nothing more at {size.zero}, full at {size.full})."
                    + " Unknown without a fund. It counts"
                    + " less than insurance because the money stays the exchange's own.",
                "A fund like SAFU can compensate users, but it is not independent of the exchange's"
                    + " solvency.",
                Evaluation.SELF_INSURANCE)
            .absentWhenSearched(SearchTopic.PROTECTION_PROGRAMME)
            .discountingClaims());
  }

  private static Outcome coverRatio(ScoringContext ctx) {
    List<Item<InsurancePolicy>> sized = new ArrayList<>();
    BigDecimal cover = BigDecimal.ZERO;
    for (Item<InsurancePolicy> item : ctx.current(InsurancePolicy.class)) {
      if (item.fact().coverUsd() != null) {
        sized.add(item);
        cover = cover.add(item.fact().coverUsd());
      }
    }
    if (sized.isEmpty()) {
      return Outcome.unknown("no policy discloses its cover");
    }
    Optional<Item<ReserveSnapshot>> reserves = ctx.latest(ReserveSnapshot.class);
    if (reserves.isPresent() && reserves.get().fact().totalUsd().signum() <= 0) {
      reserves = Optional.empty();
    }
    List<Item<?>> used = new ArrayList<>(sized);
    double points;
    String value;
    if (reserves.isPresent()) {
      double ratio =
          cover.divide(reserves.get().fact().totalUsd(), MathContext.DECIMAL64).doubleValue();
      points = COVER.max() * COVER_RATIO.fraction(ratio);
      value = Fmt.usd(cover) + " = " + Fmt.pct(ratio) + " of reserves";
      used.add(reserves.get());
    } else {
      points = COVER.max() * COVER_USD.fraction(cover.doubleValue());
      value = Fmt.usd(cover) + " (reserves unknown)";
    }
    return Outcome.known(points, value, "insured " + value, used);
  }

  private static Outcome underwriter(ScoringContext ctx) {
    List<Item<InsurancePolicy>> policies = ctx.current(InsurancePolicy.class);
    if (policies.isEmpty()) {
      return Outcome.unknown("no insurance policy");
    }
    List<Item<InsurancePolicy>> named =
        ctx.current(InsurancePolicy.class, PolicyStates.UNDERWRITER);
    if (!named.isEmpty()) {
      Item<InsurancePolicy> item = named.get(0);
      return Outcome.known(
          UNDERWRITER.points("named"),
          item.fact().underwriter(),
          "underwriter " + item.fact().underwriter(),
          item);
    }
    List<Item<InsurancePolicy>> brokered = ctx.current(InsurancePolicy.class, PolicyStates.BROKER);
    if (!brokered.isEmpty()) {
      Item<InsurancePolicy> item = brokered.get(0);
      return Outcome.known(
          UNDERWRITER.points("broker"),
          "broker " + item.fact().broker(),
          "only the broker is named (" + item.fact().broker() + ")",
          item);
    }
    return Outcome.known(
        UNDERWRITER.points("none"), "unnamed", "no policy names its insurer", policies);
  }

  private static double scopePoints(InsurancePolicy policy) {
    if (policy.scope().contains(InsuranceScope.HOT_WALLETS)) {
      return SCOPE.points("hot");
    }
    if (policy.scope().contains(InsuranceScope.CRIME)
        || policy.scope().contains(InsuranceScope.CYBER)) {
      return SCOPE.points("crime");
    }
    if (policy.scope().contains(InsuranceScope.CUSTODY)) {
      return SCOPE.points("custody");
    }
    return SCOPE.points("cold");
  }

  private static Outcome scope(ScoringContext ctx) {
    Item<InsurancePolicy> best = null;
    double bestPoints = -1;
    for (Item<InsurancePolicy> item : ctx.current(InsurancePolicy.class, PolicyStates.SCOPE)) {
      if (scopePoints(item.fact()) > bestPoints) {
        best = item;
        bestPoints = scopePoints(item.fact());
      }
    }
    if (best == null) {
      return Outcome.unknown("no policy states its scope");
    }
    List<String> scopes = new ArrayList<>();
    for (InsuranceScope scope : new TreeSet<>(best.fact().scope())) {
      scopes.add(Fmt.lower(scope));
    }
    String value = String.join(", ", scopes);
    return Outcome.known(bestPoints, value, "covers " + value, best);
  }

  private static double programmePoints(ProtectionProgramme p) {
    return PROGRAMME.total(
        PROGRAMME.part("having"),
        PROGRAMME.points("binding", p.discretionary() ? 0 : 1),
        PROGRAMME.points("cap", p.capPerUserUsd() != null ? 1 : 0),
        PROGRAMME.points("terms", p.termsUrl() != null ? 1 : 0));
  }

  private static Outcome programme(ScoringContext ctx) {
    Item<ProtectionProgramme> best = null;
    for (Item<ProtectionProgramme> item : ctx.current(ProtectionProgramme.class)) {
      if (best == null || programmePoints(item.fact()) > programmePoints(best.fact())) {
        best = item;
      }
    }
    if (best == null) {
      return Outcome.unknown("no protection programme known");
    }
    double points = programmePoints(best.fact());
    return Outcome.known(points, best.fact().name(), best.fact().summary(), best);
  }

  private static Outcome terms(ScoringContext ctx) {
    double points = -1;
    Item<?> source = null;
    String value = null;
    for (Item<InsurancePolicy> item : ctx.current(InsurancePolicy.class, PolicyStates.TERMS)) {
      boolean published = item.fact().termsPublished();
      double candidate = TERMS.points(published ? "policy" : "none");
      if (candidate > points) {
        points = candidate;
        source = item;
        value = published ? "policy terms published" : "policy terms not published";
      }
    }
    for (Item<ProtectionProgramme> item : ctx.current(ProtectionProgramme.class)) {
      double candidate = TERMS.points(item.fact().termsUrl() != null ? "programme" : "none");
      if (candidate > points) {
        points = candidate;
        source = item;
        value = candidate > 0 ? "programme terms published" : "programme terms not published";
      }
    }
    if (source == null) {
      return Outcome.unknown("nothing says whether terms are published");
    }
    return Outcome.known(points, value, value, source);
  }

  private static double fundPoints(SelfInsuranceFund fund) {
    return fund.sizeUsd() == null
        ? FUND.part("fund")
        : FUND.total(
            FUND.part("fund"),
            FUND.points("size", FUND_SIZE.fraction(fund.sizeUsd().doubleValue())));
  }

  private static Outcome selfInsurance(ScoringContext ctx) {
    Item<SelfInsuranceFund> best = null;
    for (Item<SelfInsuranceFund> item : ctx.current(SelfInsuranceFund.class)) {
      if (best == null || fundPoints(item.fact()) > fundPoints(best.fact())) {
        best = item;
      }
    }
    if (best == null) {
      return Outcome.unknown("no self-insurance fund disclosed");
    }
    double points = fundPoints(best.fact());
    String value =
        best.fact().name()
            + (best.fact().sizeUsd() == null ? "" : " " + Fmt.usd(best.fact().sizeUsd()));
    return Outcome.known(points, value, "fund " + value, best);
  }

  // The rules' functions are named constants, not method references and lambdas: each lambda costs
  // a linkage (about 0.2 ms, interpreted) at the start of every CLI run that scores.

  /** The evaluation of each rule declared here, by name. */
  private enum Evaluation implements Function<ScoringContext, Outcome> {
    COVER_RATIO,
    UNDERWRITER,
    SCOPE,
    PROGRAMME,
    TERMS,
    SELF_INSURANCE;

    @Override
    public Outcome apply(ScoringContext ctx) {
      return switch (this) {
        case COVER_RATIO -> coverRatio(ctx);
        case UNDERWRITER -> underwriter(ctx);
        case SCOPE -> scope(ctx);
        case PROGRAMME -> programme(ctx);
        case TERMS -> terms(ctx);
        case SELF_INSURANCE -> selfInsurance(ctx);
      };
    }
  }

  /** The property a policy must state to be read by a rule. */
  private enum PolicyStates implements Predicate<InsurancePolicy> {
    UNDERWRITER,
    BROKER,
    SCOPE,
    TERMS;

    @Override
    public boolean test(InsurancePolicy policy) {
      return switch (this) {
        case UNDERWRITER -> policy.underwriter() != null;
        case BROKER -> policy.broker() != null;
        case SCOPE -> !policy.scope().isEmpty();
        case TERMS -> policy.termsPublished() != null;
      };
    }
  }

  /** How a curve here labels its values. */
  private enum Format implements DoubleFunction<String> {
    PERCENT,
    USD;

    @Override
    public String apply(double value) {
      return this == PERCENT ? Curve.percent(value) : Curve.usd(value);
    }
  }
}
