package io.cexsafe.cli;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.Scorer;
import io.cexsafe.store.EvidenceStore;
import io.cexsafe.store.RunPlan;
import io.cexsafe.store.StoreCorruptException;
import io.cexsafe.store.StoreException;
import io.cexsafe.store.StoreLocation;
import io.cexsafe.store.StoreSchemaTooNewException;
import io.cexsafe.store.StoredRun;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * The store of one {@code assess --store} invocation. A store that holds something else or was
 * written by a newer cexsafe is bad input (exit 2, before anything is assessed). A store that
 * cannot be reached or written does not stop the assessment: the first failure is kept, nothing
 * more is attempted, and the command ends with {@link Main#STORE_FAILED} after printing.
 */
final class StoreSession implements AutoCloseable {
  private final StoreLocation location;
  private final EvidenceStore store;
  private final Map<String, Scorecard> scored = new HashMap<>();
  private StoreException failure;
  private String runId;

  private StoreSession(StoreLocation location, EvidenceStore store, StoreException failure) {
    this.location = location;
    this.store = store;
    this.failure = failure;
  }

  /** Where {@code --store} points: the given path or URL, or the default store when empty. */
  static StoreLocation location(String given) {
    if (given == null || given.isBlank()) {
      return StoreLocation.defaultLocation();
    }
    try {
      return StoreLocation.parse(given);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("invalid --store: " + e.getMessage());
    }
  }

  /** Opens a store for reading or writing; a foreign, corrupt or too new store is bad input. */
  static EvidenceStore openOrRefuse(StoreLocation location) {
    try {
      return EvidenceStore.open(location);
    } catch (StoreCorruptException | StoreSchemaTooNewException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  static StoreSession open(String given) {
    StoreLocation location = location(given);
    try {
      return new StoreSession(location, openOrRefuse(location), null);
    } catch (StoreException unavailable) {
      return new StoreSession(location, null, unavailable);
    }
  }

  StoreLocation location() {
    return location;
  }

  /** The open store, or null when it could not be opened. */
  EvidenceStore store() {
    return store;
  }

  boolean failed() {
    return failure != null;
  }

  /** Records the run's plan; a failure is kept for the end. */
  void start(RunPlan plan, PrintWriter err) {
    runId = plan.runId();
    if (store == null) {
      return;
    }
    try {
      store.startRun(plan);
      err.println("cexsafe: recording run " + plan.runId() + " in " + location.describe());
    } catch (StoreException e) {
      failure = e;
    }
  }

  /** Continues a stored run. */
  void resume(StoredRun run, PrintWriter err) {
    runId = run.runId();
    err.println(
        "cexsafe: resuming run "
            + run.runId()
            + " in "
            + location.describe()
            + " ("
            + run.exchangesDone()
            + " of "
            + run.exchangeIds().size()
            + " exchanges already stored)");
  }

  /** Scores a complete bundle and commits it, unless the store already failed. */
  void commit(EvidenceBundle bundle, Scorer scorer) {
    Scorecard scorecard = scorer.score(bundle);
    scored.put(bundle.exchangeId(), scorecard);
    if (store == null || failure != null) {
      return;
    }
    try {
      store.commitExchange(runId, bundle, scorecard);
    } catch (StoreException e) {
      failure = e;
    }
  }

  /** The scorecard {@link #commit} computed for the exchange, or null. */
  Scorecard scorecard(String exchangeId) {
    return scored.get(exchangeId);
  }

  /** Marks the run finished when every exchange was stored. */
  void finish() {
    if (store == null || failure != null) {
      return;
    }
    try {
      store.finishRun(runId);
    } catch (StoreException e) {
      failure = e;
    }
  }

  /**
   * Reports the kept failure on stderr, saying the report was printed, and returns the exit code it
   * calls for.
   */
  int report(PrintWriter err, int code) {
    return report(err, code, "the report was printed");
  }

  /**
   * Reports the kept failure on stderr and returns the exit code it calls for.
   *
   * @param done what the command did in spite of the failure, e.g. "the report was printed"
   */
  int report(PrintWriter err, int code, String done) {
    if (failure == null) {
      return code;
    }
    err.println(
        "cexsafe: error: "
            + failure.getMessage()
            + " ("
            + done
            + (runId == null ? "" : "; run " + runId + " is not completely stored")
            + ")");
    // the store failure outranks --strict's source failure (docs/limits.md)
    return code == Main.OK || code == Main.SOURCE_FAILED ? Main.STORE_FAILED : code;
  }

  @Override
  public void close() {
    if (store != null) {
      try {
        store.close();
      } catch (StoreException ignored) {
        // closing a broken connection: the failure that matters was reported
      }
    }
  }
}
