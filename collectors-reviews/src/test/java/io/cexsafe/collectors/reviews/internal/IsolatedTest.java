package io.cexsafe.collectors.reviews.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.http.HttpFetcher;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.SharedDataset;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IsolatedTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private static Harvest harvest() {
    CollectorContext context =
        new CollectorContext() {
          @Override
          public HttpFetcher http() {
            throw new UnsupportedOperationException();
          }

          @Override
          public Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
          }

          @Override
          public Instant asOf() {
            return NOW;
          }

          @Override
          public Instant deadline() {
            return NOW.plusSeconds(60);
          }

          @Override
          public boolean offline() {
            return false;
          }

          @Override
          public ExchangeCatalog catalog() {
            return ExchangeCatalog.bundled();
          }

          @Override
          public <T> T shared(SharedDataset<T> dataset) throws SourceException {
            return dataset.load(this);
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };
    return new Harvest(ExchangeCatalog.bundled().get("crypto-com"), context);
  }

  @Test
  void anExceptionBecomesThatSourcesProblem() {
    Harvest harvest = harvest();
    List<String> result =
        Isolated.run(
            harvest,
            "play-reviews",
            List.of(),
            () -> {
              throw new IllegalStateException("a bug");
            });
    assertThat(result).isEmpty();
    assertThat(harvest.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo(ReasonCode.INTERNAL_ERROR);
              assertThat(p.message()).startsWith("play-reviews: failed unexpectedly");
              assertThat(p.message()).doesNotContain("IllegalStateException");
            });
  }

  @Test
  void aMissingClassBecomesThatSourcesProblemToo() {
    Harvest harvest = harvest();
    String result =
        Isolated.run(
            harvest,
            "apple-lookup",
            "fallback",
            () -> {
              throw new NoClassDefFoundError("com/example/Missing");
            });
    assertThat(result).isEqualTo("fallback");
    assertThat(harvest.problems())
        .extracting(p -> p.reason())
        .containsExactly(ReasonCode.INTERNAL_ERROR);
  }

  @Test
  void runningOutOfMemoryIsNotSwallowed() {
    Harvest harvest = harvest();
    assertThatThrownBy(
            () ->
                Isolated.run(
                    harvest,
                    "trustpilot",
                    null,
                    () -> {
                      throw new OutOfMemoryError("test");
                    }))
        .isInstanceOf(OutOfMemoryError.class);
  }

  @Test
  void aWorkingSourceIsLeftAlone() {
    Harvest harvest = harvest();
    assertThat(Isolated.run(harvest, "trustpilot", "fallback", () -> "read")).isEqualTo("read");
    assertThat(harvest.problems()).isEmpty();
  }
}
