package io.cexsafe.collectors.regulators.internal;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.LegalEntity;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.regulators.internal.EsmaRegister.Casp;
import io.cexsafe.collectors.regulators.internal.EsmaRegister.NonCompliant;
import io.cexsafe.collectors.regulators.internal.EsmaRegister.Snapshot;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import io.cexsafe.facts.RegulatoryWarning;
import io.cexsafe.facts.SearchTopic;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.spi.SharedDataset;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ESMA's interim MiCA register: authorised CASPs by LEI (with their passports to host states) and
 * the non-compliant entities list, each file downloaded once per run.
 */
public final class EsmaSource implements RegisterSource {
  public static final URI DEFAULT_BASE =
      URI.create("https://www.esma.europa.eu/sites/default/files/2024-12");
  static final String SCHEME = "esma.lei";

  /** Marks the register name of a licence that is a MiCA passport into a host state. */
  public static final String PASSPORT_MARK = "passport from ";

  private static final long MAX_BYTES = 50L * 1024 * 1024;

  private final URI base;
  private final boolean enabled;
  private final SharedDataset<Dated<Snapshot<Casp>>> casps;
  private final SharedDataset<Dated<Snapshot<NonCompliant>>> nonCompliant;

  /** A parsed file with the time the server says it last changed (or null). */
  record Dated<T>(T value, Instant lastModified) {}

  public EsmaSource(URI base, boolean enabled) {
    this.base = base;
    this.enabled = enabled;
    URI caspsUrl = Urls.join(base, "/CASPS.csv");
    URI ncaspUrl = Urls.join(base, "/NCASP.csv");
    this.casps =
        SharedDataset.of(
            "regulators:esma:" + caspsUrl,
            context ->
                context
                    .http()
                    .fetch(
                        request(caspsUrl),
                        (body, head) ->
                            new Dated<>(
                                EsmaRegister.casps(body, caspsUrl.toString()),
                                lastModified(head.header("last-modified").orElse(null)))));
    this.nonCompliant =
        SharedDataset.of(
            "regulators:esma:" + ncaspUrl,
            context ->
                context
                    .http()
                    .fetch(
                        request(ncaspUrl),
                        (body, head) ->
                            new Dated<>(
                                EsmaRegister.nonCompliant(body, ncaspUrl.toString()),
                                lastModified(head.header("last-modified").orElse(null)))));
  }

  private static FetchRequest request(URI url) {
    // GET, never HEAD: ESMA answers HEAD with Content-Length 0
    return FetchRequest.builder(url)
        .header("Accept", "text/csv, text/plain;q=0.9, */*;q=0.1")
        .maxBodyBytes(MAX_BYTES)
        .build();
  }

  @Override
  public Register register() {
    return Register.ESMA;
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public Optional<Map<String, Integer>> plannedRequests(List<Exchange> exchanges) {
    // the warning list (NCASP.csv) for every exchange, the authorisations (CASPS.csv) for those
    // with
    // an EEA claim or entity; each once per run
    int requests =
        (exchanges.isEmpty() ? 0 : 1)
            + (exchanges.stream().anyMatch(e -> !claims(e).isEmpty() || hasEeaEntity(e)) ? 1 : 0);
    return Optional.of(requests == 0 ? Map.of() : Map.of(base.getHost(), requests));
  }

  @Override
  public boolean appliesTo(Exchange exchange) {
    // every exchange is checked against the non-compliance (warning) list by name
    return true;
  }

  @Override
  public void collect(Exchange exchange, Findings out) throws SourceException {
    SourceException caspFailure = null;
    Dated<Snapshot<Casp>> file = null;
    boolean searchesCasps = !claims(exchange).isEmpty() || hasEeaEntity(exchange);
    if (searchesCasps) {
      try {
        file = out.context().shared(casps);
      } catch (SourceException e) {
        caspFailure = e;
      }
    }
    if (file != null) {
      int problemsBefore = out.problems().size();
      int found = checkCasps(exchange, file, out);
      if (found > 0 || out.problems().size() == problemsBefore) {
        out.searched(
            Register.ESMA, SearchTopic.LICENCE, found, "CASPS.csv for the exchange's EEA entities");
      }
    }
    if (caspFailure != null) {
      // the warning list is a separate file: read it even when the authorisations are unavailable
      out.problem(Register.ESMA, caspFailure);
    }
    Dated<Snapshot<NonCompliant>> warnings = out.context().shared(nonCompliant);
    int found = checkWarnings(exchange, warnings, out);
    if (found > 0 || warnings.value().complete()) {
      out.searched(
          Register.ESMA,
          SearchTopic.REGULATORY_WARNING,
          found,
          "NCASP.csv (MiCA non-compliant entities) for the exchange's names, LEIs and website");
    } else {
      out.problem(
          Register.ESMA,
          ReasonCode.MALFORMED_RESPONSE,
          "NCASP.csv names no entity of this exchange, but "
              + (warnings.value().truncated()
                  ? "the file looks truncated"
                  : warnings.value().skipped().size() + " records could not be read")
              + ", so its absence is not claimed",
          Urls.join(base, "/NCASP.csv").toString());
    }
  }

  /** LEI claims: the catalogue's esma.lei identifiers plus LEIs of its EEA entities. */
  static List<ExchangeIdentifier> claims(Exchange exchange) {
    Map<String, ExchangeIdentifier> byLei = new LinkedHashMap<>();
    for (ExchangeIdentifier id : exchange.identifiers(SCHEME)) {
      String lei = EsmaRegister.lei(id.value());
      byLei.putIfAbsent(lei == null ? id.value() : lei, id);
    }
    for (LegalEntity entity : exchange.entities()) {
      if (entity.lei() != null && Countries.EEA.contains(entity.country())) {
        byLei.putIfAbsent(
            entity.lei(), new ExchangeIdentifier(SCHEME, entity.lei(), entity.name(), null));
      }
    }
    return List.copyOf(byLei.values());
  }

  private static boolean hasEeaEntity(Exchange exchange) {
    return exchange.entities().stream().anyMatch(e -> Countries.EEA.contains(e.country()));
  }

  /** Checks the LEI claims and EEA entities; returns how many authorisations were found. */
  private int checkCasps(Exchange exchange, Dated<Snapshot<Casp>> file, Findings out) {
    Snapshot<Casp> snapshot = file.value();
    LocalDate today = out.asOfDay();
    int[] found = {0};
    URI fileUrl = Urls.join(base, "/CASPS.csv");
    List<String> matchedLeis = new ArrayList<>();
    for (ExchangeIdentifier claim : claims(exchange)) {
      String lei = EsmaRegister.lei(claim.value());
      List<Casp> rows =
          lei == null
              ? List.of()
              : snapshot.rows().stream().filter(r -> lei.equals(r.lei())).toList();
      if (rows.isEmpty()) {
        if (!snapshot.complete()) {
          out.problem(
              Register.ESMA,
              ReasonCode.MALFORMED_RESPONSE,
              "LEI "
                  + claim.value()
                  + " is not in CASPS.csv, but "
                  + (snapshot.truncated()
                      ? "the file looks truncated"
                      : snapshot.skipped().size() + " records could not be read")
                  + ", so its absence is not claimed",
              fileUrl.toString());
          continue;
        }
        out.contradiction(
            Register.ESMA,
            claim,
            "no authorised CASP has this LEI in CASPS.csv ("
                + snapshot.records()
                + " records read)",
            Register.ESMA.page(),
            file.lastModified());
        continue;
      }
      List<Casp> named =
          claim.entity() == null
              ? rows
              : rows.stream().filter(r -> Names.sameEntity(r.legalName(), claim.entity())).toList();
      if (named.isEmpty()) {
        out.contradiction(
            Register.ESMA,
            claim,
            "the LEI belongs to "
                + rows.stream().map(Casp::legalName).distinct().toList()
                + " in CASPS.csv, not "
                + claim.entity(),
            Register.ESMA.page(),
            file.lastModified());
        continue;
      }
      matchedLeis.add(lei);
      for (Casp row : named) {
        if (existedOn(row, today, out)) {
          out.guarded(
              Register.ESMA,
              "CASPS.csv record " + row.record(),
              () -> {
                emit(row, MatchBasis.IDENTIFIER, today, file, out);
                found[0]++;
              });
        }
      }
    }
    // EEA entities the catalogue gives no LEI for: by exact legal name, labelled as such
    for (LegalEntity entity : exchange.entities()) {
      if (entity.lei() != null || !Countries.EEA.contains(entity.country())) {
        continue;
      }
      for (Casp row : snapshot.rows()) {
        if (!matchedLeis.contains(row.lei())
            && Names.sameEntity(row.legalName(), entity.name())
            && existedOn(row, today, out)) {
          out.guarded(
              Register.ESMA,
              "CASPS.csv record " + row.record(),
              () -> {
                emit(row, MatchBasis.NAME, today, file, out);
                found[0]++;
              });
        }
      }
    }
    return found[0];
  }

  /**
   * In a replay of the past, false for a row authorised after the as-of day (the authorisation did
   * not exist yet) or without a date (nothing shows it existed then). In a run evaluated now, every
   * row counts and a future date is flagged in the note.
   */
  private static boolean existedOn(Casp row, LocalDate day, Findings out) {
    return !out.asOfInPast() || (row.authorisedOn() != null && !row.authorisedOn().isAfter(day));
  }

  private void emit(
      Casp row, MatchBasis basis, LocalDate today, Dated<Snapshot<Casp>> file, Findings out) {
    LicenceStatus status =
        row.activeOn(today) ? LicenceStatus.ACTIVE : LicenceStatus.REVOKED_OR_WITHDRAWN;
    String home = row.homeState() != null ? row.homeState() : "EU";
    String regulator = regulatorName(row.authority(), home);
    StringBuilder note = new StringBuilder();
    note.append("MiCA authorisation by ").append(row.authority());
    if (row.endedOn() != null) {
      note.append("; authorisation end date ").append(row.endedOn());
    }
    if (row.authorisedOn() == null) {
      note.append("; the register gives no authorisation date");
    } else if (row.authorisedOn().isAfter(today)) {
      note.append("; authorisation date ").append(row.authorisedOn()).append(" is in the future");
    }
    if (basis == MatchBasis.NAME) {
      note.append("; matched by legal name only (the catalogue gives no LEI)");
    }
    if (!row.defects().isEmpty()) {
      note.append("; register row defects: ").append(String.join(", ", row.defects()));
    }
    if (row.comments() != null && !row.comments().isBlank()) {
      note.append("; register comment: ").append(row.comments());
    }
    String register = Register.ESMA.title() + " (CASPS.csv)";
    List<String> passports = row.hostStates().stream().filter(c -> !c.equals(home)).toList();
    if (!passports.isEmpty()) {
      note.append("; passported to ").append(String.join(" ", passports));
    }
    out.add(
        Licence.builder(home, regulator, row.legalName(), status, basis)
            .register(register)
            .identifier(row.lei())
            .activities(row.services())
            .authorisedSince(row.authorisedOn())
            .registerUrl(Register.ESMA.page())
            .build(),
        out.provenance(
            Urls.join(base, "/CASPS.csv"),
            register,
            file.lastModified(),
            Register.ESMA.freshFor(),
            note.toString()));
    for (String host : passports) {
      String passportRegister =
          Register.ESMA.title() + " (CASPS.csv, " + PASSPORT_MARK + home + ")";
      out.add(
          Licence.builder(host, regulator, row.legalName(), status, basis)
              .register(passportRegister)
              .identifier(row.lei())
              .activities(row.services())
              .authorisedSince(row.authorisedOn())
              .registerUrl(Register.ESMA.page())
              .build(),
          out.provenance(
              Urls.join(base, "/CASPS.csv"),
              passportRegister,
              file.lastModified(),
              Register.ESMA.freshFor(),
              "MiCA passport: authorised in "
                  + home
                  + " by "
                  + row.authority()
                  + ", notified for services in "
                  + host));
    }
  }

  /** Matches the warning list; returns how many listings were found. */
  private int checkWarnings(Exchange exchange, Dated<Snapshot<NonCompliant>> file, Findings out)
      throws SourceException {
    int[] found = {0};
    LocalDate day = out.asOfDay();
    List<String> leis = claims(exchange).stream().map(c -> EsmaRegister.lei(c.value())).toList();
    String site = host(exchange.website() == null ? null : exchange.website().toString());
    for (NonCompliant row : file.value().rows()) {
      MatchBasis basis;
      if (row.lei() != null && leis.contains(row.lei())) {
        basis = MatchBasis.IDENTIFIER;
      } else if (exchange.isKnownAs(row.legalName())
          || (row.commercialName() != null && exchange.isKnownAs(row.commercialName()))
          || exchange.entities().stream().anyMatch(e -> Names.sameEntity(e.name(), row.legalName()))
          || (site != null && row.websites().stream().anyMatch(w -> site.equals(host(w))))) {
        basis = MatchBasis.NAME;
      } else {
        continue;
      }
      if (out.asOfInPast() && (row.decidedOn() == null || row.decidedOn().isAfter(day))) {
        // listed after as-of, or undated: not knowable then
        continue;
      }
      out.guarded(
          Register.ESMA,
          "NCASP.csv record " + row.record(),
          () -> {
            warn(row, basis, file, out);
            found[0]++;
          });
    }
    return found[0];
  }

  private void warn(
      NonCompliant row, MatchBasis basis, Dated<Snapshot<NonCompliant>> file, Findings out) {
    String country = row.homeState() != null ? row.homeState() : "EU";
    String regulator = regulatorName(row.authority(), country);
    String reason =
        row.reason() != null
            ? row.reason()
            : "listed by "
                + row.authority()
                + " as providing crypto-asset services without MiCA authorisation";
    URI url = uriOrNull(row.warningUrl());
    String register = Register.ESMA.title() + " (NCASP.csv, non-compliant entities)";
    String note =
        "MiCA Art. 110 non-compliant entities list"
            + (basis == MatchBasis.NAME
                ? "; matched by name or website, not by an identifier"
                : "; matched by LEI");
    // both facts are built before either is added: a row that cannot be represented adds neither
    RegulatoryWarning warning =
        new RegulatoryWarning(
            country, regulator, row.legalName(), reason, row.decidedOn(), url, false);
    Licence listing =
        Licence.builder(country, regulator, row.legalName(), LicenceStatus.WARNED, basis)
            .register(register)
            .identifier(row.lei())
            .registerUrl(url != null ? url : Register.ESMA.page())
            .build();
    var provenance =
        out.provenance(
            Urls.join(base, "/NCASP.csv"),
            register,
            file.lastModified(),
            Register.ESMA.freshFor(),
            note);
    out.add(warning, provenance);
    out.add(listing, provenance);
  }

  /** The abbreviation in brackets ({@code MFSA}) or the authority's name. */
  static String regulatorName(String authority, String country) {
    var m = java.util.regex.Pattern.compile("\\(([^)]+)\\)\\s*$").matcher(authority);
    if (m.find()) {
      return m.group(1).trim();
    }
    return authority.isBlank() ? "competent authority of " + country : authority;
  }

  static String host(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String text = url.trim().toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+[:.]//", "");
    int slash = text.indexOf('/');
    if (slash >= 0) {
      text = text.substring(0, slash);
    }
    return text.startsWith("www.") ? text.substring(4) : text;
  }

  private static URI uriOrNull(String text) {
    if (text == null) {
      return null;
    }
    try {
      URI uri = URI.create(text.replaceAll("[).,;]+$", ""));
      return uri.isAbsolute() ? uri : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Instant lastModified(String header) {
    if (header == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
