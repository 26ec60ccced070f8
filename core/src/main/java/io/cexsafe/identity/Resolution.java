package io.cexsafe.identity;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.LegalEntity;
import io.cexsafe.Provenance;
import io.cexsafe.facts.IdentityResolution;
import io.cexsafe.identity.internal.NameForms;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the sources say about one name: every match with its evidence, and the sources that could
 * not be read.
 *
 * <p>Per source, the single best same-entity match at or above {@link #ACCEPT_AT} is accepted. When
 * two entries of one source tie for best and carry different identifiers, neither is accepted: they
 * are {@link #ambiguous()}, for a person to decide. Regional arms and partial matches are {@link
 * #related()}: shown, never merged.
 *
 * @param query the name asked for
 * @param searched the sources asked, in order
 * @param matches every match, most confident first
 * @param failures the sources that could not be read
 */
public record Resolution(
    String query,
    List<String> searched,
    List<IdentityMatch> matches,
    List<LookupFailure> failures) {
  /** The lowest confidence at which a same-entity match is merged into a proposal. */
  public static final double ACCEPT_AT = 0.8;

  private static final Comparator<IdentityMatch> ORDER =
      Comparator.comparingDouble(IdentityMatch::confidence)
          .reversed()
          .thenComparing(IdentityMatch::source)
          .thenComparing(m -> m.candidate().name());

  /**
   * Sorts the matches and copies the lists.
   *
   * @param query the name asked for
   * @param searched the sources asked, in order
   * @param matches every match, most confident first
   * @param failures the sources that could not be read
   */
  public Resolution {
    Objects.requireNonNull(query, "query");
    searched = List.copyOf(searched);
    matches = matches.stream().sorted(ORDER).toList();
    failures = List.copyOf(failures);
  }

  /** {@return the accepted matches: at most one per source, most confident first} */
  public List<IdentityMatch> accepted() {
    List<IdentityMatch> accepted = new ArrayList<>();
    for (List<IdentityMatch> top : topBySource().values()) {
      if (distinctIdentities(top) == 1) {
        accepted.add(top.get(0));
      }
    }
    return accepted.stream().sorted(ORDER).toList();
  }

  /**
   * {@return entries that tie for best at one source with different identifiers, so that none of
   * them is accepted; most confident first}
   */
  public List<IdentityMatch> ambiguous() {
    List<IdentityMatch> ambiguous = new ArrayList<>();
    for (List<IdentityMatch> top : topBySource().values()) {
      if (distinctIdentities(top) > 1) {
        ambiguous.addAll(top);
      }
    }
    return ambiguous.stream().sorted(ORDER).toList();
  }

  /** {@return regional arms and partial matches: related entities, never merged} */
  public List<IdentityMatch> related() {
    return matches.stream().filter(m -> !m.sameEntity()).toList();
  }

  /**
   * Same-entity matches that were not accepted: below {@link #ACCEPT_AT}, or beaten by a more
   * confident entry of the same source.
   *
   * @return those matches, most confident first; empty when every same-entity match was accepted or
   *     is ambiguous
   */
  public List<IdentityMatch> alternatives() {
    List<IdentityMatch> accepted = accepted();
    List<IdentityMatch> ambiguous = ambiguous();
    return matches.stream()
        .filter(IdentityMatch::sameEntity)
        .filter(m -> !accepted.contains(m) && !ambiguous.contains(m))
        .toList();
  }

  /** {@return true when at least one source's entry was accepted} */
  public boolean found() {
    return !accepted().isEmpty();
  }

  /** {@return true when every source asked was read (none failed)} */
  public boolean complete() {
    return failures.isEmpty();
  }

  /**
   * The display name a proposal takes: the accepted DeFiLlama entry's name (the list most users
   * know), else the most confident accepted entry's first name (up to a colon or dash, for app
   * titles), else the name asked for.
   *
   * @return the name to show for the proposed exchange, never empty
   */
  public String displayName() {
    List<IdentityMatch> accepted = accepted();
    return accepted.stream()
        .filter(m -> m.source().equals("defillama"))
        .findFirst()
        .or(() -> accepted.stream().findFirst())
        .map(m -> NameForms.title(m.candidate().name()))
        .orElse(query);
  }

  /** {@return a kebab-case id for a proposal, made from {@link #displayName()}} */
  public String proposedId() {
    return NameForms.slug(displayName());
  }

  /**
   * The accepted matches' identifiers, each noted as unreviewed with its evidence; the first of
   * equal scheme and value wins.
   *
   * @return the identifiers in the order of the accepted matches; empty when none was accepted
   */
  public List<ExchangeIdentifier> identifiers() {
    Map<String, ExchangeIdentifier> byKey = new LinkedHashMap<>();
    for (IdentityMatch match : accepted()) {
      for (ExchangeIdentifier identifier : match.candidate().identifiers()) {
        byKey.putIfAbsent(
            identifier.scheme() + "=" + identifier.value(),
            new ExchangeIdentifier(
                identifier.scheme(),
                identifier.value(),
                identifier.entity(),
                "unreviewed: " + match.evidence()));
      }
    }
    return List.copyOf(byKey.values());
  }

  /** {@return the legal entities the accepted matches name, without repeats, in their order} */
  public List<LegalEntity> entities() {
    Set<LegalEntity> entities = new LinkedHashSet<>();
    for (IdentityMatch match : accepted()) {
      if (match.candidate().entity() != null) {
        entities.add(match.candidate().entity());
      }
    }
    return List.copyOf(entities);
  }

  /**
   * The proposed exchange: display name, the name asked for as an alias when it differs, and the
   * accepted identifiers and entities.
   *
   * @param id the id to give it (see {@link #proposedId()})
   * @return the unreviewed exchange, ready to assess or to propose for the catalogue
   */
  public Exchange toExchange(String id) {
    String name = displayName();
    List<String> aliases = name.equals(query) ? List.of() : List.of(query);
    return new Exchange(id, name, null, aliases, List.of(), entities(), identifiers());
  }

  /**
   * The evidence that the exchange's identity was resolved at run time, not reviewed: an {@link
   * IdentityResolution} fact listing the accepted matches and the sources that failed or found
   * nothing, attributed to the collector id {@value #COLLECTOR_ID}.
   *
   * @param exchangeId the id the resolved exchange was given
   * @param retrievedAt when the sources were read
   * @return the evidence, its source the first accepted entry's absolute URL (else a {@code urn:}
   *     placeholder), classed as a third-party report
   */
  public Evidence toEvidence(String exchangeId, Instant retrievedAt) {
    List<String> unresolved = new ArrayList<>();
    for (LookupFailure failure : failures) {
      unresolved.add(failure.source() + ": " + failure.message());
    }
    List<String> matched = accepted().stream().map(IdentityMatch::source).toList();
    for (String source : searched) {
      if (!matched.contains(source)
          && failures.stream().noneMatch(f -> f.source().equals(source))) {
        unresolved.add(source + ": no entry matched");
      }
    }
    URI source =
        accepted().stream()
            .map(m -> absolute(m.candidate().sourceUrl()))
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(URI.create("urn:cexsafe:identity-resolution"));
    return Evidence.of(
        exchangeId,
        new IdentityResolution(
            query, accepted().stream().map(IdentityMatch::evidence).toList(), unresolved),
        Provenance.builder(COLLECTOR_ID)
            .source(source, "identity resolution by name across " + String.join(", ", searched))
            .observedAt(retrievedAt)
            .retrievedAt(retrievedAt)
            .evidenceClass(EvidenceClass.THIRD_PARTY_REPORT)
            .note("unreviewed: matched by name at run time, not a reviewed catalogue entry")
            .build());
  }

  /** The collector id the identity evidence is attributed to. */
  public static final String COLLECTOR_ID = "identity";

  private static URI absolute(String url) {
    try {
      URI uri = new URI(url);
      return uri.isAbsolute() ? uri : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private Map<String, List<IdentityMatch>> topBySource() {
    Map<String, List<IdentityMatch>> top = new LinkedHashMap<>();
    for (IdentityMatch match : matches) {
      if (!match.sameEntity() || match.confidence() < ACCEPT_AT) {
        continue;
      }
      List<IdentityMatch> best = top.computeIfAbsent(match.source(), s -> new ArrayList<>());
      if (best.isEmpty() || best.get(0).confidence() == match.confidence()) {
        best.add(match);
      }
    }
    return top;
  }

  private static long distinctIdentities(List<IdentityMatch> tied) {
    return tied.stream()
        .map(
            m ->
                Set.copyOf(
                    m.candidate().identifiers().stream()
                        .map(i -> i.scheme() + "=" + i.value())
                        .toList()))
        .distinct()
        .count();
  }
}
