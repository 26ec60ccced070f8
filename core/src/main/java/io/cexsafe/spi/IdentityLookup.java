package io.cexsafe.spi;

import io.cexsafe.SourceException;
import io.cexsafe.http.HttpFetcher;
import io.cexsafe.identity.IdentityCandidate;
import java.util.List;

/**
 * One source's search by name, for resolving an exchange's identity ({@code catalog discover},
 * {@code assess --name}). Each collector module exposes its own; the {@link
 * io.cexsafe.identity.IdentityMatcher} combines them without the collectors knowing of each other.
 *
 * <p>A lookup returns what the source lists near the name, unjudged: the matcher decides what is
 * the same entity. Expected failures (network, HTTP errors, rate limits, malformed payloads,
 * missing credentials) are thrown as {@link SourceException}s with a reason code; "nothing found"
 * is an empty list.
 */
public interface IdentityLookup {
  /**
   * {@return the source's short id, as evidence names it: {@code defillama}, {@code esma}, ...;
   * unique among the lookups a matcher is given}
   */
  String source();

  /**
   * The source's entries whose names may be {@code name}.
   *
   * @param name the name asked for, as the user wrote it
   * @param http the client to use (offline clients refuse every request)
   * @return candidates in the source's order; empty when the source lists nothing like it
   * @throws SourceException when the source could not be read
   */
  List<IdentityCandidate> search(String name, HttpFetcher http) throws SourceException;

  /**
   * True when {@link #search} returns the source's whole list whatever the name (a file or list
   * endpoint without a query): the matcher then reads it once and reuses it for every name.
   *
   * @return true for a whole list read once, false (the default) for a search per name
   */
  default boolean listsEverything() {
    return false;
  }
}
