package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.ExchangeCatalog;
import io.cexsafe.SourceException;
import io.cexsafe.http.HttpFetcher;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.SharedDataset;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A context over a {@link FakeHttp}, at a chosen as-of; shared datasets load once, failures too.
 */
final class FakeContext implements CollectorContext {
  private final FakeHttp http;
  private final AsOf time;
  private final Map<String, Object> shared = new HashMap<>();
  private final Set<String> loadingElsewhere = new HashSet<>();

  FakeContext(FakeHttp http, AsOf time) {
    this.http = http;
    this.time = time;
  }

  @Override
  public HttpFetcher http() {
    return http;
  }

  @Override
  public Clock clock() {
    return Clock.fixed(time.retrievedAt(), ZoneOffset.UTC);
  }

  @Override
  public Instant asOf() {
    return time.past() ? time.instant() : time.retrievedAt();
  }

  @Override
  public boolean asOfInPast() {
    return time.past();
  }

  @Override
  public Instant deadline() {
    return time.retrievedAt().plusSeconds(600);
  }

  @Override
  public boolean offline() {
    return false;
  }

  @Override
  public ExchangeCatalog catalog() {
    return ExchangeCatalog.bundled();
  }

  /**
   * Says that another exchange of the run is loading the datasets whose keys end so, until this
   * context loads them itself.
   */
  FakeContext loadingElsewhere(String... keyEndings) {
    loadingElsewhere.addAll(List.of(keyEndings));
    return this;
  }

  @Override
  public SharedDataset.State sharedState(SharedDataset<?> dataset) {
    if (shared.containsKey(dataset.key())) {
      return SharedDataset.State.DONE;
    }
    return loadingElsewhere.stream().anyMatch(dataset.key()::endsWith)
        ? SharedDataset.State.LOADING
        : SharedDataset.State.NOT_STARTED;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T shared(SharedDataset<T> dataset) throws SourceException {
    Object loaded = shared.get(dataset.key());
    if (loaded instanceof SourceException e) {
      throw e;
    }
    if (loaded == null) {
      try {
        loaded = dataset.load(this);
      } catch (SourceException e) {
        shared.put(dataset.key(), e);
        throw e;
      }
      shared.put(dataset.key(), loaded);
    }
    return (T) loaded;
  }

  @Override
  public boolean isCancelled() {
    return false;
  }
}
