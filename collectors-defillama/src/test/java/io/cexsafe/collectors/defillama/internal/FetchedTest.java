package io.cexsafe.collectors.defillama.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import org.junit.jupiter.api.Test;

class FetchedTest {
  @Test
  void anAnsweredCallKeepsItsValue() {
    Fetched<String> fetched = Fetched.attempt(() -> "answer");
    assertThat(fetched.asked()).isTrue();
    assertThat(fetched.succeeded()).isTrue();
    assertThat(fetched.value()).isEqualTo("answer");
    assertThat(fetched.failure()).isNull();
  }

  @Test
  void aFailedCallKeepsItsFailureAsData() {
    SourceException failure = new SourceException(ReasonCode.TIMEOUT, "slow", "https://x.test/a");
    Fetched<String> fetched =
        Fetched.attempt(
            () -> {
              throw failure;
            });
    assertThat(fetched.asked()).isTrue();
    assertThat(fetched.succeeded()).isFalse();
    assertThat(fetched.failure()).isSameAs(failure);
  }

  @Test
  void aCallNotMadeHoldsNothing() {
    Fetched<String> fetched = Fetched.notAsked();
    assertThat(fetched.asked()).isFalse();
    assertThat(fetched.value()).isNull();
    assertThat(fetched.failure()).isNull();
  }

  @Test
  void contradictoryStatesAreRefused() {
    SourceException failure = new SourceException(ReasonCode.TIMEOUT, "slow", "https://x.test/a");
    assertThatThrownBy(() -> new Fetched<>(true, "value", failure))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> new Fetched<>(true, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a value or a failure");
    assertThatThrownBy(() -> new Fetched<>(false, "value", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unasked");
  }

  @Test
  void aSourceAnsweringNullIsABugNotAnAnswer() {
    assertThatThrownBy(() -> Fetched.attempt(() -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("null");
  }
}
