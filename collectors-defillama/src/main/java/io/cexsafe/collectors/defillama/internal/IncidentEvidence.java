package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.IncidentKind;
import io.cexsafe.facts.IncidentRecordCheck;
import io.cexsafe.facts.Reimbursement;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The exchange's incidents in DeFiLlama's {@code /hacks} list, and the search they amount to. A
 * past run keeps only rows dated on or before its as-of.
 */
final class IncidentEvidence {
  static final Duration CHECK_STALE_AFTER = Duration.ofDays(30);

  private final Endpoints endpoints;

  IncidentEvidence(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  /** The failure to read the list, if it failed. */
  Findings listFailure(DefiLlamaSnapshot snapshot) {
    return snapshot.hacks().failure() == null
        ? Findings.NONE
        : Findings.problem(Problem.of(snapshot.hacks().failure()));
  }

  /**
   * @param catalog the catalogue, to tell which exchange a row names
   */
  Findings map(DefiLlamaSnapshot snapshot, ExchangeCatalog catalog) {
    if (!snapshot.hacks().succeeded()) {
      return Findings.NONE;
    }
    AsOf time = snapshot.time();
    EvidenceSink sink = EvidenceSink.of(snapshot);
    int found = 0;
    for (Hack hack : snapshot.hacks().value()) {
      if (!hack.targetsCex() || !concerns(snapshot, catalog, hack) || time.precedes(hack.date())) {
        continue; // not the exchange's, or had not happened yet
      }
      found++;
      if (!hack.unrepresentable().isEmpty()) {
        // counted all the same: the search did find an incident, so it is no checked absence
        sink.problem(
            malformed(
                "a /hacks row for "
                    + hack.name()
                    + " has a value that cannot be represented ("
                    + String.join(", ", hack.unrepresentable())
                    + "); its incident is left out"));
      } else if (hack.date() == null) {
        sink.problem(
            malformed(
                "a /hacks row for "
                    + hack.name()
                    + " has an unusable date '"
                    + hack.rawDate()
                    + "'; skipped"));
      } else {
        addIncident(sink, hack);
      }
    }
    boolean known =
        snapshot.row() != null || (snapshot.slug() != null && !snapshot.protocolMissing());
    if (found == 0 && !known) {
      // DeFiLlama knows nothing of this exchange: an empty search says too little to record
      return sink.findings();
    }
    int incidentsFound = found;
    // the search itself is evidence: "no incidents found" is only claimed when /hacks answered
    sink.add(
        () ->
            new IncidentRecordCheck(
                "DeFiLlama hacks", incidentsFound, "hacks whose target is a CEX"),
        sink.provenance(
            endpoints.hacksPage(),
            "DeFiLlama hacks database",
            time.undated(),
            CHECK_STALE_AFTER,
            "rows of /hacks with targetType CEX, matched by DeFiLlama id or by name through the"
                + " catalogue"
                + (time.past()
                    ? "; only rows dated on or before as-of "
                        + time.day()
                        + " (the list as read today, which may hold incidents reported later)"
                    : "")));
    return sink.findings();
  }

  private void addIncident(EvidenceSink sink, Hack hack) {
    URI source = Values.httpUri(hack.source());
    sink.add(
        () ->
            Incident.builder(hack.date(), IncidentKind.HACK)
                .lossUsd(nonNegative(hack.amount()))
                .technique(hack.technique())
                .returnedUsd(nonNegative(hack.returnedFunds()))
                .reimbursement(Reimbursement.UNKNOWN)
                .summaryText(summary(hack))
                .build(),
        sink.provenance(
            source != null ? source.toString() : endpoints.hacksPage(),
            "DeFiLlama hacks: " + hack.name(),
            hack.date().atStartOfDay(ZoneOffset.UTC).toInstant(),
            null,
            "row of /hacks with targetType CEX"
                + (hack.defillamaId() == null ? "" : ", defillamaId " + hack.defillamaId())
                + "; returned funds are what the attacker returned or was recovered, not"
                + " necessarily user reimbursement"));
  }

  /** By DeFiLlama id first; by name, id or alias through the catalogue otherwise. */
  static boolean concerns(DefiLlamaSnapshot snapshot, ExchangeCatalog catalog, Hack hack) {
    Exchange exchange = snapshot.exchange();
    ProtocolSummary protocol = snapshot.protocol();
    Set<String> ids = new LinkedHashSet<>();
    for (ExchangeIdentifier id : exchange.identifiers("defillama.id")) {
      ids.add(id.value());
    }
    if (protocol != null && protocol.id() != null) {
      ids.add(protocol.id());
    }
    if (hack.defillamaId() != null) {
      if (ids.contains(hack.defillamaId())) {
        return true;
      }
      var owner = catalog.findByIdentifier("defillama.id", hack.defillamaId());
      if (owner.isPresent()) {
        return owner.get().id().equals(exchange.id());
      }
    }
    String name = hack.name();
    if (exchange.isKnownAs(name)) {
      return true;
    }
    CexRow row = snapshot.row();
    if (row != null && row.name().equalsIgnoreCase(name)) {
      return true;
    }
    if (protocol != null && protocol.name() != null && protocol.name().equalsIgnoreCase(name)) {
      return true;
    }
    return catalog.find(name).map(e -> e.id().equals(exchange.id())).orElse(false);
  }

  private static String summary(Hack hack) {
    StringBuilder text = new StringBuilder(hack.name());
    if (hack.classification() != null) {
      text.append(": ").append(hack.classification());
    }
    if (!hack.chains().isEmpty()) {
      text.append("; chains ").append(String.join(", ", hack.chains()));
    }
    if (hack.bridgeHack()) {
      text.append("; bridge hack");
    }
    return text.toString();
  }

  private Problem malformed(String message) {
    return new Problem(ReasonCode.MALFORMED_RESPONSE, message, endpoints.hacksPage(), null);
  }

  private static BigDecimal nonNegative(BigDecimal value) {
    return value == null || value.signum() < 0 ? null : value;
  }
}
