package io.cexsafe.http;

/**
 * Limits for one host.
 *
 * @param maxConcurrency requests in flight at once
 * @param permitsPerSecond request starts per second; 0 for no rate limit
 */
public record HostPolicy(int maxConcurrency, double permitsPerSecond) {
  /**
   * Validates the limits.
   *
   * @param maxConcurrency requests in flight at once
   * @param permitsPerSecond request starts per second; 0 for no rate limit
   * @throws IllegalArgumentException when {@code maxConcurrency} is below 1 or {@code
   *     permitsPerSecond} is negative or not a number
   */
  public HostPolicy {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1: " + maxConcurrency);
    }
    if (Double.isNaN(permitsPerSecond) || permitsPerSecond < 0) {
      throw new IllegalArgumentException(
          "permitsPerSecond must not be negative: " + permitsPerSecond);
    }
  }

  /**
   * A policy of {@code n} requests per minute, one at a time.
   *
   * @param n requests per minute
   * @return the policy
   */
  public static HostPolicy perMinute(int n) {
    return new HostPolicy(1, n / 60.0);
  }
}
