package io.cexsafe.collectors.disclosures.internal;

import io.cexsafe.facts.AppAvailability;
import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.BugBounty;
import io.cexsafe.facts.Certification;
import io.cexsafe.facts.CustodyProvider;
import io.cexsafe.facts.ExtensionFact;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.InsurancePolicy;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.PorAttestation;
import io.cexsafe.facts.PorDashboard;
import io.cexsafe.facts.ProtectionProgramme;
import io.cexsafe.facts.RegulatoryWarning;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.facts.ReviewThemes;
import io.cexsafe.facts.SearchRecord;
import io.cexsafe.facts.SecurityControl;
import io.cexsafe.facts.SecurityRating;
import io.cexsafe.facts.SelfInsuranceFund;
import io.cexsafe.facts.SupportChannel;
import java.util.Locale;
import java.util.Objects;

/**
 * What a fact is about, so that two facts about the same thing can be compared: two facts with the
 * same subject and different content contradict each other. Facts that can legitimately occur many
 * times (incidents, attestations, policies) are keyed by what tells them apart; facts an exchange
 * has only one of (its cold-storage claim, its complaint process) are keyed by type alone, and time
 * series (reserve snapshots, ratings) by the day observed.
 */
final class Subjects {
  private Subjects() {}

  static String of(Fact fact, java.time.LocalDate observedOn) {
    String type = fact.typeName();
    String detail;
    if (fact instanceof SecurityControl c) {
      detail = c.control().name();
    } else if (fact instanceof Certification c) {
      detail = c.standard().name();
    } else if (fact instanceof SupportChannel c) {
      detail = c.channel().name();
    } else if (fact instanceof InsurancePolicy p) {
      detail = norm(p.underwriter()) + "|" + norm(p.broker()) + "|" + norm(p.insuredEntity());
    } else if (fact instanceof ProtectionProgramme p) {
      detail = norm(p.name());
    } else if (fact instanceof SelfInsuranceFund f) {
      detail = norm(f.name());
    } else if (fact instanceof CustodyProvider p) {
      detail = norm(p.name());
    } else if (fact instanceof PorAttestation a) {
      detail = a.reportDate() + "|" + norm(a.attestor());
    } else if (fact instanceof PorDashboard d) {
      detail = d.url().toString();
    } else if (fact instanceof Incident i) {
      detail = i.date() + "|" + i.kind();
    } else if (fact instanceof Licence l) {
      detail = l.jurisdiction() + "|" + norm(l.regulator()) + "|" + norm(l.entityName());
    } else if (fact instanceof RegulatoryWarning w) {
      detail =
          w.jurisdiction() + "|" + norm(w.regulator()) + "|" + w.date() + "|" + norm(w.reason());
    } else if (fact instanceof BugBounty b) {
      detail = norm(b.platform());
    } else if (fact instanceof SecurityRating r) {
      detail = norm(r.provider());
    } else if (fact instanceof AppRating r) {
      detail = r.store() + "|" + r.storefront() + "|" + observedOn;
    } else if (fact instanceof AppAvailability a) {
      detail = a.store() + "|" + a.storefront();
    } else if (fact instanceof ReviewThemes t) {
      detail = t.store() + "|" + t.storefront() + "|" + observedOn;
    } else if (fact instanceof SearchRecord r) {
      // one search per place and topic; a later search replaces it by the curator id
      detail = r.topic() + "|" + Objects.toString(r.jurisdiction(), "") + "|" + norm(r.source());
    } else if (fact instanceof ExtensionFact e) {
      // a plugin's kinds are different subjects; two statements of one kind compare like the rest
      detail = e.kind();
    } else if (fact instanceof ReserveSnapshot) {
      detail = observedOn.toString();
    } else {
      // cold storage, key management, asset segregation, complaint handling, user base, ...: an
      // exchange has one of each; a newer statement should replace the older by its curator id
      detail = "";
    }
    return type + ":" + detail;
  }

  private static String norm(String value) {
    return Objects.toString(value, "").trim().toLowerCase(Locale.ROOT);
  }
}
