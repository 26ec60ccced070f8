package io.cexsafe.cli;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.identity.IdentityMatch;
import io.cexsafe.identity.LookupFailure;
import io.cexsafe.identity.Resolution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns resolutions into catalogue proposals against the catalogue in use: a new entry, identifier
 * updates to an existing one, or nothing. An identifier that another entry already claims, or that
 * contradicts the entry's own, is never merged: it is listed as a conflict for review.
 */
final class CatalogProposals {
  /** What a name led to. */
  enum Action {
    NEW_ENTRY,
    UPDATE,
    NO_CHANGE,
    NOT_FOUND;

    String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** One name's proposal: the entry to write (or null) and what the reviewer must see. */
  record Proposal(
      Resolution resolution,
      Action action,
      Exchange entry,
      List<Map<String, Object>> conflicts,
      String note) {}

  private final ExchangeCatalog catalog;
  private final Map<String, Exchange> proposed = new LinkedHashMap<>();
  private final List<Proposal> proposals = new ArrayList<>();

  CatalogProposals(ExchangeCatalog catalog) {
    this.catalog = catalog;
  }

  /** The entries to write: new ones and updated ones, in the order the names came. */
  List<Exchange> entries() {
    return List.copyOf(proposed.values());
  }

  List<Proposal> proposals() {
    return List.copyOf(proposals);
  }

  /** Adds one name's resolution. */
  Proposal add(Resolution resolution) {
    List<ExchangeIdentifier> found = resolution.identifiers();
    Optional<Exchange> existing = existing(resolution, found);
    List<Map<String, Object>> conflicts = new ArrayList<>();
    Proposal proposal;
    if (existing.isPresent()) {
      Exchange current = proposed.getOrDefault(existing.get().id(), existing.get());
      List<ExchangeIdentifier> added = new ArrayList<>();
      for (ExchangeIdentifier identifier : found) {
        if (current.identifiers(identifier.scheme()).stream()
            .anyMatch(i -> i.value().equalsIgnoreCase(identifier.value()))) {
          continue; // already known
        }
        Optional<Exchange> owner = owner(identifier, current.id());
        if (owner.isPresent()) {
          conflicts.add(claimed(identifier, owner.get()));
        } else if (!current.identifiers(identifier.scheme()).isEmpty()) {
          conflicts.add(contradicts(identifier, current));
        } else {
          added.add(identifier);
        }
      }
      if (added.isEmpty()) {
        proposal =
            new Proposal(
                resolution,
                Action.NO_CHANGE,
                null,
                conflicts,
                "in the catalogue as " + current.id() + "; nothing new to add");
      } else {
        List<ExchangeIdentifier> identifiers = new ArrayList<>(current.identifiers());
        identifiers.addAll(added);
        Exchange updated =
            new Exchange(
                current.id(),
                current.name(),
                current.website(),
                current.aliases(),
                current.ownTokens(),
                current.entities(),
                identifiers);
        proposed.put(updated.id(), updated);
        proposal =
            new Proposal(
                resolution,
                Action.UPDATE,
                updated,
                conflicts,
                "in the catalogue as "
                    + current.id()
                    + "; "
                    + added.size()
                    + " identifier(s) to add");
      }
    } else if (!resolution.found()) {
      proposal = new Proposal(resolution, Action.NOT_FOUND, null, conflicts, notFound(resolution));
    } else {
      String id = freeId(resolution.proposedId());
      List<ExchangeIdentifier> kept = new ArrayList<>();
      for (ExchangeIdentifier identifier : found) {
        Optional<Exchange> owner = owner(identifier, id);
        if (owner.isPresent()) {
          conflicts.add(claimed(identifier, owner.get()));
        } else {
          kept.add(identifier);
        }
      }
      Exchange base = resolution.toExchange(id);
      Exchange entry =
          new Exchange(id, base.name(), null, base.aliases(), List.of(), base.entities(), kept);
      proposed.put(id, entry);
      proposal =
          new Proposal(
              resolution,
              Action.NEW_ENTRY,
              entry,
              conflicts,
              id.equals(resolution.proposedId())
                  ? "not in the catalogue; proposed as " + id
                  : "not in the catalogue; proposed as "
                      + id
                      + " ("
                      + resolution.proposedId()
                      + " is taken)");
    }
    proposals.add(proposal);
    return proposal;
  }

  /**
   * The entry the name or the identifiers found already belong to, in the catalogue or this run.
   */
  private Optional<Exchange> existing(Resolution resolution, List<ExchangeIdentifier> found) {
    Optional<Exchange> byName = catalog.find(resolution.query());
    if (byName.isPresent()) {
      return byName;
    }
    Optional<Exchange> byNameInRun =
        proposed.values().stream().filter(e -> e.isKnownAs(resolution.query())).findFirst();
    if (byNameInRun.isPresent()) {
      return byNameInRun;
    }
    // only when every identifier found points at one entry: a partial overlap is a conflict
    List<String> owners = new ArrayList<>();
    for (ExchangeIdentifier identifier : found) {
      owners.add(owner(identifier, null).map(Exchange::id).orElse(null));
    }
    if (!owners.isEmpty() && owners.stream().allMatch(o -> o != null && o.equals(owners.get(0)))) {
      return Optional.ofNullable(proposed.get(owners.get(0))).or(() -> catalog.find(owners.get(0)));
    }
    return Optional.empty();
  }

  private Optional<Exchange> owner(ExchangeIdentifier identifier, String except) {
    List<Exchange> all = new ArrayList<>(catalog.all());
    all.addAll(proposed.values());
    return all.stream()
        .filter(e -> !e.id().equals(except))
        .filter(
            e ->
                e.identifiers(identifier.scheme()).stream()
                    .anyMatch(i -> i.value().equalsIgnoreCase(identifier.value())))
        .findFirst();
  }

  /** The wanted id, or the first of {@code wanted-2}, {@code wanted-3}, ... that is free. */
  private String freeId(String wanted) {
    String id = wanted;
    for (int n = 2; taken(id); n++) {
      id = wanted + "-" + n;
    }
    return id;
  }

  private boolean taken(String id) {
    return proposed.containsKey(id) || catalog.all().stream().anyMatch(e -> e.id().equals(id));
  }

  private static Map<String, Object> claimed(ExchangeIdentifier identifier, Exchange owner) {
    Map<String, Object> conflict = new LinkedHashMap<>();
    conflict.put("scheme", identifier.scheme());
    conflict.put("value", identifier.value());
    conflict.put("problem", "already belongs to " + owner.id() + "; not merged");
    conflict.put("evidence", identifier.note());
    return conflict;
  }

  private static Map<String, Object> contradicts(ExchangeIdentifier identifier, Exchange current) {
    Map<String, Object> conflict = new LinkedHashMap<>();
    conflict.put("scheme", identifier.scheme());
    conflict.put("value", identifier.value());
    conflict.put(
        "problem",
        "the catalogue gives "
            + current.id()
            + " "
            + String.join(
                ", ",
                current.identifiers(identifier.scheme()).stream()
                    .map(ExchangeIdentifier::value)
                    .toList())
            + "; not merged");
    conflict.put("evidence", identifier.note());
    return conflict;
  }

  private static String notFound(Resolution resolution) {
    if (!resolution.ambiguous().isEmpty()) {
      return "ambiguous: " + resolution.ambiguous().size() + " entries tie; decide by hand";
    }
    List<String> failed = resolution.failures().stream().map(LookupFailure::source).toList();
    return "no source matched the name"
        + (failed.isEmpty() ? "" : " (not read: " + String.join(", ", failed) + ")");
  }

  /** A match as the review section shows it. */
  static Map<String, Object> describe(IdentityMatch match) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", match.source());
    out.put("field", match.field().field());
    out.put("value", match.field().value());
    out.put("kind", match.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    out.put("confidence", match.confidence());
    out.put("sameEntity", match.sameEntity());
    out.put("evidence", match.evidence());
    out.put("url", match.candidate().sourceUrl());
    if (match.candidate().status() != null) {
      out.put("status", match.candidate().status());
    }
    out.put(
        "identifiers",
        match.candidate().identifiers().stream().map(i -> i.scheme() + " " + i.value()).toList());
    return out;
  }
}
