package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.SourceException;

/**
 * What one call to a source gave: a value, a failure (kept as data, for the mappers to report), or
 * nothing because the call was not made (the endpoint is disabled or not needed).
 *
 * @param asked whether the call was made
 * @param value what it answered, or null
 * @param failure why it failed, or null
 */
record Fetched<T>(boolean asked, T value, SourceException failure) {
  Fetched {
    if (value != null && failure != null) {
      throw new IllegalArgumentException("a fetch has a value or a failure, not both");
    }
    if (asked == (value == null && failure == null)) {
      throw new IllegalArgumentException(
          asked
              ? "an answered fetch needs a value or a failure"
              : "an unasked fetch holds nothing");
    }
  }

  /** A call to a source that may fail with a {@link SourceException}. */
  @FunctionalInterface
  interface Call<T> {
    T call() throws SourceException;
  }

  static <T> Fetched<T> notAsked() {
    return new Fetched<>(false, null, null);
  }

  static <T> Fetched<T> of(T value) {
    return new Fetched<>(true, value, null);
  }

  static <T> Fetched<T> failed(SourceException failure) {
    return new Fetched<>(true, null, failure);
  }

  /** Makes the call, keeping its failure as data. */
  static <T> Fetched<T> attempt(Call<T> call) {
    try {
      T value = call.call();
      if (value == null) {
        throw new IllegalStateException("a source answered null");
      }
      return of(value);
    } catch (SourceException e) {
      return failed(e);
    }
  }

  boolean succeeded() {
    return value != null;
  }
}
