package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import io.cexsafe.facts.AccountControl;
import io.cexsafe.facts.ComplaintHandling;
import io.cexsafe.facts.ReviewTheme;
import io.cexsafe.facts.ReviewThemes;
import io.cexsafe.facts.SecurityControl;
import io.cexsafe.facts.SupportChannel;
import io.cexsafe.facts.SupportChannelType;
import io.cexsafe.facts.ThemeShare;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/** Rules of the Support pillar. */
final class SupportRules {
  private SupportRules() {}

  /** Each channel a user can reach a person through, and a way up. */
  static final Composite CHANNELS =
      Composite.of(
          Composite.part("chat", 12),
          Composite.part("allHours", 5),
          Composite.part("humans", 3),
          Composite.part("written", 10),
          Composite.part("phone", 5),
          Composite.part("escalation", 5));

  /** A documented urgent path, or else a self-service lock times its availability. */
  static final Table EMERGENCY = Table.best("path", 15).then("lock", 10);

  static List<Rule> rules() {
    Pillar p = Pillar.SUPPORT;
    return List.of(
        Rule.declared(
                "support.channels",
                p,
                "Channels: live chat, email, escalation",
                CHANNELS,
                "Live chat {chat} points, {allHours} more when staffed 24/7 and {humans} more when"
                    + " users reach human agents; email or tickets {written}; phone {phone}; a"
                    + " documented escalation path beyond first-line support {escalation}. Help centres, social media and forums earn nothing"
                    + " (self-help). Unknown without any support-channel fact.",
                "In an incident users need a person, at any hour, and a way up when first-line"
                    + " support fails.",
                Evaluation.CHANNELS)
            .discountingClaims(),
        CurveRule.of(
                "support.complaint-sla",
                p,
                "Published complaint deadline",
                15,
                Curve.steps(
                    new double[] {15, 35},
                    new double[] {1, 10 / 15.0},
                    5 / 15.0,
                    Format.WORKING_DAYS),
                "A published deadline for a final answer to complaints: {curve}. The most trusted,"
                    + " then newest, statement counts. Unknown when no deadline is published.",
                "A committed deadline (often a regulatory one) turns a complaint from a plea into a"
                    + " process.",
                Measure.SLA)
            .discountingClaims(),
        CurveRule.of(
            "support.review-signal",
            p,
            "Reviews about support not responding",
            20,
            Curve.lowerIsBetter(0.03, 0.20, Format.PERCENT),
            "Share of analysed reviews saying support does not respond or loops, pooled across"
                + " non-overlapping samples by size (the widest pooled sample wins over those it"
                + " contains): {curve}; the"
                + " result is shrunk toward the unknown prior by 100 pseudo-reviews, so a small"
                + " sample counts little. Unknown when no sample measured the theme.",
            "What users report about getting help is the test of the channels on paper.",
            Measure.REVIEW_SIGNAL),
        CurveRule.of(
            "support.withdrawal-failures",
            p,
            "Reviews about failed or delayed withdrawals",
            10,
            Curve.lowerIsBetter(0.01, 0.10, Format.PERCENT),
            "Share of analysed reviews reporting failed or delayed withdrawals, pooled across"
                + " non-overlapping samples by size: {curve}, shrunk toward the unknown prior by"
                + " 100 pseudo-reviews. A spike is"
                + " also a red flag. Unknown when no sample measured the theme.",
            "Users who cannot get their money out are the first to say so, often weeks before an"
                + " exchange admits a problem.",
            Measure.WITHDRAWAL_FAILURES),
        Rule.declared(
                "support.emergency-path",
                p,
                "Emergency path for compromised accounts",
                EMERGENCY,
                "{path} points for a documented urgent path (report and lock) for compromised"
                    + " accounts; otherwise a self-service account lock earns {lock} times its"
                    + " availability"
                    + " (mandatory or on by default 90-100 %, optional 70 %). Unknown when neither is"
                    + " stated.",
                "When an account is being drained, minutes matter more than any ticket queue.",
                Evaluation.EMERGENCY)
            .discountingClaims());
  }

  private static Outcome channels(ScoringContext ctx) {
    List<Item<SupportChannel>> channels = ctx.current(SupportChannel.class);
    if (channels.isEmpty()) {
      return Outcome.unknown("no support channel known");
    }
    List<Double> points = new ArrayList<>();
    boolean written = false;
    List<String> parts = new ArrayList<>();
    List<Item<?>> used = new ArrayList<>();
    for (Item<SupportChannel> item : channels) {
      SupportChannel c = item.fact();
      if (c.channel() == SupportChannelType.LIVE_CHAT) {
        points.add(
            CHANNELS.part("chat")
                + CHANNELS.points("allHours", Boolean.TRUE.equals(c.around24x7()) ? 1 : 0)
                + CHANNELS.points("humans", Boolean.TRUE.equals(c.humanAgents()) ? 1 : 0));
        parts.add("live chat" + (Boolean.TRUE.equals(c.around24x7()) ? " 24/7" : ""));
        used.add(item);
      } else if ((c.channel() == SupportChannelType.EMAIL
          || c.channel() == SupportChannelType.TICKET)) {
        points.add(CHANNELS.points("written", written ? 0 : 1));
        written = true;
        parts.add(Fmt.lower(c.channel()));
        used.add(item);
      } else if (c.channel() == SupportChannelType.PHONE) {
        points.add(CHANNELS.part("phone"));
        parts.add("phone");
        used.add(item);
      }
    }
    ScoringContext.Choice<ComplaintHandling> escalation =
        ctx.winner(
            ComplaintHandling.class,
            Complaints.ESCALATION_PATH,
            Complaints.ESCALATION_PATH.disagreement,
            "escalation path");
    if (escalation.isPresent() && escalation.get().fact().escalationPath()) {
      points.add(CHANNELS.part("escalation"));
      parts.add("escalation path");
      used.add(escalation.get());
    }
    String value = parts.isEmpty() ? "self-help only" : String.join(", ", parts);
    if (used.isEmpty()) {
      return Outcome.known(0, value, "support: " + value, channels)
          .withFindings(escalation.conflicts());
    }
    // each channel is credited by the class of the evidence that states it
    return Outcome.knownParts(value, "support: " + value, used, points)
        .withFindings(escalation.conflicts());
  }

  private static CurveRule.Reading sla(ScoringContext ctx) {
    ScoringContext.Choice<ComplaintHandling> sla =
        ctx.winner(
            ComplaintHandling.class,
            Complaints.DEADLINE,
            Complaints.DEADLINE.disagreement,
            "complaint deadline");
    if (sla.isEmpty()) {
      return CurveRule.Reading.unknown("no complaint deadline published")
          .withFindings(sla.conflicts());
    }
    int days = sla.get().fact().resolutionWorkingDays();
    return CurveRule.Reading.of(
            days,
            sla.get(),
            days + " working days",
            "complaints answered within " + days + " working days")
        .withFindings(sla.conflicts());
  }

  private static CurveRule.Reading reviewSignal(ScoringContext ctx) {
    return themeShare(ctx, ReviewTheme.SUPPORT_NO_RESPONSE, "reviews about unresponsive support");
  }

  private static CurveRule.Reading withdrawalFailures(ScoringContext ctx) {
    return themeShare(
        ctx, ReviewTheme.WITHDRAWAL_FAILURES, "reviews about failed or delayed withdrawals");
  }

  private static CurveRule.Reading themeShare(
      ScoringContext ctx, ReviewTheme wanted, String label) {
    double reviews = 0;
    double complaints = 0;
    List<Item<ReviewThemes>> used = new ArrayList<>();
    for (Item<ReviewThemes> item :
        Samples.themes(ctx.current(ReviewThemes.class, new MeasuresTheme(wanted)))) {
      ThemeShare theme = item.fact().theme(wanted);
      reviews += item.fact().reviewsAnalysed();
      complaints += theme.shareOfAll() * item.fact().reviewsAnalysed();
      used.add(item);
    }
    if (used.isEmpty()) {
      return CurveRule.Reading.unknown("no review sample measured " + label);
    }
    double share = complaints / reviews;
    return CurveRule.Reading.sample(
        share,
        used,
        reviews,
        Fmt.pct(share) + " of reviews",
        label + " " + Fmt.pct(share) + " of " + (long) reviews + " (shrunk toward the prior)");
  }

  private static Outcome emergency(ScoringContext ctx) {
    ScoringContext.Choice<ComplaintHandling> path =
        ctx.winner(
            ComplaintHandling.class,
            Complaints.EMERGENCY_PATH,
            Complaints.EMERGENCY_PATH.disagreement,
            "emergency path");
    Optional<Item<SecurityControl>> lock = ControlRule.find(ctx, AccountControl.ACCOUNT_LOCK);
    if (path.isEmpty() && lock.isEmpty()) {
      return Outcome.unknown("no emergency path or account lock stated");
    }
    double pathPoints =
        path.isPresent() && path.get().fact().emergencyPath() ? EMERGENCY.points("path") : 0;
    double lockPoints =
        lock.isPresent()
            ? EMERGENCY.points("lock") * ControlRule.credit(lock.get().fact().availability())
            : 0;
    if (pathPoints >= lockPoints && path.isPresent()) {
      String value = pathPoints > 0 ? "documented" : "none documented";
      return Outcome.known(pathPoints, value, "emergency path " + value, path.get())
          .withFindings(path.conflicts());
    }
    String value = "self-service lock " + Fmt.lower(lock.get().fact().availability());
    return Outcome.known(lockPoints, value, value, lock.get()).withFindings(path.conflicts());
  }

  // The rules' functions are named constants and classes, not method references and lambdas: each
  // lambda costs a linkage (about 0.2 ms, interpreted) at the start of every CLI run that scores.

  /** The evaluation of each plain rule declared here, by name. */
  private enum Evaluation implements Function<ScoringContext, Outcome> {
    CHANNELS,
    EMERGENCY;

    @Override
    public Outcome apply(ScoringContext ctx) {
      return this == CHANNELS ? channels(ctx) : emergency(ctx);
    }
  }

  /** What each curve rule declared here reads, by name. */
  private enum Measure implements Function<ScoringContext, CurveRule.Reading> {
    SLA,
    REVIEW_SIGNAL,
    WITHDRAWAL_FAILURES;

    @Override
    public CurveRule.Reading apply(ScoringContext ctx) {
      return switch (this) {
        case SLA -> sla(ctx);
        case REVIEW_SIGNAL -> reviewSignal(ctx);
        case WITHDRAWAL_FAILURES -> withdrawalFailures(ctx);
      };
    }
  }

  /**
   * One property of complaint handling: whether a fact states it ({@link #test}) and whether two
   * facts disagree on it ({@link #disagreement}).
   */
  private enum Complaints implements Predicate<ComplaintHandling> {
    ESCALATION_PATH,
    DEADLINE,
    EMERGENCY_PATH;

    final BiPredicate<ComplaintHandling, ComplaintHandling> disagreement = new Disagreement(this);

    @Override
    public boolean test(ComplaintHandling fact) {
      return value(fact) != null;
    }

    Object value(ComplaintHandling fact) {
      return switch (this) {
        case ESCALATION_PATH -> fact.escalationPath();
        case DEADLINE -> fact.resolutionWorkingDays();
        case EMERGENCY_PATH -> fact.emergencyPath();
      };
    }
  }

  /** Two facts that state a property of complaint handling differently. */
  private record Disagreement(Complaints property)
      implements BiPredicate<ComplaintHandling, ComplaintHandling> {
    @Override
    public boolean test(ComplaintHandling a, ComplaintHandling b) {
      return !property.value(a).equals(property.value(b));
    }
  }

  /**
   * A review sample that measured {@code theme} (the withdrawal red flag reads the same samples).
   *
   * @param theme the theme
   */
  record MeasuresTheme(ReviewTheme theme) implements Predicate<ReviewThemes> {
    @Override
    public boolean test(ReviewThemes sample) {
      return sample.reviewsAnalysed() > 0 && sample.theme(theme) != null;
    }
  }

  /** How a curve here labels its values. */
  private enum Format implements DoubleFunction<String> {
    PERCENT,
    WORKING_DAYS;

    @Override
    public String apply(double value) {
      return this == PERCENT ? Curve.percent(value) : Fmt.num(value) + " working days";
    }
  }
}
