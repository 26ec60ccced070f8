package io.cexsafe.collectors.regulators.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.LegalEntity;
import io.cexsafe.ReasonCode;
import io.cexsafe.Secret;
import io.cexsafe.SourceException;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import io.cexsafe.facts.RegulatoryWarning;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The UK FCA Financial Services Register API (V0.1): firm details, names, permissions and address
 * by FRN, and name search for entities the catalogue gives no FRN for. This class decides what a
 * firm's record says about an exchange's claims; {@link FcaApi} speaks to the register (envelope,
 * paging, failures) and {@link FcaStatuses} reads its status wording.
 */
public final class FcaSource implements RegisterSource {
  public static final URI DEFAULT_BASE = URI.create("https://register.fca.org.uk/services/V0.1");
  public static final String DEFAULT_HOST = "register.fca.org.uk";
  static final String SCHEME = "fca.frn";
  static final String MLR_ACTIVITY =
      "cryptoasset business registered under the Money Laundering Regulations"
          + " (AML supervision only, not a licence)";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm", Locale.ROOT);

  /** Calls per claimed FRN that the register knows: firm, names, permissions, address. */
  static final int REQUESTS_PER_FRN = 4;

  /** Calls per UK entity searched by name: the search and the details of its best row. */
  static final int REQUESTS_PER_NAME_SEARCH = 2;

  private final URI base;
  private final boolean enabled;
  private final Secret email;
  private final Secret key;

  public FcaSource(URI base, boolean enabled, Optional<Secret> email, Optional<Secret> key) {
    this.base = base;
    this.enabled = enabled;
    this.email = email.orElse(null);
    this.key = key.orElse(null);
  }

  @Override
  public Register register() {
    return Register.FCA;
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public Optional<Map<String, Integer>> plannedRequests(List<Exchange> exchanges) {
    // per claimed FRN: the firm, its names, permissions and address; per UK entity without an FRN:
    // a
    // name search and the details of its best row. Without credentials nothing is sent.
    int requests =
        missingCredentials().isPresent()
            ? 0
            : exchanges.stream()
                .mapToInt(
                    e ->
                        REQUESTS_PER_FRN * e.identifiers(SCHEME).size()
                            + REQUESTS_PER_NAME_SEARCH * unclaimedUkEntities(e).size())
                .sum();
    return Optional.of(requests == 0 ? Map.of() : Map.of(base.getHost(), requests));
  }

  @Override
  public boolean appliesTo(Exchange exchange) {
    return !exchange.identifiers(SCHEME).isEmpty() || !unclaimedUkEntities(exchange).isEmpty();
  }

  @Override
  public Optional<String> missingCredentials() {
    if (key == null || email == null) {
      return Optional.of(
          "the FCA register API needs regulators.fca.api-key and regulators.fca.email"
              + " (free sign-up at register.fca.org.uk/Developer)");
    }
    return Optional.empty();
  }

  @Override
  public void collect(Exchange exchange, Findings out) throws SourceException {
    FcaApi api = new FcaApi(base, email, key, out.context().http());
    for (ExchangeIdentifier claim : exchange.identifiers(SCHEME)) {
      try {
        checkFrn(api, claim, out);
      } catch (SourceException e) {
        out.problem(Register.FCA, e);
        if (stopsSource(e)) {
          return;
        }
      }
    }
    for (LegalEntity entity : unclaimedUkEntities(exchange)) {
      try {
        searchByName(api, entity, out);
      } catch (SourceException e) {
        out.problem(Register.FCA, e);
        if (stopsSource(e)) {
          return;
        }
      }
    }
  }

  /** Failures that the next FRN would meet too: rejected credentials, blocking, rate limits. */
  private static boolean stopsSource(SourceException e) {
    return e.reason() != ReasonCode.INVALID_DATA && e.reason() != ReasonCode.MALFORMED_RESPONSE;
  }

  private List<LegalEntity> unclaimedUkEntities(Exchange exchange) {
    List<LegalEntity> out = new ArrayList<>();
    for (LegalEntity entity : exchange.entities()) {
      if (!entity.country().equals("GB")) {
        continue;
      }
      boolean claimed =
          exchange.identifiers(SCHEME).stream()
              .anyMatch(id -> id.entity() != null && Names.sameEntity(id.entity(), entity.name()));
      if (!claimed) {
        out.add(entity);
      }
    }
    return out;
  }

  private void checkFrn(FcaApi api, ExchangeIdentifier claim, Findings out) throws SourceException {
    String frn = claim.value().trim();
    if (!frn.matches("\\d{4,8}")) {
      out.problem(
          Register.FCA,
          ReasonCode.INVALID_DATA,
          "catalogue FRN '" + frn + "' is not a number; not sent to the register",
          null);
      return;
    }
    FcaApi.Envelope details = api.firm(frn);
    URI page = publicPage(frn);
    if (details.notFound()) {
      String alternative = alternativeFrn(api, claim, frn, out);
      out.contradiction(
          Register.FCA,
          claim,
          "the register has no firm with FRN "
              + frn
              + " ("
              + details.status()
              + " \""
              + details.message()
              + "\")"
              + alternative,
          page,
          null);
      return;
    }
    JsonNode firm = api.firmRecord(details, frn);
    String name = JsonPayload.text(firm, "Organisation Name");
    if (name.isEmpty()) {
      throw Payloads.malformed(
          api.url("/Firm/" + frn), "firm details without an Organisation Name");
    }
    Instant observed = timestamp(JsonPayload.text(firm, "System Timestamp"));
    List<String> knownNames = new ArrayList<>(List.of(name));
    knownNames.addAll(api.names(frn));
    if (claim.entity() != null
        && knownNames.stream().noneMatch(n -> Names.sameEntity(n, claim.entity()))) {
      String ch = JsonPayload.text(firm, "Companies House Number");
      out.contradiction(
          Register.FCA,
          claim,
          "FRN "
              + frn
              + " belongs to "
              + name
              + (ch.isEmpty() ? "" : " (Companies House " + ch + ")")
              + ", not "
              + claim.entity()
              + alternativeFrn(api, claim, frn, out),
          page,
          observed);
      return;
    }
    emitFirm(api, frn, firm, MatchBasis.IDENTIFIER, null, out);
  }

  /** Where a claim failed, a name search may show the entity's real FRN; "" when not. */
  private String alternativeFrn(FcaApi api, ExchangeIdentifier claim, String frn, Findings out) {
    if (claim.entity() == null) {
      return "";
    }
    try {
      Set<String> found = new LinkedHashSet<>();
      for (FcaApi.SearchRow row : api.search(claim.entity())) {
        if (!row.reference().isEmpty()
            && !row.reference().equals(frn)
            && Names.sameEntity(row.name(), claim.entity())) {
          found.add(row.reference() + " (" + row.status() + ")");
        }
      }
      return found.isEmpty()
          ? "; a name search finds no firm called " + claim.entity()
          : "; a name search finds " + claim.entity() + " under FRN " + String.join(", ", found);
    } catch (SourceException e) {
      // the contradiction stands; only the hint at the right FRN is missing, and that is said
      out.problem(
          Register.FCA,
          e.reason(),
          "name search for "
              + claim.entity()
              + " (to find its FRN after FRN "
              + frn
              + " did not match) failed: "
              + e.getMessage(),
          e.source());
      return "; a name search for " + claim.entity() + " could not be run";
    }
  }

  private void emitFirm(
      FcaApi api, String frn, JsonNode firm, MatchBasis basis, String matchNote, Findings out)
      throws SourceException {
    String name = JsonPayload.text(firm, "Organisation Name");
    String rawStatus = JsonPayload.text(firm, "Status");
    LicenceStatus status = FcaStatuses.status(rawStatus).orElse(null);
    if (status == null) {
      out.problem(
          Register.FCA,
          ReasonCode.INVALID_DATA,
          "FRN " + frn + " has a register status not understood: '" + rawStatus + "'",
          api.url("/Firm/" + frn));
      return;
    }
    String mlr = JsonPayload.text(firm, "MLRs Status");
    boolean mlrRegistered = FcaStatuses.mlrRegistered(rawStatus, mlr);
    List<String> activities = new ArrayList<>();
    if (mlrRegistered) {
      activities.add(MLR_ACTIVITY);
    }
    if (rawStatus.toLowerCase(Locale.ROOT).contains("appointed representative")) {
      activities.add("appointed representative of an authorised firm");
    }
    activities.addAll(api.permissions(frn));
    LocalDate since =
        mlrRegistered && !JsonPayload.text(firm, "MLRs Status Effective Date").isEmpty()
            ? Dates.dayFirstOrNull(JsonPayload.text(firm, "MLRs Status Effective Date"))
            : Dates.dayFirstOrNull(JsonPayload.text(firm, "Status Effective Date"));
    StringBuilder note = new StringBuilder("register status '").append(rawStatus).append("'");
    String subStatus = JsonPayload.text(firm, "Sub-Status");
    if (!subStatus.isEmpty()) {
      note.append("; sub-status '").append(subStatus).append("'");
    }
    if (!mlr.isEmpty()) {
      note.append("; MLRs status '").append(mlr).append("'");
    }
    String psd = JsonPayload.text(firm, "PSD / EMD Status");
    if (!psd.isEmpty()) {
      note.append("; PSD/EMD status '").append(psd).append("'");
    }
    String ch = JsonPayload.text(firm, "Companies House Number");
    if (!ch.isEmpty()) {
      note.append("; Companies House ").append(ch);
    }
    api.principalAddress(frn)
        .ifPresent(a -> note.append("; principal place of business ").append(a));
    if (matchNote != null) {
      note.append("; ").append(matchNote);
    }
    Instant observed = timestamp(JsonPayload.text(firm, "System Timestamp"));
    URI page = publicPage(frn);
    var provenance =
        out.provenance(
            page, Register.FCA.title(), observed, Register.FCA.freshFor(), note.toString());
    out.guarded(
        Register.FCA,
        "FRN " + frn,
        () ->
            out.add(
                Licence.builder("GB", "FCA", name, status, basis)
                    .register(Register.FCA.title())
                    .identifier(frn)
                    .activities(activities)
                    .authorisedSince(since)
                    .registerUrl(page)
                    .build(),
                provenance));
    JsonNode exceptional = firm.get("Exceptional Info Details");
    if (exceptional != null && exceptional.isArray()) {
      for (JsonNode info : exceptional) {
        String title = JsonPayload.text(info, "Exceptional Info Title");
        String body = JsonPayload.text(info, "Exceptional Info Body");
        if (title.isEmpty() && body.isEmpty()) {
          continue;
        }
        out.guarded(
            Register.FCA,
            "an exceptional-info entry of FRN " + frn,
            () ->
                out.add(
                    new RegulatoryWarning(
                        "GB",
                        "FCA",
                        name,
                        title.isEmpty() ? body : body.isEmpty() ? title : title + ": " + body,
                        null,
                        page,
                        false),
                    provenance));
      }
    }
  }

  private void searchByName(FcaApi api, LegalEntity entity, Findings out) throws SourceException {
    for (FcaApi.SearchRow row : api.search(entity.name())) {
      if (!Names.sameEntity(row.name(), entity.name())) {
        continue;
      }
      if (row.reference().isEmpty()) {
        if (FcaStatuses.status(row.status()).orElse(null) == LicenceStatus.WARNED
            || row.type().toLowerCase(Locale.ROOT).contains("unauthorised")) {
          URI page = Register.FCA.page();
          out.add(
              Licence.builder("GB", "FCA", row.name(), LicenceStatus.WARNED, MatchBasis.NAME)
                  .register(Register.FCA.title())
                  .registerUrl(page)
                  .build(),
              out.provenance(
                  page,
                  Register.FCA.title(),
                  null,
                  Register.FCA.freshFor(),
                  "listed as an unauthorised firm (FCA warning list); matched by name only,"
                      + " so it may be a clone using the name"));
        }
        continue;
      }
      FcaApi.Envelope details = api.firm(row.reference());
      if (details.notFound()) {
        continue;
      }
      JsonNode firm = api.firmRecord(details, row.reference());
      if (!Names.sameEntity(JsonPayload.text(firm, "Organisation Name"), entity.name())) {
        continue;
      }
      emitFirm(
          api,
          row.reference(),
          firm,
          MatchBasis.NAME,
          "matched by legal name only (the catalogue gives no FRN for " + entity.name() + ")",
          out);
    }
  }

  /** The human register page for an FRN (the public search; the firm page needs an internal id). */
  static URI publicPage(String frn) {
    return URI.create("https://register.fca.org.uk/s/search?q=" + frn + "&type=Companies");
  }

  /** Register status to the normalised status; null for wording not understood. */
  static LicenceStatus status(String raw) {
    return FcaStatuses.status(raw).orElse(null);
  }

  private static Instant timestamp(String text) {
    try {
      return text.isEmpty()
          ? null
          : LocalDateTime.parse(text, TIMESTAMP).atZone(LONDON).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
