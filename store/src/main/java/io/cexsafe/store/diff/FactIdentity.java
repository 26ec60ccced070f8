package io.cexsafe.store.diff;

import io.cexsafe.Evidence;
import io.cexsafe.facts.AppAvailability;
import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.BugBounty;
import io.cexsafe.facts.Certification;
import io.cexsafe.facts.CustodyProvider;
import io.cexsafe.facts.ExtensionFact;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.IncidentRecordCheck;
import io.cexsafe.facts.InsurancePolicy;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.NetFlow;
import io.cexsafe.facts.ProofVerification;
import io.cexsafe.facts.ProtectionProgramme;
import io.cexsafe.facts.RegulatoryWarning;
import io.cexsafe.facts.ReserveTrend;
import io.cexsafe.facts.ReviewThemes;
import io.cexsafe.facts.SearchRecord;
import io.cexsafe.facts.SecurityControl;
import io.cexsafe.facts.SecurityRating;
import io.cexsafe.facts.SelfInsuranceFund;
import io.cexsafe.facts.SupportChannel;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What makes two pieces of evidence from two runs "the same fact", so that a diff can tell a
 * changed fact from one removed and another added.
 *
 * <p>An {@link Evidence#id() evidence id} hashes the whole fact and its observation time, so any
 * new value (or merely a newer reading) gives a new id. The identity instead keeps only what names
 * the thing the fact is about: the collector, the fact's type name, and its subject, such as the
 * regulator and register entry of a licence, the store and storefront of an app rating, the date
 * and kind of an incident, or the window of a net flow. Facts of which an exchange has one at a
 * time (a reserve snapshot, a proof-of-reserves attestation, the custody set-up) have an empty
 * subject.
 *
 * <p>Example: {@code defillama:reserve-snapshot:} or {@code regulators:licence:FCA|928331}.
 */
public final class FactIdentity {
  private FactIdentity() {}

  /**
   * The identity of a piece of evidence: {@code collector:type:subject}.
   *
   * @param evidence the evidence, whose collector id and fact are read
   * @return the identity, e.g. {@code regulators:licence:FCA|928331}
   */
  public static String of(Evidence evidence) {
    Objects.requireNonNull(evidence, "evidence");
    return evidence.provenance().collectorId()
        + ':'
        + evidence.fact().typeName()
        + ':'
        + subject(evidence.fact());
  }

  /**
   * The subject of a fact: the fields that name what it is about, joined by {@code |}; empty for a
   * fact an exchange has once.
   *
   * @param fact the fact to name
   * @return the subject fields joined by {@code |}, or the empty string
   */
  public static String subject(Fact fact) {
    Objects.requireNonNull(fact, "fact");
    if (fact instanceof Licence l) {
      return join(
          l.jurisdiction(),
          l.regulator(),
          l.identifier() != null ? l.identifier() : l.entityName());
    } else if (fact instanceof Incident i) {
      return join(i.date(), i.kind());
    } else if (fact instanceof NetFlow f) {
      return join(f.windowHours() + "h");
    } else if (fact instanceof ReserveTrend t) {
      return join(t.windowDays() + "d");
    } else if (fact instanceof AppRating r) {
      return join(r.store(), r.storefront(), r.appId());
    } else if (fact instanceof AppAvailability a) {
      return join(a.store(), a.storefront(), a.appId());
    } else if (fact instanceof ReviewThemes t) {
      return join(t.store(), t.storefront());
    } else if (fact instanceof RegulatoryWarning w) {
      return join(w.jurisdiction(), w.regulator(), w.entityName(), w.date());
    } else if (fact instanceof SecurityControl c) {
      return join(c.control());
    } else if (fact instanceof SupportChannel c) {
      return join(c.channel());
    } else if (fact instanceof SearchRecord s) {
      return join(s.topic(), s.source(), s.jurisdiction());
    } else if (fact instanceof IncidentRecordCheck c) {
      return join(c.database());
    } else if (fact instanceof Certification c) {
      return join(c.standard());
    } else if (fact instanceof CustodyProvider c) {
      return join(c.name());
    } else if (fact instanceof InsurancePolicy p) {
      return join(p.underwriter());
    } else if (fact instanceof ProtectionProgramme p) {
      return join(p.name());
    } else if (fact instanceof SelfInsuranceFund f) {
      return join(f.name());
    } else if (fact instanceof SecurityRating r) {
      return join(r.provider());
    } else if (fact instanceof BugBounty b) {
      return join(b.platform());
    } else if (fact instanceof ProofVerification v) {
      return join(v.format(), v.snapshotDate());
    } else if (fact instanceof ExtensionFact e) {
      return join(e.kind());
    }
    return "";
  }

  private static String join(Object... parts) {
    return Arrays.stream(parts)
        .map(part -> part == null ? "" : part.toString().trim().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining("|"));
  }
}
