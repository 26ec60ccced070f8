package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LicenceCommandsTest {
  private static final String CASPS =
      "ae_competentAuthority,ae_homeMemberState,ae_lei_name,ae_lei,ae_lei_cou_code,ae_commercial_name,"
          + "ae_address,ae_website,ae_website_platform,ac_authorisationNotificationDate,"
          + "ac_authorisationEndDate,ac_serviceCode,ac_serviceCode_cou,ac_comments,ac_lastupdate,\n"
          + "Malta Financial Services Authority (MFSA),MT,OKX Europe Limited,54930069NLWEIGLHXU42,MT,OKX,"
          + "\"Example Plaza, Sliema\",www.okx.com,,27/01/2025,,c. exchange of crypto-assets for funds,"
          + "MT|FR|DE,,28/11/2025,\n";
  private static final String NCASP =
      "ae_competentAuthority,ae_homeMemberState,ae_lei_name,ae_lei,ae_lei_cou_code,ae_commercial_name,"
          + "ae_website,ae_infrigment,ae_reason,ae_decision_date,ae_comments,ae_lastupdate\n";
  private static final String VARA =
      "<html><body><table><tr><td data-label=\"VASP Name\"> OKX Middle East Fintech FZE </td>"
          + "<td data-label=\"Licence Type\">VASP Licence</td><td data-label=\"Reference\">VL/23/12/003</td>"
          + "<td data-label=\"Licensed Activities\"><p>Broker-Dealer Services</p></td>"
          + "<td data-label=\"Licence Issued\">2024/09/17</td><td data-label=\"Status\">Active</td>"
          + "<td data-label=\"CMA Registration Number\">CMA-VASP-1</td></tr></table></body></html>";

  @StartStop final MockWebServer server = new MockWebServer();

  record Result(int code, String out, String err) {}

  @BeforeEach
  void serveRegisters() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String target = request.getTarget();
            String body =
                switch (target) {
                  case "/esma/CASPS.csv" -> CASPS;
                  case "/esma/NCASP.csv" -> NCASP;
                  case "/vara/en/licenses-and-register/public-register/" -> VARA;
                  default -> null;
                };
            return body == null
                ? new MockResponse.Builder().code(404).build()
                : new MockResponse.Builder().code(200).body(body).build();
          }
        });
  }

  private Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    for (String setting :
        List.of(
            "regulators.enabled=true",
            "regulators.fca.enabled=false",
            "regulators.fincen.enabled=false",
            "regulators.austrac.enabled=false",
            "regulators.mas.enabled=false",
            "regulators.fintrac.enabled=false",
            "regulators.esma.base-url=" + server.url("/esma"),
            "regulators.vara.base-url=" + server.url("/vara"))) {
      all.add("--set");
      all.add(setting);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void licencesOfAnExchangeByCountry() {
    Result result = run("licences", "okx");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("OKX (okx)")
        .contains("VL/23/12/003")
        .contains("OKX Middle East Fintech FZE")
        .contains("54930069NLWEIGLHXU42")
        .contains("active (MiCA passport)")
        .contains("MFSA");
  }

  @Test
  void licencesAsJson() {
    Result result = run("licences", "okx", "--format", "json");
    assertThat(result.code()).isZero();
    @SuppressWarnings("unchecked")
    Map<String, Object> json = Json.read(result.out(), "out", Map.class);
    assertThat(json).containsEntry("exchange", "okx");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> licences = (List<Map<String, Object>>) json.get("licences");
    assertThat(licences)
        .extracting(m -> m.get("jurisdiction"))
        .containsExactlyInAnyOrder("AE", "DE", "FR", "MT");
    assertThat(licences).allSatisfy(m -> assertThat(m.get("status")).isEqualTo("ACTIVE"));
  }

  @Test
  void licensedInCountsMicaPassports() {
    Result france = run("licensed-in", "fr");
    assertThat(france.code()).as(france.err()).isZero();
    assertThat(france.out())
        .contains("Licences and registrations in FR")
        .contains("okx")
        .contains("MiCA passport");
    assertThat(france.out()).doesNotContain("VL/23/12/003");
    Result json = run("licensed-in", "AE", "--format", "json");
    assertThat(json.out()).contains("\"country\" : \"AE\"").contains("VL/23/12/003");
  }

  @Test
  void badCountryExitsTwoWithOneLine() {
    Result result = run("licensed-in", "Narnia");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).contains("not a two-letter country code");
    assertThat(run("licences", "nosuch").code()).isEqualTo(2);
  }

  @Test
  void offlineSaysRegistersCannotBeChecked() {
    Result result = run("licences", "crypto-com", "--offline");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("registers cannot be checked offline");
    assertThat(result.out()).contains("fca.frn", "944788", "claimed, not verified");
    assertThat(server.getRequestCount()).isZero();
    Result country = run("licensed-in", "GB", "--offline");
    assertThat(country.code()).isEqualTo(1);
    assertThat(country.err()).contains("registers cannot be checked offline");
  }

  @Test
  void everyRegisterFailingIsNotVerified() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder().code(404).build();
          }
        });
    Result result = run("licences", "okx", "--set", "http.max-attempts=1");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out()).contains("Not fully checked").contains("http-client-error");
    assertThat(result.out())
        .contains("Nothing could be verified: no register answered")
        .doesNotContain("No register");
    assertThat(result.out()).containsPattern("ESMA interim MiCA register +EU +failed");
  }

  @Test
  void everyRegisterAnsweringNonDataIsNeverReadAsNotListed() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/html")
                .body("<html><body><h1>We'll be back soon</h1></body></html>")
                .build();
          }
        });
    Result result = run("licences", "crypto-com", "--set", "http.max-attempts=1");
    assertThat(result.code()).as(result.out()).isEqualTo(1);
    assertThat(result.out())
        .contains("Nothing could be verified")
        .doesNotContain("No register")
        .containsPattern("VARA public register +AE +failed")
        .containsPattern("ESMA interim MiCA register +EU +failed");
    Result json = run("licences", "crypto-com", "--set", "http.max-attempts=1", "--format", "json");
    @SuppressWarnings("unchecked")
    Map<String, Object> parsed = Json.read(json.out(), "out", Map.class);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> registers = (List<Map<String, Object>>) parsed.get("registers");
    assertThat(registers)
        .extracting(m -> m.get("id"), m -> m.get("state"))
        .contains(
            org.assertj.core.groups.Tuple.tuple("esma", "FAILED"),
            org.assertj.core.groups.Tuple.tuple("vara", "FAILED"));
  }

  @Test
  void theRegistersThatAnsweredAreListed() {
    Result result = run("licences", "okx");
    assertThat(result.out())
        .containsPattern("ESMA interim MiCA register +EU +checked")
        .containsPattern("VARA public register +AE +checked");
  }

  @Test
  void anAbsenceIsOnlyStatedForRegistersThatAnswered() {
    // Bitfinex has no EEA or Dubai entity: ESMA answers (its warning list) and lists nothing
    Result result = run("licences", "bitfinex");
    assertThat(result.out())
        .contains("No register that answered lists this exchange's entities")
        .containsPattern("ESMA interim MiCA register +EU +checked");
    assertThat(result.code()).isZero();
  }

  /** ESMA answers, VARA fails: okx is verified through ESMA, and VARA's failure is reported. */
  private void varaDown() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String target = request.getTarget();
            String body =
                switch (target) {
                  case "/esma/CASPS.csv" -> CASPS;
                  case "/esma/NCASP.csv" -> NCASP;
                  default -> null;
                };
            return body == null
                ? new MockResponse.Builder().code(503).build()
                : new MockResponse.Builder().code(200).body(body).build();
          }
        });
  }

  @Test
  void licenceCommandsTakeTheRunIdAndUnderStrictExitThreeWhenARegisterFailed() throws Exception {
    Result clean = run("licences", "okx", "--format", "json", "--run-id", "lic-1", "--strict");
    assertThat(clean.code()).as(clean.err()).isZero();
    assertThat(clean.err()).doesNotContain("failed or");
    JsonNode json = Json.mapper().readTree(clean.out());
    assertThat(json.get("kind").asText()).isEqualTo("licences");
    assertThat(json.get("runId").asText()).isEqualTo("lic-1");

    varaDown();
    Result lenient = run("licences", "okx", "--set", "http.max-attempts=1");
    assertThat(lenient.code()).as(lenient.err()).isZero();
    assertThat(lenient.out()).contains("OKX (okx)").contains("54930069NLWEIGLHXU42");
    assertThat(lenient.err()).startsWith("cexsafe: warning: ").contains("regulators");
    Result strict =
        run("licences", "okx", "--set", "http.max-attempts=1", "--strict", "--log-format", "json");
    assertThat(strict.code()).as(strict.err()).isEqualTo(Main.SOURCE_FAILED);
    assertThat(strict.out()).as("the output is still written, unchanged").isEqualTo(lenient.out());
    assertThat(strict.err()).contains("cexsafe: error: ").contains("regulators");

    Result country =
        run("licensed-in", "FR", "--set", "http.max-attempts=1", "--strict", "--run-id", "li-2");
    assertThat(country.code()).as(country.err()).isEqualTo(Main.SOURCE_FAILED);
    assertThat(country.out()).contains("okx");
  }

  @Test
  void nothingVerifiedOutranksStrict() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder().code(503).build();
          }
        });
    Result result = run("licences", "okx", "--set", "http.max-attempts=1", "--strict");
    assertThat(result.code()).isEqualTo(Main.FAILURE);
    assertThat(result.err()).contains("cexsafe: error: ");
    Result badRunId = run("licensed-in", "FR", "--run-id", "");
    assertThat(badRunId.code()).isEqualTo(Main.BAD_INPUT);
    Result badFormat = run("licences", "okx", "--log-format", "xml");
    assertThat(badFormat.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(badFormat.err()).contains("use text or json");
  }

  @Test
  void anUnassignedCountryCodeExitsTwoWithOneLine() {
    Result result = run("licensed-in", "ZZ");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).contains("'ZZ' is not an assigned ISO 3166 country code");
    assertThat(result.err()).doesNotContain("Exception", "java.");
    assertThat(server.getRequestCount()).as("nothing is fetched for a bad country").isZero();
  }
}
