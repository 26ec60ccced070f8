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
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.HttpFetcher;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The UK FCA Financial Services Register API (V0.1): firm details, names, permissions and address
 * by FRN, and name search for entities the catalogue gives no FRN for. Every response is HTTP 200
 * with an envelope whose {@code Status} is an API result code; "not found" and errors live there.
 */
public final class FcaSource implements RegisterSource {
  public static final URI DEFAULT_BASE = URI.create("https://register.fca.org.uk/services/V0.1");
  public static final String DEFAULT_HOST = "register.fca.org.uk";
  static final String SCHEME = "fca.frn";
  static final String MLR_ACTIVITY =
      "cryptoasset business registered under the Money Laundering Regulations"
          + " (AML supervision only, not a licence)";
  private static final int MAX_PAGES = 10;
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm", Locale.ROOT);
  private static final Pattern POSTCODE = Pattern.compile("\\s*\\(Postcode:[^)]*\\)\\s*$");

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
    Session session = new Session(out.context().http());
    for (ExchangeIdentifier claim : exchange.identifiers(SCHEME)) {
      try {
        session.checkFrn(claim, out);
      } catch (SourceException e) {
        out.problem(Register.FCA, e);
        if (stopsSource(e)) {
          return;
        }
      }
    }
    for (LegalEntity entity : unclaimedUkEntities(exchange)) {
      try {
        session.searchByName(entity, out);
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

  /** The calls of one collection, over that run's HTTP client. */
  final class Session {
    private final HttpFetcher http;

    Session(HttpFetcher http) {
      this.http = http;
    }

    private void checkFrn(ExchangeIdentifier claim, Findings out) throws SourceException {
      String frn = claim.value().trim();
      if (!frn.matches("\\d{4,8}")) {
        out.problem(
            Register.FCA,
            ReasonCode.INVALID_DATA,
            "catalogue FRN '" + frn + "' is not a number; not sent to the register",
            null);
        return;
      }
      Envelope details = call("/Firm/" + frn);
      URI page = publicPage(frn);
      if (details.notFound()) {
        String alternative = alternativeFrn(claim, frn, out);
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
      JsonNode firm = firstObject(details, "/Firm/" + frn);
      String name = JsonPayload.text(firm, "Organisation Name");
      if (name.isEmpty()) {
        throw Payloads.malformed(url("/Firm/" + frn), "firm details without an Organisation Name");
      }
      Instant observed = timestamp(JsonPayload.text(firm, "System Timestamp"));
      List<String> knownNames = new ArrayList<>(List.of(name));
      knownNames.addAll(names(frn));
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
                + alternativeFrn(claim, frn, out),
            page,
            observed);
        return;
      }
      emitFirm(frn, firm, MatchBasis.IDENTIFIER, null, out);
    }

    /** Where a claim failed, a name search may show the entity's real FRN; "" when not. */
    private String alternativeFrn(ExchangeIdentifier claim, String frn, Findings out) {
      if (claim.entity() == null) {
        return "";
      }
      try {
        Set<String> found = new LinkedHashSet<>();
        for (SearchRow row : search(claim.entity())) {
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
        String frn, JsonNode firm, MatchBasis basis, String matchNote, Findings out)
        throws SourceException {
      String name = JsonPayload.text(firm, "Organisation Name");
      String rawStatus = JsonPayload.text(firm, "Status");
      LicenceStatus status = status(rawStatus);
      if (status == null) {
        out.problem(
            Register.FCA,
            ReasonCode.INVALID_DATA,
            "FRN " + frn + " has a register status not understood: '" + rawStatus + "'",
            url("/Firm/" + frn));
        return;
      }
      String mlr = JsonPayload.text(firm, "MLRs Status");
      boolean mlrRegistered =
          rawStatus.equalsIgnoreCase("Registered")
              || (mlr.toLowerCase(Locale.ROOT).contains("registered")
                  && status(mlr) == LicenceStatus.ACTIVE);
      List<String> activities = new ArrayList<>();
      if (mlrRegistered) {
        activities.add(MLR_ACTIVITY);
      }
      if (rawStatus.toLowerCase(Locale.ROOT).contains("appointed representative")) {
        activities.add("appointed representative of an authorised firm");
      }
      activities.addAll(permissions(frn));
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
      address(frn).ifPresent(a -> note.append("; principal place of business ").append(a));
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

    private void searchByName(LegalEntity entity, Findings out) throws SourceException {
      for (SearchRow row : search(entity.name())) {
        if (!Names.sameEntity(row.name(), entity.name())) {
          continue;
        }
        if (row.reference().isEmpty()) {
          if (status(row.status()) == LicenceStatus.WARNED
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
        Envelope details = call("/Firm/" + row.reference());
        if (details.notFound()) {
          continue;
        }
        JsonNode firm = firstObject(details, "/Firm/" + row.reference());
        if (!Names.sameEntity(JsonPayload.text(firm, "Organisation Name"), entity.name())) {
          continue;
        }
        emitFirm(
            row.reference(),
            firstObject(details, "/Firm/" + row.reference()),
            MatchBasis.NAME,
            "matched by legal name only (the catalogue gives no FRN for " + entity.name() + ")",
            out);
      }
    }

    record SearchRow(String name, String reference, String status, String type) {}

    List<SearchRow> search(String name) throws SourceException {
      List<SearchRow> rows = new ArrayList<>();
      for (Envelope page : pages("/Search?q=" + Urls.encode(name) + "&type=firm")) {
        if (page.data() == null || !page.data().isArray()) {
          continue;
        }
        for (JsonNode row : page.data()) {
          rows.add(
              new SearchRow(
                  POSTCODE.matcher(JsonPayload.text(row, "Name")).replaceAll(""),
                  JsonPayload.text(row, "Reference Number"),
                  JsonPayload.text(row, "Status"),
                  JsonPayload.text(row, "Type of business or Individual")));
        }
      }
      return rows;
    }

    private List<String> names(String frn) throws SourceException {
      List<String> out = new ArrayList<>();
      for (Envelope page : pages("/Firm/" + frn + "/Names")) {
        if (page.data() == null || !page.data().isArray()) {
          continue;
        }
        for (JsonNode group : page.data()) {
          for (Iterator<JsonNode> it = group.elements(); it.hasNext(); ) {
            JsonNode list = it.next();
            if (list.isArray()) {
              for (JsonNode entry : list) {
                String n = JsonPayload.text(entry, "Name");
                if (!n.isEmpty()) {
                  out.add(n);
                }
              }
            }
          }
        }
      }
      return out;
    }

    private List<String> permissions(String frn) throws SourceException {
      Set<String> out = new LinkedHashSet<>();
      for (Envelope page : pages("/Firm/" + frn + "/Permissions")) {
        if (page.data() != null && page.data().isObject()) {
          page.data().fieldNames().forEachRemaining(out::add);
        }
      }
      return List.copyOf(out);
    }

    private Optional<String> address(String frn) throws SourceException {
      for (Envelope page : pages("/Firm/" + frn + "/Address")) {
        if (page.data() == null || !page.data().isArray()) {
          continue;
        }
        for (JsonNode a : page.data()) {
          if (JsonPayload.text(a, "Address Type")
              .toLowerCase(Locale.ROOT)
              .startsWith("principal")) {
            List<String> parts = new ArrayList<>();
            // "Address LIne 3" (capital I) is the real key; accept the regular spelling too
            for (String key :
                List.of(
                    "Address Line 1",
                    "Address Line 2",
                    "Address LIne 3",
                    "Address Line 3",
                    "Address Line 4",
                    "Town",
                    "Postcode",
                    "Country")) {
              String v = JsonPayload.text(a, key);
              if (!v.isEmpty()) {
                parts.add(v);
              }
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
          }
        }
      }
      return Optional.empty();
    }

    /** Every page of a paginated endpoint, following {@code ResultInfo}; none when not found. */
    private List<Envelope> pages(String path) throws SourceException {
      List<Envelope> out = new ArrayList<>();
      String next = path;
      for (int page = 1; next != null && page <= MAX_PAGES; page++) {
        Envelope envelope = call(next);
        if (envelope.notFound()) {
          break;
        }
        out.add(envelope);
        next = nextPage(path, envelope.resultInfo(), page);
      }
      return out;
    }

    private static String nextPage(String path, JsonNode info, int page) {
      if (info == null || !info.isObject()) {
        return null;
      }
      int perPage = intOf(JsonPayload.text(info, "per_page"));
      int total = intOf(JsonPayload.text(info, "total_count"));
      int current = Math.max(page, intOf(JsonPayload.text(info, "page")));
      boolean more =
          !JsonPayload.text(info, "Next").isEmpty() || (perPage > 0 && current * perPage < total);
      if (!more) {
        return null;
      }
      String withoutPage = path.replaceAll("[?&]pgnp=\\d+", "");
      return withoutPage + (withoutPage.contains("?") ? "&" : "?") + "pgnp=" + (current + 1);
    }

    private static int intOf(String text) {
      try {
        return Integer.parseInt(text);
      } catch (NumberFormatException e) {
        return 0;
      }
    }

    /**
     * The envelope of one call.
     *
     * @param notFound true when the register answered that there is no such record
     */
    record Envelope(
        String status, String message, JsonNode data, JsonNode resultInfo, boolean notFound) {}

    Envelope call(String path) throws SourceException {
      String source = url(path);
      var response =
          http.fetch(
              FetchRequest.builder(Urls.join(base, path))
                  .header("Accept", "application/json")
                  .secretHeader("X-Auth-Email", email)
                  .secretHeader("X-Auth-Key", key)
                  .build());
      JsonNode root = JsonPayload.object(response, source);
      String status = JsonPayload.text(root, "Status");
      String message = JsonPayload.text(root, "Message");
      JsonNode data = root.get("Data");
      if (data != null && data.isNull()) {
        data = null;
      }
      JsonNode info = root.get("ResultInfo");
      if (status.isEmpty() && message.isEmpty()) {
        throw Payloads.malformed(source, "no Status or Message in the FCA envelope");
      }
      String lower = message.toLowerCase(Locale.ROOT);
      if (lower.contains("too many") || lower.contains("rate limit") || lower.contains("throttl")) {
        throw new SourceException(
            ReasonCode.RATE_LIMITED,
            source + ": FCA says " + message + " (" + status + ")",
            source);
      }
      if (status.startsWith("FSR-API-01-") && !status.endsWith("-00")
          || lower.contains("unauthori")) {
        throw new SourceException(
            ReasonCode.HTTP_CLIENT_ERROR,
            source + ": the FCA rejected the API credentials (" + status + " \"" + message + "\")",
            source);
      }
      if (status.startsWith("FSR-API-99-")) {
        throw new SourceException(
            ReasonCode.HTTP_SERVER_ERROR,
            source + ": FCA system error " + status + " \"" + message + "\"",
            source);
      }
      boolean empty = data == null || (data.isContainerNode() && data.isEmpty());
      if (empty
          && (status.endsWith("-11")
              || lower.contains("not found")
              || lower.contains("no search result"))) {
        return new Envelope(status, message, null, info, true);
      }
      if (data == null) {
        throw Payloads.malformed(
            source, "FCA answered " + status + " \"" + message + "\" without data");
      }
      if (!status.endsWith("-00") && !lower.startsWith("ok")) {
        throw Payloads.malformed(
            source, "FCA answered with status " + status + " \"" + message + "\"");
      }
      return new Envelope(status, message, data, info, false);
    }

    private JsonNode firstObject(Envelope envelope, String path) throws SourceException {
      JsonNode data = envelope.data();
      JsonNode first = data.isArray() && data.size() > 0 ? data.get(0) : data;
      if (first == null || !first.isObject()) {
        throw Payloads.malformed(url(path), "firm details are not an object");
      }
      return first;
    }
  }

  private String url(String path) {
    return Urls.join(base, path).toString();
  }

  /** The human register page for an FRN (the public search; the firm page needs an internal id). */
  static URI publicPage(String frn) {
    return URI.create("https://register.fca.org.uk/s/search?q=" + frn + "&type=Companies");
  }

  /** Register status to the normalised status; null for wording not understood. */
  static LicenceStatus status(String raw) {
    String s = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      return null;
    }
    if (s.contains("revoked")
        || s.contains("cancelled")
        || s.contains("de-recognised")
        || s.contains("terminated")
        || s.contains("prohibited")
        || s.contains("withdrawn")) {
      return LicenceStatus.REVOKED_OR_WITHDRAWN;
    }
    if (s.startsWith("no longer") || s.startsWith("lapsed") || s.contains("former")) {
      return LicenceStatus.LAPSED;
    }
    if (s.equals("unauthorised")) {
      return LicenceStatus.WARNED;
    }
    if (s.startsWith("authorised")
        || s.startsWith("registered")
        || s.startsWith("eea authorised")
        || s.startsWith("mlrs registered")
        || s.equals("active")
        || s.equals("approved")
        || s.equals("recognised")
        || s.startsWith("appointed representative")) {
      return LicenceStatus.ACTIVE;
    }
    return null;
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
