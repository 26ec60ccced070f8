package io.cexsafe.cli;

import io.cexsafe.AssessmentListener;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.OutcomeStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line status on stderr while collectors run: how many runs are done, which are still going
 * and for how long (the slowest first), and at the end the runs that were slow. Only used when
 * stderr is a terminal; otherwise the CLI stays quiet.
 */
final class ProgressDisplay implements AssessmentListener, AutoCloseable {
  static final Duration SLOW = Duration.ofSeconds(5);

  private final PrintWriter err;
  private final int total;
  private final long startedAt;
  private final Map<String, Long> running = new ConcurrentHashMap<>();
  private final List<String> slow = new ArrayList<>();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final ScheduledExecutorService ticker;

  private ProgressDisplay(PrintWriter err, int total, boolean animate) {
    this.err = err;
    this.total = total;
    this.startedAt = System.nanoTime();
    if (animate) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "cexsafe-progress");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleAtFixedRate(this::render, 200, 200, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  /** A display that redraws its line on a timer. */
  static ProgressDisplay onTerminal(PrintWriter err, int total) {
    return new ProgressDisplay(err, total, true);
  }

  /** A display driven only by {@link #render()}, for tests. */
  static ProgressDisplay manual(PrintWriter err, int total) {
    return new ProgressDisplay(err, total, false);
  }

  /** True when the process looks attached to a terminal (and TERM does not say otherwise). */
  static boolean stderrIsTerminal() {
    String term = System.getenv("TERM");
    return interactiveConsole() && (term == null || !term.equals("dumb"));
  }

  /**
   * Up to Java 21 a console exists only when stdin and stdout are a terminal, so piping the report
   * elsewhere keeps the display quiet; from Java 22 a console always exists and {@code
   * Console.isTerminal()} tells the same thing.
   */
  private static boolean interactiveConsole() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** Progress is about collectors, not requests: the HTTP client need not measure for it. */
  @Override
  public boolean hearsFetches() {
    return false;
  }

  @Override
  public void started(String exchangeId, String collectorId) {
    running.put(collectorId + " @ " + exchangeId, System.nanoTime());
  }

  @Override
  public void finished(String exchangeId, CollectorOutcome outcome, Duration elapsed) {
    String key = outcome.collectorId() + " @ " + exchangeId;
    running.remove(key);
    done.incrementAndGet();
    if (outcome.status() == OutcomeStatus.FAILED) {
      failed.incrementAndGet();
    }
    if (elapsed.compareTo(SLOW) >= 0) {
      synchronized (slow) {
        slow.add(key + " " + seconds(elapsed) + " (" + outcome.status().id() + ")");
      }
    }
  }

  /** The status line as it would be drawn now. */
  String line() {
    long now = System.nanoTime();
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "assessing: %d/%d collector runs done%s, %s",
                done.get(),
                total,
                failed.get() == 0 ? "" : " (" + failed.get() + " failed)",
                seconds(Duration.ofNanos(now - startedAt))));
    List<Map.Entry<String, Long>> inFlight = new ArrayList<>(running.entrySet());
    inFlight.sort(Comparator.comparingLong(Map.Entry::getValue));
    if (!inFlight.isEmpty()) {
      line.append("; waiting for ");
      for (int i = 0; i < Math.min(3, inFlight.size()); i++) {
        Map.Entry<String, Long> entry = inFlight.get(i);
        line.append(i == 0 ? "" : ", ")
            .append(entry.getKey())
            .append(' ')
            .append(seconds(Duration.ofNanos(now - entry.getValue())));
      }
      if (inFlight.size() > 3) {
        line.append(" and ").append(inFlight.size() - 3).append(" more");
      }
    }
    return line.toString();
  }

  void render() {
    synchronized (err) {
      err.print("\r\033[2K" + line());
      err.flush();
    }
  }

  /** Runs that took at least {@link #SLOW}, as lines. */
  List<String> slowRuns() {
    synchronized (slow) {
      return List.copyOf(slow);
    }
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      synchronized (err) {
        err.print("\r\033[2K");
        for (String run : slowRuns()) {
          err.println("cexsafe: slow: " + run);
        }
        err.flush();
      }
    }
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
  }
}
