package io.cexsafe.collectors.regulators.internal;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.LegalEntity;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.spi.SharedDataset;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FINTRAC's MSB registry, from its bulk CSV: registration number, status, names and the expiry
 * date, which is evaluated separately from the status (the registry has shown "Registered" past
 * expiry).
 */
public final class FintracSource implements RegisterSource {
  public static final URI DEFAULT_BASE = URI.create("https://fintrac-canafe.canada.ca/msb-esm");
  static final String SCHEME = "fintrac.msb";
  static final String NUMBER = "MSB Registration Number";
  static final String STATUS = "MSB Registration Status";
  static final String NAMES = "Organization Names (Legal and Operating)";
  static final String INITIAL = "Date Initial MSB Registration Approval";
  static final String EXPIRY = "MSB Registration Expiry Date";
  static final String ACTIVITIES = "MSB Activities";
  private static final Pattern LEGAL =
      Pattern.compile(
          "Legal Name\\s*:\\s*(.+?)(?:\\s*[,;]\\s*Operating Names?\\s*:.*)?$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final long MAX_BYTES = 100L * 1024 * 1024;

  private final URI base;
  private final boolean enabled;
  private final SharedDataset<Registry> registry;

  /** One registration. */
  public record Registration(
      String number,
      String status,
      String legalName,
      String names,
      LocalDate initialApproval,
      LocalDate expiry,
      String activities) {}

  /** The registry by normalised number, plus rows that could not be read. */
  public record Registry(Map<String, Registration> byNumber, long rows, List<String> skipped) {}

  public FintracSource(URI base, boolean enabled) {
    this.base = base;
    this.enabled = enabled;
    URI url = Urls.join(base, "/reg-eng.csv");
    this.registry =
        SharedDataset.of(
            "regulators:fintrac:" + url,
            context ->
                context
                    .http()
                    .fetch(
                        FetchRequest.builder(url)
                            .header("Accept", "text/csv, */*;q=0.1")
                            .maxBodyBytes(MAX_BYTES)
                            .build(),
                        (body, head) -> read(body, url.toString())));
  }

  /** Parses the registry CSV. */
  public static Registry read(InputStream in, String source) throws IOException, SourceException {
    Map<String, Registration> byNumber = new HashMap<>();
    List<String> skipped = new ArrayList<>();
    Table.Shape shape =
        Table.read(
            in,
            ',',
            source,
            List.of(NUMBER, STATUS),
            row -> {
              String number = normalise(row.get(NUMBER));
              if (number.isEmpty()) {
                skipped.add("record " + row.number() + ": no registration number");
                return;
              }
              String names = row.get(NAMES);
              Matcher m = LEGAL.matcher(names);
              String legal = m.find() ? m.group(1).trim() : names;
              if (legal.isBlank()) {
                skipped.add("record " + row.number() + " (" + number + "): no organisation name");
                return;
              }
              LocalDate initial;
              LocalDate expiry;
              try {
                initial = Dates.dayFirst(row.get(INITIAL));
                expiry = Dates.dayFirst(row.get(EXPIRY));
              } catch (IllegalArgumentException e) {
                skipped.add("record " + row.number() + " (" + number + "): " + e.getMessage());
                return;
              }
              byNumber.put(
                  number,
                  new Registration(
                      number, row.get(STATUS), legal, names, initial, expiry, row.get(ACTIVITIES)));
            });
    if (byNumber.isEmpty()) {
      throw Payloads.malformed(source, "the MSB registry file has no registrations");
    }
    return new Registry(byNumber, shape.records(), skipped);
  }

  static String normalise(String number) {
    return number.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  @Override
  public Register register() {
    return Register.FINTRAC;
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public Optional<Map<String, Integer>> plannedRequests(List<Exchange> exchanges) {
    // the registry CSV, read once per run
    int requests = exchanges.stream().anyMatch(this::appliesTo) ? 1 : 0;
    return Optional.of(requests == 0 ? Map.of() : Map.of(base.getHost(), requests));
  }

  @Override
  public boolean appliesTo(Exchange exchange) {
    return !exchange.identifiers(SCHEME).isEmpty()
        || exchange.entities().stream().anyMatch(e -> e.country().equals("CA"));
  }

  @Override
  public void collect(Exchange exchange, Findings out) throws SourceException {
    Registry reg = out.context().shared(registry);
    LocalDate today = out.context().asOf().atZone(ZoneOffset.UTC).toLocalDate();
    List<String> matched = new ArrayList<>();
    for (ExchangeIdentifier claim : exchange.identifiers(SCHEME)) {
      String number = normalise(claim.value());
      Registration r = reg.byNumber().get(number);
      if (r == null) {
        if (!reg.skipped().isEmpty()) {
          out.problem(
              Register.FINTRAC,
              ReasonCode.MALFORMED_RESPONSE,
              "MSB "
                  + number
                  + " is not in the registry file, but "
                  + reg.skipped().size()
                  + " rows could not be read, so its absence is not claimed",
              Urls.join(base, "/reg-eng.csv").toString());
          continue;
        }
        out.contradiction(
            Register.FINTRAC,
            claim,
            "no registration "
                + number
                + " among "
                + reg.byNumber().size()
                + " in the registry file",
            Register.FINTRAC.page(),
            null);
        continue;
      }
      if (claim.entity() != null
          && !Names.sameEntity(r.legalName(), claim.entity())
          && !r.names()
              .toLowerCase(Locale.ROOT)
              .contains(claim.entity().toLowerCase(Locale.ROOT))) {
        out.contradiction(
            Register.FINTRAC,
            claim,
            "registration " + number + " belongs to " + r.legalName() + ", not " + claim.entity(),
            Register.FINTRAC.page(),
            null);
        continue;
      }
      matched.add(number);
      out.guarded(
          Register.FINTRAC,
          "registration " + r.number(),
          () -> emit(r, MatchBasis.IDENTIFIER, today, out));
    }
    for (LegalEntity entity : exchange.entities()) {
      if (!entity.country().equals("CA")) {
        continue;
      }
      for (Registration r : reg.byNumber().values()) {
        if (!matched.contains(r.number()) && Names.sameEntity(r.legalName(), entity.name())) {
          matched.add(r.number());
          out.guarded(
              Register.FINTRAC,
              "registration " + r.number(),
              () -> emit(r, MatchBasis.NAME, today, out));
        }
      }
    }
  }

  private void emit(Registration r, MatchBasis basis, LocalDate today, Findings out) {
    String raw = r.status().toLowerCase(Locale.ROOT);
    LicenceStatus status;
    StringBuilder note = new StringBuilder("registry status '").append(r.status()).append("'");
    if (r.expiry() != null) {
      note.append("; expires ").append(r.expiry());
    }
    if (raw.equals("registered") || raw.equals("active")) {
      if (r.expiry() != null && r.expiry().isBefore(today)) {
        status = LicenceStatus.LAPSED;
        note.append(
            "; contradiction: the registry still says Registered but the expiry date has passed");
      } else {
        status = LicenceStatus.ACTIVE;
      }
    } else if (raw.contains("expired")) {
      status = LicenceStatus.LAPSED;
    } else if (raw.contains("revoked")
        || raw.contains("cancel")
        || raw.contains("suspend")
        || raw.contains("denied")
        || raw.contains("withdraw")) {
      status = LicenceStatus.REVOKED_OR_WITHDRAWN;
    } else {
      out.problem(
          Register.FINTRAC,
          ReasonCode.INVALID_DATA,
          "registration " + r.number() + " has a status not understood: '" + r.status() + "'",
          null);
      return;
    }
    if (basis == MatchBasis.NAME) {
      note.append("; matched by legal name only (no MSB number in the catalogue)");
    }
    List<String> activities =
        new ArrayList<>(List.of("money services business registration (AML only)"));
    if (!r.activities().isEmpty()) {
      activities.add(r.activities());
    }
    out.add(
        Licence.builder("CA", "FINTRAC", r.legalName(), status, basis)
            .register(Register.FINTRAC.title())
            .identifier(r.number())
            .activities(activities)
            .authorisedSince(r.initialApproval())
            .registerUrl(Register.FINTRAC.page())
            .build(),
        out.provenance(
            Register.FINTRAC.page(),
            Register.FINTRAC.title(),
            null,
            Register.FINTRAC.freshFor(),
            note.toString()));
  }
}
