package io.cexsafe;

import io.cexsafe.http.HostPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * How long a run is expected to take before it starts, from the requests each collector plans per
 * host ({@link io.cexsafe.spi.EvidenceCollector#plannedRequests}) and each host's limits: at large
 * scale a source's rate budget, not the network, decides the time (Apple's lookup allows about 20
 * calls a minute). Hosts are worked on side by side, so the run takes as long as its slowest host.
 *
 * @param exchanges the exchanges of the run
 * @param latency the time assumed for one request
 * @param hosts every host the run calls, the slowest first
 * @param notEstimated ids of collectors that could not say what they would ask
 */
public record RunEstimate(
    int exchanges, Duration latency, List<HostLoad> hosts, List<String> notEstimated) {
  /**
   * Checks the estimate and keeps unmodifiable copies of its lists.
   *
   * @param exchanges the exchanges of the run
   * @param latency the time assumed for one request
   * @param hosts every host the run calls, the slowest first
   * @param notEstimated ids of collectors that could not say what they would ask
   * @throws IllegalArgumentException when {@code exchanges} or {@code latency} is negative
   */
  public RunEstimate {
    if (exchanges < 0) {
      throw new IllegalArgumentException("exchanges must not be negative: " + exchanges);
    }
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    hosts = List.copyOf(hosts);
    notEstimated = List.copyOf(notEstimated);
  }

  /**
   * The requests of one host and the time they take under its limits.
   *
   * @param host the host name
   * @param requests requests planned
   * @param policy the host's limits
   * @param time the time for all of them: the later of the last start the rate limit allows plus
   *     one latency, and the rounds of {@code maxConcurrency} requests one latency each
   */
  public record HostLoad(String host, int requests, HostPolicy policy, Duration time) {
    /**
     * Checks the load.
     *
     * @param host the host name
     * @param requests requests planned
     * @param policy the host's limits
     * @param time the time for all of them: the later of the last start the rate limit allows plus
     *     one latency, and the rounds of {@code maxConcurrency} requests one latency each
     * @throws IllegalArgumentException when {@code host} is blank or {@code requests} is negative
     */
    public HostLoad {
      Strings.requireText(host, "host");
      if (requests < 0) {
        throw new IllegalArgumentException("requests must not be negative: " + requests);
      }
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(time, "time");
    }
  }

  /**
   * The estimate for planned requests per host.
   *
   * @param exchanges the number of exchanges the run would assess
   * @param requestsPerHost requests planned per host name; hosts with no requests are left out
   * @param policyOf the limits of a host
   * @param latency the time one request is assumed to take
   * @param notEstimated ids of collectors that could not say what they would ask
   * @return the estimate, its hosts sorted slowest first (then by name)
   */
  public static RunEstimate of(
      int exchanges,
      Map<String, Integer> requestsPerHost,
      Function<String, HostPolicy> policyOf,
      Duration latency,
      List<String> notEstimated) {
    List<HostLoad> hosts = new ArrayList<>();
    requestsPerHost.forEach(
        (host, requests) -> {
          if (requests > 0) {
            HostPolicy policy = policyOf.apply(host);
            hosts.add(new HostLoad(host, requests, policy, time(requests, policy, latency)));
          }
        });
    hosts.sort(Comparator.comparing(HostLoad::time).reversed().thenComparing(HostLoad::host));
    return new RunEstimate(exchanges, latency, hosts, notEstimated);
  }

  /** The time {@code requests} take on a host with {@code policy}. */
  static Duration time(int requests, HostPolicy policy, Duration latency) {
    if (requests == 0) {
      return Duration.ZERO;
    }
    long rounds = (requests + policy.maxConcurrency() - 1L) / policy.maxConcurrency();
    Duration byConcurrency = latency.multipliedBy(rounds);
    Duration byRate =
        policy.permitsPerSecond() > 0
            ? Duration.ofNanos(Math.round((requests - 1) / policy.permitsPerSecond() * 1e9))
                .plus(latency)
            : Duration.ZERO;
    return byRate.compareTo(byConcurrency) > 0 ? byRate : byConcurrency;
  }

  /** {@return the expected wall time: that of the slowest host, zero when no host is called} */
  public Duration expected() {
    return hosts.isEmpty() ? Duration.ZERO : hosts.get(0).time();
  }

  /** {@return the requests planned on every host together} */
  public int requests() {
    return hosts.stream().mapToInt(HostLoad::requests).sum();
  }

  /**
   * One line for people, e.g. {@code 150 exchanges: about 52 min, 1210 requests (itunes.apple.com
   * 1,006 at 20/min ≈ 50 min 16 s; ...)}.
   *
   * @return the exchange count, expected time, total requests, each host's requests, rate and time,
   *     and the collectors not estimated, if any
   */
  public String summary() {
    StringBuilder line =
        new StringBuilder()
            .append(exchanges)
            .append(exchanges == 1 ? " exchange" : " exchanges")
            .append(": about ")
            .append(human(expected()))
            .append(", ")
            .append(requests())
            .append(requests() == 1 ? " request" : " requests");
    StringJoiner perHost = new StringJoiner("; ", " (", ")").setEmptyValue("");
    for (HostLoad load : hosts) {
      perHost.add(
          load.host()
              + ": "
              + load.requests()
              + " "
              + rate(load.policy())
              + " ≈ "
              + human(load.time()));
    }
    line.append(perHost);
    if (!notEstimated.isEmpty()) {
      line.append("; not estimated: ").append(String.join(", ", notEstimated));
    }
    return line.toString();
  }

  private static String rate(HostPolicy policy) {
    double perSecond = policy.permitsPerSecond();
    if (perSecond <= 0) {
      return "(" + policy.maxConcurrency() + " at a time)";
    }
    if (perSecond < 1) {
      return "at " + number(perSecond * 60) + "/min";
    }
    return "at " + number(perSecond) + "/s";
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  /** {@code 1 h 5 min}, {@code 3 min 20 s}, {@code 12 s}, {@code 0.4 s}. */
  static String human(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds >= 3600) {
      return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
    if (seconds >= 60) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    if (seconds >= 10) {
      return seconds + " s";
    }
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
