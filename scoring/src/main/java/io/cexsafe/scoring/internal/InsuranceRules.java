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

/** Rules of the Insurance pillar. */
final class InsuranceRules {
  private InsuranceRules() {}

  static List<Rule> rules() {
    Pillar p = Pillar.INSURANCE;
    return List.of(
        new Rule(
                "insurance.cover-ratio",
                p,
                "Insured amount relative to custody",
                30,
                "Total disclosed cover of all distinct policies divided by the current reserves, on a"
                    + " log scale: nothing at 0.01 % or less, full points at 10 % or more. When reserves"
                    + " are unknown, the absolute cover counts instead: nothing at USD 1M, full at USD"
                    + " 1B, log scale. Unknown when no policy discloses its cover.",
                "Cover matters in proportion to what it protects; no exchange insures all custody, so"
                    + " the scale is logarithmic and saturates at a tenth.",
                InsuranceRules::coverRatio)
            .absentWhenSearched(SearchTopic.INSURANCE)
            .discountingClaims(),
        new Rule(
                "insurance.underwriter",
                p,
                "Named underwriter",
                15,
                "15 points when a policy names its (lead) underwriter, 7 when only the broker is named,"
                    + " 0 when neither. Unknown without any policy.",
                "An unnamed insurer cannot be checked; a named one can be, and has its reputation at"
                    + " stake.",
                InsuranceRules::underwriter)
            .absentWhenSearched(SearchTopic.INSURANCE)
            .discountingClaims(),
        new Rule(
                "insurance.hot-wallet-scope",
                p,
                "Scope covers hot wallets",
                15,
                "The broadest scope counts: hot wallets 15 points, crime or cyber cover 8, custody"
                    + " cover 5, cold storage or specie only 3. Unknown when no policy states its"
                    + " scope.",
                "Most losses happen from hot wallets; cover of cold storage alone protects the part"
                    + " least at risk.",
                InsuranceRules::scope)
            .absentWhenSearched(SearchTopic.INSURANCE)
            .discountingClaims(),
        new Rule(
                "insurance.protection-programme",
                p,
                "Retail protection programme",
                20,
                "The best programme: 8 points for having one, 6 more when relief is not at the"
                    + " exchange's discretion, 4 when a per-user cap is stated, 2 when terms are"
                    + " published. Unknown when no programme is known.",
                "What a retail user can actually claim after an account takeover depends on such a"
                    + " programme, not on the exchange's corporate policies.",
                InsuranceRules::programme)
            .absentWhenSearched(SearchTopic.PROTECTION_PROGRAMME)
            .discountingClaims(),
        new Rule(
                "insurance.terms-published",
                p,
                "Published terms and exclusions",
                10,
                "10 points when a policy's terms and exclusions are published, 6 when a protection"
                    + " programme publishes its terms, 0 when a policy says its terms are not"
                    + " published or a programme has none. Unknown otherwise.",
                "Exclusions decide whether cover pays; unpublished terms cannot be relied on.",
                InsuranceRules::terms)
            .absentWhenSearched(SearchTopic.INSURANCE)
            .discountingClaims(),
        new Rule(
                "insurance.self-insurance-fund",
                p,
                "Self-insurance fund",
                10,
                "A disclosed fund earns 4 points; with a stated size, 4 plus up to 6 on a log scale"
                    + " (nothing more at USD 10M, full at USD 1B). Unknown without a fund. It counts"
                    + " less than insurance because the money stays the exchange's own.",
                "A fund like SAFU can compensate users, but it is not independent of the exchange's"
                    + " solvency.",
                InsuranceRules::selfInsurance)
            .absentWhenSearched(SearchTopic.PROTECTION_PROGRAMME)
            .discountingClaims());
  }

  private static double log10(BigDecimal value) {
    return value.signum() <= 0 ? Double.NEGATIVE_INFINITY : Math.log10(value.doubleValue());
  }

  private static Outcome coverRatio(ScoringContext ctx) {
    List<Item<InsurancePolicy>> sized =
        ctx.current(InsurancePolicy.class).stream()
            .filter(i -> i.fact().coverUsd() != null)
            .toList();
    if (sized.isEmpty()) {
      return Outcome.unknown("no policy discloses its cover");
    }
    BigDecimal cover =
        sized.stream().map(i -> i.fact().coverUsd()).reduce(BigDecimal.ZERO, BigDecimal::add);
    Optional<Item<ReserveSnapshot>> reserves =
        ctx.latest(ReserveSnapshot.class).filter(i -> i.fact().totalUsd().signum() > 0);
    List<Item<?>> used = new ArrayList<>(sized);
    double points;
    String value;
    if (reserves.isPresent()) {
      double ratio =
          cover.divide(reserves.get().fact().totalUsd(), MathContext.DECIMAL64).doubleValue();
      points =
          30 * Curves.rising(ratio <= 0 ? Double.NEGATIVE_INFINITY : Math.log10(ratio), -4, -1);
      value = Fmt.usd(cover) + " = " + Fmt.pct(ratio) + " of reserves";
      used.add(reserves.get());
    } else {
      points = 30 * Curves.rising(log10(cover), 6, 9);
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
        ctx.current(InsurancePolicy.class, f -> f.underwriter() != null);
    if (!named.isEmpty()) {
      Item<InsurancePolicy> item = named.get(0);
      return Outcome.known(
          15, item.fact().underwriter(), "underwriter " + item.fact().underwriter(), item);
    }
    List<Item<InsurancePolicy>> brokered =
        ctx.current(InsurancePolicy.class, f -> f.broker() != null);
    if (!brokered.isEmpty()) {
      Item<InsurancePolicy> item = brokered.get(0);
      return Outcome.known(
          7,
          "broker " + item.fact().broker(),
          "only the broker is named (" + item.fact().broker() + ")",
          item);
    }
    return Outcome.known(0, "unnamed", "no policy names its insurer", policies);
  }

  private static double scopePoints(InsurancePolicy policy) {
    if (policy.scope().contains(InsuranceScope.HOT_WALLETS)) {
      return 15;
    }
    if (policy.scope().contains(InsuranceScope.CRIME)
        || policy.scope().contains(InsuranceScope.CYBER)) {
      return 8;
    }
    if (policy.scope().contains(InsuranceScope.CUSTODY)) {
      return 5;
    }
    return 3;
  }

  private static Outcome scope(ScoringContext ctx) {
    Item<InsurancePolicy> best = null;
    double bestPoints = -1;
    for (Item<InsurancePolicy> item :
        ctx.current(InsurancePolicy.class, f -> !f.scope().isEmpty())) {
      if (scopePoints(item.fact()) > bestPoints) {
        best = item;
        bestPoints = scopePoints(item.fact());
      }
    }
    if (best == null) {
      return Outcome.unknown("no policy states its scope");
    }
    String value =
        String.join(", ", best.fact().scope().stream().sorted().map(Fmt::lower).toList());
    return Outcome.known(bestPoints, value, "covers " + value, best);
  }

  private static double programmePoints(ProtectionProgramme p) {
    return 8
        + (p.discretionary() ? 0 : 6)
        + (p.capPerUserUsd() != null ? 4 : 0)
        + (p.termsUrl() != null ? 2 : 0);
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
    for (Item<InsurancePolicy> item :
        ctx.current(InsurancePolicy.class, f -> f.termsPublished() != null)) {
      boolean published = item.fact().termsPublished();
      if ((published ? 10 : 0) > points) {
        points = published ? 10 : 0;
        source = item;
        value = published ? "policy terms published" : "policy terms not published";
      }
    }
    for (Item<ProtectionProgramme> item : ctx.current(ProtectionProgramme.class)) {
      double candidate = item.fact().termsUrl() != null ? 6 : 0;
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
    return fund.sizeUsd() == null ? 4 : 4 + 6 * Curves.rising(log10(fund.sizeUsd()), 7, 9);
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
}
