package io.cexsafe.http;

import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.internal.CallScope;
import io.cexsafe.internal.OkHttpEngine;
import java.time.Clock;
import java.time.Instant;

/**
 * The shared HTTP client of a cexsafe process. Create one, hand it to an {@code Assessor} (which
 * gives each collector run a view bound to its deadline), and close it when done.
 */
public final class HttpSupport implements HttpFetcher, AutoCloseable {
  private final OkHttpEngine engine;

  private HttpSupport(OkHttpEngine engine) {
    this.engine = engine;
  }

  public static HttpSupport create(HttpSettings settings) {
    return new HttpSupport(new OkHttpEngine(settings));
  }

  public HttpSettings settings() {
    return engine.settings();
  }

  @Override
  public FetchResponse fetch(FetchRequest request) throws SourceException {
    return engine.fetch(request, null);
  }

  @Override
  public <T> T fetch(FetchRequest request, BodyReader<T> reader) throws SourceException {
    return engine.fetch(request, reader, null);
  }

  /**
   * A view whose calls end by {@code deadline} and can all be cancelled at once; used for one
   * collector run.
   */
  public ScopedFetcher scoped(Instant deadline, Clock clock) {
    return new ScopedFetcher(engine, new CallScope(deadline, clock));
  }

  /** A fetcher that refuses every request: for offline runs. */
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
    engine.close();
  }

  /** A deadline-bound, cancellable view of the shared client. */
  public static final class ScopedFetcher implements HttpFetcher {
    private final OkHttpEngine engine;
    private final CallScope scope;

    private ScopedFetcher(OkHttpEngine engine, CallScope scope) {
      this.engine = engine;
      this.scope = scope;
    }

    @Override
    public FetchResponse fetch(FetchRequest request) throws SourceException {
      return engine.fetch(request, scope);
    }

    @Override
    public <T> T fetch(FetchRequest request, BodyReader<T> reader) throws SourceException {
      return engine.fetch(request, reader, scope);
    }

    /** Cancels the calls in flight and refuses further ones. */
    public void cancel() {
      scope.cancel();
    }
  }
}
