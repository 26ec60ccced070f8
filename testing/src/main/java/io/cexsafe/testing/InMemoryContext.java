package io.cexsafe.testing;

import io.cexsafe.ExchangeCatalog;
import io.cexsafe.SourceException;
import io.cexsafe.http.BodyReader;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.FetchResponse;
import io.cexsafe.http.HttpFetcher;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.SharedDataset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A collector context whose HTTP answers 200 with a body chosen per URL, without sockets, so that a
 * fuzzer can run a source's whole parse-and-match path thousands of times a second. The clock, the
 * as-of instant and the deadline are fixed ({@link #NOW}); the catalogue is the bundled one. An
 * {@link IOException} from a body reader over an in-memory body can only be a parse failure
 * disguised as a broken connection, so it fails the test.
 */
public final class InMemoryContext implements CollectorContext {
  /** The fixed instant of the clock and of as-of. */
  public static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private final Function<URI, byte[]> bodies;
  private final String contentType;
  private final Map<String, Object> shared = new HashMap<>();

  /**
   * @param bodies the body of each URL asked for
   * @param contentType the {@code Content-Type} of every answer
   */
  public InMemoryContext(Function<URI, byte[]> bodies, String contentType) {
    this.bodies = bodies;
    this.contentType = contentType;
  }

  private FetchResponse respond(URI uri, boolean withBody) {
    return new FetchResponse(
        200,
        uri,
        Map.of("Content-Type", List.of(contentType)),
        withBody ? bodies.apply(uri) : null,
        false);
  }

  @Override
  public HttpFetcher http() {
    return new HttpFetcher() {
      @Override
      public FetchResponse fetch(FetchRequest request) {
        return respond(request.uri(), true);
      }

      @Override
      public <T> T fetch(FetchRequest request, BodyReader<T> reader) throws SourceException {
        try {
          return reader.read(
              new ByteArrayInputStream(bodies.apply(request.uri())), respond(request.uri(), false));
        } catch (IOException e) {
          throw new AssertionError("IOException reading an in-memory body of " + request.uri(), e);
        }
      }
    };
  }

  @Override
  public Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  @Override
  public Instant asOf() {
    return NOW;
  }

  @Override
  public Instant deadline() {
    return NOW.plusSeconds(3600);
  }

  @Override
  public boolean offline() {
    return false;
  }

  @Override
  public ExchangeCatalog catalog() {
    return ExchangeCatalog.bundled();
  }

  /** Loaded once per context, as a run would: one parse per fuzz input, not one per exchange. */
  @Override
  @SuppressWarnings("unchecked")
  public <T> T shared(SharedDataset<T> dataset) throws SourceException {
    Object loaded = shared.get(dataset.key());
    if (loaded == null) {
      loaded = dataset.load(this);
      shared.put(dataset.key(), loaded);
    }
    return (T) loaded;
  }

  @Override
  public boolean isCancelled() {
    return false;
  }
}
