package io.cexsafe.collectors.regulators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cexsafe.ReasonCode;
import io.cexsafe.Secret;
import io.cexsafe.SourceException;
import io.cexsafe.http.HttpSettings;
import io.cexsafe.http.HttpSupport;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The FCA register API client on its own: requests, the envelope, paging and failures. */
class FcaApiTest {
  private static final String KEY = "fca-api-key-never-in-messages";
  private static final String EMAIL = "analyst@example.org";
  private static final String FOUND_FIRM =
      "{\"Data\":[{\"FRN\":\"900001\",\"Organisation Name\":\"Exampleton Digital Ltd\","
          + "\"Status\":\"Registered\"}],\"Message\":\"Ok. Firm Found\","
          + "\"ResultInfo\":{\"page\":\"1\",\"per_page\":\"1\",\"total_count\":\"1\"},"
          + "\"Status\":\"FSR-API-02-01-00\"}";
  private static final String FIRM_NOT_FOUND =
      "{\"Data\":null,\"Message\":\"Firm not found\",\"ResultInfo\":null,"
          + "\"Status\":\"FSR-API-02-01-11\"}";

  @StartStop final MockWebServer server = new MockWebServer();
  private final Map<String, MockResponse> routes = new HashMap<>();
  private HttpSupport http;
  private FcaApi api;

  @BeforeEach
  void setUp() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            MockResponse response = routes.get(request.getTarget());
            return response != null
                ? response
                : json("{\"Data\":null,\"Message\":\"no route\",\"Status\":\"FSR-API-02-01-11\"}");
          }
        });
    http =
        HttpSupport.create(
            HttpSettings.builder()
                .maxAttempts(1)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(5))
                .build());
    api = new FcaApi(server.url("/fca/V0.1").uri(), Secret.of(EMAIL), Secret.of(KEY), http);
  }

  @AfterEach
  void tearDown() {
    http.close();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private void route(String target, String body) {
    routes.put("/fca/V0.1" + target, json(body));
  }

  private static JsonNode node(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }

  @Test
  void aFoundFirmIsReadFromItsEnvelopeAndTheRequestCarriesTheCredentials() throws Exception {
    route("/Firm/900001", FOUND_FIRM);

    FcaApi.Envelope envelope = api.firm("900001");

    assertThat(envelope.notFound()).isFalse();
    assertThat(envelope.status()).isEqualTo("FSR-API-02-01-00");
    assertThat(envelope.message()).isEqualTo("Ok. Firm Found");
    assertThat(envelope.resultInfo().get("total_count").asText()).isEqualTo("1");
    JsonNode firm = api.firmRecord(envelope, "900001");
    assertThat(firm.get("Organisation Name").asText()).isEqualTo("Exampleton Digital Ltd");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/fca/V0.1/Firm/900001");
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("X-Auth-Email")).isEqualTo(EMAIL);
    assertThat(request.getHeaders().get("X-Auth-Key")).isEqualTo(KEY);
  }

  @Test
  void notFoundIsAnAnswerWithTheRegistersCodeNotAFailure() throws Exception {
    route("/Firm/900002", FIRM_NOT_FOUND);
    route(
        "/Search?q=Nobody+Ltd&type=firm",
        "{\"Data\":null,\"Message\":\"No search result found\",\"ResultInfo\":null,"
            + "\"Status\":\"FSR-API-04-01-11\"}");

    FcaApi.Envelope envelope = api.firm("900002");

    assertThat(envelope.notFound()).isTrue();
    assertThat(envelope.data()).isNull();
    assertThat(envelope.status()).isEqualTo("FSR-API-02-01-11");
    assertThat(envelope.message()).isEqualTo("Firm not found");
    assertThat(api.search("Nobody Ltd")).isEmpty();
    assertThat(api.names("900002")).isEmpty();
  }

  @Test
  void pagesAreFollowedByTheNextLinkAndByTheCounts() throws Exception {
    route(
        "/Firm/900001/Names",
        "{\"Data\":[{\"Current Names\":[{\"Name\":\"Exampleton\",\"Status\":\"Trading\"}]}],"
            + "\"Message\":\"Ok. Found\",\"Status\":\"FSR-API-02-04-00\",\"ResultInfo\":"
            + "{\"page\":\"1\",\"per_page\":\"1\",\"total_count\":\"2\","
            + "\"Next\":\"https://register.fca.org.uk/services/V0.1/Firm/900001/Names?pgnp=2\"}}");
    route(
        "/Firm/900001/Names?pgnp=2",
        "{\"Data\":[{\"Previous Names\":[{\"Name\":\"Old Exampleton\",\"Status\":\"Trading\"}]}],"
            + "\"Message\":\"Ok. Found\",\"Status\":\"FSR-API-02-04-00\",\"ResultInfo\":"
            + "{\"page\":\"2\",\"per_page\":\"1\",\"total_count\":\"2\"}}");
    route(
        "/Search?q=Exampleton&type=firm",
        "{\"Data\":[{\"Name\":\"Exampleton Digital Ltd (Postcode: EC2A 2AA)\","
            + "\"Reference Number\":\"900001\",\"Status\":\"Registered\","
            + "\"Type of business or Individual\":\"Firm\"}],\"Message\":\"Ok. Search successful\","
            + "\"Status\":\"FSR-API-04-01-00\","
            + "\"ResultInfo\":{\"page\":\"1\",\"per_page\":\"1\",\"total_count\":\"2\"}}");
    route(
        "/Search?q=Exampleton&type=firm&pgnp=2",
        "{\"Data\":[{\"Name\":\"Exampleton Clone (Postcode: n/a)\",\"Reference Number\":\"\","
            + "\"Status\":\"Unauthorised\",\"Type of business or Individual\":\"Unauthorised firm\","
            + "\"URL\":null}],\"Message\":\"Ok. Search successful\","
            + "\"Status\":\"FSR-API-04-01-00\","
            + "\"ResultInfo\":{\"page\":\"2\",\"per_page\":\"1\",\"total_count\":\"2\"}}");

    assertThat(api.names("900001")).containsExactly("Exampleton", "Old Exampleton");
    assertThat(api.search("Exampleton"))
        .containsExactly(
            new FcaApi.SearchRow("Exampleton Digital Ltd", "900001", "Registered", "Firm"),
            new FcaApi.SearchRow("Exampleton Clone", "", "Unauthorised", "Unauthorised firm"));
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aRegisterThatAlwaysSaysNextIsReadForAtMostTenPages() throws Exception {
    String endless =
        "{\"Data\":{\"Dealing in investments as principal\":[]},\"Message\":\"Ok\","
            + "\"Status\":\"FSR-API-02-03-00\",\"ResultInfo\":{\"Next\":\"more\"}}";
    route("/Firm/900001/Permissions", endless);
    for (int page = 2; page <= 12; page++) {
      route("/Firm/900001/Permissions?pgnp=" + page, endless);
    }

    assertThat(api.permissions("900001")).containsExactly("Dealing in investments as principal");
    assertThat(server.getRequestCount()).isEqualTo(FcaApi.MAX_PAGES);
  }

  @Test
  void nextPageReadsTheStringCountsAndReplacesAnEarlierPageNumber() throws Exception {
    assertThat(FcaApi.nextPage("/Firm/1/Names", null, 1)).isNull();
    assertThat(FcaApi.nextPage("/Firm/1/Names", node("null"), 1)).isNull();
    assertThat(FcaApi.nextPage("/Firm/1/Names", node("{\"page\":\"1\",\"total_count\":\"5\"}"), 1))
        .as("no page size: nothing says there is more")
        .isNull();
    assertThat(
            FcaApi.nextPage(
                "/Firm/1/Names",
                node("{\"page\":\"1\",\"per_page\":\"10\",\"total_count\":\"10\"}"),
                1))
        .isNull();
    assertThat(
            FcaApi.nextPage(
                "/Firm/1/Names",
                node("{\"page\":\"1\",\"per_page\":\"10\",\"total_count\":\"11\"}"),
                1))
        .isEqualTo("/Firm/1/Names?pgnp=2");
    assertThat(
            FcaApi.nextPage(
                "/Search?q=x&type=firm&pgnp=3",
                node("{\"page\":\"3\",\"per_page\":\"20\",\"total_count\":\"100\"}"),
                1))
        .isEqualTo("/Search?q=x&type=firm&pgnp=4");
    assertThat(
            FcaApi.nextPage(
                "/Firm/1/Names", node("{\"page\":\"one\",\"per_page\":\"ten\",\"Next\":\"x\"}"), 2))
        .as("unreadable counts fall back to the page we are on")
        .isEqualTo("/Firm/1/Names?pgnp=3");
  }

  @Test
  void principalAddressAndPermissionsAreReadFromTheirShapes() throws Exception {
    route(
        "/Firm/900001/Address",
        "{\"Data\":[{\"Address Type\":\"Complaints Contact\",\"Address Line 1\":\"PO Box 1\"},"
            + "{\"Address Type\":\"Principal Place of Business\",\"Address Line 1\":\"1 Example St\","
            + "\"Address Line 2\":\"\",\"Address LIne 3\":\"Floor 2\",\"Town\":\"London\","
            + "\"Postcode\":\"EC2A 2AA\",\"Country\":\"United Kingdom\"}],"
            + "\"Message\":\"Ok. Address found\",\"Status\":\"FSR-API-02-02-00\"}");
    route(
        "/Firm/900001/Permissions",
        "{\"Data\":{\"Arranging deals in investments\":[{\"Customer Type\":[\"Retail\"]}],"
            + "\"Dealing in investments as agent\":[]},\"Message\":\"Ok. Permissions found\","
            + "\"Status\":\"FSR-API-02-03-00\"}");
    route(
        "/Firm/900002/Address",
        "{\"Data\":[{\"Address Type\":\"Principal Place of Business\"}],"
            + "\"Message\":\"Ok\",\"Status\":\"FSR-API-02-02-00\"}");

    assertThat(api.principalAddress("900001"))
        .contains("1 Example St, Floor 2, London, EC2A 2AA, United Kingdom");
    assertThat(api.principalAddress("900002")).isEmpty();
    assertThat(api.principalAddress("900003")).as("not found").isEmpty();
    assertThat(api.permissions("900001"))
        .containsExactly("Arranging deals in investments", "Dealing in investments as agent");
  }

  @Test
  void rateLimitsRejectedCredentialsAndSystemErrorsAreFailuresWithTheirReason() {
    route(
        "/Firm/1",
        "{\"Data\":null,\"Message\":\"Too many requests\",\"Status\":\"FSR-API-02-01-21\"}");
    route(
        "/Firm/2", "{\"Data\":null,\"Message\":\"Unauthorised\",\"Status\":\"FSR-API-01-01-11\"}");
    route(
        "/Firm/3",
        "{\"Data\":null,\"Message\":\"API and e-mail key not found\","
            + "\"Status\":\"FSR-API-01-01-21\"}");
    route(
        "/Firm/4",
        "{\"Data\":null,\"Message\":\"System error occurred\",\"Status\":\"FSR-API-99-99-99\"}");

    assertFailure("1", ReasonCode.RATE_LIMITED, "FCA says Too many requests");
    assertFailure("2", ReasonCode.HTTP_CLIENT_ERROR, "rejected the API credentials");
    assertFailure("3", ReasonCode.HTTP_CLIENT_ERROR, "rejected the API credentials");
    assertFailure("4", ReasonCode.HTTP_SERVER_ERROR, "FCA system error FSR-API-99-99-99");
  }

  @Test
  void envelopesThatMakeNoSenseAreMalformed() {
    route("/Firm/5", "{\"Data\":[{\"FRN\":\"5\"}]}");
    route(
        "/Firm/6",
        "{\"Data\":null,\"Message\":\"Ok. Firm Found\",\"Status\":\"FSR-API-02-01-00\"}");
    route(
        "/Firm/7",
        "{\"Data\":[{\"FRN\":\"7\"}],\"Message\":\"Bad FRN\",\"Status\":\"FSR-API-02-01-21\"}");
    route("/Firm/8", "[1, 2]");
    routes.put(
        "/fca/V0.1/Firm/9",
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "text/html")
            .body("<!DOCTYPE html><html><body>Sorry</body></html>")
            .build());

    assertFailure("5", ReasonCode.MALFORMED_RESPONSE, "no Status or Message");
    assertFailure("6", ReasonCode.MALFORMED_RESPONSE, "without data");
    assertFailure("7", ReasonCode.MALFORMED_RESPONSE, "with status FSR-API-02-01-21");
    assertFailure("8", ReasonCode.MALFORMED_RESPONSE, "expected a JSON object");
    assertFailure("9", ReasonCode.MALFORMED_RESPONSE, "HTML page instead of JSON");
  }

  @Test
  void firmDetailsThatAreNotAnObjectAreMalformed() throws Exception {
    route(
        "/Firm/900001",
        "{\"Data\":[\"Exampleton\"],\"Message\":\"Ok. Firm Found\",\"Status\":\"FSR-API-02-01-00\"}");
    FcaApi.Envelope envelope = api.firm("900001");

    assertThatThrownBy(() -> api.firmRecord(envelope, "900001"))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
              assertThat(e.getMessage()).contains("/Firm/900001").contains("not an object");
            });
  }

  @Test
  void anHttpErrorOfTheEdgeIsAFailureToo() {
    routes.put(
        "/fca/V0.1/Firm/10",
        new MockResponse.Builder()
            .code(403)
            .body(
                "{\"Success\":\"false\", \"Sorry, this page is not available. Missing Headers.\"}")
            .build());

    assertThatThrownBy(() -> api.firm("10"))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.HTTP_CLIENT_ERROR));
  }

  private void assertFailure(String frn, ReasonCode reason, String text) {
    assertThatThrownBy(() -> api.firm(frn))
        .as("FRN " + frn)
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).contains(text).doesNotContain(KEY);
              assertThat(e.source()).isEqualTo(api.url("/Firm/" + frn));
            });
  }
}
