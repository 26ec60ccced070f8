package io.cexsafe;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cexsafe.internal.BundledCatalogue;
import io.cexsafe.internal.EditDistance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The exchanges cexsafe knows about. The bundled catalogue lists every centralized exchange of
 * DeFiLlama's CEX list and the exchanges among MiCA-authorised CASPs, each identifier with its
 * source and date (docs/catalogue.md); users load their own file or extend the bundled one.
 *
 * <p>File format: {@code {"exchanges": [ {"id": "crypto-com", "name": "Crypto.com", ...} ]}}, see
 * {@link Exchange}; an optional {@code "review"} member (written by {@code catalog discover}) is
 * ignored.
 */
public final class ExchangeCatalog {
  private static final String BUNDLED = "exchanges.json";

  private static volatile ExchangeCatalog bundled;

  private final Map<String, Exchange> byId;

  private ExchangeCatalog(Map<String, Exchange> byId) {
    this.byId = java.util.Collections.unmodifiableMap(new TreeMap<>(byId));
  }

  /**
   * The catalogue shipped with cexsafe, read once per JVM (it is immutable).
   *
   * @return the bundled catalogue, the same instance on every later call
   */
  public static ExchangeCatalog bundled() {
    ExchangeCatalog catalog = bundled;
    if (catalog == null) {
      // a race reads the file twice; both results are equal and either may win
      catalog = readBundled();
      bundled = catalog;
    }
    return catalog;
  }

  private static ExchangeCatalog readBundled() {
    // the build's digest of exchanges.json, validated there like a user's file: start-up reads
    // it without data binding (BundledCatalogue)
    return of(BundledCatalogue.read());
  }

  /**
   * Loads a catalogue file.
   *
   * @param file a JSON catalogue
   * @return the catalogue
   * @throws InvalidInputException naming the file, the JSON path and the problem
   */
  public static ExchangeCatalog load(Path file) {
    return fromFile(Json.read(file, CatalogFile.class), file.toString());
  }

  /**
   * Builds a catalogue from exchanges.
   *
   * @param exchanges the exchanges, each id once
   * @return the catalogue
   * @throws IllegalArgumentException when an id appears twice
   */
  public static ExchangeCatalog of(Collection<Exchange> exchanges) {
    Map<String, Exchange> map = new LinkedHashMap<>();
    for (Exchange exchange : exchanges) {
      if (map.put(exchange.id(), exchange) != null) {
        throw new IllegalArgumentException("exchange id " + exchange.id() + " appears twice");
      }
    }
    return new ExchangeCatalog(map);
  }

  /**
   * This catalogue with {@code other}'s exchanges added; an exchange with the same id replaces
   * ours.
   *
   * @param other the catalogue to add
   * @return the combined catalogue
   */
  public ExchangeCatalog extendedWith(ExchangeCatalog other) {
    Map<String, Exchange> merged = new LinkedHashMap<>(byId);
    merged.putAll(other.byId);
    return new ExchangeCatalog(merged);
  }

  /** {@return all exchanges, ordered by id} */
  public List<Exchange> all() {
    return List.copyOf(byId.values());
  }

  /** {@return the number of exchanges} */
  public int size() {
    return byId.size();
  }

  /**
   * Finds an exchange by id, name or alias (ignoring case and punctuation).
   *
   * @param idOrName an id, name or alias
   * @return the exchange, or empty when none matches
   */
  public Optional<Exchange> find(String idOrName) {
    if (idOrName == null) {
      return Optional.empty();
    }
    Exchange exact = byId.get(idOrName.trim().toLowerCase(Locale.ROOT));
    if (exact != null) {
      return Optional.of(exact);
    }
    return byId.values().stream().filter(e -> e.isKnownAs(idOrName)).findFirst();
  }

  /**
   * The exchange with this id, name or alias.
   *
   * @param idOrName an id, name or alias
   * @return the exchange
   * @throws UnknownExchangeException listing the closest known ids
   */
  public Exchange get(String idOrName) {
    return find(idOrName)
        .orElseThrow(() -> new UnknownExchangeException(idOrName, closestIds(idOrName, 3)));
  }

  /**
   * The exchange that claims the given identifier, if any.
   *
   * @param scheme the identifier scheme, e.g. {@code defillama.slug}
   * @param value the identifier as the source spells it
   * @return the exchange, or empty when none claims it
   */
  public Optional<Exchange> findByIdentifier(String scheme, String value) {
    return byId.values().stream()
        .filter(
            e -> e.identifiers(scheme).stream().anyMatch(i -> i.value().equalsIgnoreCase(value)))
        .findFirst();
  }

  /**
   * Known ids ordered by similarity to {@code text} (edit distance to id or name).
   *
   * @param text what the user typed
   * @param limit the most ids to return
   * @return at most {@code limit} ids, closest first
   */
  public List<String> closestIds(String text, int limit) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    record Scored(String id, int distance) {}
    List<Scored> scored = new ArrayList<>();
    for (Exchange exchange : byId.values()) {
      int best = EditDistance.between(wanted, exchange.id());
      best = Math.min(best, EditDistance.between(wanted, exchange.name().toLowerCase(Locale.ROOT)));
      if (!wanted.isEmpty() && (exchange.id().contains(wanted) || wanted.contains(exchange.id()))) {
        best = Math.min(best, 1);
      }
      scored.add(new Scored(exchange.id(), best));
    }
    return scored.stream()
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::id))
        .limit(limit)
        .map(Scored::id)
        .toList();
  }

  private static ExchangeCatalog fromFile(CatalogFile file, String source) {
    if (file.exchanges() == null || file.exchanges().isEmpty()) {
      throw new InvalidInputException(source, "$.exchanges", "must list at least one exchange");
    }
    Map<String, Exchange> map = new LinkedHashMap<>();
    for (int i = 0; i < file.exchanges().size(); i++) {
      Exchange exchange = file.exchanges().get(i);
      if (exchange == null) {
        throw new InvalidInputException(source, "$.exchanges[" + i + "]", "must not be null");
      }
      if (map.put(exchange.id(), exchange) != null) {
        throw new InvalidInputException(
            source,
            "$.exchanges[" + i + "].id",
            "exchange id '" + exchange.id() + "' appears twice");
      }
    }
    return new ExchangeCatalog(map);
  }

  /**
   * The file's shape. {@code review} is the section {@code cexsafe catalog discover} writes for the
   * person who reviews its proposals; it is read past, so that a reviewed file loads as it is.
   */
  private record CatalogFile(
      @JsonProperty("exchanges") List<Exchange> exchanges,
      @JsonProperty("review") com.fasterxml.jackson.databind.JsonNode review) {}
}
