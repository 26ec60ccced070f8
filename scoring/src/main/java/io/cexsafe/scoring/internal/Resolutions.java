package io.cexsafe.scoring.internal;

import io.cexsafe.facts.AppAvailability;
import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.BugBounty;
import io.cexsafe.facts.Certification;
import io.cexsafe.facts.CustodyProvider;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.InsurancePolicy;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.NetFlow;
import io.cexsafe.facts.PorAttestation;
import io.cexsafe.facts.PorDashboard;
import io.cexsafe.facts.ProofVerification;
import io.cexsafe.facts.ProtectionProgramme;
import io.cexsafe.facts.RegulatoryWarning;
import io.cexsafe.facts.Reimbursement;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.facts.ReserveTrend;
import io.cexsafe.facts.ReviewThemes;
import io.cexsafe.facts.SecurityControl;
import io.cexsafe.facts.SecurityRating;
import io.cexsafe.facts.SelfInsuranceFund;
import io.cexsafe.facts.SupportChannel;
import io.cexsafe.scoring.Finding;
import io.cexsafe.scoring.FindingKind;
import io.cexsafe.scoring.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Conflict resolution. Facts of one type are grouped by the subject they describe (a licence by
 * regulator and identifier, a security control by control, reserves as a whole, ...). Within a
 * group the most trusted evidence class wins, then the newer observation, then the smaller evidence
 * id (only to be deterministic). When the losers say something different from the winner and come
 * from another collector, a CONFLICT finding names both; a collector's own newer measurement simply
 * supersedes its older one. Types without a spec here keep every fact.
 */
final class Resolutions {
  private Resolutions() {}

  record Spec<T extends Fact>(
      Class<T> type, String what, Function<T, String> subject, BiPredicate<T, T> disagree) {}

  private static final List<Spec<?>> SPECS =
      List.of(
          new Spec<>(
              ReserveSnapshot.class,
              "reserves",
              f -> "",
              (a, b) -> differ(a.totalUsd(), b.totalUsd(), 0.2)),
          new Spec<>(
              ReserveTrend.class, "reserve trend", f -> key(f.windowDays()), (a, b) -> false),
          new Spec<>(NetFlow.class, "net flow", f -> key(f.windowHours()), (a, b) -> false),
          new Spec<>(
              CustodyProvider.class,
              "custody provider",
              f -> norm(f.name()),
              (a, b) ->
                  a.role() != b.role() || a.availableToCustomers() != b.availableToCustomers()),
          new Spec<>(
              PorAttestation.class,
              "proof-of-reserves report",
              f -> f.reportDate() + "|" + norm(f.attestor()),
              (a, b) ->
                  a.method() != b.method()
                      || a.independence() != b.independence()
                      || a.userVerifiable() != b.userVerifiable()),
          new Spec<>(
              PorDashboard.class, "reserves dashboard", f -> f.url().toString(), (a, b) -> false),
          new Spec<>(
              ProofVerification.class,
              "inclusion proof",
              f -> f.format() + "|" + f.rootHash(),
              (a, b) -> a.included() != b.included()),
          new Spec<>(
              InsurancePolicy.class,
              "insurance policy",
              f ->
                  norm(f.underwriter()) + "|" + norm(f.insuredEntity()) + "|" + plain(f.coverUsd()),
              (a, b) -> false),
          new Spec<>(
              ProtectionProgramme.class,
              "protection programme",
              f -> norm(f.name()),
              (a, b) -> differ(a.capPerUserUsd(), b.capPerUserUsd(), 0.01)),
          new Spec<>(
              SelfInsuranceFund.class,
              "self-insurance fund",
              f -> norm(f.name()),
              (a, b) -> differ(a.sizeUsd(), b.sizeUsd(), 0.1)),
          new Spec<>(
              RegulatoryWarning.class,
              "regulatory warning",
              f ->
                  f.regulator()
                      + "|"
                      + norm(f.entityName())
                      + "|"
                      + f.date()
                      + "|"
                      + norm(f.reason()),
              (a, b) -> a.resolved() != b.resolved()),
          new Spec<>(
              SecurityControl.class,
              "security control",
              f -> f.control().name(),
              (a, b) -> a.availability() != b.availability()),
          new Spec<>(
              Certification.class, "certification", f -> f.standard().name(), (a, b) -> false),
          new Spec<>(BugBounty.class, "bug bounty", f -> norm(f.platform()), (a, b) -> false),
          new Spec<>(
              SecurityRating.class, "security rating", f -> norm(f.provider()), (a, b) -> false),
          new Spec<>(
              Incident.class,
              "incident",
              f -> f.date() + "|" + f.kind(),
              (a, b) ->
                  differ(a.lossUsd(), b.lossUsd(), 0.1)
                      || (a.reimbursement() != Reimbursement.UNKNOWN
                          && b.reimbursement() != Reimbursement.UNKNOWN
                          && a.reimbursement() != b.reimbursement())),
          new Spec<>(
              AppRating.class,
              "app rating",
              f -> f.store() + "|" + f.storefront() + "|" + f.appId(),
              (a, b) -> false),
          new Spec<>(
              AppAvailability.class,
              "app availability",
              f -> f.store() + "|" + f.storefront() + "|" + f.appId(),
              (a, b) -> a.available() != b.available()),
          new Spec<>(
              ReviewThemes.class,
              "review themes",
              f -> f.store() + "|" + f.storefront(),
              (a, b) -> false),
          new Spec<>(
              SupportChannel.class,
              "support channel",
              f -> f.channel().name(),
              (a, b) ->
                  a.around24x7() != null
                      && b.around24x7() != null
                      && !a.around24x7().equals(b.around24x7())));

  /** The subject a fact describes, for types that have one; null for types without a spec. */
  @SuppressWarnings("unchecked")
  static <T extends Fact> Function<T, String> subjectOf(Class<T> type) {
    if (type == Licence.class) {
      return f -> licenceKey((Licence) f);
    }
    for (Spec<?> spec : SPECS) {
      if (spec.type() == type) {
        return ((Spec<T>) spec).subject();
      }
    }
    return null;
  }

  /** One winner per subject and type, and what resolving them noticed. */
  record Resolved(Map<Class<?>, List<? extends Item<?>>> winners, List<Finding> findings) {}

  static Resolved resolveAll(ScoringContext context) {
    Map<Class<?>, List<? extends Item<?>>> winners = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (Spec<?> spec : SPECS) {
      winners.put(spec.type(), resolve(context, spec, findings));
    }
    winners.put(Licence.class, resolveLicences(context, findings));
    return new Resolved(winners, findings);
  }

  private static <T extends Fact> List<Item<T>> resolve(
      ScoringContext context, Spec<T> spec, List<Finding> findings) {
    Map<String, List<Item<T>>> groups = new TreeMap<>();
    for (Item<T> item : context.all(spec.type())) {
      groups.computeIfAbsent(spec.subject().apply(item.fact()), k -> new ArrayList<>()).add(item);
    }
    List<Item<T>> winners = new ArrayList<>();
    for (List<Item<T>> group : groups.values()) {
      group.sort(ScoringContext.WINNER_FIRST);
      Item<T> winner = group.get(0);
      winners.add(winner);
      for (Item<T> loser : group.subList(1, group.size())) {
        if (!sameCollector(winner, loser) && spec.disagree().test(winner.fact(), loser.fact())) {
          findings.add(ScoringContext.conflict(winner, loser, spec.what()));
        }
      }
    }
    return winners;
  }

  /**
   * Licences: a claim (usually from the exchange's disclosures) and a register's answer about the
   * same regulator and identifier form one group. The register wins. A register that has no such
   * entry, or whose entry belongs to another firm, contradicts the claim: a HIGH conflict. A claim
   * that no register confirmed stays a claim (it earns at most half) and is reported as unverified.
   */
  private static List<Item<Licence>> resolveLicences(
      ScoringContext context, List<Finding> findings) {
    Map<String, List<Item<Licence>>> groups = new TreeMap<>();
    for (Item<Licence> item : context.all(Licence.class)) {
      groups.computeIfAbsent(licenceKey(item.fact()), k -> new ArrayList<>()).add(item);
    }
    List<Item<Licence>> winners = new ArrayList<>();
    for (List<Item<Licence>> group : groups.values()) {
      group.sort(ScoringContext.WINNER_FIRST);
      Item<Licence> winner = group.get(0);
      winners.add(winner);
      Licence w = winner.fact();
      List<Item<Licence>> claims =
          group.stream().filter(i -> i.fact().status() == LicenceStatus.CLAIMED).toList();
      if (w.status() == LicenceStatus.CLAIMED) {
        findings.add(
            ScoringContext.findingAbout(
                Severity.INFO,
                FindingKind.CLAIM_UNVERIFIED,
                winner,
                "claimed licence not confirmed by a register: " + w.summary()));
      } else {
        if (w.status() == LicenceStatus.NOT_FOUND && claims.isEmpty()) {
          findings.add(
              ScoringContext.findingAbout(
                  Severity.MEDIUM,
                  FindingKind.CLAIM_UNVERIFIED,
                  winner,
                  w.regulator() + " register has no entry for " + w.summary()));
        }
        for (Item<Licence> claim : claims) {
          if (w.status() == LicenceStatus.NOT_FOUND) {
            findings.add(
                new Finding(
                    Severity.HIGH,
                    FindingKind.CONFLICT,
                    ScoringContext.pillarOf(winner),
                    w.regulator()
                        + " register has no entry"
                        + (claim.fact().identifier() == null ? "" : " " + claim.fact().identifier())
                        + " for the claimed licence of "
                        + claim.fact().entityName(),
                    List.of(winner.id(), claim.id())));
          } else if (!sameFirm(w.entityName(), claim.fact().entityName())) {
            findings.add(
                new Finding(
                    Severity.HIGH,
                    FindingKind.CONFLICT,
                    ScoringContext.pillarOf(winner),
                    w.regulator()
                        + " identifier "
                        + claim.fact().identifier()
                        + " belongs to "
                        + w.entityName()
                        + ", not the claimed "
                        + claim.fact().entityName(),
                    List.of(winner.id(), claim.id())));
          }
        }
        for (Item<Licence> loser : group.subList(1, group.size())) {
          Licence l = loser.fact();
          if (l.status() != LicenceStatus.CLAIMED
              && l.status() != w.status()
              && !sameCollector(winner, loser)) {
            findings.add(ScoringContext.conflict(winner, loser, "licence status"));
          }
        }
      }
      if (w.status() == LicenceStatus.WARNED || w.status() == LicenceStatus.REVOKED_OR_WITHDRAWN) {
        findings.add(
            ScoringContext.findingAbout(
                Severity.HIGH, FindingKind.WARNING, winner, "register status: " + w.summary()));
      } else if (w.status() == LicenceStatus.LAPSED) {
        findings.add(
            ScoringContext.findingAbout(
                Severity.LOW, FindingKind.WARNING, winner, "licence lapsed: " + w.summary()));
      }
    }
    return winners;
  }

  static String licenceKey(Licence licence) {
    String subject =
        licence.identifier() != null
            ? "id:"
                + NON_ALNUM.matcher(licence.identifier().toUpperCase(Locale.ROOT)).replaceAll("")
            : "name:" + norm(licence.entityName());
    return licence.jurisdiction()
        + "|"
        + licence.regulator().toUpperCase(Locale.ROOT)
        + "|"
        + subject;
  }

  /** Loose firm-name match: one normalised name contains the other's first word. */
  static boolean sameFirm(String a, String b) {
    String x = norm(a);
    String y = norm(b);
    if (x.isEmpty() || y.isEmpty()) {
      return true;
    }
    String xFirst = x.split(" ")[0];
    String yFirst = y.split(" ")[0];
    return x.contains(yFirst) || y.contains(xFirst);
  }

  private static boolean sameCollector(Item<?> a, Item<?> b) {
    return a.evidence().provenance().collectorId().equals(b.evidence().provenance().collectorId());
  }

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern LEGAL_FORM =
      Pattern.compile("\\b(ltd|limited|llc|inc|plc|gmbh|sa|ag|bv|pte|pty|corp|corporation|co)\\b");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^A-Z0-9]");

  static String norm(String text) {
    if (text == null) {
      return "";
    }
    String words = NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
    return SPACES.matcher(LEGAL_FORM.matcher(words).replaceAll("")).replaceAll(" ").trim();
  }

  private static String key(int value) {
    return String.format(Locale.ROOT, "%08d", value);
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }

  private static boolean differ(BigDecimal a, BigDecimal b, double tolerance) {
    if (a == null || b == null) {
      return false;
    }
    double x = a.doubleValue();
    double y = b.doubleValue();
    double scale = Math.max(Math.abs(x), Math.abs(y));
    return scale > 0 && Math.abs(x - y) / scale > tolerance;
  }

  private static boolean differ(Double a, Double b, double tolerance) {
    return a != null && b != null && Math.abs(a - b) > tolerance && !Objects.equals(a, b);
  }
}
