package io.cexsafe.benchmarks.defillama;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A DeFiLlama stand-in on the loopback interface for benchmarks: a JDK HTTP server whose handler
 * threads (as many as {@code threads}) answer after {@code latencyMillis}, stream file bodies
 * without buffering them, and count requests per path and the most requests in flight at once.
 */
final class LocalDefiLlama implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final Queue<Served> served = new ConcurrentLinkedQueue<>();

  /** Whether to read a CLI child's CPU at the first request and at each answer (see ChildCpu). */
  private volatile boolean watchChild;

  private final Object childLock = new Object();
  private long childPid;
  private ChildCpu.Snapshot atFirstArrival;
  private ChildCpu.Snapshot atLastAnswer;
  private long lastAnswerNanos;

  /** One request as the server saw it: when its handler began and when the answer was written. */
  record Served(String path, long arrivedNanos, long answeredNanos, long processCpuAtArrival) {}

  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  /** {@code route} maps a path to a body: a {@link Path} (streamed), a String, or null for 404. */
  LocalDefiLlama(int threads, long latencyMillis, Function<String, Object> route)
      throws IOException {
    this(
        InetAddress.getLoopbackAddress(),
        threads,
        latencyMillis,
        uri -> route.apply(uri.getPath()));
  }

  /**
   * A server bound to {@code address} (any of 127.0.0.0/8, so that several mirrors are several
   * hosts with their own limits) whose {@code route} sees the whole request URI, query included.
   */
  LocalDefiLlama(InetAddress address, int threads, long latencyMillis, Function<URI, Object> route)
      throws IOException {
    // the JDK server writes headers and body separately; with Nagle's algorithm on, the body waits
    // for the client's delayed ACK (~40 ms), which no real CDN edge would add
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(address, 0), 64);
    executor = Executors.newFixedThreadPool(threads);
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          long arrived = System.nanoTime();
          long cpuAtArrival = processCpuNanos();
          if (watchChild) {
            synchronized (childLock) {
              if (atFirstArrival == null) {
                childPid = ChildCpu.findJvm(baseUrl());
                atFirstArrival = ChildCpu.read(childPid);
              }
            }
          }
          int now = inFlight.incrementAndGet();
          maxInFlight.accumulateAndGet(now, Math::max);
          try {
            String path = exchange.getRequestURI().getPath();
            counts.computeIfAbsent(path, p -> new LongAdder()).increment();
            if (latencyMillis > 0) {
              Thread.sleep(latencyMillis);
            }
            answer(exchange, route.apply(exchange.getRequestURI()));
            served.add(new Served(path, arrived, System.nanoTime(), cpuAtArrival));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            inFlight.decrementAndGet();
            exchange.close();
          }
          if (watchChild) {
            long answered = System.nanoTime();
            ChildCpu.Snapshot cpu = ChildCpu.read(childPid);
            synchronized (childLock) {
              if (answered >= lastAnswerNanos) {
                lastAnswerNanos = answered;
                atLastAnswer = cpu;
              }
            }
          }
        });
    processCpuNanos(); // load the management classes now, not while the first request waits
    server.start();
  }

  private static void answer(HttpExchange exchange, Object body) throws IOException {
    if (body == null) {
      byte[] bytes = "Not found".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain");
      exchange.sendResponseHeaders(404, bytes.length);
      exchange.getResponseBody().write(bytes);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (body instanceof Path file) {
      exchange.sendResponseHeaders(200, Files.size(file));
      try (OutputStream out = exchange.getResponseBody()) {
        Files.copy(file, out);
      }
      return;
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  String baseUrl() {
    return "http://"
        + server.getAddress().getAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort();
  }

  long count(String path) {
    LongAdder adder = counts.get(path);
    return adder == null ? 0 : adder.sum();
  }

  long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  /** {@return the requests answered since the last reset, in the order they were answered} */
  List<Served> served() {
    return List.copyOf(served);
  }

  /** Reads a CLI child's CPU at the first request and after each answer from now on. */
  void watchChild() {
    watchChild = true;
  }

  /** {@return the child's CPU when its first request arrived, or NONE} */
  ChildCpu.Snapshot childAtFirstRequest() {
    synchronized (childLock) {
      return atFirstArrival == null ? ChildCpu.Snapshot.NONE : atFirstArrival;
    }
  }

  /** {@return the child's CPU just after its last answer was written, or NONE} */
  ChildCpu.Snapshot childAtLastAnswer() {
    synchronized (childLock) {
      return atLastAnswer == null ? ChildCpu.Snapshot.NONE : atLastAnswer;
    }
  }

  void reset() {
    synchronized (childLock) {
      childPid = 0;
      atFirstArrival = null;
      atLastAnswer = null;
      lastAnswerNanos = 0;
    }
    served.clear();
    counts.clear();
    maxInFlight.set(0);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
