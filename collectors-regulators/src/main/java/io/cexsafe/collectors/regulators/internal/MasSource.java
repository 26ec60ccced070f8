package io.cexsafe.collectors.regulators.internal;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.LegalEntity;
import io.cexsafe.SourceException;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.SharedDataset;
import java.net.URI;
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
 * MAS's Financial Institutions Directory: the paged HTML listing of Major Payment Institutions with
 * the Digital Payment Token service, read once per run. Listed there means licensed for DPT
 * services; the directory shows no dates or numbers.
 */
public final class MasSource implements RegisterSource {
  public static final URI DEFAULT_BASE = URI.create("https://eservices.mas.gov.sg/fid");
  static final String SCHEME = "mas.fid";
  static final String CATEGORY = "Major Payment Institution";
  static final String ACTIVITY = "Digital Payment Token Service";
  private static final int MAX_PAGES = 100;
  private static final String DETAIL = "/fid/institution/detail/";

  private final URI base;
  private final boolean enabled;
  private final SharedDataset<Map<String, String>> listing;

  public MasSource(URI base, boolean enabled) {
    this.base = base;
    this.enabled = enabled;
    this.listing = SharedDataset.of("regulators:mas:" + base, this::load);
  }

  @Override
  public Register register() {
    return Register.MAS;
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public Optional<Map<String, Integer>> plannedRequests(List<Exchange> exchanges) {
    // the listing, read once per run; counted as its first page: how many pages follow is known
    // only
    // from that page
    int requests = exchanges.stream().anyMatch(this::appliesTo) ? 1 : 0;
    return Optional.of(requests == 0 ? Map.of() : Map.of(base.getHost(), requests));
  }

  @Override
  public boolean appliesTo(Exchange exchange) {
    return !exchange.identifiers(SCHEME).isEmpty()
        || exchange.entities().stream().anyMatch(e -> e.country().equals("SG"));
  }

  private URI page(int page) {
    return Urls.join(
        base,
        "/custom/resultpartial?sector=Payments&category="
            + Urls.encode(CATEGORY)
            + "&activity="
            + Urls.encode(ACTIVITY)
            + "&term=&subactivity=&page="
            + page);
  }

  /** Slug (upper case) to institution name, over every page of the listing. */
  private Map<String, String> load(CollectorContext context) throws SourceException {
    Map<String, String> institutions = new LinkedHashMap<>();
    int pages = 1;
    for (int page = 1; page <= pages && page <= MAX_PAGES; page++) {
      URI url = page(page);
      String html =
          context
              .http()
              .fetch(FetchRequest.builder(url).header("Accept", "text/html").build())
              .text();
      Document doc = Jsoup.parse(html, url.toString());
      Element marker = doc.selectFirst("[data-total], [data-hit]");
      if (marker == null) {
        if (Payloads.looksLikeChallenge(html)) {
          throw Payloads.htmlInsteadOf("the directory listing", html, url.toString());
        }
        throw Payloads.malformed(
            url.toString(), "no result listing (data-total or data-hit) on the directory page");
      }
      int hits = number(marker.attr("data-hit"));
      if (page == 1) {
        int total = number(marker.attr("data-total"));
        pages = total > 0 ? total : hits > 0 ? (hits + 9) / 10 : 1;
      }
      int before = institutions.size();
      for (Element link : doc.select("a[href*=" + DETAIL + "]")) {
        String href = link.attr("href");
        String slug =
            href.substring(href.indexOf(DETAIL) + DETAIL.length()).replaceAll("[/?#].*$", "");
        Element heading = link.selectFirst("h3");
        String name = (heading != null ? heading.text() : link.text()).trim();
        if (!slug.isEmpty() && !name.isEmpty()) {
          institutions.putIfAbsent(slug.toUpperCase(Locale.ROOT), name);
        }
      }
      if (institutions.size() == before && (hits > 0 || page > 1)) {
        throw Payloads.malformed(url.toString(), "a results page without institution links");
      }
    }
    if (institutions.isEmpty()) {
      throw Payloads.malformed(
          page(1).toString(), "the directory listed no institutions, so no absence is claimed");
    }
    return institutions;
  }

  private static int number(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public void collect(Exchange exchange, Findings out) throws SourceException {
    Map<String, String> institutions = out.context().shared(listing);
    List<String> matched = new ArrayList<>();
    for (ExchangeIdentifier claim : exchange.identifiers(SCHEME)) {
      String slug = claim.value().trim().toUpperCase(Locale.ROOT);
      String id = slug.replaceAll("-.*$", "");
      String found =
          institutions.containsKey(slug)
              ? slug
              : institutions.keySet().stream()
                  .filter(s -> s.replaceAll("-.*$", "").equals(id))
                  .findFirst()
                  .orElse(null);
      if (found == null) {
        out.contradiction(
            Register.MAS,
            claim,
            "not listed among the "
                + institutions.size()
                + " major payment institutions with the digital payment token service",
            detail(claim.value().trim()),
            null);
        continue;
      }
      String name = institutions.get(found);
      if (claim.entity() != null && !Names.sameEntity(name, claim.entity())) {
        out.contradiction(
            Register.MAS,
            claim,
            "directory entry " + found + " is " + name + ", not " + claim.entity(),
            detail(found),
            null);
        continue;
      }
      matched.add(found);
      out.guarded(
          Register.MAS,
          "directory entry " + found,
          () -> emit(found, name, MatchBasis.IDENTIFIER, out));
    }
    for (LegalEntity entity : exchange.entities()) {
      if (!entity.country().equals("SG")) {
        continue;
      }
      institutions.forEach(
          (slug, name) -> {
            if (!matched.contains(slug) && Names.sameEntity(name, entity.name())) {
              matched.add(slug);
              out.guarded(
                  Register.MAS,
                  "directory entry " + slug,
                  () -> emit(slug, name, MatchBasis.NAME, out));
            }
          });
    }
  }

  private URI detail(String slug) {
    return URI.create("https://eservices.mas.gov.sg" + DETAIL + Urls.encode(slug));
  }

  private void emit(String slug, String name, MatchBasis basis, Findings out) {
    URI page = detail(slug);
    out.add(
        Licence.builder("SG", "MAS", name, LicenceStatus.ACTIVE, basis)
            .register(Register.MAS.title() + " (" + CATEGORY + ")")
            .identifier(slug)
            .activities(List.of(ACTIVITY))
            .registerUrl(page)
            .build(),
        out.provenance(
            page,
            Register.MAS.title(),
            null,
            Register.MAS.freshFor(),
            "listed as a "
                + CATEGORY
                + " with the "
                + ACTIVITY
                + " (the directory shows no licence number or date)"
                + (basis == MatchBasis.NAME
                    ? "; matched by name only (no FID in the catalogue)"
                    : "")));
  }
}
