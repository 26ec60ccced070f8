package io.cexsafe.http;

/**
 * Limits for one host.
 *
 * @param maxConcurrency requests in flight at once
 * @param permitsPerSecond request starts per second; 0 for no rate limit
 */
public record HostPolicy(int maxConcurrency, double permitsPerSecond) {
  public HostPolicy {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1: " + maxConcurrency);
    }
    if (Double.isNaN(permitsPerSecond) || permitsPerSecond < 0) {
      throw new IllegalArgumentException(
          "permitsPerSecond must not be negative: " + permitsPerSecond);
    }
  }

  /** {@code n} requests per minute, one at a time. */
  public static HostPolicy perMinute(int n) {
    return new HostPolicy(1, n / 60.0);
  }
}
