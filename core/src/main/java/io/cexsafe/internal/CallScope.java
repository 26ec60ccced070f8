package io.cexsafe.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;

/**
 * The calls made on behalf of one collector run: they share a deadline and are cancelled together.
 */
public final class CallScope {
  private final Instant deadline;
  private final Clock clock;
  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  public CallScope(Instant deadline, Clock clock) {
    this.deadline = deadline;
    this.clock = clock;
  }

  /** Time left before the deadline; zero or negative when it has passed. */
  public Duration remaining() {
    return deadline == null ? Duration.ofDays(365) : Duration.between(clock.instant(), deadline);
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Cancels every call in flight and refuses new ones. */
  public void cancel() {
    cancelled = true;
    inFlight.forEach(Call::cancel);
  }

  void register(Call call) {
    inFlight.add(call);
    if (cancelled) {
      call.cancel();
    }
  }

  void unregister(Call call) {
    inFlight.remove(call);
  }
}
