package io.cexsafe.internal;

import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.SharedDataset;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The datasets the exchanges of one run share (a register file, DeFiLlama's {@code /cexs} list):
 * the first caller of a key loads it, later callers wait for that load, and its value or its
 * failure is recorded once for all of them, so a failing source is asked once per run rather than
 * once per exchange. A load that ends because its caller ran out of time (cancelled, or past its
 * deadline) is not recorded: that says nothing of the source, and the next caller tries again.
 *
 * <p>A waiter waits no longer than its own deadline ({@link CollectorContext#deadline()}, read on
 * {@code deadlineClock}). Each waiter gets its own copy of a recorded {@link SourceException}, so
 * that one exchange's report never shares a stack with another's.
 */
public final class SharedDatasets {
  private final Clock deadlineClock;
  private final Map<String, CompletableFuture<Object>> loads = new ConcurrentHashMap<>();

  /**
   * @param deadlineClock the clock callers' deadlines are measured on
   */
  public SharedDatasets(Clock deadlineClock) {
    this.deadlineClock = Objects.requireNonNull(deadlineClock, "deadlineClock");
  }

  /**
   * The dataset, loaded with {@code caller}'s context when no one has loaded it yet in this run.
   *
   * @throws SourceException the recorded failure of the load; {@link ReasonCode#DEADLINE_EXCEEDED}
   *     when it was not ready by the caller's deadline; {@link ReasonCode#CANCELLED} when the
   *     caller was interrupted while waiting
   */
  @SuppressWarnings("unchecked")
  public <T> T get(SharedDataset<T> dataset, CollectorContext caller) throws SourceException {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> existing = loads.putIfAbsent(dataset.key(), mine);
    if (existing == null) {
      return load(dataset, caller, mine);
    }
    try {
      Duration left = Duration.between(deadlineClock.instant(), caller.deadline());
      return (T) existing.get(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SourceException s) {
        if (ranOutOfTime(s)) {
          return get(dataset, caller);
        }
        throw new SourceException(s.reason(), s.getMessage(), s.source(), s.httpStatus(), s);
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (TimeoutException e) {
      throw new SourceException(
          ReasonCode.DEADLINE_EXCEEDED,
          "shared dataset " + dataset.key() + " was not ready before the deadline");
    } catch (InterruptedException | CancellationException e) {
      Thread.currentThread().interrupt();
      throw new SourceException(
          ReasonCode.CANCELLED, "cancelled while waiting for " + dataset.key());
    }
  }

  /**
   * {@return how far this run has got with {@code dataset}: not asked for yet, being loaded, or
   * recorded}
   */
  public SharedDataset.State state(SharedDataset<?> dataset) {
    CompletableFuture<Object> load = loads.get(dataset.key());
    if (load == null) {
      return SharedDataset.State.NOT_STARTED;
    }
    return load.isDone() ? SharedDataset.State.DONE : SharedDataset.State.LOADING;
  }

  private <T> T load(
      SharedDataset<T> dataset, CollectorContext caller, CompletableFuture<Object> mine)
      throws SourceException {
    try {
      T value = Objects.requireNonNull(dataset.load(caller), "shared dataset loaded null");
      mine.complete(value);
      return value;
    } catch (SourceException e) {
      if (ranOutOfTime(e)) {
        // this caller ran out of time; let the next one try rather than share its fate
        loads.remove(dataset.key(), mine);
      }
      mine.completeExceptionally(e);
      throw e;
    } catch (RuntimeException | Error e) {
      // an Error too (a class missing from a broken install): waiters must not hang
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private static boolean ranOutOfTime(SourceException e) {
    return e.reason() == ReasonCode.CANCELLED || e.reason() == ReasonCode.DEADLINE_EXCEEDED;
  }
}
