package io.cexsafe.collectors.regulators.internal;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.Problem;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Where a register source puts its evidence and problems for one exchange. */
public final class Findings {
  /** Prefix of the provenance note of a licence that contradicts a catalogue claim. */
  public static final String CONTRADICTION = "Catalogue claim contradicted by the register: ";

  private final String collectorId;
  private final Exchange exchange;
  private final CollectorContext context;
  private final CollectionResult.Builder result;
  private final Instant retrievedAt;

  public Findings(
      String collectorId,
      Exchange exchange,
      CollectorContext context,
      CollectionResult.Builder result) {
    this.collectorId = collectorId;
    this.exchange = exchange;
    this.context = context;
    this.result = result;
    this.retrievedAt = context.clock().instant();
  }

  public Exchange exchange() {
    return exchange;
  }

  public CollectorContext context() {
    return context;
  }

  public Instant retrievedAt() {
    return retrievedAt;
  }

  /** A provenance for a register fact, observed at {@code observedAt} (or now when null). */
  public Provenance provenance(
      URI sourceUrl, String title, Instant observedAt, Duration freshFor, String note) {
    Instant observed =
        observedAt == null || observedAt.isAfter(retrievedAt) ? retrievedAt : observedAt;
    return Provenance.builder(collectorId)
        .source(sourceUrl, title)
        .observedAt(observed)
        .retrievedAt(retrievedAt)
        .evidenceClass(EvidenceClass.REGULATOR_REGISTER)
        .staleAfter(retrievedAt.plus(freshFor))
        .note(note)
        .build();
  }

  public void add(Fact fact, Provenance provenance) {
    result.add(Evidence.of(exchange.id(), fact, provenance));
  }

  /**
   * Records that the register answered and contradicts a catalogue identifier: the number does not
   * exist or belongs to another firm. The licence carries status NOT_FOUND for the claimed entity;
   * the note says what the register showed instead.
   */
  public void contradiction(
      Register register, ExchangeIdentifier claim, String what, URI registerUrl, Instant observed) {
    String entity = claim.entity() != null ? claim.entity() : exchange.name();
    Licence licence =
        new Licence(
            register.jurisdiction(),
            register.regulator(),
            register.title(),
            entity,
            claim.value(),
            LicenceStatus.NOT_FOUND,
            List.of(),
            null,
            registerUrl,
            MatchBasis.IDENTIFIER);
    add(
        licence,
        provenance(
            registerUrl != null ? registerUrl : register.page(),
            register.title(),
            observed,
            register.freshFor(),
            CONTRADICTION + claim.scheme() + " " + claim.value() + ": " + what));
  }

  public void problem(Register register, SourceException e) {
    result.problem(
        new Problem(
            e.reason(), "[" + register.id() + "] " + e.getMessage(), e.source(), e.httpStatus()));
  }

  public void problem(Register register, ReasonCode reason, String message, String source) {
    result.problem(new Problem(reason, "[" + register.id() + "] " + message, source, null));
  }
}
