package io.cexsafe.spi;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.SourceException;
import io.cexsafe.http.HttpFetcher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** What a collector gets to do its work for one exchange. */
public interface CollectorContext {
  /** {@return HTTP bound to this run's deadline; refuses every request in offline runs} */
  HttpFetcher http();

  /** {@return the clock for {@code retrievedAt} and any "now"} */
  Clock clock();

  /** {@return the evaluation instant of the run (the {@code --as-of} date, or now)} */
  Instant asOf();

  /**
   * {@return true when {@link #asOf()} lies before the run started (a replay of the past): the
   * collector must give what its source said at as-of, dated by the source's own timestamps, and
   * leave out what the source cannot date} False for a run evaluated now (as-of is then the run's
   * start, a little before the clock's current instant). Contexts made outside the {@link
   * io.cexsafe.Assessor} that do not say are taken as runs evaluated now.
   */
  default boolean asOfInPast() {
    return false;
  }

  /** {@return when this collector run must be done; calls are cut off after it} */
  Instant deadline();

  /** {@return true when the run must not use the network} */
  boolean offline();

  /**
   * The exchanges assessed in this run, in the order given: a collector whose source answers for
   * many ids in one call (Apple's lookup takes a comma-separated list) batches over them, so that
   * the run costs one call rather than one per exchange. Empty when the caller does not say
   * (contexts made outside the {@link io.cexsafe.Assessor}); collectors then ask for their own
   * exchange alone.
   *
   * @return the run's exchanges, or an empty list
   */
  default List<Exchange> runExchanges() {
    return List.of();
  }

  /** {@return the catalogue in use, to match names and identifiers across exchanges} */
  ExchangeCatalog catalog();

  /**
   * A dataset shared across the exchanges of the run, loaded at most once.
   *
   * @param <T> the parsed dataset
   * @param dataset the dataset, identified by its key
   * @return the loaded dataset
   * @throws SourceException the load's failure, the same for every caller
   */
  <T> T shared(SharedDataset<T> dataset) throws SourceException;

  /**
   * How far the run has got with loading a shared dataset, without waiting for it or starting it: a
   * collector that would wait for a dataset another exchange is loading can load the next one it
   * needs meanwhile, so that a run's shared datasets are fetched together rather than in turn.
   *
   * @param dataset the dataset, identified by its key
   * @return its state in this run; {@link SharedDataset.State#NOT_STARTED} from contexts that do
   *     not say (contexts made outside the {@link io.cexsafe.Assessor})
   */
  default SharedDataset.State sharedState(SharedDataset<?> dataset) {
    return SharedDataset.State.NOT_STARTED;
  }

  /** {@return true once the run has been cancelled or the deadline has passed} */
  boolean isCancelled();
}
