package io.cexsafe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.http.HttpFetcher;
import io.cexsafe.http.HttpSupport;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.SharedDataset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedDatasetsTest {
  private static final Clock CLOCK = Clock.systemUTC();

  private final SharedDatasets datasets = new SharedDatasets(CLOCK);
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** A caller whose deadline is {@code left} from now. */
  private static CollectorContext caller(Duration left) {
    Instant deadline = CLOCK.instant().plus(left);
    return new CollectorContext() {
      @Override
      public HttpFetcher http() {
        return HttpSupport.offline();
      }

      @Override
      public Clock clock() {
        return CLOCK;
      }

      @Override
      public Instant asOf() {
        return deadline;
      }

      @Override
      public Instant deadline() {
        return deadline;
      }

      @Override
      public boolean offline() {
        return true;
      }

      @Override
      public ExchangeCatalog catalog() {
        return ExchangeCatalog.bundled();
      }

      @Override
      public <T> T shared(SharedDataset<T> dataset) {
        throw new UnsupportedOperationException("not used by these tests");
      }

      @Override
      public boolean isCancelled() {
        return false;
      }
    };
  }

  private static CollectorContext caller() {
    return caller(Duration.ofSeconds(10));
  }

  @Test
  void aDatasetIsLoadedOnceForEveryCallerOfItsKey() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    SharedDataset<String> cexs =
        SharedDataset.of("defillama:/cexs", context -> "list #" + loads.incrementAndGet());
    SharedDataset<String> sameKey = SharedDataset.of("defillama:/cexs", context -> "other");
    SharedDataset<String> hacks = SharedDataset.of("defillama:/hacks", context -> "hacks");

    assertThat(datasets.get(cexs, caller())).isEqualTo("list #1");
    assertThat(datasets.get(cexs, caller())).isEqualTo("list #1");
    assertThat(datasets.get(sameKey, caller()))
        .as("the key names the dataset")
        .isEqualTo("list #1");
    assertThat(datasets.get(hacks, caller())).isEqualTo("hacks");
    assertThat(loads).hasValue(1);
  }

  @Test
  void concurrentCallersWaitForTheOneLoad() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SharedDataset<String> file =
        SharedDataset.of(
            "esma:CASPS.csv",
            context -> {
              loads.incrementAndGet();
              loading.countDown();
              await(release);
              return "rows";
            });

    Future<String> first = threads.submit(() -> datasets.get(file, caller()));
    assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
    List<Future<String>> waiters = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      waiters.add(threads.submit(() -> datasets.get(file, caller())));
    }
    release.countDown();

    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("rows");
    for (Future<String> waiter : waiters) {
      assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo("rows");
    }
    assertThat(loads).hasValue(1);
  }

  @Test
  void theStateOfADatasetGoesFromNotStartedThroughLoadingToDone() throws Exception {
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SharedDataset<String> cexs =
        SharedDataset.of(
            "defillama:/cexs",
            context -> {
              loading.countDown();
              await(release);
              return "list";
            });
    SharedDataset<String> failing =
        SharedDataset.of(
            "defillama:/hacks",
            context -> {
              throw new SourceException(ReasonCode.HTTP_SERVER_ERROR, "HTTP 500");
            });

    assertThat(datasets.state(cexs)).isEqualTo(SharedDataset.State.NOT_STARTED);
    Future<String> first = threads.submit(() -> datasets.get(cexs, caller()));
    assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(datasets.state(cexs)).isEqualTo(SharedDataset.State.LOADING);
    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("list");
    assertThat(datasets.state(cexs)).isEqualTo(SharedDataset.State.DONE);

    assertThatThrownBy(() -> datasets.get(failing, caller())).isInstanceOf(SourceException.class);
    assertThat(datasets.state(failing))
        .as("a failure is recorded too")
        .isEqualTo(SharedDataset.State.DONE);
  }

  @Test
  void aFailureIsRecordedOnceAndEveryLaterCallerGetsItsOwnCopy() {
    AtomicInteger loads = new AtomicInteger();
    SharedDataset<String> file =
        SharedDataset.of(
            "fintrac:reg-eng.csv",
            context -> {
              loads.incrementAndGet();
              throw new SourceException(
                  ReasonCode.HTTP_SERVER_ERROR,
                  "GET reg-eng.csv: 503",
                  "https://example.org/",
                  503,
                  null);
            });

    SourceException first = catchSource(() -> datasets.get(file, caller()));
    SourceException second = catchSource(() -> datasets.get(file, caller()));
    SourceException third = catchSource(() -> datasets.get(file, caller()));

    assertThat(loads).as("no retry storm").hasValue(1);
    assertThat(List.of(first, second, third))
        .allSatisfy(
            e -> {
              assertThat(e.reason()).isEqualTo(ReasonCode.HTTP_SERVER_ERROR);
              assertThat(e.getMessage()).isEqualTo("GET reg-eng.csv: 503");
              assertThat(e.source()).isEqualTo("https://example.org/");
              assertThat(e.httpStatus()).isEqualTo(503);
            });
    assertThat(second).isNotSameAs(first).isNotSameAs(third);
    assertThat(second.getCause()).isSameAs(first);
  }

  @Test
  void aLoadCutOffByItsCallersDeadlineIsNotRecordedAndTheNextCallerTriesAgain() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    SharedDataset<String> file =
        SharedDataset.of(
            "vara:register",
            context -> {
              if (loads.incrementAndGet() == 1) {
                throw new SourceException(ReasonCode.DEADLINE_EXCEEDED, "out of time");
              }
              return "table";
            });

    assertThat(catchSource(() -> datasets.get(file, caller())).reason())
        .isEqualTo(ReasonCode.DEADLINE_EXCEEDED);
    assertThat(datasets.get(file, caller())).isEqualTo("table");
    assertThat(loads).hasValue(2);
  }

  @Test
  void aWaiterWhoseLoaderRanOutOfTimeLoadsItself() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SharedDataset<String> file =
        SharedDataset.of(
            "mas:listing",
            context -> {
              if (loads.incrementAndGet() == 1) {
                loading.countDown();
                await(release);
                throw new SourceException(ReasonCode.CANCELLED, "cancelled");
              }
              return "listing";
            });

    Future<String> first = threads.submit(() -> datasets.get(file, caller()));
    assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
    Future<String> waiter = threads.submit(() -> datasets.get(file, caller()));
    Thread.sleep(50); // let the waiter start waiting on the first load
    release.countDown();

    assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo("listing");
    assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(SourceException.class);
    assertThat(loads).hasValue(2);
  }

  @Test
  void aWaiterGivesUpAtItsOwnDeadline() throws Exception {
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SharedDataset<String> slow =
        SharedDataset.of(
            "fincen:msb",
            context -> {
              loading.countDown();
              await(release);
              return "late";
            });
    Future<String> first = threads.submit(() -> datasets.get(slow, caller()));
    assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();

    long started = System.nanoTime();
    SourceException e = catchSource(() -> datasets.get(slow, caller(Duration.ofMillis(200))));

    assertThat(e.reason()).isEqualTo(ReasonCode.DEADLINE_EXCEEDED);
    assertThat(e.getMessage())
        .isEqualTo("shared dataset fincen:msb was not ready before the deadline");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("late");
    assertThat(datasets.get(slow, caller())).as("the load itself still counts").isEqualTo("late");
  }

  @Test
  void anInterruptedWaiterIsCancelledAndKeepsItsInterrupt() throws Exception {
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SharedDataset<String> slow =
        SharedDataset.of(
            "austrac:search",
            context -> {
              loading.countDown();
              await(release);
              return "ok";
            });
    threads.submit(() -> datasets.get(slow, caller()));
    assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();

    Thread.currentThread().interrupt();
    try {
      SourceException e = catchSource(() -> datasets.get(slow, caller()));
      assertThat(e.reason()).isEqualTo(ReasonCode.CANCELLED);
      assertThat(e.getMessage()).isEqualTo("cancelled while waiting for austrac:search");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
      release.countDown();
    }
  }

  @Test
  void aLoaderThatThrowsOrAnswersNullFailsEveryWaiterRatherThanHangingThem() {
    SharedDataset<String> broken =
        SharedDataset.of(
            "plugin:broken",
            context -> {
              throw new NoClassDefFoundError("com/example/Missing");
            });
    SharedDataset<String> empty = SharedDataset.of("plugin:null", context -> null);

    assertThatThrownBy(() -> datasets.get(broken, caller()))
        .isInstanceOf(NoClassDefFoundError.class);
    assertThatThrownBy(() -> datasets.get(broken, caller()))
        .isInstanceOf(NoClassDefFoundError.class);
    assertThatThrownBy(() -> datasets.get(empty, caller()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("shared dataset loaded null");
    assertThatThrownBy(() -> datasets.get(empty, caller()))
        .isInstanceOf(NullPointerException.class);
  }

  /** Waits as a loader would: an interrupt is a cancellation, reported as data. */
  private static void await(CountDownLatch latch) throws SourceException {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException(ReasonCode.CANCELLED, "interrupted");
    }
  }

  private interface Call {
    Object run() throws Exception;
  }

  private static SourceException catchSource(Call call) {
    try {
      call.run();
    } catch (SourceException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a SourceException, got " + e, e);
    }
    throw new AssertionError("expected a SourceException, got a value");
  }
}
