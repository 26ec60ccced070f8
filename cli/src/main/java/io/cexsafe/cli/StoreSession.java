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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.MDC;

/**
 * The store of one {@code assess --store} invocation. A store that holds something else or was
 * written by a newer cexsafe is bad input (exit 2, before anything is assessed). A store that
 * cannot be reached or written does not stop the assessment: the first failure is kept, nothing
 * more is attempted, and the command ends with {@link Main#STORE_FAILED} after printing.
 *
 * <p>Each scored exchange is handed to one writer thread, which commits it in its own transaction,
 * in the order handed, while the next exchange is assessed and scored. At most {@link
 * #WAITING_COMMITS} exchanges wait for the writer (the hand-over blocks beyond that), so a crash of
 * cexsafe loses at most the exchange being committed, those waiting, and the one being assessed;
 * {@link #finish} waits for every commit before the run is marked finished.
 */
final class StoreSession implements AutoCloseable {
  /** How many scored exchanges may wait for the writer while it commits another. */
  static final int WAITING_COMMITS = 1;

  private static final Pending END = new Pending(null, null);

  private final StoreLocation location;
  // set once the store is open: by the constructor, or by awaitOpen() after openWhileChoosing
  private EvidenceStore store;

  /** The thread opening the store for {@link #openWhileChoosing}, until {@link #awaitOpen}. */
  private Thread opening;

  /** What opening in the background threw other than an unavailable store, until thrown. */
  private Throwable openRefused;

  private final Map<String, Scorecard> scored = new HashMap<>();
  private final BlockingQueue<Pending> waiting = new ArrayBlockingQueue<>(WAITING_COMMITS);
  private Thread writer;
  // set by the writer, read by the thread handing exchanges over (and after the writer ended)
  private volatile StoreException failure;
  private volatile Throwable bug;
  private String runId;

  private record Pending(EvidenceBundle bundle, Scorecard scorecard) {}

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

  /**
   * Like {@link #open}, but the store is opened on a thread of its own while the caller goes on
   * (reading the catalogue and choosing the exchanges): the first method that needs the store waits
   * for it, and {@link #awaitOpen} throws then what {@link #open} would have thrown (a store that
   * is bad input). An invalid {@code --store} value is still refused at once.
   */
  static StoreSession openWhileChoosing(String given) {
    StoreSession session = new StoreSession(location(given), null, null);
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    session.opening =
        new Thread(
            () -> {
              if (logContext != null) {
                MDC.setContextMap(logContext);
              }
              try {
                session.store = openOrRefuse(session.location);
              } catch (StoreException unavailable) {
                session.failure = unavailable;
              } catch (RuntimeException | Error refused) {
                // bad input or a bug: thrown on the command's thread, as open() would have
                session.openRefused = refused;
              }
            },
            "cexsafe-store-open");
    session.opening.setDaemon(true);
    session.opening.start();
    return session;
  }

  /**
   * Waits until a store opened by {@link #openWhileChoosing} is open (or failed); nothing for a
   * store opened by {@link #open}.
   *
   * @throws BadInputException (or another RuntimeException or Error) what opening the store threw,
   *     once
   */
  void awaitOpen() {
    awaitOpening();
    Throwable refused = openRefused;
    if (refused != null) {
      openRefused = null;
      if (refused instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) refused;
    }
  }

  private void awaitOpening() {
    Thread thread = opening;
    if (thread == null) {
      return;
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    opening = null;
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  StoreLocation location() {
    return location;
  }

  /** The open store, or null when it could not be opened. */
  EvidenceStore store() {
    awaitOpen();
    return store;
  }

  boolean failed() {
    awaitOpen();
    return failure != null;
  }

  /** Records the run's plan; a failure is kept for the end. */
  void start(RunPlan plan, PrintWriter err) {
    awaitOpen();
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
    awaitOpen();
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

  /**
   * Scores a complete bundle and hands it to the writer, unless the store already failed. Waits
   * while {@link #WAITING_COMMITS} exchanges are already waiting.
   */
  void commit(EvidenceBundle bundle, Scorer scorer) {
    awaitOpen();
    Scorecard scorecard = scorer.score(bundle);
    scored.put(bundle.exchangeId(), scorecard);
    if (store == null || failure != null || bug != null) {
      return;
    }
    if (writer == null) {
      writer = new Thread(this::write, "cexsafe-store-writer");
      writer.setDaemon(true);
      writer.start();
    }
    handOver(new Pending(bundle, scorecard));
  }

  /** The writer: commits what it is handed, in order, until the first failure, then only drains. */
  private void write() {
    while (true) {
      Pending next;
      try {
        next = waiting.take();
      } catch (InterruptedException e) {
        // nobody interrupts the writer; if something does, the run's end still arrives
        continue;
      }
      if (next == END) {
        return;
      }
      if (failure != null || bug != null) {
        continue;
      }
      try {
        store.commitExchange(runId, next.bundle(), next.scorecard());
      } catch (StoreException e) {
        failure = e;
      } catch (RuntimeException | Error e) {
        // not a store failure: rethrown by finish(), as a commit on the calling thread would have
        bug = e;
      }
    }
  }

  private void handOver(Pending pending) {
    boolean interrupted = false;
    while (true) {
      try {
        waiting.put(pending);
        break;
      } catch (InterruptedException e) {
        // the exchange is scored and printed either way: store it, then pass the interrupt on
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until the writer has committed (or, after a failure, dropped) everything handed over. */
  private void awaitWriter() {
    if (writer == null) {
      return;
    }
    handOver(END);
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    writer = null;
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The scorecard {@link #commit} computed for the exchange, or null. */
  Scorecard scorecard(String exchangeId) {
    return scored.get(exchangeId);
  }

  /**
   * Waits for the writer, then marks the run finished when every exchange was stored.
   *
   * @throws RuntimeException (or Error) what a commit threw that was not a store failure (a bug),
   *     as a commit on this thread would have
   */
  void finish() {
    awaitOpen();
    awaitWriter();
    if (bug instanceof Error error) {
      throw error;
    }
    if (bug != null) {
      throw (RuntimeException) bug;
    }
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
    awaitOpen();
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
    // a store opened in the background is closed too; what opening it threw no longer matters
    // when the command is already ending with another error
    awaitOpening();
    // what was handed over is committed even when the command stopped early: --resume needs it
    awaitWriter();
    if (store != null) {
      try {
        store.close();
      } catch (StoreException ignored) {
        // closing a broken connection: the failure that matters was reported
      }
    }
  }
}
