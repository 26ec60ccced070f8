package io.cexsafe.collectors.regulators.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.LegalEntity;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.HttpFetcher;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * AUSTRAC's virtual asset service provider register (VASPR): an unauthenticated JSON search, asked
 * by ABN. Zero results from a well-formed answer means not registered.
 */
public final class AustracSource implements RegisterSource {
  public static final URI DEFAULT_BASE = URI.create("https://online.apps.austrac.gov.au/vaspr");
  static final String SCHEME = "austrac.abn";
  static final String ACTIVITY =
      "virtual asset service provider registration (AML/CTF registration, not a licence)";
  private static final int PAGE_SIZE = 20;
  private static final int MAX_PAGES = 5;

  private final URI base;
  private final boolean enabled;

  public AustracSource(URI base, boolean enabled) {
    this.base = base;
    this.enabled = enabled;
  }

  @Override
  public Register register() {
    return Register.AUSTRAC;
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public Optional<Map<String, Integer>> plannedRequests(List<Exchange> exchanges) {
    // one search (its first page) per claimed ABN and per Australian entity without one
    int requests =
        exchanges.stream()
            .mapToInt(e -> e.identifiers(SCHEME).size() + unclaimedAuEntities(e).size())
            .sum();
    return Optional.of(requests == 0 ? Map.of() : Map.of(base.getHost(), requests));
  }

  @Override
  public boolean appliesTo(Exchange exchange) {
    return !exchange.identifiers(SCHEME).isEmpty() || !unclaimedAuEntities(exchange).isEmpty();
  }

  private static List<LegalEntity> unclaimedAuEntities(Exchange exchange) {
    return exchange.entities().stream()
        .filter(e -> e.country().equals("AU"))
        .filter(
            e ->
                exchange.identifiers(SCHEME).stream()
                    .noneMatch(
                        id -> id.entity() != null && Names.sameEntity(id.entity(), e.name())))
        .toList();
  }

  /** One register record. */
  record Record(String legalName, String abn, String status) {}

  @Override
  public void collect(Exchange exchange, Findings out) throws SourceException {
    HttpFetcher http = out.context().http();
    for (ExchangeIdentifier claim : exchange.identifiers(SCHEME)) {
      String abn = claim.value().replaceAll("\\D", "");
      if (abn.length() != 11) {
        out.problem(
            Register.AUSTRAC,
            ReasonCode.INVALID_DATA,
            "catalogue ABN '" + claim.value() + "' does not have 11 digits; not sent",
            null);
        continue;
      }
      List<Record> records = search(http, abn, r -> digits(r.abn()).equals(abn));
      Record hit =
          records.stream().filter(r -> digits(r.abn()).equals(abn)).findFirst().orElse(null);
      URI page = Register.AUSTRAC.page();
      if (hit == null) {
        out.contradiction(
            Register.AUSTRAC,
            claim,
            "the register's search for ABN " + abn + " returns no provider with that ABN",
            page,
            null);
        continue;
      }
      if (claim.entity() != null && !Names.sameEntity(hit.legalName(), claim.entity())) {
        out.contradiction(
            Register.AUSTRAC,
            claim,
            "ABN " + abn + " belongs to " + hit.legalName() + ", not " + claim.entity(),
            page,
            null);
        continue;
      }
      out.guarded(Register.AUSTRAC, "ABN " + abn, () -> emit(hit, abn, MatchBasis.IDENTIFIER, out));
    }
    for (LegalEntity entity : unclaimedAuEntities(exchange)) {
      for (Record r :
          search(http, entity.name(), x -> Names.sameEntity(x.legalName(), entity.name()))) {
        if (Names.sameEntity(r.legalName(), entity.name())) {
          out.guarded(
              Register.AUSTRAC,
              "record " + r.legalName(),
              () -> emit(r, digits(r.abn()), MatchBasis.NAME, out));
        }
      }
    }
  }

  private void emit(Record record, String abn, MatchBasis basis, Findings out) {
    LicenceStatus status = status(record.status());
    if (status == null) {
      out.problem(
          Register.AUSTRAC,
          ReasonCode.INVALID_DATA,
          "ABN " + abn + " has a status not understood: '" + record.status() + "'",
          null);
      return;
    }
    String note =
        "listed on the VASP register (AML/CTF registration; the register gives no date)"
            + (record.status().isEmpty() ? "" : "; status '" + record.status() + "'")
            + (basis == MatchBasis.NAME
                ? "; matched by legal name only (no ABN in the catalogue)"
                : "");
    out.add(
        Licence.builder("AU", "AUSTRAC", record.legalName(), status, basis)
            .register(Register.AUSTRAC.title())
            .identifier(abn.isEmpty() ? null : abn)
            .activities(List.of(ACTIVITY))
            .registerUrl(Register.AUSTRAC.page())
            .build(),
        out.provenance(
            Register.AUSTRAC.page(),
            Register.AUSTRAC.title(),
            null,
            Register.AUSTRAC.freshFor(),
            note));
  }

  static LicenceStatus status(String raw) {
    String s = raw.toLowerCase(Locale.ROOT);
    if (s.isEmpty() || s.equals("registered") || s.equals("active") || s.equals("current")) {
      return LicenceStatus.ACTIVE;
    }
    if (s.contains("suspend")
        || s.contains("cancel")
        || s.contains("revok")
        || s.contains("refus")) {
      return LicenceStatus.REVOKED_OR_WITHDRAWN;
    }
    if (s.contains("expired") || s.contains("lapsed")) {
      return LicenceStatus.LAPSED;
    }
    return null;
  }

  /** Pages through the search until {@code enough} matches a record or the results end. */
  private List<Record> search(
      HttpFetcher http, String term, java.util.function.Predicate<Record> enough)
      throws SourceException {
    List<Record> out = new ArrayList<>();
    for (int page = 0; page < MAX_PAGES; page++) {
      URI url =
          Urls.join(
              base,
              "/remitters/?searchTerm="
                  + Urls.encode(term)
                  + "&page="
                  + page
                  + "&orderBy=legalName&pageSize="
                  + PAGE_SIZE
                  + "&direction=1&vasprSearch=true");
      JsonNode root =
          JsonPayload.object(
              http.fetch(
                  FetchRequest.builder(url)
                      .header("Accept", "application/json, text/plain, */*")
                      .build()),
              url.toString());
      JsonNode content = root.get("content");
      JsonNode data = content == null ? null : content.get("data");
      if (content == null || !content.isObject() || data == null || !data.isArray()) {
        throw Payloads.malformed(url.toString(), "no content.data array in the register's answer");
      }
      int total = content.path("totalCount").asInt(-1);
      for (JsonNode item : data) {
        String name = JsonPayload.text(item, "legalName");
        if (name.isEmpty()) {
          throw Payloads.malformed(url.toString(), "a register record without legalName");
        }
        String status = JsonPayload.text(item, "status");
        if (status.isEmpty()) {
          status = JsonPayload.text(item, "registrationStatus");
        }
        out.add(new Record(name, JsonPayload.text(item, "abn"), status));
      }
      boolean more = total > (page + 1) * PAGE_SIZE && data.size() == PAGE_SIZE;
      if (!more || out.stream().anyMatch(enough)) {
        break;
      }
    }
    return out;
  }

  private static String digits(String text) {
    return text.replaceAll("\\D", "");
  }
}
