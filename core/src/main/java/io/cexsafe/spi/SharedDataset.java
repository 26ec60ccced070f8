package io.cexsafe.spi;

import io.cexsafe.SourceException;
import java.util.Objects;

/**
 * A dataset that serves many exchanges, such as DeFiLlama's {@code /cexs} list: fetched at most
 * once per run, whatever the number of exchanges assessed. A failure is shared too: every exchange
 * sees the same reason rather than causing a retry storm.
 *
 * @param <T> the parsed dataset
 */
public interface SharedDataset<T> {
  /** {@return key unique within the run, e.g. {@code defillama:/cexs}} */
  String key();

  /**
   * Loads the dataset; called once per run.
   *
   * @param context the context of the collector run that needs it first
   * @return the dataset
   * @throws SourceException when it cannot be loaded
   */
  T load(CollectorContext context) throws SourceException;

  /**
   * A dataset from a key and a loader.
   *
   * @param <T> the parsed dataset
   * @param key unique within the run, e.g. {@code defillama:/cexs}
   * @param loader loads the dataset
   * @return the dataset
   */
  static <T> SharedDataset<T> of(String key, Loader<T> loader) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(loader, "loader");
    return new SharedDataset<>() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public T load(CollectorContext context) throws SourceException {
        return loader.load(context);
      }
    };
  }

  /** How far a run has got with loading a dataset. */
  enum State {
    /** No exchange of the run has asked for it yet. */
    NOT_STARTED,
    /** An exchange is loading it; other callers wait for that load. */
    LOADING,
    /** Loaded, or failed: either way recorded for the rest of the run. */
    DONE
  }

  /** The loading function of a dataset. */
  @FunctionalInterface
  interface Loader<T> {
    /**
     * Loads the dataset.
     *
     * @param context the context of the collector run that needs it first
     * @return the dataset
     * @throws SourceException when it cannot be loaded
     */
    T load(CollectorContext context) throws SourceException;
  }
}
