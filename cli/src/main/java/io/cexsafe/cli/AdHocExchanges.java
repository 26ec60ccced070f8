package io.cexsafe.cli;

import io.cexsafe.Config;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.UnknownExchangeException;
import io.cexsafe.http.HttpSupport;
import io.cexsafe.identity.IdentityMatch;
import io.cexsafe.identity.IdentityMatcher;
import io.cexsafe.identity.LookupFailure;
import io.cexsafe.identity.Resolution;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Exchanges outside the catalogue, resolved at run time with the {@link IdentityMatcher}: a name
 * ({@code assess --name}) or a DeFiLlama slug ({@code assess <slug>}). Their identity is
 * unreviewed, which every report then says.
 */
final class AdHocExchanges implements AutoCloseable {
  /** One resolved exchange and the resolution behind it. */
  record Resolved(Exchange exchange, Resolution resolution) {}

  private final Config config;
  private final ExchangeCatalog catalog;
  private final PrintWriter err;
  private IdentityMatcher matcher;
  private HttpSupport http;

  AdHocExchanges(Config config, ExchangeCatalog catalog, PrintWriter err) {
    this.config = config;
    this.catalog = catalog;
    this.err = err;
  }

  /** The bad-input message for a name that is not in the catalogue in an offline run. */
  static String offlineMessage(String name) {
    return "'"
        + name
        + "' is not in the catalogue: resolving it needs the network (run without --offline)"
        + " or a catalogue entry (--catalog <file>)";
  }

  /**
   * Resolves a name across every source.
   *
   * @throws BadInputException when no source lists it, or it points at a catalogue entry
   * @throws SourceUnavailableException when nothing matched and some sources could not be read
   */
  Resolved byName(String name) {
    String query;
    try {
      query = IdentityMatcher.checkName(name);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--name: " + e.getMessage());
    }
    Resolution resolution = matcher().resolve(query, http());
    if (!resolution.found()) {
      throw notResolved(query, resolution);
    }
    return resolved(resolution);
  }

  /**
   * Resolves an uncatalogued id as a DeFiLlama slug: accepted only when DeFiLlama lists that slug;
   * the other sources are then asked for the name DeFiLlama gives it.
   *
   * @throws BadInputException the catalogue's unknown-exchange error when DeFiLlama has no such
   *     slug either
   */
  Resolved bySlug(String slug, UnknownExchangeException unknown) {
    if (matcher == null) {
      matcher = IdentitySources.matcher(config);
    }
    if (!matcher.sources().contains("defillama")) {
      // no DeFiLlama to ask: the catalogue's own answer is all there is
      throw unknown;
    }
    Resolution bySlug = matcher().resolve(slug, http());
    String wanted = slug.strip().toLowerCase(Locale.ROOT);
    Optional<IdentityMatch> listed =
        bySlug.accepted().stream()
            .filter(m -> m.source().equals("defillama"))
            .filter(
                m ->
                    m.candidate().identifiers().stream()
                        .anyMatch(
                            i -> i.scheme().equals("defillama.slug") && i.value().equals(wanted)))
            .findFirst();
    if (listed.isEmpty()) {
      String failed =
          bySlug.failures().stream()
              .filter(f -> f.source().equals("defillama"))
              .map(f -> "; DeFiLlama could not be read: " + f.message())
              .findFirst()
              .orElse(
                  "; DeFiLlama lists no exchange with that slug either (assess --name resolves a name)");
      throw new BadInputException(unknown.getMessage() + failed);
    }
    String listedName = listed.get().candidate().name();
    Resolution byName = matcher().resolve(listedName, http());
    boolean sameSlug =
        byName.identifiers().stream()
            .anyMatch(i -> i.scheme().equals("defillama.slug") && i.value().equals(wanted));
    return resolved(sameSlug ? byName : bySlug);
  }

  private Resolved resolved(Resolution resolution) {
    for (ExchangeIdentifier identifier : resolution.identifiers()) {
      Optional<Exchange> owner = catalog.findByIdentifier(identifier.scheme(), identifier.value());
      if (owner.isPresent()) {
        throw new BadInputException(
            "'"
                + resolution.query()
                + "' resolves to "
                + identifier.scheme()
                + " "
                + identifier.value()
                + ", which the catalogue gives to "
                + owner.get().id()
                + ": assess "
                + owner.get().id()
                + " for the reviewed entry");
      }
    }
    String id = resolution.proposedId();
    for (int n = 2; catalog.find(id).isPresent(); n++) {
      id = resolution.proposedId() + "-" + n;
    }
    Exchange exchange = resolution.toExchange(id);
    err.println(
        "cexsafe: warning: '"
            + resolution.query()
            + "' is not in the catalogue; assessing it as "
            + id
            + " with an unreviewed identity matched at run time:");
    for (IdentityMatch match : resolution.accepted()) {
      err.println("cexsafe: warning:   " + match.evidence());
    }
    for (IdentityMatch match : resolution.related()) {
      err.println("cexsafe: warning:   not merged: " + match.evidence());
    }
    for (LookupFailure failure : resolution.failures()) {
      err.println("cexsafe: warning:   not read: " + failure.source() + ": " + failure.message());
    }
    return new Resolved(exchange, resolution);
  }

  private RuntimeException notResolved(String query, Resolution resolution) {
    String searched = String.join(", ", resolution.searched());
    if (!resolution.ambiguous().isEmpty()) {
      return new BadInputException(
          "'"
              + query
              + "' is ambiguous: "
              + resolution.ambiguous().stream()
                  .map(IdentityMatch::evidence)
                  .collect(Collectors.joining("; "))
              + " (cexsafe catalog discover writes them out for review)");
    }
    if (!resolution.failures().isEmpty()) {
      return new SourceUnavailableException(
          "cannot resolve '"
              + query
              + "': no source that could be read lists it, and "
              + resolution.failures().stream()
                  .map(f -> f.source() + " (" + f.message() + ")")
                  .collect(Collectors.joining(", "))
              + " could not be read");
    }
    return new BadInputException(
        "no source lists an exchange named '"
            + query
            + "' (searched "
            + searched
            + "); check the spelling or add it to a catalogue (--catalog)");
  }

  private IdentityMatcher matcher() {
    if (matcher == null) {
      matcher = IdentitySources.matcher(config);
      if (matcher.sources().isEmpty()) {
        throw new BadInputException(
            "an exchange outside the catalogue needs an identity source, and the settings switch"
                + " off defillama, regulators and reviews");
      }
    }
    return matcher;
  }

  private HttpSupport http() {
    if (http == null) {
      http = IdentitySources.http(config);
    }
    return http;
  }

  List<String> sources() {
    return matcher().sources();
  }

  @Override
  public void close() {
    if (http != null) {
      http.close();
    }
  }
}
