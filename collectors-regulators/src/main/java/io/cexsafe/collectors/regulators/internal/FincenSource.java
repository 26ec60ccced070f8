package io.cexsafe.collectors.regulators.internal;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.LegalEntity;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.spi.SharedDataset;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * FinCEN's MSB registrant list, from the bulk export. Listed means currently registered; the export
 * carries no registration or record numbers, so a {@code fincen.record} claim is checked by the
 * legal name of its entity (and the address is reported for a human to confirm). Every fact from
 * this source is labelled {@link MatchBasis#NAME}.
 */
public final class FincenSource implements RegisterSource {
  public static final URI DEFAULT_BASE = URI.create("https://msb.fincen.gov");
  static final String SCHEME = "fincen.record";
  private static final long MAX_BYTES = 200L * 1024 * 1024;

  private final URI base;
  private final boolean enabled;

  public FincenSource(URI base, boolean enabled) {
    this.base = base;
    this.enabled = enabled;
  }

  @Override
  public Register register() {
    return Register.FINCEN;
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public Optional<Map<String, Integer>> plannedRequests(List<Exchange> exchanges) {
    // the MSB export, read once per run
    int requests = exchanges.stream().anyMatch(this::appliesTo) ? 1 : 0;
    return Optional.of(requests == 0 ? Map.of() : Map.of(base.getHost(), requests));
  }

  @Override
  public boolean appliesTo(Exchange exchange) {
    return !exchange.identifiers(SCHEME).isEmpty() || !usEntities(exchange).isEmpty();
  }

  private static List<LegalEntity> usEntities(Exchange exchange) {
    return exchange.entities().stream().filter(e -> e.country().equals("US")).toList();
  }

  /** Names worth keeping from the export: claimed entities and US entities of every exchange. */
  static Set<String> wantedNames(ExchangeCatalog catalog, Exchange current) {
    Set<String> wanted = new TreeSet<>();
    List<Exchange> exchanges = new ArrayList<>(catalog.all());
    exchanges.add(current);
    for (Exchange exchange : exchanges) {
      for (ExchangeIdentifier id : exchange.identifiers(SCHEME)) {
        if (id.entity() != null) {
          wanted.add(Names.core(id.entity()));
        }
      }
      for (LegalEntity entity : usEntities(exchange)) {
        wanted.add(Names.core(entity.name()));
      }
    }
    wanted.remove("");
    return wanted;
  }

  @Override
  public void collect(Exchange exchange, Findings out) throws SourceException {
    Set<String> wanted = wantedNames(out.context().catalog(), exchange);
    URI url = Urls.join(base, "/retrieve.msb.list.php");
    SharedDataset<MsbList.Result> dataset =
        SharedDataset.of(
            "regulators:fincen:" + url + ":" + wanted.hashCode(),
            context ->
                context
                    .http()
                    .fetch(
                        FetchRequest.builder(url)
                            .post("application/x-www-form-urlencoded", "site=AA")
                            .header("Accept", "text/tab-separated-values, text/plain, */*")
                            .maxBodyBytes(MAX_BYTES)
                            .build(),
                        (body, head) -> MsbList.read(body, url.toString(), wanted)));
    MsbList.Result list = out.context().shared(dataset);
    List<String> checked = new ArrayList<>();
    for (ExchangeIdentifier claim : exchange.identifiers(SCHEME)) {
      if (claim.entity() == null) {
        out.problem(
            Register.FINCEN,
            ReasonCode.INVALID_DATA,
            "fincen.record "
                + claim.value()
                + " names no entity; the MSB export has no record numbers, so it cannot be checked",
            null);
        continue;
      }
      checked.add(Names.core(claim.entity()));
      List<MsbList.Registrant> found =
          list.byName().getOrDefault(Names.core(claim.entity()), List.of());
      if (found.isEmpty()) {
        out.add(
            Licence.builder(
                    "US", "FinCEN", claim.entity(), LicenceStatus.NOT_FOUND, MatchBasis.NAME)
                .register(Register.FINCEN.title())
                .identifier(claim.value())
                .registerUrl(Register.FINCEN.page())
                .build(),
            out.provenance(
                Register.FINCEN.page(),
                Register.FINCEN.title(),
                null,
                Register.FINCEN.freshFor(),
                Findings.CONTRADICTION
                    + "fincen.record "
                    + claim.value()
                    + ": no registrant named "
                    + claim.entity()
                    + " among "
                    + list.registrants()
                    + " in the MSB export (checked by name: the export has no record numbers)"));
        continue;
      }
      out.guarded(
          Register.FINCEN,
          "registrant " + claim.entity(),
          () -> emit(claim.entity(), claim.value(), found, out));
    }
    for (LegalEntity entity : usEntities(exchange)) {
      String key = Names.core(entity.name());
      if (checked.contains(key)) {
        continue;
      }
      List<MsbList.Registrant> found = list.byName().getOrDefault(key, List.of());
      if (!found.isEmpty()) {
        out.guarded(
            Register.FINCEN,
            "registrant " + entity.name(),
            () -> emit(entity.name(), null, found, out));
      }
    }
  }

  private void emit(String entity, String record, List<MsbList.Registrant> found, Findings out) {
    MsbList.Registrant first = found.get(0);
    StringBuilder note =
        new StringBuilder("matched by legal name only: the MSB export has no registration numbers");
    if (record != null) {
      note.append("; the catalogue's record ").append(record).append(" could not be compared");
    }
    if (found.size() == 1) {
      note.append("; address ").append(first.address());
    } else {
      note.append("; ")
          .append(found.size())
          .append(" registrants share this name, at: ")
          .append(String.join(" | ", found.stream().map(MsbList.Registrant::address).toList()))
          .append(" (check which is the exchange's; shells register under famous names)");
    }
    if (first.receivedDate() != null) {
      note.append("; latest filing received ").append(first.receivedDate());
    }
    out.add(
        Licence.builder("US", "FinCEN", first.legalName(), LicenceStatus.ACTIVE, MatchBasis.NAME)
            .register(Register.FINCEN.title() + " (MSB registration, AML only)")
            .activities(MsbList.activities(first.activities()))
            .registerUrl(Register.FINCEN.page())
            .build(),
        out.provenance(
            Register.FINCEN.page(),
            Register.FINCEN.title(),
            null,
            Register.FINCEN.freshFor(),
            note.toString()));
  }
}
