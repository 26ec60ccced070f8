package io.cexsafe.collectors.defillama.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The two instants a collection is dated by: when it read its sources, and the run's as-of.
 *
 * @param retrievedAt when the sources were read (the context's clock at the start)
 * @param instant the run's as-of; only read when {@code past}
 * @param past true when the run replays a past date: only dated history may be used
 */
record AsOf(Instant retrievedAt, Instant instant, boolean past) {
  AsOf {
    Objects.requireNonNull(retrievedAt, "retrievedAt");
    if (past) {
      Objects.requireNonNull(instant, "a past run needs its as-of instant");
    }
  }

  /** The date for a fact whose source gave none: retrieval now, or as-of for a past run. */
  Instant undated() {
    return past ? instant : retrievedAt;
  }

  /** The last instant a history may be read up to, or null for its latest points. */
  Instant historyCutoff() {
    return past ? instant : null;
  }

  /** True when a past run's as-of lies before {@code date} (the event had not happened yet). */
  boolean precedes(LocalDate date) {
    return past && date != null && date.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(instant);
  }

  /** The as-of day, as messages name it. */
  String day() {
    return day(instant);
  }

  /** A day as messages name it: ISO date in UTC, or "an unknown date". */
  static String day(Instant instant) {
    return instant == null
        ? "an unknown date"
        : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }
}
