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
import io.cexsafe.facts.SearchRecord;
import io.cexsafe.facts.SearchTopic;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Where a register source puts its evidence and problems for one exchange. */
public final class Findings {
  /** Prefix of the provenance note of a licence that contradicts a catalogue claim. */
  public static final String CONTRADICTION = "Catalogue claim contradicted by the register: ";

  /** How far before the clock an as-of must lie to count as a replay of the past. */
  public static final Duration PAST_AS_OF = Duration.ofDays(1);

  private final String collectorId;
  private final Exchange exchange;
  private final CollectorContext context;
  private final CollectionResult.Builder result;
  private final Instant retrievedAt;
  private final List<Evidence> evidence = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private boolean searchRecorded;

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

  /**
   * True when the run's as-of lies more than {@link #PAST_AS_OF} before the clock: registers then
   * show today's state, which says nothing certain of that date.
   */
  public static boolean asOfInPast(CollectorContext context) {
    return context.asOf().isBefore(context.clock().instant().minus(PAST_AS_OF));
  }

  public boolean asOfInPast() {
    return asOfInPast(context);
  }

  /** The as-of day, in UTC (register dates are local dates without a zone). */
  public LocalDate asOfDay() {
    return context.asOf().atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** The evidence added through this object so far. */
  public List<Evidence> evidence() {
    return List.copyOf(evidence);
  }

  /** The problems noted through this object so far. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** True once a source recorded its own {@link SearchRecord}s. */
  public boolean searchRecorded() {
    return searchRecorded;
  }

  /**
   * Records that {@code register} answered a search for the exchange: a {@link SearchRecord} with
   * {@code found} hits, or, when {@code found} is zero, a checked absence. Left out in replays of
   * the past, where today's register cannot show what was absent then.
   */
  public void searched(Register register, SearchTopic topic, int found, String what) {
    searchRecorded = true;
    if (asOfInPast()) {
      return;
    }
    add(
        new SearchRecord(
            topic, register.title(), register.jurisdiction(), null, found, register.scope()),
        provenance(
            register.page(),
            register.title(),
            null,
            register.freshFor(),
            "searched " + what + " for " + exchange.name()));
  }

  /**
   * Runs one emission (building facts from one register row) so that a row that cannot be
   * represented costs that fact alone: it becomes an {@link ReasonCode#INVALID_DATA} problem and
   * the source carries on.
   */
  public void guarded(Register register, String what, Emission emission) {
    try {
      emission.run();
    } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
      problem(register, ReasonCode.INVALID_DATA, "dropped " + what + ": " + e.getMessage(), null);
    }
  }

  /** One emission of facts, for {@link #guarded}. */
  @FunctionalInterface
  public interface Emission {
    void run();
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
    if (observed.isAfter(context.asOf())) {
      // what is reported holds at as-of: in a replay ESMA's rows are read at that date, and within
      // a day of the clock a register's current entry stands for as-of
      observed = context.asOf();
    }
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
    Evidence item = Evidence.of(exchange.id(), fact, provenance);
    evidence.add(item);
    result.add(item);
  }

  /**
   * Records that the register answered and contradicts a catalogue identifier: the number does not
   * exist or belongs to another firm. The licence carries status NOT_FOUND for the claimed entity;
   * the note says what the register showed instead.
   */
  public void contradiction(
      Register register, ExchangeIdentifier claim, String what, URI registerUrl, Instant observed) {
    String entity = claim.entity() != null ? claim.entity() : exchange.name();
    Licence licence;
    try {
      licence =
          Licence.builder(
                  register.jurisdiction(),
                  register.regulator(),
                  entity,
                  LicenceStatus.NOT_FOUND,
                  MatchBasis.IDENTIFIER)
              .register(register.title())
              .identifier(claim.value())
              .registerUrl(registerUrl)
              .build();
    } catch (IllegalArgumentException e) {
      problem(
          register,
          ReasonCode.INVALID_DATA,
          "dropped the contradiction of "
              + claim.scheme()
              + " "
              + claim.value()
              + ": "
              + e.getMessage(),
          null);
      return;
    }
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
    problem(
        new Problem(
            e.reason(), "[" + register.id() + "] " + e.getMessage(), e.source(), e.httpStatus()));
  }

  public void problem(Register register, ReasonCode reason, String message, String source) {
    problem(new Problem(reason, "[" + register.id() + "] " + message, source, null));
  }

  public void problem(Problem problem) {
    problems.add(problem);
    result.problem(problem);
  }
}
