package io.cexsafe.protection;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which days count as working days: every day except the weekend days and the listed holidays.
 * Deadlines such as "within 30 working days of the transaction" are counted from the day after the
 * transaction: the first working day after it is working day 1, and the deadline is the whole of
 * working day N.
 */
public final class WorkingDayCalendar {
  private static final Set<DayOfWeek> SATURDAY_SUNDAY =
      EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

  private final Set<DayOfWeek> weekend;
  private final TreeSet<LocalDate> holidays;

  private WorkingDayCalendar(Set<DayOfWeek> weekend, Collection<LocalDate> holidays) {
    this.weekend = Set.copyOf(weekend);
    if (this.weekend.size() >= 7) {
      throw new IllegalArgumentException("a week needs at least one working day");
    }
    this.holidays = new TreeSet<>(holidays);
  }

  /** {@return saturday and Sunday off, no holidays} */
  public static WorkingDayCalendar weekendsOnly() {
    return new WorkingDayCalendar(SATURDAY_SUNDAY, Set.of());
  }

  /**
   * Saturday and Sunday off, plus these holidays.
   *
   * @param holidays the holidays
   * @return the calendar
   */
  public static WorkingDayCalendar withHolidays(Collection<LocalDate> holidays) {
    return new WorkingDayCalendar(SATURDAY_SUNDAY, holidays);
  }

  /**
   * Custom weekend days (e.g. Friday and Saturday) plus these holidays.
   *
   * @param weekend the days off every week
   * @param holidays the holidays
   * @return the calendar
   */
  public static WorkingDayCalendar of(Set<DayOfWeek> weekend, Collection<LocalDate> holidays) {
    Objects.requireNonNull(weekend, "weekend");
    Objects.requireNonNull(holidays, "holidays");
    return new WorkingDayCalendar(weekend, holidays);
  }

  /** {@return the days off every week} */
  public Set<DayOfWeek> weekend() {
    return weekend;
  }

  /** {@return the holidays} */
  public Set<LocalDate> holidays() {
    return Set.copyOf(holidays);
  }

  /**
   * Tells whether a date is a working day.
   *
   * @param date the date
   * @return false on a weekend day or holiday
   */
  public boolean isWorkingDay(LocalDate date) {
    return !weekend.contains(date.getDayOfWeek()) && !holidays.contains(date);
  }

  /**
   * The date of working day {@code n} counted from the day after {@code start}.
   *
   * @param start the day counting starts after
   * @param n the number of working days
   * @return the date of the {@code n}th working day
   */
  public LocalDate addWorkingDays(LocalDate start, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("working days must be positive, was " + n);
    }
    LocalDate date = start;
    int counted = 0;
    while (counted < n) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }

  /**
   * How many working days lie after {@code start} up to and including {@code end}: the working-day
   * number of {@code end} (zero when {@code end} is not after {@code start}).
   *
   * @param start the day counting starts after
   * @param end the last day counted
   * @return the number of working days
   */
  public int workingDaysAfter(LocalDate start, LocalDate end) {
    int count = 0;
    for (LocalDate date = start.plusDays(1); !date.isAfter(end); date = date.plusDays(1)) {
      if (isWorkingDay(date)) {
        count++;
      }
    }
    return count;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkingDayCalendar other
        && weekend.equals(other.weekend)
        && holidays.equals(other.holidays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(weekend, holidays);
  }

  @Override
  public String toString() {
    return "WorkingDayCalendar[weekend=" + new TreeSet<>(weekend) + ", holidays=" + holidays + "]";
  }
}
