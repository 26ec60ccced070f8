package io.cexsafe.http;

import io.cexsafe.ReasonCode;
import java.time.Duration;
import java.util.Objects;

/**
 * One finished request as a {@link FetchListener} hears of it: where it went, how it ended, how
 * long it took (retries and waiting for the host's limits included) and how many body bytes it
 * brought.
 *
 * @param host the request's host, lower case
 * @param status the final HTTP status, or 0 when no response came (see {@code failure})
 * @param failure why the request failed, or null when the caller got a response to read
 * @param bytes body bytes read (for a streamed body, as many as the reader consumed)
 * @param elapsed from the call to its end
 */
public record FetchObservation(
    String host, int status, ReasonCode failure, long bytes, Duration elapsed) {
  /**
   * Checks the values.
   *
   * @param host the request's host, lower case
   * @param status the final HTTP status, or 0 when no response came (see {@code failure})
   * @param failure why the request failed, or null when the caller got a response to read
   * @param bytes body bytes read (for a streamed body, as many as the reader consumed)
   * @param elapsed from the call to its end
   * @throws IllegalArgumentException when {@code status}, {@code bytes} or {@code elapsed} is
   *     negative
   */
  public FetchObservation {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(elapsed, "elapsed");
    if (status < 0 || bytes < 0 || elapsed.isNegative()) {
      throw new IllegalArgumentException(
          "negative status, bytes or elapsed: " + status + ", " + bytes + ", " + elapsed);
    }
  }

  /** {@return whether the request failed, i.e. no usable response came ({@code failure} is set)} */
  public boolean failed() {
    return failure != null;
  }
}
