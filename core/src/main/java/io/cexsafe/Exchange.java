package io.cexsafe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A centralized exchange as the catalogue describes it.
 *
 * @param id stable kebab-case id, e.g. {@code crypto-com}
 * @param name display name
 * @param website the exchange's main website, or null
 * @param aliases other names sources use for the brand (matched case-insensitively)
 * @param ownTokens symbols of tokens the exchange issues (excluded from "clean" reserves)
 * @param entities legal entities behind the brand
 * @param identifiers per-source identifiers; claims for collectors to verify
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Exchange(
    String id,
    String name,
    URI website,
    List<String> aliases,
    List<String> ownTokens,
    List<LegalEntity> entities,
    List<ExchangeIdentifier> identifiers) {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /**
   * Validates the exchange, upper-cases its own tokens and copies its lists; null lists become
   * empty.
   *
   * @param id stable kebab-case id, e.g. {@code crypto-com}
   * @param name display name
   * @param website the exchange's main website, or null
   * @param aliases other names sources use for the brand (matched case-insensitively)
   * @param ownTokens symbols of tokens the exchange issues (excluded from "clean" reserves)
   * @param entities legal entities behind the brand
   * @param identifiers per-source identifiers; claims for collectors to verify
   * @throws IllegalArgumentException when the id is not kebab-case, the name is blank or an
   *     identifier is listed twice
   */
  public Exchange {
    id = Strings.requireText(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("exchange id must be kebab-case: " + id);
    }
    name = Strings.requireText(name, "name");
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    ownTokens =
        ownTokens == null
            ? List.of()
            : ownTokens.stream().map(t -> t.trim().toUpperCase(Locale.ROOT)).toList();
    entities = entities == null ? List.of() : List.copyOf(entities);
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    Set<String> seen = new HashSet<>();
    for (ExchangeIdentifier identifier : identifiers) {
      if (!seen.add(identifier.scheme() + "=" + identifier.value())) {
        throw new IllegalArgumentException(
            "exchange "
                + id
                + " lists identifier "
                + identifier.scheme()
                + " "
                + identifier.value()
                + " twice");
      }
    }
  }

  /**
   * A minimal exchange with only an id and a name.
   *
   * @param id the kebab-case id
   * @param name the display name
   * @return the exchange
   */
  public static Exchange of(String id, String name) {
    return new Exchange(id, name, null, List.of(), List.of(), List.of(), List.of());
  }

  /**
   * The first identifier of the given scheme, if any.
   *
   * @param scheme the identifier scheme, e.g. {@code fca.frn}
   * @return its value, or empty
   */
  public Optional<String> identifier(String scheme) {
    return identifiers.stream()
        .filter(i -> i.scheme().equals(scheme))
        .map(ExchangeIdentifier::value)
        .findFirst();
  }

  /**
   * All identifiers of the given scheme, in catalogue order.
   *
   * @param scheme the identifier scheme, e.g. {@code esma.lei}
   * @return the identifiers, possibly none
   */
  public List<ExchangeIdentifier> identifiers(String scheme) {
    return identifiers.stream().filter(i -> i.scheme().equals(scheme)).toList();
  }

  /**
   * Tells whether a name designates this exchange.
   *
   * @param candidate a name the user gave
   * @return true when it is the id, name or one of the aliases, ignoring case
   */
  public boolean isKnownAs(String candidate) {
    if (candidate == null) {
      return false;
    }
    String wanted = normalise(candidate);
    return normalise(id).equals(wanted)
        || normalise(name).equals(wanted)
        || aliases.stream().anyMatch(a -> normalise(a).equals(wanted));
  }

  private static String normalise(String text) {
    return text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s._-]+", "");
  }
}
