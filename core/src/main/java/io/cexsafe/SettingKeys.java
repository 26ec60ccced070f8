package io.cexsafe;

import io.cexsafe.SettingKey.Type;
import io.cexsafe.internal.EditDistance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Core's own settings ({@code http.*}, {@code assessor.*}) and the check that every key a user
 * gives is declared by some owner, with a "did you mean" for typos.
 */
public final class SettingKeys {
  private SettingKeys() {}

  /** The settings core itself reads. */
  public static List<SettingKey> core() {
    return List.of(
        SettingKey.of("http.connect-timeout", Type.DURATION, "10s", "TCP connect timeout"),
        SettingKey.of("http.read-timeout", Type.DURATION, "30s", "time between bytes read"),
        SettingKey.of("http.call-timeout", Type.DURATION, "120s", "whole call, retries excluded"),
        SettingKey.of(
            "http.max-body-bytes", Type.LONG, "67108864", "largest response body accepted"),
        SettingKey.of("http.max-attempts", Type.INT, "3", "attempts per request"),
        SettingKey.of("http.initial-backoff", Type.DURATION, "500ms", "first retry delay"),
        SettingKey.of("http.max-backoff", Type.DURATION, "10s", "longest retry delay"),
        SettingKey.of("http.max-retry-after", Type.DURATION, "60s", "longest Retry-After honoured"),
        SettingKey.of("http.user-agent", Type.STRING, null, "User-Agent header"),
        SettingKey.of("http.max-concurrency-per-host", Type.INT, "4", "parallel calls per host"),
        SettingKey.of(
            "http.requests-per-second-per-host", Type.DOUBLE, "0", "request rate per host"),
        SettingKey.of("http.cache.dir", Type.PATH, null, "HTTP cache directory"),
        SettingKey.of("http.cache.max-bytes", Type.LONG, "268435456", "HTTP cache size"),
        SettingKey.of(
            "http.hosts.*.max-concurrency", Type.INT, null, "parallel calls to one host (dashes)"),
        SettingKey.of(
            "http.hosts.*.requests-per-second", Type.DOUBLE, null, "request rate to one host"),
        SettingKey.of(
            "assessor.collector-timeout", Type.DURATION, "90s", "deadline of each collector"),
        SettingKey.of("assessor.parallelism", Type.INT, "16", "collectors run at once"));
  }

  /**
   * Checks that every key in {@code given} (key to where it came from, e.g. "--set") is declared.
   *
   * @throws ConfigurationException naming the first unknown key, where it came from and the closest
   *     declared key
   */
  public static void requireDeclared(Map<String, String> given, Collection<SettingKey> declared) {
    for (Map.Entry<String, String> entry : given.entrySet()) {
      String key = entry.getKey();
      if (declared.stream().noneMatch(d -> d.matches(key))) {
        throw new ConfigurationException(
            "unknown setting '"
                + key
                + "' ("
                + entry.getValue()
                + ")"
                + closest(key, declared).map(k -> "; did you mean '" + k + "'?").orElse(""));
      }
    }
  }

  /** The declared key nearest to {@code key} by edit distance, if one is near enough. */
  public static Optional<String> closest(String key, Collection<SettingKey> declared) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (SettingKey candidate : declared) {
      String shown = concrete(candidate.key(), key);
      int distance = EditDistance.between(key, shown);
      if (distance < bestDistance) {
        best = candidate.key();
        bestDistance = distance;
      }
    }
    int allowed = Math.max(2, key.length() / 3);
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** The pattern with its {@code *} segments filled from the given key, for a fair distance. */
  private static String concrete(String pattern, String given) {
    if (!pattern.contains("*")) {
      return pattern;
    }
    String[] p = pattern.split("\\.");
    String[] g = given.split("\\.");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      out.add(p[i].equals("*") && i < g.length ? g[i] : p[i]);
    }
    return String.join(".", out);
  }
}
