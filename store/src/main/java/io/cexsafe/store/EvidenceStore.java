package io.cexsafe.store;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.store.internal.Database;
import io.cexsafe.store.internal.JdbcStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A store of runs: each run's evidence, collector outcomes and scorecards, kept over JDBC in an
 * embedded SQLite file (the default) or a PostgreSQL database, under one schema that Flyway
 * migrations keep up to date.
 *
 * <p>A run is recorded first ({@link #startRun(RunPlan)}); each exchange is then committed in its
 * own transaction as soon as it is scored ({@link #commitExchange(String, EvidenceBundle,
 * Scorecard)}), so an interrupted run keeps every exchange it finished and can be resumed ({@link
 * #exchangesDone(String)}); {@link #finishRun(String)} marks its end. Evidence is stored once
 * across runs while it does not change. {@link #history()} reads it all back.
 *
 * <pre>{@code
 * try (EvidenceStore store = EvidenceStore.open(StoreLocation.parse("runs.db"))) {
 *   RunPlan plan = RunPlan.of(asOf, List.of("kraken"));
 *   store.startRun(plan);
 *   store.commitExchange(plan.runId(), bundle, scorecard);
 *   store.finishRun(plan.runId());
 *   List<HistoryPoint> points = store.history().points("kraken");
 * }
 * }</pre>
 *
 * <p>Instances are thread-safe (calls take turns on one connection); several instances and several
 * processes may write to one store at once. Failures are {@link StoreException}s: {@link
 * StoreUnavailableException} when the database cannot be reached or written, {@link
 * StoreCorruptException} when the location holds something else (nothing is written to it), {@link
 * StoreSchemaTooNewException} when a newer cexsafe wrote it.
 */
public final class EvidenceStore implements AutoCloseable {
  private final JdbcStore store;
  private final RunHistory history;

  private EvidenceStore(JdbcStore store) {
    this.store = store;
    this.history = new RunHistory(store);
  }

  /**
   * Opens the store at {@code location}, creating it (and an SQLite file's directories) when
   * missing and migrating an older schema.
   *
   * @param location the SQLite file or PostgreSQL database to open
   * @return the open store, which the caller closes
   * @throws StoreException when it cannot be opened
   */
  public static EvidenceStore open(StoreLocation location) {
    return builder(location).open();
  }

  /**
   * A builder for a store at {@code location}, for options beyond {@link #open(StoreLocation)}.
   *
   * @param location the SQLite file or PostgreSQL database the store will open
   * @return a builder with the system UTC clock
   */
  public static Builder builder(StoreLocation location) {
    return new Builder(location);
  }

  /** {@return the newest store schema version this cexsafe reads and writes} */
  public static String schemaVersion() {
    return Database.SCHEMA_VERSION;
  }

  /** {@return where this store lives} */
  public StoreLocation location() {
    return store.location();
  }

  /**
   * Records a new run before its first exchange.
   *
   * @param plan the run's id, as-of instant, exchanges and settings
   * @return the recorded run, started now by the store's clock and not yet finished
   * @throws IllegalStateException when the store already holds a run with the plan's id
   * @throws StoreException when the store cannot be written
   */
  public StoredRun startRun(RunPlan plan) {
    return store.startRun(Objects.requireNonNull(plan, "plan"));
  }

  /**
   * Commits one exchange's evidence, collector outcomes and scorecard in one transaction. Safe to
   * call again (from another thread or process too): an exchange already committed in the run is
   * left as it is.
   *
   * @param runId a run recorded by {@link #startRun(RunPlan)}
   * @param bundle the exchange's evidence and outcomes; its exchange must be in the run's plan
   * @param scorecard the bundle's scorecard
   * @return true when stored, false when the run already held this exchange
   * @throws IllegalArgumentException for an unknown run, an exchange outside the run's plan, or a
   *     scorecard of another exchange
   * @throws StoreException when the store cannot be written (nothing of the exchange is kept)
   */
  public boolean commitExchange(String runId, EvidenceBundle bundle, Scorecard scorecard) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(scorecard, "scorecard");
    return store.commitExchange(runId, bundle, scorecard);
  }

  /**
   * Records that a run ended (a resumed run ends again; the latest end counts).
   *
   * @param runId a run recorded by {@link #startRun(RunPlan)}
   * @return the run with its finish time set to now by the store's clock
   * @throws IllegalArgumentException for an unknown run
   * @throws StoreException when the store cannot be written
   */
  public StoredRun finishRun(String runId) {
    return store.finishRun(Objects.requireNonNull(runId, "runId"));
  }

  /**
   * Looks a run up by its id.
   *
   * @param runId the run's id
   * @return the run, or empty when the store has no run with this id
   */
  public Optional<StoredRun> run(String runId) {
    return store.run(Objects.requireNonNull(runId, "runId"));
  }

  /** {@return every run in the store, oldest first (empty for a new store)} */
  public List<StoredRun> runs() {
    return store.runs();
  }

  /**
   * The exchanges already committed in a run, in the run's order: what a resumed run skips.
   *
   * @param runId a run recorded by {@link #startRun(RunPlan)}
   * @return the ids of the exchanges committed so far, in the run plan's order
   * @throws IllegalArgumentException for an unknown run
   */
  public List<String> exchangesDone(String runId) {
    return store.exchangesDone(Objects.requireNonNull(runId, "runId"));
  }

  /**
   * Records facts a backfill reconstructed from a source's dated history (for example {@code
   * DefiLlamaBackfill} in {@code cexsafe-collectors-defillama}), apart from assessed runs: they
   * never become a run, a snapshot or a score. The store keeps one fact per exchange, UTC day of
   * its observation and {@link io.cexsafe.store.diff.FactIdentity identity}, so a backfill run
   * again adds nothing twice; a day an assessed run of the exchange covers is left out, now and
   * when such a run is stored later (a real run wins for its date). {@link RunHistory} reads them
   * back as reconstructed points and facts.
   *
   * @param backfillId an id for this backfill (e.g. the CLI invocation's run id)
   * @param exchangeId the exchange the facts are about
   * @param facts the reconstructed facts; each must be about {@code exchangeId}
   * @return how many were recorded, already held, or left to assessed runs
   * @throws IllegalArgumentException when a fact is about another exchange or the id is blank
   * @throws StoreException when the store cannot be written (nothing of the backfill is kept)
   */
  public BackfillOutcome recordReconstructed(
      String backfillId, String exchangeId, List<Evidence> facts) {
    Objects.requireNonNull(backfillId, "backfillId");
    Objects.requireNonNull(exchangeId, "exchangeId");
    Objects.requireNonNull(facts, "facts");
    if (backfillId.isBlank()) {
      throw new IllegalArgumentException("backfillId must not be blank");
    }
    int[] counts = store.recordReconstructed(backfillId, exchangeId, List.copyOf(facts));
    return new BackfillOutcome(counts[0], counts[1], counts[2]);
  }

  /** {@return a reader of the stored results: scores over time and snapshots} */
  public RunHistory history() {
    return history;
  }

  /** Releases the store's connection. */
  @Override
  public void close() {
    store.close();
  }

  /** Configures how a store is opened. */
  public static final class Builder {
    private final StoreLocation location;
    private Clock clock = Clock.systemUTC();

    private Builder(StoreLocation location) {
      this.location = Objects.requireNonNull(location, "location");
    }

    /**
     * Sets the clock that stamps when runs start and finish and exchanges are committed.
     *
     * @param clock the clock to use instead of the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Opens the store, creating it when missing and migrating an older schema.
     *
     * @return the open store, which the caller closes
     * @throws StoreException when it cannot be opened
     */
    public EvidenceStore open() {
      return new EvidenceStore(JdbcStore.open(location, clock));
    }
  }
}
