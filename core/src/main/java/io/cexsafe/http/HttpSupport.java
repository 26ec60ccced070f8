package io.cexsafe.http;

import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.internal.CallScope;
import io.cexsafe.internal.OkHttpEngine;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The shared HTTP client of a cexsafe process. Create one, hand it to an {@code Assessor} (which
 * gives each collector run a view bound to its deadline), and close it when done.
 *
 * <p>The client itself (OkHttp, TLS trust store, disk cache) is built on the first request, not
 * here: an offline run, or one whose collectors fetch nothing, never pays for it.
 */
public final class HttpSupport implements HttpFetcher, AutoCloseable {
  private final HttpSettings settings;
  private final Object lock = new Object();
  private volatile OkHttpEngine engine;
  private boolean closed;

  private HttpSupport(HttpSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Creates a client; nothing is built until the first request.
   *
   * @param settings timeouts, retries, limits and cache
   * @return the client, to close when done
   */
  public static HttpSupport create(HttpSettings settings) {
    return new HttpSupport(settings);
  }

  /** {@return the settings the client was created with} */
  public HttpSettings settings() {
    return settings;
  }

  /** Whether the client has been built, i.e. whether a request was ever made. */
  boolean started() {
    return engine != null;
  }

  /**
   * Builds the client now if no request has yet: for a caller about to fetch under a deadline,
   * which should not spend its time on TLS set-up.
   *
   * @throws IllegalStateException when closed
   */
  public void start() {
    engine();
  }

  private OkHttpEngine engine() {
    OkHttpEngine built = engine;
    if (built != null) {
      return built;
    }
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("this HttpSupport is closed");
      }
      if (engine == null) {
        engine = new OkHttpEngine(settings);
      }
      return engine;
    }
  }

  @Override
  public FetchResponse fetch(FetchRequest request) throws SourceException {
    return engine().fetch(request, null);
  }

  @Override
  public <T> T fetch(FetchRequest request, BodyReader<T> reader) throws SourceException {
    return engine().fetch(request, reader, null);
  }

  /**
   * A view whose calls end by {@code deadline} and can all be cancelled at once; used for one
   * collector run.
   *
   * @param deadline when every call of the view must have ended
   * @param clock the clock the deadline is read against
   * @return the scoped view
   */
  public ScopedFetcher scoped(Instant deadline, Clock clock) {
    return new ScopedFetcher(this, new CallScope(deadline, clock));
  }

  /** {@return a fetcher that refuses every request: for offline runs} */
  public static HttpFetcher offline() {
    return new HttpFetcher() {
      @Override
      public FetchResponse fetch(FetchRequest request) throws SourceException {
        throw new SourceException(
            ReasonCode.OFFLINE, "offline: " + request + " was not sent", request.displayUri());
      }

      @Override
      public <T> T fetch(FetchRequest request, BodyReader<T> reader) throws SourceException {
        throw new SourceException(
            ReasonCode.OFFLINE, "offline: " + request + " was not sent", request.displayUri());
      }
    };
  }

  @Override
  public void close() {
    OkHttpEngine built;
    synchronized (lock) {
      closed = true;
      built = engine;
    }
    if (built != null) {
      built.close();
    }
  }

  /** A deadline-bound, cancellable view of the shared client. */
  public static final class ScopedFetcher implements HttpFetcher {
    private final HttpSupport http;
    private final CallScope scope;

    private ScopedFetcher(HttpSupport http, CallScope scope) {
      this.http = http;
      this.scope = scope;
    }

    @Override
    public FetchResponse fetch(FetchRequest request) throws SourceException {
      return http.engine().fetch(request, scope);
    }

    @Override
    public <T> T fetch(FetchRequest request, BodyReader<T> reader) throws SourceException {
      return http.engine().fetch(request, reader, scope);
    }

    /** Cancels the calls in flight and refuses further ones. */
    public void cancel() {
      scope.cancel();
    }
  }
}
