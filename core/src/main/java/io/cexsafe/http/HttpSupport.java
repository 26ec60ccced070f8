package io.cexsafe.http;

import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.internal.CallScope;
import io.cexsafe.internal.OkHttpEngine;
import io.cexsafe.internal.PreparedHttpClient;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The shared HTTP client of a cexsafe process. Create one, hand it to an {@code Assessor} (which
 * gives each collector run a view bound to its deadline), and close it when done.
 *
 * <p>The client itself (OkHttp, TLS trust store, disk cache) is built on the first request, not
 * here: an offline run, or one whose collectors fetch nothing, never pays for it.
 *
 * <p>A {@link FetchListener} given at creation hears of every finished request (host, status,
 * bytes, time), e.g. for metrics; without one nothing is measured.
 */
public final class HttpSupport implements HttpFetcher, AutoCloseable {
  private final HttpSettings settings;
  private final FetchListener listener;
  private final Object lock = new Object();
  private volatile OkHttpEngine engine;
  private boolean closed;

  private HttpSupport(HttpSettings settings, FetchListener listener) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Creates a client; nothing is built until the first request.
   *
   * @param settings timeouts, retries, limits and cache
   * @return the client, to close when done
   */
  public static HttpSupport create(HttpSettings settings) {
    return new HttpSupport(settings, FetchListener.NONE);
  }

  /**
   * Creates a client that tells {@code listener} of every finished request; nothing is built until
   * the first request.
   *
   * @param settings timeouts, retries, limits and cache
   * @param listener hears each finished request on the fetching thread; {@link FetchListener#NONE}
   *     to measure nothing
   * @return the client, to close when done
   */
  public static HttpSupport create(HttpSettings settings, FetchListener listener) {
    return new HttpSupport(settings, listener);
  }

  /**
   * Starts building the costly part of the next client this process builds (OkHttp with the
   * platform's TLS trust manager and socket factory, read from the JDK's trust store) on a daemon
   * thread, so that it is ready, or under way on another core, when the first request needs it. For
   * a program that knows at start-up that it will fetch, before it reads its settings: the settings
   * (timeouts, cache) are applied when the client is built, as without this. Calling it again
   * before a client took the prepared part does nothing.
   */
  public static void prepareInBackground() {
    PreparedHttpClient.prepareInBackground();
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
    return observed(request, null);
  }

  @Override
  public <T> T fetch(FetchRequest request, BodyReader<T> reader) throws SourceException {
    return observed(request, reader, null);
  }

  private FetchResponse observed(FetchRequest request, CallScope scope) throws SourceException {
    if (listener == FetchListener.NONE) {
      return engine().fetch(request, scope);
    }
    long started = System.nanoTime();
    try {
      FetchResponse response = engine().fetch(request, scope);
      report(request, response.status(), null, response.body().length, started);
      return response;
    } catch (SourceException e) {
      report(request, statusOf(e), e.reason(), 0, started);
      throw e;
    }
  }

  private <T> T observed(FetchRequest request, BodyReader<T> reader, CallScope scope)
      throws SourceException {
    if (listener == FetchListener.NONE) {
      return engine().fetch(request, reader, scope);
    }
    long started = System.nanoTime();
    long[] bytes = new long[1];
    int[] status = new int[1];
    BodyReader<T> counting =
        (body, head) -> {
          status[0] = head.status();
          return reader.read(new CountingInputStream(body, bytes), head);
        };
    try {
      T result = engine().fetch(request, counting, scope);
      report(request, status[0], null, bytes[0], started);
      return result;
    } catch (SourceException e) {
      report(request, status[0] != 0 ? status[0] : statusOf(e), e.reason(), bytes[0], started);
      throw e;
    }
  }

  private static int statusOf(SourceException e) {
    return e.httpStatus() == null ? 0 : e.httpStatus();
  }

  private void report(
      FetchRequest request, int status, ReasonCode failure, long bytes, long startedNanos) {
    String host = request.uri().getHost();
    try {
      listener.fetched(
          new FetchObservation(
              host == null ? "" : host.toLowerCase(Locale.ROOT),
              status,
              failure,
              bytes,
              Duration.ofNanos(System.nanoTime() - startedNanos)));
    } catch (RuntimeException ignored) {
      // a listener is an observer: its failure must not turn a fetched response into a failure
    }
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
      return http.observed(request, scope);
    }

    @Override
    public <T> T fetch(FetchRequest request, BodyReader<T> reader) throws SourceException {
      return http.observed(request, reader, scope);
    }

    /** Cancels the calls in flight and refuses further ones. */
    public void cancel() {
      scope.cancel();
    }
  }

  /** Counts the bytes a body reader consumes. */
  private static final class CountingInputStream extends FilterInputStream {
    private final long[] count;

    CountingInputStream(InputStream in, long[] count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count[0]++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count[0] += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count[0] += Math.max(0, skipped);
      return skipped;
    }
  }
}
