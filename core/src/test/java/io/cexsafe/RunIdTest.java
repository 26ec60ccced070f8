package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunIdTest {
  @Test
  void generatedIdsAreVersionSevenUuidsCarryingTheClocksMillisecond() {
    Instant now = Instant.parse("2026-12-07T15:00:00.123Z");
    RunId id = RunId.generate(Clock.fixed(now, ZoneOffset.UTC));
    UUID uuid = UUID.fromString(id.value());
    assertThat(uuid.version()).isEqualTo(7);
    assertThat(uuid.variant()).isEqualTo(2);
    assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
    assertThat(id.toString()).isEqualTo(id.value());
  }

  @Test
  void generatedIdsSortByTimeAndDoNotRepeat() {
    RunId earlier =
        RunId.generate(Clock.fixed(Instant.parse("2026-12-07T15:00:00Z"), ZoneOffset.UTC));
    RunId later =
        RunId.generate(Clock.fixed(Instant.parse("2026-12-07T15:00:01Z"), ZoneOffset.UTC));
    assertThat(earlier.value()).isLessThan(later.value());
    Set<String> seen = new HashSet<>();
    Clock fixed = Clock.fixed(Instant.parse("2026-12-07T15:00:00Z"), ZoneOffset.UTC);
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(RunId.generate(fixed).value())).isTrue();
    }
  }

  @Test
  void acceptsAnIdFromTheCallerSuchAsASchedulersRunId() {
    assertThat(RunId.of("scheduled__2026-12-07T00:00:00+00:00").value())
        .isEqualTo("scheduled__2026-12-07T00:00:00+00:00");
    assertThat(RunId.of("01JEH5Q7Z8").value()).isEqualTo("01JEH5Q7Z8");
  }

  @Test
  void refusesEmptyOverlongAndOddIdsNamingTheValue() {
    assertThatThrownBy(() -> RunId.of(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid run id ''");
    assertThatThrownBy(() -> RunId.of("has space"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'has space'");
    assertThatThrownBy(() -> RunId.of("-leading-dash"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RunId.of("line\nbreak")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RunId.of("x".repeat(RunId.MAX_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to " + RunId.MAX_LENGTH);
    assertThatThrownBy(() -> RunId.of(null)).isInstanceOf(NullPointerException.class);
    assertThat(RunId.of("x".repeat(RunId.MAX_LENGTH)).value()).hasSize(RunId.MAX_LENGTH);
  }
}
