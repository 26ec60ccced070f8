package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.AttestorIndependence;
import io.cexsafe.facts.PorAttestation;
import io.cexsafe.facts.PorCadence;
import io.cexsafe.facts.PorDashboard;
import io.cexsafe.facts.PorMethod;
import io.cexsafe.facts.SearchRecord;
import io.cexsafe.facts.SearchTopic;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The proof-of-reserves pointers of a {@code /cexs} row: the wallets link, the named auditor, and
 * the search they amount to. They show only today's state, so a past run leaves them out.
 */
final class PorPointers {
  static final Duration ATTESTATION_STALE_AFTER = Duration.ofDays(365);

  private final Endpoints endpoints;

  PorPointers(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  Findings map(DefiLlamaSnapshot snapshot) {
    CexRow row = snapshot.row();
    if (row == null) {
      return Findings.NONE;
    }
    AsOf time = snapshot.time();
    if (time.past()) {
      return Findings.problem(
          new Problem(
              ReasonCode.NO_HISTORY,
              "as of "
                  + time.day()
                  + ": the /cexs figures and pointers (currentTvl, cleanAssetsTvl, inflows,"
                  + " walletsLink, auditor) show only today's state and are left out",
              endpoints.cexsPage(),
              null));
    }
    EvidenceSink sink = EvidenceSink.of(snapshot);
    int found = 0;
    URI wallets = Values.httpUri(row.walletsLink());
    if (wallets != null) {
      sink.add(
          () ->
              new PorDashboard(
                  wallets,
                  false,
                  "wallet list or proof-of-reserves page that DeFiLlama links for " + row.name()),
          sink.provenance(
              endpoints.cexsPage(),
              "DeFiLlama CEX transparency list",
              time.retrievedAt(),
              ListingEvidence.LINK_STALE_AFTER,
              "walletsLink of /cexs"));
      found++;
    }
    boolean audited = row.auditor() != null && row.lastAuditDate() != null;
    if (audited) {
      found++;
      URI link = Values.httpUri(row.auditLink());
      LocalDate date = LocalDate.ofInstant(row.lastAuditDate(), ZoneOffset.UTC);
      sink.add(
          () ->
              PorAttestation.builder(
                      date,
                      row.auditor(),
                      PorMethod.ASSETS_ONLY,
                      AttestorIndependence.INDEPENDENT_ACCOUNTANT,
                      PorCadence.ONE_OFF)
                  .detail(link == null ? null : "audit document: " + link)
                  .build(),
          sink.provenance(
              link != null ? link.toString() : endpoints.cexsPage(),
              "Audit of " + row.name() + " by " + row.auditor() + " (as listed by DeFiLlama)",
              row.lastAuditDate(),
              ATTESTATION_STALE_AFTER,
              "auditor, lastAuditDate and auditLink of /cexs; DeFiLlama does not say what the"
                  + " audit covered, so the weakest method (assets only) and a one-off cadence"
                  + " are assumed"));
    }
    int pointers = found;
    // the fields were read, so "none" is a checked absence in DeFiLlama's records (only there)
    sink.add(
        () ->
            new SearchRecord(
                SearchTopic.PROOF_OF_RESERVES,
                "DeFiLlama CEX list",
                null,
                null,
                pointers,
                "the walletsLink (proof-of-reserves or wallet-list page) and auditor fields"
                    + " DeFiLlama keeps for listed exchanges"),
        sink.provenance(
            endpoints.cexsPage(),
            "DeFiLlama CEX transparency list",
            time.retrievedAt(),
            ListingEvidence.LINK_STALE_AFTER,
            "walletsLink "
                + (wallets == null ? "absent" : "present")
                + ", auditor with lastAuditDate "
                + (audited ? "present" : "absent")
                + " for "
                + row.name()));
    return sink.findings();
  }
}
