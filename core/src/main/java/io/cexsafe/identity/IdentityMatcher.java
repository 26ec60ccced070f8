package io.cexsafe.identity;

import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.http.HttpFetcher;
import io.cexsafe.identity.internal.NameForms;
import io.cexsafe.spi.IdentityLookup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves an exchange name across sources: asks every {@link IdentityLookup} and judges each entry
 * it returns against the name ({@link MatchKind}). One implementation serves {@code catalog
 * discover} and {@code assess --name}. A lookup that {@linkplain IdentityLookup#listsEverything()
 * lists everything} is read once per matcher, its answer (or failure) reused for every name.
 *
 * <p>A source that fails is reported in {@link Resolution#failures()}, never taken as "not listed".
 * Entries that are a separate entity (a regional arm) or only partly alike are kept for review and
 * never merged.
 */
public final class IdentityMatcher {
  /** The longest name the matcher accepts, in characters. */
  public static final int MAX_NAME_CHARS = 120;

  private final List<IdentityLookup> lookups;
  // whole lists (and their failures) read once per matcher: every name gets the same answer
  private final Map<String, Listing> listings = new ConcurrentHashMap<>();

  private record Listing(List<IdentityCandidate> candidates, SourceException failure) {}

  private IdentityMatcher(List<IdentityLookup> lookups) {
    this.lookups = lookups;
  }

  /**
   * A matcher over the given lookups, asked in this order.
   *
   * @param lookups the sources' lookups, each with its own source id, in the order to ask them
   * @return the matcher, holding its own copy of the lookups
   * @throws IllegalArgumentException when two lookups share a source id
   */
  public static IdentityMatcher of(Collection<? extends IdentityLookup> lookups) {
    Map<String, IdentityLookup> bySource = new LinkedHashMap<>();
    for (IdentityLookup lookup : lookups) {
      Objects.requireNonNull(lookup, "lookup");
      if (bySource.put(lookup.source(), lookup) != null) {
        throw new IllegalArgumentException("two identity lookups for source " + lookup.source());
      }
    }
    return new IdentityMatcher(List.copyOf(bySource.values()));
  }

  /** {@return the short ids of the sources asked, in the order they are asked} */
  public List<String> sources() {
    return lookups.stream().map(IdentityLookup::source).toList();
  }

  /**
   * Asks every source for {@code name} and judges what they list.
   *
   * @param name the exchange name or slug asked for, as the user wrote it (trimmed here)
   * @param http the client the lookups read through (an offline client makes every source fail)
   * @return every matched entry, related or the same entity, and the sources that could not be
   *     searched (a failing or broken lookup is reported there, never thrown)
   * @throws IllegalArgumentException when the name is blank, longer than {@value #MAX_NAME_CHARS}
   *     characters or spans lines
   */
  public Resolution resolve(String name, HttpFetcher http) {
    String query = checkName(name);
    Objects.requireNonNull(http, "http");
    List<IdentityMatch> matches = new ArrayList<>();
    List<LookupFailure> failures = new ArrayList<>();
    for (IdentityLookup lookup : lookups) {
      List<IdentityCandidate> candidates;
      try {
        candidates = search(lookup, query, http);
      } catch (SourceException e) {
        failures.add(new LookupFailure(lookup.source(), e.reason(), e.getMessage()));
        continue;
      } catch (RuntimeException e) {
        // a bug in one lookup must not hide what the others found
        failures.add(
            new LookupFailure(
                lookup.source(), ReasonCode.INTERNAL_ERROR, "the lookup failed: " + e));
        continue;
      }
      for (IdentityCandidate candidate : candidates) {
        match(query, candidate).ifPresent(matches::add);
      }
    }
    return new Resolution(query, sources(), matches, failures);
  }

  /**
   * The whole list of a source that {@linkplain IdentityLookup#listsEverything() lists everything}
   * (DeFiLlama's CEX list, say), read once per matcher like the searches.
   *
   * @param source the short id of the source whose list is wanted
   * @param http the client to read the list through, on the first call only
   * @return every entry the source lists, unjudged, in the source's order
   * @throws IllegalArgumentException when no such source is wired, or it has no whole list
   * @throws SourceException when the list cannot be read
   */
  public List<IdentityCandidate> listing(String source, HttpFetcher http) throws SourceException {
    IdentityLookup lookup =
        lookups.stream()
            .filter(l -> l.source().equals(source))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no identity lookup for " + source));
    if (!lookup.listsEverything()) {
      throw new IllegalArgumentException(source + " has no whole list, only a search");
    }
    return search(lookup, "", http);
  }

  private List<IdentityCandidate> search(IdentityLookup lookup, String query, HttpFetcher http)
      throws SourceException {
    if (!lookup.listsEverything()) {
      return lookup.search(query, http);
    }
    Listing listing =
        listings.computeIfAbsent(
            lookup.source(),
            source -> {
              try {
                return new Listing(List.copyOf(lookup.search(query, http)), null);
              } catch (SourceException e) {
                return new Listing(List.of(), e);
              }
            });
    if (listing.failure() != null) {
      throw listing.failure();
    }
    return listing.candidates();
  }

  /**
   * The most telling relation ({@link MatchKind} order) between {@code query} and any of the
   * candidate's names or their leading titles, if any.
   *
   * @param query the name asked for; the match keeps it stripped of surrounding spaces
   * @param candidate the source entry to judge
   * @return the best match, with the name (or title) that gave it; empty when no name is alike
   */
  public static Optional<IdentityMatch> match(String query, IdentityCandidate candidate) {
    IdentityMatch best = null;
    for (NameField name : candidate.names()) {
      List<NameField> forms = new ArrayList<>();
      forms.add(name);
      String title = NameForms.title(name.value());
      if (!title.isEmpty() && !title.equals(name.value())) {
        // an app title or register name often goes on: "Binance: Buy Bitcoin & Crypto"
        forms.add(new NameField(name.field() + " (title)", title));
      }
      for (NameField form : forms) {
        Optional<MatchKind> kind = NameForms.compare(query, form.value());
        // kinds are declared most telling first: a regional arm says more than a partial match
        if (kind.isPresent() && (best == null || kind.get().ordinal() < best.kind().ordinal())) {
          best = new IdentityMatch(candidate, kind.get(), form, query.strip());
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The name trimmed, after checking it can be asked for.
   *
   * @param name the exchange name as the user wrote it; may be null (then refused)
   * @return the name without surrounding white space: one line of 1 to {@value #MAX_NAME_CHARS}
   *     characters with at least one letter or digit
   * @throws IllegalArgumentException naming what is wrong with it
   */
  public static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("the exchange name is empty");
    }
    String query = name.strip();
    if (query.length() > MAX_NAME_CHARS) {
      throw new IllegalArgumentException(
          "the exchange name has " + query.length() + " characters; at most " + MAX_NAME_CHARS);
    }
    if (query.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("the exchange name must be one line of text");
    }
    if (NameForms.words(query).isEmpty()) {
      throw new IllegalArgumentException(
          "the exchange name '" + query + "' has no letters or digits");
    }
    return query;
  }
}
