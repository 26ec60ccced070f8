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

  /**
   * A type whose facts are resolved, and what its facts are called in a conflict. The subject of a
   * fact and whether two facts disagree are {@link #subject} and {@link #disagree}: plain code, not
   * a lambda per type, whose linking cost every run about 0.2 ms each before anything was scored.
   */
  record Spec<T extends Fact>(Class<T> type, String what) {}

  private static final List<Spec<?>> SPECS =
      List.of(
          new Spec<>(ReserveSnapshot.class, "reserves"),
          new Spec<>(ReserveTrend.class, "reserve trend"),
          new Spec<>(NetFlow.class, "net flow"),
          new Spec<>(CustodyProvider.class, "custody provider"),
          new Spec<>(PorAttestation.class, "proof-of-reserves report"),
          new Spec<>(PorDashboard.class, "reserves dashboard"),
          new Spec<>(ProofVerification.class, "inclusion proof"),
          new Spec<>(InsurancePolicy.class, "insurance policy"),
          new Spec<>(ProtectionProgramme.class, "protection programme"),
          new Spec<>(SelfInsuranceFund.class, "self-insurance fund"),
          new Spec<>(RegulatoryWarning.class, "regulatory warning"),
          new Spec<>(SecurityControl.class, "security control"),
          new Spec<>(Certification.class, "certification"),
          new Spec<>(BugBounty.class, "bug bounty"),
          new Spec<>(SecurityRating.class, "security rating"),
          new Spec<>(Incident.class, "incident"),
          new Spec<>(AppRating.class, "app rating"),
          new Spec<>(AppAvailability.class, "app availability"),
          new Spec<>(ReviewThemes.class, "review themes"),
          new Spec<>(SupportChannel.class, "support channel"));

  /** The subject a fact of a type in {@link #SPECS} describes; null for other types. */
  static String subject(Fact fact) {
    if (fact instanceof ReserveSnapshot) {
      return "";
    }
    if (fact instanceof ReserveTrend f) {
      return key(f.windowDays());
    }
    if (fact instanceof NetFlow f) {
      return key(f.windowHours());
    }
    if (fact instanceof CustodyProvider f) {
      return norm(f.name());
    }
    if (fact instanceof PorAttestation f) {
      return f.reportDate() + "|" + norm(f.attestor());
    }
    if (fact instanceof PorDashboard f) {
      return f.url().toString();
    }
    if (fact instanceof ProofVerification f) {
      return f.format() + "|" + f.rootHash();
    }
    if (fact instanceof InsurancePolicy f) {
      return norm(f.underwriter()) + "|" + norm(f.insuredEntity()) + "|" + plain(f.coverUsd());
    }
    if (fact instanceof ProtectionProgramme f) {
      return norm(f.name());
    }
    if (fact instanceof SelfInsuranceFund f) {
      return norm(f.name());
    }
    if (fact instanceof RegulatoryWarning f) {
      return f.regulator() + "|" + norm(f.entityName()) + "|" + f.date() + "|" + norm(f.reason());
    }
    if (fact instanceof SecurityControl f) {
      return f.control().name();
    }
    if (fact instanceof Certification f) {
      return f.standard().name();
    }
    if (fact instanceof BugBounty f) {
      return norm(f.platform());
    }
    if (fact instanceof SecurityRating f) {
      return norm(f.provider());
    }
    if (fact instanceof Incident f) {
      return f.date() + "|" + f.kind();
    }
    if (fact instanceof AppRating f) {
      return f.store() + "|" + f.storefront() + "|" + f.appId();
    }
    if (fact instanceof AppAvailability f) {
      return f.store() + "|" + f.storefront() + "|" + f.appId();
    }
    if (fact instanceof ReviewThemes f) {
      return f.store() + "|" + f.storefront();
    }
    if (fact instanceof SupportChannel f) {
      return f.channel().name();
    }
    return null;
  }

  /**
   * Whether a loser says something different from the winner of its group (both of one type in
   * {@link #SPECS}); types whose facts never disagree are false.
   */
  static boolean disagree(Fact winner, Fact loser) {
    if (winner instanceof ReserveSnapshot a && loser instanceof ReserveSnapshot b) {
      return differ(a.totalUsd(), b.totalUsd(), 0.2);
    }
    if (winner instanceof CustodyProvider a && loser instanceof CustodyProvider b) {
      return a.role() != b.role() || a.availableToCustomers() != b.availableToCustomers();
    }
    if (winner instanceof PorAttestation a && loser instanceof PorAttestation b) {
      return a.method() != b.method()
          || a.independence() != b.independence()
          || a.userVerifiable() != b.userVerifiable();
    }
    if (winner instanceof ProofVerification a && loser instanceof ProofVerification b) {
      return a.included() != b.included();
    }
    if (winner instanceof ProtectionProgramme a && loser instanceof ProtectionProgramme b) {
      return differ(a.capPerUserUsd(), b.capPerUserUsd(), 0.01);
    }
    if (winner instanceof SelfInsuranceFund a && loser instanceof SelfInsuranceFund b) {
      return differ(a.sizeUsd(), b.sizeUsd(), 0.1);
    }
    if (winner instanceof RegulatoryWarning a && loser instanceof RegulatoryWarning b) {
      return a.resolved() != b.resolved();
    }
    if (winner instanceof SecurityControl a && loser instanceof SecurityControl b) {
      return a.availability() != b.availability();
    }
    if (winner instanceof Incident a && loser instanceof Incident b) {
      return differ(a.lossUsd(), b.lossUsd(), 0.1)
          || (a.reimbursement() != Reimbursement.UNKNOWN
              && b.reimbursement() != Reimbursement.UNKNOWN
              && a.reimbursement() != b.reimbursement());
    }
    if (winner instanceof AppAvailability a && loser instanceof AppAvailability b) {
      return a.available() != b.available();
    }
    if (winner instanceof SupportChannel a && loser instanceof SupportChannel b) {
      return a.around24x7() != null
          && b.around24x7() != null
          && !a.around24x7().equals(b.around24x7());
    }
    return false;
  }

  /** The subject a fact describes, for types that have one; null for types without a spec. */
  @SuppressWarnings("unchecked")
  static <T extends Fact> Function<T, String> subjectOf(Class<T> type) {
    if (type == Licence.class) {
      return f -> licenceKey((Licence) f);
    }
    for (Spec<?> spec : SPECS) {
      if (spec.type() == type) {
        return Resolutions::subject;
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
      groups.computeIfAbsent(subject(item.fact()), k -> new ArrayList<>()).add(item);
    }
    List<Item<T>> winners = new ArrayList<>();
    for (List<Item<T>> group : groups.values()) {
      group.sort(ScoringContext.WINNER_FIRST);
      Item<T> winner = group.get(0);
      winners.add(winner);
      for (Item<T> loser : group.subList(1, group.size())) {
        if (!sameCollector(winner, loser) && disagree(winner.fact(), loser.fact())) {
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
