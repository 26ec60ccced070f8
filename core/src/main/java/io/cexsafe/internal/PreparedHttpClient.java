package io.cexsafe.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * An OkHttp client with OkHttp's defaults, built on a daemon thread for the next {@link
 * OkHttpEngine} of the process to take. Its costly part is the platform's TLS set-up (the JDK's
 * trust store read and parsed, the SSL context, OkHttp's platform look-up) and the first use of
 * OkHttp's and Kotlin's classes: a program that knows at start-up that it will fetch has them built
 * on another core while it reads its settings and catalogue. The engine applies its settings on a
 * builder made from this client, exactly as on a fresh one.
 *
 * <p>This class names no logger: starting the build must not start logging on the caller's thread.
 */
public final class PreparedHttpClient {
  /** The client being built or built, until an engine takes it. */
  private static final AtomicReference<CompletableFuture<OkHttpClient>> PREPARED =
      new AtomicReference<>();

  private PreparedHttpClient() {}

  /**
   * Starts building a client on a daemon thread, unless one is waiting to be taken already.
   *
   * @return whether a build was started
   */
  public static boolean prepareInBackground() {
    return prepareInBackground(new Defaults());
  }

  /** As {@link #prepareInBackground()}, with {@code build} making the client (tests fail it). */
  static boolean prepareInBackground(Supplier<OkHttpClient> build) {
    CompletableFuture<OkHttpClient> prepared = new CompletableFuture<>();
    if (!PREPARED.compareAndSet(null, prepared)) {
      return false;
    }
    Thread builder = new Thread(new Build(prepared, build), "cexsafe-http-prepare");
    builder.setDaemon(true);
    builder.start();
    return true;
  }

  /**
   * The build, as a class rather than a lambda: a lambda's class is generated at run time (with the
   * JDK's class generator) unless a class-data archive holds it.
   */
  private static final class Build implements Runnable {
    private final CompletableFuture<OkHttpClient> prepared;
    private final Supplier<OkHttpClient> build;

    Build(CompletableFuture<OkHttpClient> prepared, Supplier<OkHttpClient> build) {
      this.prepared = prepared;
      this.build = build;
    }

    @Override
    public void run() {
      try {
        prepared.complete(build.get());
      } catch (RuntimeException | Error e) {
        prepared.completeExceptionally(e);
      }
    }
  }

  /** OkHttp's defaults, what an engine starts from when nothing was prepared. */
  private static final class Defaults implements Supplier<OkHttpClient> {
    @Override
    public OkHttpClient get() {
      return new OkHttpClient.Builder().build();
    }
  }

  /**
   * Takes the prepared client, waiting for its build to end; one caller gets it, later ones get
   * null until another is prepared.
   *
   * @return the client, or null when none was prepared or its build failed (the caller then builds
   *     its own, and meets the same failure where it always did)
   */
  public static OkHttpClient take() {
    CompletableFuture<OkHttpClient> prepared = PREPARED.getAndSet(null);
    if (prepared == null) {
      return null;
    }
    try {
      return prepared.join();
    } catch (CompletionException e) {
      return null;
    }
  }
}
