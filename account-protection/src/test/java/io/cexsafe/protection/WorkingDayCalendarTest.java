package io.cexsafe.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {
  private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 18);

  @Test
  void countingStartsTheDayAfterAndSkipsWeekends() {
    WorkingDayCalendar calendar = WorkingDayCalendar.weekendsOnly();

    assertThat(calendar.addWorkingDays(FRIDAY, 1)).isEqualTo(LocalDate.of(2026, 12, 21));
    assertThat(calendar.addWorkingDays(FRIDAY.plusDays(1), 1))
        .isEqualTo(LocalDate.of(2026, 12, 21));
    assertThat(calendar.addWorkingDays(FRIDAY, 5)).isEqualTo(LocalDate.of(2026, 12, 25));
  }

  @Test
  void holidaysAreSkipped() {
    WorkingDayCalendar calendar =
        WorkingDayCalendar.withHolidays(
            List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));

    assertThat(calendar.addWorkingDays(FRIDAY, 5)).isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(calendar.addWorkingDays(FRIDAY, 30)).isEqualTo(LocalDate.of(2027, 2, 2));
    assertThat(calendar.workingDaysAfter(FRIDAY, LocalDate.of(2027, 2, 2))).isEqualTo(30);
    assertThat(calendar.workingDaysAfter(FRIDAY, LocalDate.of(2027, 2, 3))).isEqualTo(31);
    assertThat(calendar.workingDaysAfter(FRIDAY, FRIDAY)).isZero();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
  }

  @Test
  void aCustomWeekend() {
    WorkingDayCalendar calendar =
        WorkingDayCalendar.of(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), List.of());

    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 17), 1))
        .isEqualTo(LocalDate.of(2026, 12, 20));
  }

  @Test
  void invalidUse() {
    assertThatThrownBy(() -> WorkingDayCalendar.weekendsOnly().addWorkingDays(FRIDAY, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WorkingDayCalendar.of(EnumSet.allOf(DayOfWeek.class), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one working day");
  }
}
