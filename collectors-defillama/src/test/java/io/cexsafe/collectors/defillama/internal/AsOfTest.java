package io.cexsafe.collectors.defillama.internal;

import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.IN_THE_PAST;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.NOW;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.PAST;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AsOfTest {
  @Test
  void aRunTodayDatesUndatedFactsByRetrievalAndReadsTheLatestHistory() {
    assertThat(TODAY.undated()).isEqualTo(NOW);
    assertThat(TODAY.historyCutoff()).isNull();
    assertThat(TODAY.precedes(LocalDate.of(2030, 1, 1))).isFalse();
  }

  @Test
  void aPastRunDatesByItsAsOfAndKeepsOnlyWhatHadHappened() {
    assertThat(IN_THE_PAST.undated()).isEqualTo(PAST);
    assertThat(IN_THE_PAST.historyCutoff()).isEqualTo(PAST);
    assertThat(IN_THE_PAST.precedes(LocalDate.of(2026, 11, 1))).isFalse(); // on the day counts
    assertThat(IN_THE_PAST.precedes(LocalDate.of(2026, 11, 2))).isTrue();
    assertThat(IN_THE_PAST.precedes(null)).isFalse();
    assertThat(IN_THE_PAST.day()).isEqualTo("2026-11-01");
  }

  @Test
  void daysAreUtcDatesOrSayTheyAreUnknown() {
    assertThat(AsOf.day(Instant.parse("2026-06-01T23:59:59Z"))).isEqualTo("2026-06-01");
    assertThat(AsOf.day(null)).isEqualTo("an unknown date");
  }

  @Test
  void aPastRunWithoutItsAsOfIsRefused() {
    assertThatThrownBy(() -> new AsOf(NOW, null, true))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("as-of");
    assertThatThrownBy(() -> new AsOf(null, NOW, false)).isInstanceOf(NullPointerException.class);
  }
}
