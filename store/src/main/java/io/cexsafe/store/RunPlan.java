package io.cexsafe.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a run sets out to do, recorded before its first exchange so that an interrupted run can be
 * resumed.
 *
 * @param runId the run's id: a letter or digit, then letters, digits, '.', '_', ':', '+' and '-',
 *     at most 100 characters in all
 * @param asOf the run's evaluation instant
 * @param exchangeIds the exchanges the run covers, in order, without repeats
 * @param settings what a resumed run must reuse (e.g. the as-of date the user gave), by name
 */
public record RunPlan(
    String runId, Instant asOf, List<String> exchangeIds, Map<String, String> settings) {
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+-]{0,99}");
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * Validates the plan and copies its lists; a null {@code settings} means none.
   *
   * @param runId the run's id: a letter or digit, then letters, digits, '.', '_', ':', '+' and '-',
   *     at most 100 characters in all
   * @param asOf the run's evaluation instant
   * @param exchangeIds the exchanges the run covers, in order, without repeats
   * @param settings what a resumed run must reuse (e.g. the as-of date the user gave), by name
   * @throws IllegalArgumentException for an invalid run id, no exchanges, or an exchange listed
   *     twice
   */
  public RunPlan {
    Objects.requireNonNull(runId, "runId");
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException(
          "invalid run id '"
              + runId
              + "': use letters, digits, '.', '_', ':' and '-' (at most 100 characters)");
    }
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(exchangeIds, "exchangeIds");
    if (exchangeIds.isEmpty()) {
      throw new IllegalArgumentException("a run covers at least one exchange");
    }
    if (new LinkedHashSet<>(exchangeIds).size() != exchangeIds.size()) {
      throw new IllegalArgumentException("an exchange is listed twice in " + exchangeIds);
    }
    exchangeIds.forEach(id -> Objects.requireNonNull(id, "exchange id"));
    exchangeIds = List.copyOf(exchangeIds);
    settings = settings == null ? Map.of() : Map.copyOf(new TreeMap<>(settings));
  }

  /**
   * A plan with a fresh run id ({@link #newRunId(Instant)}) and no settings.
   *
   * @param asOf the run's evaluation instant, also stamped into the run id
   * @param exchangeIds the exchanges the run covers, in order, without repeats
   * @return the new plan
   */
  public static RunPlan of(Instant asOf, List<String> exchangeIds) {
    return new RunPlan(newRunId(asOf), asOf, exchangeIds, Map.of());
  }

  /**
   * A fresh, sortable and unique run id such as {@code 20261207T153000Z-3f2a9c1b}: the instant in
   * UTC and eight random hex digits.
   *
   * @param instant the instant that leads the id, usually the run's as-of instant
   * @return a new run id, different on every call
   */
  public static String newRunId(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return ID_TIME.format(instant) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Checks a run id without throwing, e.g. for user input.
   *
   * @param runId the candidate id, may be null
   * @return true when {@code runId} is a valid run id, false otherwise (also for null)
   */
  public static boolean isValidRunId(String runId) {
    return runId != null && RUN_ID.matcher(runId).matches();
  }
}
