package io.cexsafe.collectors.regulators;

import static io.cexsafe.testing.Fixtures.fixture;

import io.cexsafe.Assessor;
import io.cexsafe.Config;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.spi.CollectorRegistry;
import io.cexsafe.testing.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Routes, settings and a runner shared by the regulators tests. */
final class RegulatorsTestSupport {
  static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  static final String FCA_KEY = "fca-key-Zq81-never-shown";
  static final String FCA_EMAIL = "analyst@example.org";
  static final String FCA = "/fca/V0.1";
  static final String AUSTRAC_QUERY =
      "&page=0&orderBy=legalName&pageSize=20&direction=1&vasprSearch=true";
  static final String MAS_PAGE =
      "/mas/fid/custom/resultpartial?sector=Payments&category=Major+Payment+Institution"
          + "&activity=Digital+Payment+Token+Service&term=&subactivity=&page=";
  static final String VARA_PAGE = "/vara/en/licenses-and-register/public-register/";

  private RegulatorsTestSupport() {}

  /** Every source pointed at the server, with FCA credentials. */
  static Map<String, String> settings(MockWebServer server) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("fca.base-url", server.url(FCA).toString());
    s.put("fca.api-key", FCA_KEY);
    s.put("fca.email", FCA_EMAIL);
    s.put("esma.base-url", server.url("/esma").toString());
    s.put("fincen.base-url", server.url("/fincen").toString());
    s.put("vara.base-url", server.url("/vara").toString());
    s.put("austrac.base-url", server.url("/austrac/vaspr").toString());
    s.put("mas.base-url", server.url("/mas/fid").toString());
    s.put("fintrac.base-url", server.url("/fintrac").toString());
    return s;
  }

  static MockResponse json(String path) {
    return Fixtures.jsonFixture(path);
  }

  static MockResponse body(String contentType, String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", contentType)
        .body(body)
        .build();
  }

  static MockResponse csv(String path) {
    return body("text/csv; charset=utf-8", fixture(path));
  }

  static MockResponse html(String path) {
    return body("text/html; charset=utf-8", fixture(path));
  }

  /** A complete, successful run for crypto-com over every register. */
  static Map<String, MockResponse> happyRoutes() {
    Map<String, MockResponse> r = new LinkedHashMap<>();
    r.put(FCA + "/Firm/941745", json("fca/firm_941745.json"));
    r.put(FCA + "/Firm/941745/Names", json("fca/names_941745.json"));
    r.put(FCA + "/Firm/941745/Permissions", json("fca/permissions_not_found.json"));
    r.put(FCA + "/Firm/941745/Address", json("fca/address_941745.json"));
    r.put(FCA + "/Firm/944788", json("fca/firm_not_found.json"));
    r.put(FCA + "/Search?q=Foris+DAX+UK+Limited&type=firm", json("fca/search_foris.json"));
    r.put("/esma/CASPS.csv", csv("esma/CASPS.csv"));
    r.put("/esma/NCASP.csv", csv("esma/NCASP.csv"));
    r.put(
        "/fincen/retrieve.msb.list.php",
        body("text/plain; charset=utf-8", fixture("fincen/msb.tsv")));
    r.put(VARA_PAGE, html("vara/register.html"));
    r.put(
        "/austrac/vaspr/remitters/?searchTerm=76640692735" + AUSTRAC_QUERY,
        json("austrac/abn_76640692735.json"));
    r.put(MAS_PAGE + "1", html("mas/page1.html"));
    r.put(MAS_PAGE + "2", html("mas/page2.html"));
    r.put("/fintrac/reg-eng.csv", csv("fintrac/reg-eng.csv"));
    return r;
  }

  /** Serves routes by exact target; 404 otherwise. */
  static Dispatcher dispatcher(Map<String, MockResponse> routes) {
    Map<String, MockResponse> copy = new LinkedHashMap<>(routes);
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        MockResponse response = copy.get(request.getTarget());
        return response != null
            ? response
            : new MockResponse.Builder()
                .code(404)
                .body("no route for " + request.getTarget())
                .build();
      }
    };
  }

  static EvidenceBundle assess(MockWebServer server, Exchange exchange, Map<String, String> extra) {
    return assess(server, exchange, extra, ExchangeCatalog.bundled());
  }

  static EvidenceBundle assess(
      MockWebServer server, Exchange exchange, Map<String, String> extra, ExchangeCatalog catalog) {
    return assess(server, exchange, extra, catalog, null);
  }

  /** As {@link #assess}, evaluated as of {@code asOf} (null: now). */
  static EvidenceBundle assess(
      MockWebServer server,
      Exchange exchange,
      Map<String, String> extra,
      ExchangeCatalog catalog,
      Instant asOf) {
    Config.Builder config =
        Config.builder()
            .set("http.max-attempts", "2")
            .set("http.initial-backoff", "10ms")
            .set("http.max-backoff", "50ms")
            .set("http.max-retry-after", "2s")
            .set("http.read-timeout", "2s")
            .set("http.call-timeout", "5s");
    Map<String, String> s = new LinkedHashMap<>(settings(server));
    s.putAll(extra);
    s.forEach(
        (k, v) -> {
          if (v != null) {
            config.set("regulators." + k, v);
          }
        });
    Config built = config.build();
    try (Assessor assessor =
        Assessor.builder()
            .catalog(catalog)
            .collectors(
                CollectorRegistry.builder()
                    .config(built)
                    .register(new RegulatorsCollectorProvider())
                    .build())
            .config(built)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .asOf(asOf)
            .collectorTimeout(Duration.ofSeconds(30))
            .build()) {
      return assessor.assess(exchange);
    }
  }

  static List<RecordedRequest> requests(MockWebServer server) throws InterruptedException {
    List<RecordedRequest> out = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      out.add(r);
    }
    return out;
  }
}
