package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.ReviewTheme;
import io.cexsafe.facts.ReviewThemes;
import io.cexsafe.facts.SecurityControl;
import io.cexsafe.facts.ThemeShare;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/** Rules of the User Experience &amp; Interface pillar. */
final class UxRules {
  private UxRules() {}

  /** Bayesian prior: as if every app started with this many ratings of this mean. */
  static final double PRIOR_RATINGS = 500;

  static final double PRIOR_MEAN = 3.0;

  private static final String PRIOR_MEAN_TEXT = String.format(Locale.ROOT, "%.1f", PRIOR_MEAN);

  static final Scale SECURITY_VISIBLE = Scale.max(20);

  static List<Rule> rules() {
    Pillar p = Pillar.USER_EXPERIENCE;
    return List.of(
        CurveRule.of(
            "user-experience.store-rating",
            p,
            "Store rating (count-weighted, Bayesian)",
            60,
            Curve.higherIsBetter(2.5, 4.6, Label.STARS),
            "All current ratings across the App Store and Google Play and every storefront are"
                + " pooled by rating count (a store's GLOBAL aggregate only when it has no"
                + " storefront ratings, so no rating counts twice) with a prior of "
                + Fmt.num(PRIOR_RATINGS)
                + " ratings at "
                + PRIOR_MEAN_TEXT
                + " stars: ("
                + Fmt.num(PRIOR_RATINGS)
                + " x "
                + PRIOR_MEAN_TEXT
                + " + sum of count x stars) / ("
                + Fmt.num(PRIOR_RATINGS)
                + " + sum of counts). {curve}. Unknown without any rating.",
            "Ratings from millions of users are the broadest signal of whether the app works;"
                + " the prior keeps a handful of ratings from counting as a verdict.",
            Measure.STORE_RATING),
        CurveRule.of(
            "user-experience.reliability-complaints",
            p,
            "Reviews about crashes, bugs and stale balances",
            20,
            Curve.lowerIsBetter(0.02, 0.15, Label.PERCENT),
            "Share of analysed reviews about crashes and bugs or stale balances, pooled across"
                + " non-overlapping review samples by their size (the widest pooled sample wins"
                + " over the per-store and per-storefront samples it contains): {curve}, shrunk"
                + " toward the unknown prior by 100 pseudo-reviews. Unknown when no sample measured these themes.",
            "An app that crashes or shows wrong balances fails users exactly when markets move.",
            Measure.RELIABILITY),
        Rule.declared(
                "user-experience.security-visible",
                p,
                "Security controls visible in the app",
                SECURITY_VISIBLE,
                "{max} points times the share of security controls whose settings are reachable in the"
                    + " mobile app, among those for which visibility is stated. Unknown when it is"
                    + " stated for none.",
                "A control buried on the website is one most mobile users never turn on.",
                Evaluation.SECURITY_VISIBLE)
            .discountingClaims());
  }

  private static CurveRule.Reading storeRating(ScoringContext ctx) {
    List<Item<AppRating>> ratings = Samples.ratings(ctx.current(AppRating.class));
    if (ratings.isEmpty()) {
      return CurveRule.Reading.unknown("no app-store rating");
    }
    double weighted = PRIOR_RATINGS * PRIOR_MEAN;
    double count = PRIOR_RATINGS;
    long ratingCount = 0;
    for (Item<AppRating> item : ratings) {
      weighted += item.fact().ratingCount() * item.fact().rating().doubleValue();
      count += item.fact().ratingCount();
      ratingCount += item.fact().ratingCount();
    }
    double mean = weighted / count;
    String value =
        String.format(Locale.ROOT, "%.2f stars", mean)
            + String.format(Locale.ROOT, " from %,d ratings", ratingCount);
    return CurveRule.Reading.of(
        mean,
        ratings,
        value,
        "Bayesian rating " + value + " in " + ratings.size() + " storefront(s): ");
  }

  private static CurveRule.Reading reliability(ScoringContext ctx) {
    double reviews = 0;
    double complaints = 0;
    List<Item<ReviewThemes>> used = new ArrayList<>();
    for (Item<ReviewThemes> item :
        Samples.themes(ctx.current(ReviewThemes.class, MeasuresReliability.INSTANCE))) {
      ThemeShare crashes = item.fact().theme(ReviewTheme.CRASHES_BUGS);
      ThemeShare stale = item.fact().theme(ReviewTheme.STALE_BALANCES);
      double share =
          Math.min(
              1,
              (crashes == null ? 0 : crashes.shareOfAll())
                  + (stale == null ? 0 : stale.shareOfAll()));
      reviews += item.fact().reviewsAnalysed();
      complaints += share * item.fact().reviewsAnalysed();
      used.add(item);
    }
    if (used.isEmpty()) {
      return CurveRule.Reading.unknown("no review sample measured crashes or stale balances");
    }
    double share = complaints / reviews;
    return CurveRule.Reading.sample(
        share,
        used,
        reviews,
        Fmt.pct(share) + " of reviews",
        "crash/bug/stale-balance reviews " + Fmt.pct(share) + " of " + (long) reviews);
  }

  private static Outcome securityVisible(ScoringContext ctx) {
    List<Item<SecurityControl>> stated =
        ctx.current(SecurityControl.class, StatesVisibility.INSTANCE);
    if (stated.isEmpty()) {
      return Outcome.unknown("in-app visibility of controls not stated");
    }
    long visible = 0;
    for (Item<SecurityControl> item : stated) {
      visible += item.fact().visibleInApp() ? 1 : 0;
    }
    double points = SECURITY_VISIBLE.max() * visible / stated.size();
    String value = visible + " of " + stated.size() + " visible";
    return Outcome.known(points, value, "controls in the app: " + value, stated);
  }

  // The rule book's functions below are named classes, not method references and lambdas: each
  // lambda's call site is linked on every run (about 0.2 ms of interpreted bootstrap each, even
  // from the CDS archive), and an offline assess linked 8 of them in this file (issue #19).

  /** The rules that evaluate to an outcome. */
  private enum Evaluation implements Function<ScoringContext, Outcome> {
    SECURITY_VISIBLE;

    @Override
    public Outcome apply(ScoringContext ctx) {
      return securityVisible(ctx);
    }
  }

  /** The curve rules' readings. */
  private enum Measure implements Function<ScoringContext, CurveRule.Reading> {
    STORE_RATING,
    RELIABILITY;

    @Override
    public CurveRule.Reading apply(ScoringContext ctx) {
      return switch (this) {
        case STORE_RATING -> storeRating(ctx);
        case RELIABILITY -> reliability(ctx);
      };
    }
  }

  /** How curves write their thresholds. */
  private enum Label implements DoubleFunction<String> {
    STARS,
    PERCENT;

    @Override
    public String apply(double value) {
      return switch (this) {
        case STARS -> Fmt.num(value) + " stars";
        case PERCENT -> Curve.percent(value);
      };
    }
  }

  /** Review samples that measured crashes and bugs or stale balances. */
  private static final class MeasuresReliability implements Predicate<ReviewThemes> {
    static final MeasuresReliability INSTANCE = new MeasuresReliability();

    @Override
    public boolean test(ReviewThemes f) {
      return f.reviewsAnalysed() > 0
          && (f.theme(ReviewTheme.CRASHES_BUGS) != null
              || f.theme(ReviewTheme.STALE_BALANCES) != null);
    }
  }

  /** Security controls whose visibility in the app is stated. */
  private static final class StatesVisibility implements Predicate<SecurityControl> {
    static final StatesVisibility INSTANCE = new StatesVisibility();

    @Override
    public boolean test(SecurityControl f) {
      return f.visibleInApp() != null;
    }
  }
}
