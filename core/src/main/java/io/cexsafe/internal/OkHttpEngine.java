package io.cexsafe.internal;

import com.google.common.util.concurrent.RateLimiter;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.http.BodyReader;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.FetchResponse;
import io.cexsafe.http.HostPolicy;
import io.cexsafe.http.HttpSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one OkHttp client of a cexsafe process, with retries (Failsafe), per-host limits (a semaphore
 * and a Guava rate limiter per host), timeouts, a body cap, redirects that keep credentials on
 * their host ({@link RedirectGuard}) and an optional disk cache this process has to itself ({@link
 * PrivateCache}). Requests carrying a credential bypass the cache; a cache fault never fails a
 * fetch: the fetch is repeated without the cache, which stays off for the engine's life.
 */
public final class OkHttpEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OkHttpEngine.class);

  private final HttpSettings settings;
  private final OkHttpClient uncached;
  private final OkHttpClient cached;
  private final PrivateCache cache;
  private volatile boolean cacheOff;
  private final Map<String, HostLimiter> limiters = new ConcurrentHashMap<>();

  /** A streamed body at most this long is read whole before its reader starts. */
  public static final int READ_AHEAD_BYTES = 256 * 1024;

  public OkHttpEngine(HttpSettings settings) {
    this(settings, UnaryOperator.identity());
  }

  /**
   * @param cacheFileSystem wraps the file system under the cache (tests inject faults through it)
   */
  OkHttpEngine(HttpSettings settings, UnaryOperator<FileSystem> cacheFileSystem) {
    this.settings = settings;
    this.uncached =
        takePrepared()
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .writeTimeout(settings.readTimeout())
            .callTimeout(settings.callTimeout())
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .followSslRedirects(false)
            .addInterceptor(new RedirectGuard())
            .build();
    this.cache =
        settings.cacheDirectory() == null
            ? null
            : PrivateCache.open(
                    settings.cacheDirectory(), settings.cacheMaxBytes(), cacheFileSystem)
                .orElse(null);
    // shares the connection pool and dispatcher of the uncached client
    this.cached = cache == null ? null : uncached.newBuilder().cache(cache.okHttpCache()).build();
    // OkHttp's own dispatcher limits only async calls; our limits are enforced per host below.
  }

  public HttpSettings settings() {
    return settings;
  }

  /**
   * A builder on the client {@link PreparedHttpClient} built in the background, which this engine
   * then owns (its pool and dispatcher included), or a fresh builder when none was prepared or
   * preparing it failed: the engine's own build then meets the same failure where it always did.
   */
  private static OkHttpClient.Builder takePrepared() {
    OkHttpClient prepared = PreparedHttpClient.take();
    return prepared != null ? prepared.newBuilder() : new OkHttpClient.Builder();
  }

  /** The cache slot directory in use, or null when this engine runs uncached. */
  public java.nio.file.Path cacheDirectory() {
    return cache == null || cacheOff ? null : cache.directory();
  }

  /**
   * Keyed requests never touch the cache: their responses are the caller's alone and their URLs may
   * hold the credential.
   */
  private boolean viaCache(FetchRequest request) {
    return cached != null && !cacheOff && !request.isKeyed();
  }

  private long cacheFaults() {
    return cache == null ? 0 : cache.faults();
  }

  private void switchCacheOff(FetchRequest request, Exception cause) {
    if (!cacheOff) {
      cacheOff = true;
      LOG.warn(
          "HTTP cache {} failed ({}); continuing without it",
          cache.directory(),
          request.redact(String.valueOf(cause)));
    }
  }

  /** Sends a request and buffers the body (retrying a body that breaks off mid-way). */
  public FetchResponse fetch(FetchRequest request, CallScope scope) throws SourceException {
    return execute(request, scope, false).buffered();
  }

  /**
   * Sends a request and streams the body through a reader (no retry once reading has begun, except
   * once without the cache when the cache failed underneath the reader).
   */
  public <T> T fetch(FetchRequest request, BodyReader<T> reader, CallScope scope)
      throws SourceException {
    long faultsBefore = cacheFaults();
    OpenResponse open = execute(request, scope, true).open();
    Exception failed;
    try (Response response = open.response();
        InputStream body =
            new LimitedInputStream(readAhead(response.body(), open, request), limit(request))) {
      return reader.read(body, open.head());
    } catch (IOException e) {
      failed = e;
    } catch (SourceException e) {
      failed = e;
    } finally {
      open.release().run();
    }
    if (open.viaCache() && cacheFaults() != faultsBefore && !isCancelled(scope)) {
      switchCacheOff(request, failed);
      return fetch(request, reader, scope);
    }
    if (failed instanceof SourceException s) {
      throw s;
    }
    throw failure(request, (IOException) failed, scope);
  }

  /**
   * The body to hand to a reader. A body that ends within the first {@value #READ_AHEAD_BYTES}
   * bytes is taken off the wire at once: the connection goes back to the pool and the host permit
   * is released before the reader starts, so the next request to that host does not wait for this
   * one to be parsed. A longer body is streamed as it arrives (what was read ahead comes first),
   * its permit held until the reader is done.
   */
  private InputStream readAhead(ResponseBody body, OpenResponse open, FetchRequest request)
      throws IOException {
    BufferedSource source = body.source();
    // one byte past the limit is enough for the reader's LimitedInputStream to refuse the body
    long wanted = Math.min(READ_AHEAD_BYTES, limit(request) + 1);
    if (source.request(wanted)) {
      return source.inputStream();
    }
    byte[] whole = source.readByteArray();
    body.close();
    open.release().run();
    return new ByteArrayInputStream(whole);
  }

  private static boolean isCancelled(CallScope scope) {
    return scope != null && scope.isCancelled();
  }

  /**
   * A response whose body is still to be read; {@code release} frees its host permit; {@code
   * viaCache} tells whether the cache took part.
   */
  private record OpenResponse(
      Response response, FetchResponse head, Runnable release, boolean viaCache) {}

  /**
   * One attempt's result: a buffered response, an open one, or (when both are null) a status that
   * may be retried.
   */
  private record Attempt(
      FetchResponse buffered,
      OpenResponse open,
      int status,
      Duration retryAfter,
      String bodySample,
      String contentType) {
    static Attempt retry(int status, Duration retryAfter, String sample, String contentType) {
      return new Attempt(null, null, status, retryAfter, sample, contentType);
    }

    boolean retryable() {
      return buffered == null && open == null;
    }
  }

  /**
   * Waits exactly as long as the server's {@code Retry-After} asks (never less), otherwise backs
   * off exponentially with +/-20 % jitter so that clients retrying together spread out.
   */
  private Duration delayBefore(int attemptsSoFar, Attempt last) {
    if (last != null && last.retryAfter() != null) {
      return last.retryAfter();
    }
    long initial = settings.initialBackoff().toMillis();
    long exponential = initial << Math.min(20, Math.max(0, attemptsSoFar - 1));
    long capped = Math.min(settings.maxBackoff().toMillis(), exponential);
    double jitter = 0.8 + 0.4 * java.util.concurrent.ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis(Math.max(1, Math.round(capped * jitter)));
  }

  private long limit(FetchRequest request) {
    return request.maxBodyBytes() != null ? request.maxBodyBytes() : settings.maxBodyBytes();
  }

  private Attempt execute(FetchRequest request, CallScope scope, boolean stream)
      throws SourceException {
    HostLimiter limiter = limiterFor(request.uri().getHost());
    RetryPolicy<Attempt> policy =
        RetryPolicy.<Attempt>builder()
            .handleIf(OkHttpEngine::isRetryable)
            .handleResultIf(Attempt::retryable)
            .withMaxAttempts(settings.maxAttempts())
            .withDelayFn(ctx -> delayBefore(ctx.getAttemptCount(), ctx.getLastResult()))
            .abortIf(
                (result, failure) ->
                    result != null
                        && result.retryAfter() != null
                        && (result.retryAfter().compareTo(settings.maxRetryAfter()) > 0
                            || (scope != null
                                && result.retryAfter().compareTo(scope.remaining()) >= 0)))
            .onRetry(
                event ->
                    LOG.debug(
                        "retrying {} (attempt {} of {})",
                        request,
                        event.getAttemptCount() + 1,
                        settings.maxAttempts()))
            .build();
    Attempt last;
    try {
      last = Failsafe.with(policy).get(() -> attempt(request, scope, limiter, stream));
    } catch (FailsafeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof SourceException s) {
        throw s;
      }
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new SourceException(
            ReasonCode.CANCELLED, request + " was interrupted", request.displayUri());
      }
      if (cause instanceof IOException io) {
        throw failure(request, io, scope);
      }
      throw new SourceException(
          ReasonCode.NETWORK_ERROR,
          request + " failed: " + request.redact(String.valueOf(cause)),
          request.displayUri(),
          null,
          cause);
    }
    if (last.retryable()) {
      throw statusFailure(request, last, true);
    }
    return last;
  }

  /** One attempt; when the cache fails underneath it, the attempt is repeated without the cache. */
  private Attempt attempt(
      FetchRequest request, CallScope scope, HostLimiter limiter, boolean stream)
      throws IOException, SourceException, InterruptedException {
    boolean viaCache = viaCache(request);
    long faultsBefore = cacheFaults();
    try {
      return attempt(request, scope, limiter, stream, viaCache);
    } catch (IOException e) {
      if (viaCache && cacheFaults() != faultsBefore && !isCancelled(scope)) {
        switchCacheOff(request, e);
        return attempt(request, scope, limiter, stream, false);
      }
      throw e;
    }
  }

  private Attempt attempt(
      FetchRequest request, CallScope scope, HostLimiter limiter, boolean stream, boolean viaCache)
      throws IOException, SourceException, InterruptedException {
    if (scope != null && scope.isCancelled()) {
      throw new SourceException(
          ReasonCode.CANCELLED, request + " was cancelled", request.displayUri());
    }
    Duration remaining = scope == null ? settings.callTimeout() : scope.remaining();
    if (remaining.isZero() || remaining.isNegative()) {
      throw new SourceException(
          ReasonCode.DEADLINE_EXCEEDED, "no time left for " + request, request.displayUri());
    }
    limiter.acquire(request, remaining);
    Call call = (viaCache ? this.cached : uncached).newCall(toOkHttp(request));
    Duration timeout =
        remaining.compareTo(settings.callTimeout()) < 0 ? remaining : settings.callTimeout();
    call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    AtomicBoolean released = new AtomicBoolean();
    Runnable release =
        () -> {
          if (released.compareAndSet(false, true)) {
            if (scope != null) {
              scope.unregister(call);
            }
            limiter.release();
          }
        };
    if (scope != null) {
      scope.register(call);
    }
    boolean handedOver = false;
    long started = System.nanoTime();
    Response response = null;
    try {
      response = call.execute();
      int status = response.code();
      boolean fromCache = response.networkResponse() == null;
      LOG.debug(
          "{} -> {} in {} ms{}",
          request,
          status,
          (System.nanoTime() - started) / 1_000_000,
          fromCache ? " (cached)" : "");
      FetchResponse head =
          new FetchResponse(
              status,
              shownUri(request, response),
              response.headers().toMultimap(),
              null,
              fromCache);
      boolean accepted = response.isSuccessful() || request.acceptedStatuses().contains(status);
      if (!accepted) {
        Attempt failed =
            Attempt.retry(
                status, retryAfter(response), sample(response.body()), head.contentType());
        if (status == 429 || status >= 500) {
          return failed;
        }
        throw statusFailure(request, failed, false);
      }
      long limit = limit(request);
      long declared = response.body().contentLength();
      if (declared > limit) {
        throw new SourceException(
            ReasonCode.BODY_TOO_LARGE,
            request + " declares " + declared + " bytes, more than the limit of " + limit,
            request.displayUri(),
            status,
            null);
      }
      if (stream) {
        handedOver = true;
        return new Attempt(
            null, new OpenResponse(response, head, release, viaCache), status, null, null, null);
      }
      byte[] body = readAll(response.body(), limit);
      return new Attempt(
          new FetchResponse(status, head.uri(), head.headers(), body, fromCache),
          null,
          status,
          null,
          null,
          null);
    } catch (IOException e) {
      // OkHttp also marks a call canceled when its call timeout fires; only an explicit cancel of
      // the scope is a cancellation, a timeout stays a timeout (and may be retried)
      if (scope != null && scope.isCancelled()) {
        throw cancelled(request, scope, e);
      }
      throw e;
    } finally {
      if (!handedOver) {
        if (response != null) {
          response.close();
        }
        release.run();
      }
    }
  }

  private static SourceException cancelled(FetchRequest request, CallScope scope, Exception cause) {
    boolean late = scope != null && (scope.remaining().isNegative() || scope.remaining().isZero());
    return new SourceException(
        late ? ReasonCode.DEADLINE_EXCEEDED : ReasonCode.CANCELLED,
        request + (late ? " ran past the collector's deadline" : " was cancelled"),
        request.displayUri(),
        null,
        cause);
  }

  /** The URL that answered, with any credential in it masked. */
  private static URI shownUri(FetchRequest request, Response response) {
    String url = response.request().url().toString();
    if (!request.hasUrlCredential()) {
      return response.request().url().uri();
    }
    return URI.create(request.redact(url));
  }

  private Request toOkHttp(FetchRequest request) {
    Request.Builder builder = new Request.Builder().url(request.uri().toString());
    builder.tag(
        RedirectGuard.Credentials.class,
        new RedirectGuard.Credentials(request.isKeyed(), request.secretHeaders().keySet()));
    builder.header("User-Agent", settings.userAgent());
    request.headers().forEach(builder::header);
    request.secretHeaders().forEach((name, secret) -> builder.header(name, secret.reveal()));
    if (request.body() != null) {
      builder.method(
          request.method(),
          RequestBody.create(request.body(), MediaType.get(request.contentType())));
    } else {
      builder.method(request.method(), null);
    }
    return builder.build();
  }

  private HostLimiter limiterFor(String host) {
    String key = host == null ? "" : host.toLowerCase(Locale.ROOT);
    return limiters.computeIfAbsent(key, h -> new HostLimiter(h, settings.policyFor(h)));
  }

  private static boolean isRetryable(Throwable failure) {
    return failure instanceof IOException
        && !(failure instanceof LimitedInputStream.BodyTooLargeException)
        && !(failure instanceof RedirectGuard.RedirectRefusedException)
        && !(failure instanceof RedirectGuard.TooManyRedirectsException)
        && !(failure instanceof UnknownHostException)
        && !(failure instanceof SSLException);
  }

  private static SourceException failure(FetchRequest request, IOException e, CallScope scope) {
    if (scope != null && scope.isCancelled()) {
      return cancelled(request, scope, e);
    }
    if (e instanceof RedirectGuard.RedirectRefusedException refused) {
      return new SourceException(
          ReasonCode.REDIRECT_REFUSED,
          request
              + " answered HTTP "
              + refused.status()
              + " to "
              + refused.target()
              + ": not followed, a request carrying a credential goes only to its own host",
          request.displayUri(),
          refused.status(),
          e);
    }
    if (e instanceof LimitedInputStream.BodyTooLargeException) {
      return new SourceException(
          ReasonCode.BODY_TOO_LARGE,
          request + ": " + request.redact(e.getMessage()),
          request.displayUri(),
          null,
          e);
    }
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return new SourceException(
          ReasonCode.TIMEOUT, request + " timed out", request.displayUri(), null, e);
    }
    if (e instanceof UnknownHostException) {
      return new SourceException(
          ReasonCode.NETWORK_ERROR,
          request + " failed: unknown host " + request.uri().getHost(),
          request.displayUri(),
          null,
          e);
    }
    return new SourceException(
        ReasonCode.NETWORK_ERROR,
        request
            + " failed: "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + request.redact(e.getMessage())),
        request.displayUri(),
        null,
        e);
  }

  private SourceException statusFailure(FetchRequest request, Attempt attempt, boolean retried) {
    int status = attempt.status();
    String sample = attempt.bodySample() == null ? "" : attempt.bodySample();
    String contentType = attempt.contentType() == null ? "" : attempt.contentType();
    String after = retried ? " after " + settings.maxAttempts() + " attempts" : "";
    ReasonCode reason;
    String message;
    if (status == 429) {
      reason = ReasonCode.RATE_LIMITED;
      message =
          "HTTP 429 from "
              + request
              + (attempt.retryAfter() != null
                      && attempt.retryAfter().compareTo(settings.maxRetryAfter()) > 0
                  ? ": Retry-After "
                      + attempt.retryAfter().toSeconds()
                      + " s is longer than we wait"
                  : after);
    } else if (status >= 500) {
      reason = ReasonCode.HTTP_SERVER_ERROR;
      message = "HTTP " + status + " from " + request + after;
    } else if (looksLikeChallenge(status, contentType, sample)) {
      reason = ReasonCode.BLOCKED;
      message =
          "HTTP " + status + " from " + request + ": a CDN or bot-challenge page instead of data";
    } else {
      reason = ReasonCode.HTTP_CLIENT_ERROR;
      message = "HTTP " + status + " from " + request;
    }
    return new SourceException(reason, message, request.displayUri(), status, null);
  }

  private static boolean looksLikeChallenge(int status, String contentType, String sample) {
    String lower = sample.toLowerCase(Locale.ROOT);
    return (status == 403 || status == 503)
        && (contentType.toLowerCase(Locale.ROOT).contains("html") || lower.contains("<html"))
        && (lower.contains("cloudflare")
            || lower.contains("captcha")
            || lower.contains("just a moment")
            || lower.contains("access denied")
            || lower.contains("challenge")
            || lower.contains("akamai")
            || status == 403);
  }

  /** The start of an error body, to tell a challenge page from an API error. */
  private static String sample(ResponseBody body) {
    try {
      BufferedSource source = body.source();
      source.request(2048);
      long available = Math.min(2048, source.getBuffer().size());
      return new String(source.peek().readByteArray(available), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static Duration retryAfter(Response response) {
    String value = response.header("Retry-After");
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration delay = Duration.between(java.time.Instant.now(), at.toInstant());
        return delay.isNegative() ? Duration.ZERO : delay;
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
  }

  private static byte[] readAll(ResponseBody body, long limit) throws IOException {
    try (InputStream in = new LimitedInputStream(body.byteStream(), limit)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  @Override
  public void close() {
    uncached.dispatcher().executorService().shutdown();
    uncached.connectionPool().evictAll();
    if (cache != null) {
      cache.close();
    }
  }

  /** Per-host concurrency and rate limits. */
  private static final class HostLimiter {
    private final String host;
    private final Semaphore permits;
    private final RateLimiter rate;

    HostLimiter(String host, HostPolicy policy) {
      this.host = host;
      this.permits = new Semaphore(policy.maxConcurrency(), true);
      this.rate =
          policy.permitsPerSecond() > 0 ? RateLimiter.create(policy.permitsPerSecond()) : null;
    }

    void acquire(FetchRequest request, Duration budget)
        throws SourceException, InterruptedException {
      long millis = Math.max(1, budget.toMillis());
      if (!permits.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
        throw new SourceException(
            ReasonCode.DEADLINE_EXCEEDED,
            "no connection slot for " + host + " before the deadline",
            request.displayUri());
      }
      if (rate != null && !rate.tryAcquire(1, millis, TimeUnit.MILLISECONDS)) {
        permits.release();
        throw new SourceException(
            ReasonCode.DEADLINE_EXCEEDED,
            "the rate limit for " + host + " leaves no request before the deadline",
            request.displayUri());
      }
    }

    void release() {
      permits.release();
    }
  }
}
