package io.cexsafe.collectors.disclosures;

import io.cexsafe.Evidence;
import io.cexsafe.Exchange;
import io.cexsafe.Pillar;
import io.cexsafe.ReasonCode;
import io.cexsafe.collectors.disclosures.internal.CuratedFact;
import io.cexsafe.collectors.disclosures.internal.DisclosureFile;
import io.cexsafe.collectors.disclosures.internal.DisclosureLibrary;
import io.cexsafe.collectors.disclosures.internal.DisclosureLibrary.ExchangeDisclosures;
import io.cexsafe.collectors.disclosures.internal.Finding;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Curated, sourced facts about custody, insurance, controls, incidents and support, from the
 * dataset bundled with cexsafe and, optionally, a directory of the user's own files that override
 * or extend it (see {@code docs/disclosures.md}).
 *
 * <p>Every file is read and validated when the collector is built, so a malformed file fails at
 * once with an {@link io.cexsafe.InvalidInputException} naming the file, the JSON path and the
 * problem, and never half-way through an assessment. Facts observed after the run's evaluation date
 * ({@link CollectorContext#asOf()}) are left out. Duplicated and contradictory facts are reported
 * as problems of the outcome ({@link ReasonCode#INVALID_DATA}); contradicting facts are both kept
 * so that scoring can weigh them and report the conflict.
 *
 * <pre>{@code
 * EvidenceCollector disclosures = DisclosuresCollector.builder()
 *     .userDirectory(Path.of("research/disclosures"))
 *     .build();
 * }</pre>
 */
public final class DisclosuresCollector implements EvidenceCollector {
  /** The collector's id. */
  public static final String ID = "disclosures";

  private final DisclosureLibrary library;

  private DisclosuresCollector(DisclosureLibrary library) {
    this.library = library;
  }

  /** {@return a collector of the bundled dataset alone} */
  public static DisclosuresCollector bundled() {
    return builder().build();
  }

  /** {@return a builder starting from the bundled dataset and the system clock} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Pillar> pillars() {
    return EnumSet.allOf(Pillar.class);
  }

  @Override
  public String description() {
    return "curated, sourced disclosures: custody, insurance, controls, incidents, support";
  }

  @Override
  public boolean requiresNetwork() {
    return false;
  }

  /** {@return the exchanges with at least one disclosure file, sorted} */
  public Set<String> exchanges() {
    return library.exchanges();
  }

  @Override
  public CollectionResult collect(Exchange exchange, CollectorContext context) {
    ExchangeDisclosures disclosures = library.find(exchange.id()).orElse(null);
    if (disclosures == null) {
      return CollectionResult.skipped(
          ReasonCode.NOT_LISTED, "no disclosure file for " + exchange.id());
    }
    LocalDate asOf = LocalDate.ofInstant(context.asOf(), ZoneOffset.UTC);
    CollectionResult.Builder result = CollectionResult.builder();
    int later = 0;
    for (CuratedFact fact : disclosures.facts()) {
      if (fact.observedOn().isAfter(asOf)) {
        later++;
        continue;
      }
      result.add(fact.toEvidence(ID));
    }
    for (Finding finding : disclosures.findings()) {
      result.problem(ReasonCode.INVALID_DATA, finding.message(), finding.origin());
    }
    if (!result.hasEvidence() && disclosures.findings().isEmpty() && later > 0) {
      return CollectionResult.skipped(
          ReasonCode.NOT_LISTED,
          "all " + later + " disclosures about " + exchange.id() + " were observed after " + asOf);
    }
    return result.build();
  }

  /**
   * Every fact the collector holds for an exchange, ignoring the evaluation date.
   *
   * @param exchangeId the exchange
   * @return its evidence; empty when it has no disclosure file
   * @throws io.cexsafe.InvalidInputException when its bundled file is invalid
   */
  public List<Evidence> evidence(String exchangeId) {
    return library
        .find(exchangeId)
        .map(d -> d.facts().stream().map(f -> f.toEvidence(ID)).toList())
        .orElse(List.of());
  }

  /** Builder for {@link DisclosuresCollector}. */
  public static final class Builder {
    private boolean includeBundled = true;
    private Path userDirectory;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets whether to start from the bundled dataset (default true).
     *
     * @param includeBundled false to use the user's files alone
     * @return this builder
     */
    public Builder includeBundled(boolean includeBundled) {
      this.includeBundled = includeBundled;
      return this;
    }

    /**
     * Adds a directory of {@code <exchange-id>.json} files that override or extend the bundled
     * ones.
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder userDirectory(Path directory) {
      this.userDirectory = directory;
      return this;
    }

    /**
     * Sets the clock that decides which dates lie in the future (default: the system clock, UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Loads and validates the user's files now. A bundled file is parsed when its exchange is first
     * collected (the build checks every bundled file), so a run about one exchange does not pay for
     * the others.
     *
     * @return the collector
     * @throws io.cexsafe.InvalidInputException naming the file, JSON path and problem of the first
     *     invalid user file
     */
    public DisclosuresCollector build() {
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      List<DisclosureFile> user =
          userDirectory == null ? List.of() : DisclosureLibrary.loadDirectory(userDirectory, today);
      return new DisclosuresCollector(
          includeBundled
              ? DisclosureLibrary.onDemand(DisclosureLibrary.class.getClassLoader(), today, user)
              : DisclosureLibrary.of(List.of(), user));
    }
  }
}
