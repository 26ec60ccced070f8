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
import io.cexsafe.http.FetchResponse;
import io.cexsafe.spi.SharedDataset;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Dubai VARA's public register: one server-rendered table whose cells carry {@code data-label}s,
 * parsed with jsoup. Licence references identify entries.
 */
public final class VaraSource implements RegisterSource {
  public static final URI DEFAULT_BASE = URI.create("https://www.vara.ae");
  static final String PATH = "/en/licenses-and-register/public-register/";
  static final String SCHEME = "vara.reference";

  private final URI base;
  private final boolean enabled;
  private final SharedDataset<List<Entry>> table;

  /** One row of the register. */
  public record Entry(
      String name,
      String licenceType,
      String reference,
      List<String> activities,
      LocalDate issued,
      String status,
      String cmaNumber,
      URI page) {
    public Entry {
      activities = List.copyOf(activities);
    }
  }

  public VaraSource(URI base, boolean enabled) {
    this.base = base;
    this.enabled = enabled;
    URI url = Urls.join(base, PATH);
    this.table =
        SharedDataset.of(
            "regulators:vara:" + url,
            context ->
                parse(
                    context
                        .http()
                        .fetch(FetchRequest.builder(url).header("Accept", "text/html").build()),
                    url.toString()));
  }

  @Override
  public Register register() {
    return Register.VARA;
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public Optional<Map<String, Integer>> plannedRequests(List<Exchange> exchanges) {
    // the register page, read once per run
    int requests = exchanges.stream().anyMatch(this::appliesTo) ? 1 : 0;
    return Optional.of(requests == 0 ? Map.of() : Map.of(base.getHost(), requests));
  }

  @Override
  public boolean appliesTo(Exchange exchange) {
    return !exchange.identifiers(SCHEME).isEmpty()
        || exchange.entities().stream().anyMatch(e -> e.country().equals("AE"));
  }

  /**
   * The rows of the register page; a page without the table is a failure, not an empty register.
   */
  static List<Entry> parse(FetchResponse response, String source) throws SourceException {
    String html = response.text();
    if (html.isBlank()) {
      throw Payloads.malformed(source, "empty register page");
    }
    Document doc = Jsoup.parse(html, source);
    List<Entry> entries = new ArrayList<>();
    int unusable = 0;
    for (Element row : doc.select("tr:has(td[data-label])")) {
      Map<String, Element> cells = new LinkedHashMap<>();
      for (Element td : row.select("> td[data-label]")) {
        cells.putIfAbsent(td.attr("data-label").trim().toLowerCase(Locale.ROOT), td);
      }
      String name = text(cells.get("vasp name"));
      String reference = text(cells.get("reference"));
      if (name.isEmpty() || reference.isEmpty()) {
        unusable++;
        continue;
      }
      Element activityCell = cells.get("licensed activities");
      List<String> activities = new ArrayList<>();
      if (activityCell != null) {
        for (Element p : activityCell.select("p, li")) {
          if (!p.text().isBlank()) {
            activities.add(p.text().trim());
          }
        }
        if (activities.isEmpty() && !activityCell.text().isBlank()) {
          activities.add(activityCell.text().trim());
        }
      }
      Element link = row.selectFirst("a[href]");
      URI page = null;
      if (link != null) {
        try {
          page = URI.create(link.absUrl("href"));
        } catch (IllegalArgumentException e) {
          page = null;
        }
      }
      entries.add(
          new Entry(
              name,
              text(cells.get("licence type")),
              reference,
              activities,
              Dates.dayFirstOrNull(text(cells.get("licence issued"))),
              text(cells.get("status")),
              text(cells.get("cma registration number")),
              page != null && page.isAbsolute() ? page : null));
    }
    if (entries.isEmpty()) {
      if (Payloads.looksLikeChallenge(html)) {
        throw Payloads.htmlInsteadOf("the register table", html, source);
      }
      throw Payloads.malformed(
          source,
          unusable > 0
              ? unusable + " register rows without a name or reference"
              : "no register table (cells with data-label) on the page");
    }
    return List.copyOf(entries);
  }

  private static String text(Element cell) {
    return cell == null ? "" : cell.text().replace('\u00A0', ' ').trim();
  }

  static String normaliseReference(String reference) {
    return reference.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  static LicenceStatus status(String raw) {
    String s = raw.trim().toLowerCase(Locale.ROOT);
    if (s.equals("active") || s.equals("licensed") || s.equals("valid")) {
      return LicenceStatus.ACTIVE;
    }
    if (s.contains("suspend")
        || s.contains("revok")
        || s.contains("cancel")
        || s.contains("withdraw")) {
      return LicenceStatus.REVOKED_OR_WITHDRAWN;
    }
    if (s.contains("expired") || s.contains("lapsed") || s.contains("inactive")) {
      return LicenceStatus.LAPSED;
    }
    return null;
  }

  @Override
  public void collect(Exchange exchange, Findings out) throws SourceException {
    List<Entry> entries = out.context().shared(table);
    List<Entry> matched = new ArrayList<>();
    for (ExchangeIdentifier claim : exchange.identifiers(SCHEME)) {
      String wanted = normaliseReference(claim.value());
      Entry entry =
          entries.stream()
              .filter(e -> normaliseReference(e.reference()).equals(wanted))
              .findFirst()
              .orElse(null);
      if (entry == null) {
        out.contradiction(
            Register.VARA,
            claim,
            "no licence with this reference among the "
                + entries.size()
                + " rows of the register (a reference that disappears has lapsed or been"
                + " withdrawn)",
            Register.VARA.page(),
            null);
        continue;
      }
      if (claim.entity() != null && !Names.sameEntity(entry.name(), claim.entity())) {
        out.contradiction(
            Register.VARA,
            claim,
            "reference "
                + entry.reference()
                + " belongs to "
                + entry.name()
                + ", not "
                + claim.entity(),
            Register.VARA.page(),
            null);
        continue;
      }
      matched.add(entry);
      out.guarded(
          Register.VARA,
          "register row " + entry.name(),
          () -> emit(entry, MatchBasis.IDENTIFIER, out));
    }
    for (LegalEntity entity : exchange.entities()) {
      if (!entity.country().equals("AE")) {
        continue;
      }
      for (Entry entry : entries) {
        if (!matched.contains(entry) && Names.sameEntity(entry.name(), entity.name())) {
          matched.add(entry);
          out.guarded(
              Register.VARA,
              "register row " + entry.name(),
              () -> emit(entry, MatchBasis.NAME, out));
        }
      }
    }
  }

  private void emit(Entry entry, MatchBasis basis, Findings out) {
    LicenceStatus status = status(entry.status());
    if (status == null) {
      out.problem(
          Register.VARA,
          ReasonCode.INVALID_DATA,
          "licence " + entry.reference() + " has a status not understood: '" + entry.status() + "'",
          Urls.join(base, PATH).toString());
      return;
    }
    String note =
        entry.licenceType()
            + (entry.cmaNumber().isEmpty() ? "" : "; CMA registration number " + entry.cmaNumber())
            + "; status '"
            + entry.status()
            + "'; Dubai (VARA) only, not DIFC, ADGM or federal"
            + (basis == MatchBasis.NAME
                ? "; matched by name only (the catalogue gives no reference)"
                : "");
    URI page = entry.page() != null ? entry.page() : Register.VARA.page();
    out.add(
        Licence.builder("AE", "VARA", entry.name(), status, basis)
            .register(Register.VARA.title())
            .identifier(entry.reference())
            .activities(entry.activities())
            .authorisedSince(entry.issued())
            .registerUrl(page)
            .build(),
        out.provenance(page, Register.VARA.title(), null, Register.VARA.freshFor(), note));
  }
}
