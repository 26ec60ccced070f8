package io.cexsafe.collectors.reviews.internal;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.Problem;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.facts.Fact;
import io.cexsafe.spi.CollectorContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the sources of one collection gather: evidence, reviews for analysis and problems. */
public final class Harvest {
  /** Ratings and availability go stale after a month; stores recompute them continuously. */
  public static final Duration RATING_STALE_AFTER = Duration.ofDays(30);

  public static final String COLLECTOR_ID = "reviews";

  private final Exchange exchange;
  private final CollectorContext context;
  private final Instant retrievedAt;
  private final List<Evidence> evidence = new ArrayList<>();
  private final List<Review> reviews = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  public Harvest(Exchange exchange, CollectorContext context) {
    this.exchange = exchange;
    this.context = context;
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

  public List<Evidence> evidence() {
    return evidence;
  }

  public List<Review> reviews() {
    return reviews;
  }

  public List<Problem> problems() {
    return problems;
  }

  void problem(String source, SourceException failure) {
    problems.add(
        new Problem(
            failure.reason(),
            source + ": " + failure.getMessage(),
            failure.source(),
            failure.httpStatus()));
  }

  void problem(String source, ReasonCode reason, String message, String url) {
    problems.add(new Problem(reason, source + ": " + message, url, null));
  }

  /** Adds a user-reported fact with provenance. */
  void add(Fact fact, URI sourceUrl, String title, Instant observedAt, String note) {
    Instant observed = observedAt == null ? retrievedAt : observedAt;
    if (observed.isAfter(context.asOf())) {
      // facts reach a report only as of the run's date; within a day of the clock (the only case
      // where current store figures are read at all) the current figure stands for as-of
      observed = context.asOf();
    }
    Instant stale =
        (observed.isAfter(retrievedAt) ? observed : retrievedAt).plus(RATING_STALE_AFTER);
    Provenance provenance =
        Provenance.builder(COLLECTOR_ID)
            .source(sourceUrl, title)
            .observedAt(observed)
            .retrievedAt(retrievedAt)
            .evidenceClass(EvidenceClass.USER_REPORTS)
            .staleAfter(stale)
            .note(note)
            .build();
    evidence.add(Evidence.of(exchange.id(), fact, provenance));
  }
}
