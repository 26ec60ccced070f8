package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import io.cexsafe.facts.AccountControl;
import io.cexsafe.facts.BugBounty;
import io.cexsafe.facts.Certification;
import io.cexsafe.facts.CertificationStandard;
import io.cexsafe.facts.ControlAvailability;
import io.cexsafe.facts.SecurityControl;
import io.cexsafe.facts.SecurityRating;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/** Rules of the App Security &amp; Account Controls pillar. */
final class AppSecurityRules {
  private AppSecurityRules() {}

  static final String AVAILABILITY_TEXT = ControlRule.CREDIT_TEXT;

  static final Scale TWO_FACTOR = Scale.max(15);

  /** What withdrawal 2FA keeps when no factor stronger than SMS or email is offered. */
  static final double WEAK_FACTORS_ONLY = 0.5;

  static final Composite WHITELIST_LOCK =
      Composite.of(Composite.part("whitelist", 9), Composite.part("lock", 6));

  /** The lock period that earns the whole lock part. */
  static final double FULL_LOCK_HOURS = 24;

  /** What an available new-address lock earns, times its availability, without a stated period. */
  static final double NEW_ADDRESS_LOCK = 4;

  static final Composite API_KEYS =
      Composite.of(Composite.part("scoping", 6), Composite.part("allowlist", 4));

  /** A weaker certification (SOC 2 Type I for Type II) that is current. */
  static final double WEAKER_CERTIFICATION = 2;

  static final double EXPIRED_CERTIFICATION = 1;

  static final Composite BUG_BOUNTY =
      Composite.of(Composite.part("bounty", 3), Composite.part("reward", 2));

  /** What a bounty adds when its top reward is not stated. */
  static final double UNSTATED_REWARD = 1;

  static final Curve.Log TOP_REWARD = Curve.log10(4, 5, Format.USD);

  static final Scale SECURITY_RATING = Scale.max(2);

  static List<Rule> rules() {
    Pillar p = Pillar.APP_SECURITY;
    List<Rule> rules = new ArrayList<>();
    rules.add(
        Rule.declared(
            "app-security.two-factor",
            p,
            "2FA for withdrawals, TOTP or stronger",
            TWO_FACTOR,
            "{max} points times the availability of withdrawal 2FA ("
                + AVAILABILITY_TEXT
                + "), halved unless an authenticator app (TOTP), passkeys or hardware keys are"
                + " offered. Unknown when nothing states whether withdrawals need 2FA.",
            "A stolen password should not be enough to move funds out; SMS codes fall to"
                + " SIM-swaps, authenticator apps and keys do not.",
            Evaluation.TWO_FACTOR));
    rules.add(
        ControlRule.of(
            "app-security.passkeys",
            p,
            "Passkeys / WebAuthn",
            15,
            AccountControl.PASSKEYS,
            "Passkeys cannot be phished: they are bound to the real site."));
    rules.add(
        ControlRule.of(
            "app-security.hardware-keys",
            p,
            "Hardware security keys",
            5,
            AccountControl.HARDWARE_SECURITY_KEYS,
            "Hardware keys give phishing-resistant login to users who want the strongest option."));
    rules.add(
        Rule.declared(
            "app-security.whitelist-lock",
            p,
            "Withdrawal whitelist with a lock period",
            WHITELIST_LOCK.with(
                java.util.Map.of(
                    "fullLockHours",
                    Fmt.num(FULL_LOCK_HOURS),
                    "newAddressLock",
                    Fmt.num(NEW_ADDRESS_LOCK))),
            "{whitelist} points times the availability of an address whitelist, plus up to"
                + " {lock} for a waiting period before new addresses can receive funds: {lock}"
                + " times the share of {fullLockHours} hours the stated lock reaches (of the"
                + " whitelist or the new-address lock), or {newAddressLock} times the new-address"
                + " lock's availability if that is more. Unknown when"
                + " nothing states whether a whitelist exists.",
            "An attacker who takes over an account must send funds to a new address; a lock"
                + " period gives the owner time to notice and freeze the account.",
            Evaluation.WHITELIST_LOCK));
    rules.add(
        ControlRule.of(
            "app-security.anti-phishing",
            p,
            "Anti-phishing code",
            10,
            AccountControl.ANTI_PHISHING_CODE,
            "A personal code in every genuine email makes phishing emails recognisable."));
    rules.add(
        ControlRule.of(
            "app-security.device-management",
            p,
            "Device management and session visibility",
            5,
            AccountControl.DEVICE_MANAGEMENT,
            "Users can only evict an intruder they can see."));
    rules.add(
        ControlRule.of(
            "app-security.account-lock",
            p,
            "One-button account lock",
            5,
            AccountControl.ACCOUNT_LOCK,
            "Freezing an account at once beats waiting for support while funds leave."));
    rules.add(
        Rule.declared(
            "app-security.api-keys",
            p,
            "API keys scoped and IP-restricted",
            API_KEYS,
            "{scoping} points times the availability of scoped (e.g. read-only, no-withdrawal)"
                + " API keys plus {allowlist} times that of IP allow-lists. Unknown when neither is stated.",
            "Leaked API keys are a common way accounts are drained; scopes and IP allow-lists"
                + " limit what a leaked key can do.",
            Evaluation.API_KEYS));
    rules.add(
        certification(
            "app-security.iso-27001",
            "ISO 27001 certification",
            5,
            CertificationStandard.ISO_27001,
            null,
            "An audited information-security management system."));
    rules.add(
        certification(
            "app-security.soc2-type2",
            "SOC 2 Type II report",
            5,
            CertificationStandard.SOC2_TYPE2,
            CertificationStandard.SOC2_TYPE1,
            "An auditor tested that controls worked over a period, not just that they exist."));
    rules.add(
        certification(
            "app-security.pci-dss",
            "PCI DSS compliance",
            3,
            CertificationStandard.PCI_DSS,
            null,
            "Card data handled to the card schemes' standard; relevant where cards are issued."));
    rules.add(
        Rule.declared(
            "app-security.bug-bounty",
            p,
            "Public bug bounty",
            BUG_BOUNTY
                .with(TOP_REWARD.terms("reward"))
                .with(java.util.Map.of("unstated", Fmt.num(UNSTATED_REWARD))),
            "A public bug bounty earns {bounty} points, plus {unstated} when its top reward is"
                + " not stated, or up to {reward} on a log scale of the top reward (nothing more"
                + " at {reward.zero}, full at {reward.full}). The best programme counts. Unknown without one.",
            "Paying outsiders to report flaws finds them before attackers do.",
            Evaluation.BUG_BOUNTY));
    rules.add(
        Rule.declared(
            "app-security.security-rating",
            p,
            "Independent security rating",
            SECURITY_RATING,
            "{max} points times the best rating's score over its maximum (out of 10 or 100 when no"
                + " maximum is stated); for a letter grade A 100 %, B 75 %, C 50 %, D 25 %, others"
                + " 50 %. Unknown without a rating.",
            "An outside rating is a weak but independent check on the other claims.",
            Evaluation.SECURITY_RATING));
    List<Rule> discounting = new ArrayList<>(rules.size());
    for (Rule rule : rules) {
      discounting.add(rule.discountingClaims());
    }
    return List.copyOf(discounting);
  }

  // The rules' functions are named constants and classes, not method references and lambdas: each
  // lambda costs a linkage (about 0.2 ms, interpreted) at the start of every CLI run that scores.

  /** The evaluation of each rule declared here, by name. */
  private enum Evaluation implements Function<ScoringContext, Outcome> {
    TWO_FACTOR,
    WHITELIST_LOCK,
    API_KEYS,
    BUG_BOUNTY,
    SECURITY_RATING;

    @Override
    public Outcome apply(ScoringContext ctx) {
      return switch (this) {
        case TWO_FACTOR -> twoFactor(ctx);
        case WHITELIST_LOCK -> whitelistLock(ctx);
        case API_KEYS -> apiKeys(ctx);
        case BUG_BOUNTY -> bugBounty(ctx);
        case SECURITY_RATING -> securityRating(ctx);
      };
    }
  }

  /** How a curve here labels its values. */
  private enum Format implements DoubleFunction<String> {
    USD;

    @Override
    public String apply(double value) {
      return Curve.usd(value);
    }
  }

  private static double availability(ControlAvailability availability) {
    return ControlRule.credit(availability);
  }

  private static Optional<Item<SecurityControl>> control(
      ScoringContext ctx, AccountControl control) {
    return ControlRule.find(ctx, control);
  }

  private static Outcome twoFactor(ScoringContext ctx) {
    Optional<Item<SecurityControl>> withdrawal = control(ctx, AccountControl.WITHDRAWAL_2FA);
    if (withdrawal.isEmpty()) {
      return Outcome.unknown("nothing states whether withdrawals need 2FA");
    }
    List<Item<?>> used = new ArrayList<>(List.of(withdrawal.get()));
    String strong = null;
    for (AccountControl factor :
        List.of(
            AccountControl.TOTP, AccountControl.PASSKEYS, AccountControl.HARDWARE_SECURITY_KEYS)) {
      Optional<Item<SecurityControl>> item = control(ctx, factor);
      if (item.isPresent() && item.get().fact().availability().offered()) {
        used.add(item.get());
        strong = strong == null ? Fmt.lower(factor) : strong;
      }
    }
    double points =
        TWO_FACTOR.max()
            * availability(withdrawal.get().fact().availability())
            * (strong != null ? 1 : WEAK_FACTORS_ONLY);
    String value =
        Fmt.lower(withdrawal.get().fact().availability())
            + (strong != null ? ", " + strong : ", no TOTP or stronger factor known");
    return Outcome.known(points, value, "withdrawal 2FA " + value, used);
  }

  private static Outcome whitelistLock(ScoringContext ctx) {
    Optional<Item<SecurityControl>> whitelist = control(ctx, AccountControl.WITHDRAWAL_WHITELIST);
    if (whitelist.isEmpty()) {
      return Outcome.unknown("nothing states whether an address whitelist exists");
    }
    List<Item<?>> used = new ArrayList<>(List.of(whitelist.get()));
    double listPoints =
        WHITELIST_LOCK.part("whitelist") * availability(whitelist.get().fact().availability());
    Optional<Item<SecurityControl>> lock = control(ctx, AccountControl.NEW_ADDRESS_LOCK);
    Integer hours = null;
    if (whitelist.get().fact().availability().offered()) {
      hours = whitelist.get().fact().lockPeriodHours();
    }
    if (lock.isPresent() && lock.get().fact().availability().offered()) {
      used.add(lock.get());
      Integer lockHours = lock.get().fact().lockPeriodHours();
      if (lockHours != null && (hours == null || lockHours > hours)) {
        hours = lockHours;
      }
    }
    double lockPoints =
        hours == null ? 0 : WHITELIST_LOCK.part("lock") * Math.min(1, hours / FULL_LOCK_HOURS);
    if (lock.isPresent()) {
      lockPoints =
          Math.max(lockPoints, NEW_ADDRESS_LOCK * availability(lock.get().fact().availability()));
    }
    double points = listPoints + lockPoints;
    String value =
        Fmt.lower(whitelist.get().fact().availability())
            + (hours != null
                ? ", " + hours + " h lock"
                : lockPoints > 0 ? ", lock" : ", no lock known");
    return Outcome.known(points, value, "whitelist " + value, used);
  }

  private static Outcome apiKeys(ScoringContext ctx) {
    Optional<Item<SecurityControl>> scoping = control(ctx, AccountControl.API_KEY_SCOPING);
    Optional<Item<SecurityControl>> allowlist = control(ctx, AccountControl.API_IP_ALLOWLIST);
    if (scoping.isEmpty() && allowlist.isEmpty()) {
      return Outcome.unknown("nothing states how API keys are restricted");
    }
    List<Item<?>> used = new ArrayList<>();
    double points = 0;
    List<String> parts = new ArrayList<>();
    if (scoping.isPresent()) {
      points += API_KEYS.part("scoping") * availability(scoping.get().fact().availability());
      parts.add("scoping " + Fmt.lower(scoping.get().fact().availability()));
      used.add(scoping.get());
    }
    if (allowlist.isPresent()) {
      points += API_KEYS.part("allowlist") * availability(allowlist.get().fact().availability());
      parts.add("IP allow-list " + Fmt.lower(allowlist.get().fact().availability()));
      used.add(allowlist.get());
    }
    String value = String.join(", ", parts);
    return Outcome.known(points, value, "API keys: " + value, used);
  }

  private static Rule certification(
      String id,
      String title,
      double max,
      CertificationStandard standard,
      CertificationStandard weaker,
      String rationale) {
    String name = standard.name().replace('_', ' ');
    Table table = Table.best("current", max);
    if (weaker != null) {
      table = table.then("weaker", WEAKER_CERTIFICATION);
    }
    Table levels = table.then("expired", EXPIRED_CERTIFICATION);
    return Rule.declared(
        id,
        Pillar.APP_SECURITY,
        title,
        levels,
        "{current} points for a current "
            + name
            + " certification (no expiry, or valid at the evaluation date), {expired} for an"
            + " expired one"
            + (weaker == null
                ? ""
                : "; a current " + weaker.name().replace('_', ' ') + " alone earns {weaker}")
            + ". Unknown when none is known (certifications are advertised, so absence is not"
            + " proof).",
        rationale,
        new CertificationEvaluation(standard, weaker, levels, name));
  }

  /** The best current (or weaker, or expired) certification of a standard. */
  private record CertificationEvaluation(
      CertificationStandard standard, CertificationStandard weaker, Table levels, String name)
      implements Function<ScoringContext, Outcome> {
    @Override
    public Outcome apply(ScoringContext ctx) {
      Item<Certification> best = null;
      double bestPoints = -1;
      for (Item<Certification> item : ctx.current(Certification.class)) {
        Certification c = item.fact();
        boolean current = c.validUntil() == null || !c.validUntil().isBefore(ctx.asOfDate());
        double points;
        if (c.standard() == standard) {
          points = levels.points(current ? "current" : "expired");
        } else if (c.standard() == weaker) {
          points = levels.points(current ? "weaker" : "expired");
        } else {
          continue;
        }
        if (points > bestPoints) {
          best = item;
          bestPoints = points;
        }
      }
      if (best == null) {
        return Outcome.unknown("no " + name + " certification known");
      }
      String value =
          best.fact().summary()
              + (best.fact().validUntil() == null
                  ? ""
                  : ", valid until " + best.fact().validUntil());
      return Outcome.known(bestPoints, value, value, best);
    }
  }

  private static double bountyPoints(BugBounty bounty) {
    if (bounty.maxRewardUsd() == null) {
      return BUG_BOUNTY.part("bounty") + UNSTATED_REWARD;
    }
    double reward = bounty.maxRewardUsd().doubleValue();
    return BUG_BOUNTY.total(
        BUG_BOUNTY.part("bounty"), BUG_BOUNTY.points("reward", TOP_REWARD.fraction(reward)));
  }

  private static Outcome bugBounty(ScoringContext ctx) {
    Item<BugBounty> best = null;
    for (Item<BugBounty> item : ctx.current(BugBounty.class)) {
      if (best == null || bountyPoints(item.fact()) > bountyPoints(best.fact())) {
        best = item;
      }
    }
    if (best == null) {
      return Outcome.unknown("no public bug bounty known");
    }
    double points = bountyPoints(best.fact());
    return Outcome.known(points, best.fact().platform(), best.fact().summary(), best);
  }

  static double ratingFraction(SecurityRating rating) {
    if (rating.score() != null) {
      double max =
          rating.maxScore() != null && rating.maxScore().signum() > 0
              ? rating.maxScore().doubleValue()
              : rating.score().doubleValue() <= 10 ? 10 : 100;
      return Curves.clamp(
          rating
              .score()
              .divide(java.math.BigDecimal.valueOf(max), MathContext.DECIMAL64)
              .doubleValue(),
          0,
          1);
    }
    String grade = rating.grade().trim().toUpperCase(Locale.ROOT);
    return switch (grade.charAt(0)) {
      case 'A' -> 1.0;
      case 'B' -> 0.75;
      case 'C' -> 0.5;
      case 'D' -> 0.25;
      default -> 0.5;
    };
  }

  private static Outcome securityRating(ScoringContext ctx) {
    Item<SecurityRating> best = null;
    for (Item<SecurityRating> item : ctx.current(SecurityRating.class)) {
      if (best == null || ratingFraction(item.fact()) > ratingFraction(best.fact())) {
        best = item;
      }
    }
    if (best == null) {
      return Outcome.unknown("no independent security rating known");
    }
    double points = SECURITY_RATING.max() * ratingFraction(best.fact());
    return Outcome.known(points, best.fact().summary(), best.fact().summary(), best);
  }
}
