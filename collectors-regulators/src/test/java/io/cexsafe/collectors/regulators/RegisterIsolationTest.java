package io.cexsafe.collectors.regulators;

import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.dispatcher;
import static io.cexsafe.collectors.regulators.RegulatorsTestSupport.happyRoutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Assessor;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Config;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.Secret;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.regulators.internal.EsmaSource;
import io.cexsafe.collectors.regulators.internal.FcaSource;
import io.cexsafe.collectors.regulators.internal.Findings;
import io.cexsafe.collectors.regulators.internal.Register;
import io.cexsafe.collectors.regulators.internal.RegisterSource;
import io.cexsafe.collectors.regulators.internal.RegulatorsCollector;
import io.cexsafe.collectors.regulators.internal.VaraSource;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import io.cexsafe.spi.SharedDataset;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * One register's failure (an exception, an Error such as a class missing from a broken install, a
 * hang, a row that cannot be represented) costs that register or that fact alone.
 */
class RegisterIsolationTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private final Exchange cryptoCom = ExchangeCatalog.bundled().get("crypto-com");

  private FcaSource fca() {
    return new FcaSource(
        server.url(RegulatorsTestSupport.FCA).uri(),
        true,
        java.util.Optional.of(Secret.of(RegulatorsTestSupport.FCA_EMAIL)),
        java.util.Optional.of(Secret.of(RegulatorsTestSupport.FCA_KEY)));
  }

  private VaraSource vara() {
    return new VaraSource(server.url("/vara").uri(), true);
  }

  private List<EvidenceBundle> assess(
      List<RegisterSource> sources, Duration timeout, Exchange... exchanges) {
    try (Assessor assessor =
        Assessor.builder()
            .collector(new RegulatorsCollector(sources))
            .config(
                Config.builder()
                    .set("http.max-attempts", "1")
                    .set("http.read-timeout", "2s")
                    .build())
            .clock(Clock.fixed(RegulatorsTestSupport.NOW, ZoneOffset.UTC))
            .asOf(RegulatorsTestSupport.NOW)
            .collectorTimeout(timeout)
            .build()) {
      return assessor.assessAll(List.of(exchanges));
    }
  }

  /** A register source that fails in a chosen way, after everything else is set up. */
  private record Broken(Register register, Throwable failure) implements RegisterSource {
    @Override
    public boolean enabled() {
      return true;
    }

    @Override
    public boolean appliesTo(Exchange exchange) {
      return true;
    }

    @Override
    public void collect(Exchange exchange, Findings out) throws SourceException {
      if (failure instanceof SourceException s) {
        throw s;
      }
      if (failure instanceof RuntimeException r) {
        throw r;
      }
      throw (Error) failure;
    }
  }

  @Test
  void aClassMissingFromTheInstallCostsOnlyThatRegister() {
    // what a jar without commons-csv did to every online run: ESMA threw NoClassDefFoundError
    server.setDispatcher(dispatcher(happyRoutes()));
    EvidenceBundle bundle =
        assess(
                List.of(
                    fca(),
                    new Broken(
                        Register.ESMA,
                        new NoClassDefFoundError("org/apache/commons/csv/CSVFormat")),
                    vara()),
                Duration.ofSeconds(20),
                cryptoCom)
            .get(0);
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).as("%s", outcome).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.INTERNAL_ERROR);
    assertThat(outcome.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).startsWith("[esma] not checked");
              assertThat(p.message()).doesNotContain("NoClassDefFoundError", "java.", "org/");
            });
    assertThat(bundle.facts(Licence.class))
        .extracting(Licence::regulator)
        .contains("FCA", "VARA")
        .doesNotContain("MFSA");
  }

  @Test
  void anExceptionInOneRegisterKeepsTheOthers() {
    server.setDispatcher(dispatcher(happyRoutes()));
    EvidenceBundle bundle =
        assess(
                List.of(new Broken(Register.FCA, new IllegalStateException("a bug")), vara()),
                Duration.ofSeconds(20),
                cryptoCom)
            .get(0);
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.problems())
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .startsWith("[fca] not checked");
    assertThat(bundle.facts(Licence.class)).extracting(Licence::regulator).containsOnly("VARA");
  }

  @Test
  void anErrorWhileLoadingASharedFileNeverHangsTheOtherExchanges() {
    server.setDispatcher(dispatcher(happyRoutes()));
    SharedDataset<String> file =
        SharedDataset.of(
            "regulators:test:broken",
            context -> {
              throw new NoClassDefFoundError("org/apache/commons/csv/CSVFormat");
            });
    RegisterSource esmaLike =
        new RegisterSource() {
          @Override
          public Register register() {
            return Register.ESMA;
          }

          @Override
          public boolean enabled() {
            return true;
          }

          @Override
          public boolean appliesTo(Exchange exchange) {
            return true;
          }

          @Override
          public void collect(Exchange exchange, Findings out) throws SourceException {
            out.context().shared(file);
          }
        };
    ExchangeCatalog catalog = ExchangeCatalog.bundled();
    long started = System.nanoTime();
    List<EvidenceBundle> bundles =
        assess(
            List.of(esmaLike, vara()),
            Duration.ofSeconds(30),
            catalog.get("crypto-com"),
            catalog.get("okx"),
            catalog.get("binance"),
            catalog.get("kraken"));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took)
        .as("no exchange waited for a load that failed")
        .isLessThan(Duration.ofSeconds(10));
    for (EvidenceBundle bundle : bundles) {
      CollectorOutcome outcome = bundle.outcomes().get(0);
      assertThat(outcome.problems())
          .as("%s: %s", bundle.exchangeId(), outcome)
          .extracting(Problem::reason)
          .containsExactly(ReasonCode.INTERNAL_ERROR);
    }
  }

  @Test
  void aRegisterThatHangsIsCutOffAndTheOthersStillReport() {
    server.setDispatcher(dispatcher(happyRoutes()));
    RegisterSource hanging =
        new RegisterSource() {
          @Override
          public Register register() {
            return Register.MAS;
          }

          @Override
          public boolean enabled() {
            return true;
          }

          @Override
          public boolean appliesTo(Exchange exchange) {
            return true;
          }

          @Override
          public void collect(Exchange exchange, Findings out) {
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    long started = System.nanoTime();
    EvidenceBundle bundle =
        assess(List.of(fca(), hanging, vara()), Duration.ofSeconds(4), cryptoCom).get(0);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).as("%s", outcome).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo(ReasonCode.TIMEOUT);
              assertThat(p.message()).startsWith("[mas]");
            });
    assertThat(bundle.facts(Licence.class)).extracting(Licence::regulator).contains("FCA", "VARA");
    assertThat(took).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void aRowThatCannotBeRepresentedDropsThatFactOnly() {
    RegisterSource rows =
        new RegisterSource() {
          @Override
          public Register register() {
            return Register.VARA;
          }

          @Override
          public boolean enabled() {
            return true;
          }

          @Override
          public boolean appliesTo(Exchange exchange) {
            return true;
          }

          @Override
          public void collect(Exchange exchange, Findings out) {
            for (String jurisdiction : List.of("AE", "not a country", "AE")) {
              out.guarded(
                  Register.VARA,
                  "row " + jurisdiction,
                  () ->
                      out.add(
                          new Licence(
                              jurisdiction,
                              "VARA",
                              "VARA public register",
                              "Example FZE " + jurisdiction.length(),
                              null,
                              LicenceStatus.ACTIVE,
                              List.of(),
                              null,
                              URI.create("https://www.vara.ae/"),
                              MatchBasis.NAME),
                          out.provenance(
                              URI.create("https://www.vara.ae/"),
                              "VARA",
                              null,
                              Duration.ofDays(1),
                              null)));
            }
          }
        };
    EvidenceBundle bundle = assess(List.of(rows), Duration.ofSeconds(10), cryptoCom).get(0);
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo(ReasonCode.INVALID_DATA);
              assertThat(p.message()).startsWith("[vara] dropped row not a country");
            });
    assertThat(bundle.facts(Licence.class)).hasSize(1);
  }

  @Test
  void aFailedRegisterIsNamedAndTheRestCounted() {
    var routes = new java.util.LinkedHashMap<>(happyRoutes());
    routes.put("/esma/CASPS.csv", RegulatorsTestSupport.body("text/plain", "error code: 1015"));
    server.setDispatcher(dispatcher(routes));
    EvidenceBundle bundle =
        assess(
                List.of(fca(), new EsmaSource(server.url("/esma").uri(), true), vara()),
                Duration.ofSeconds(20),
                cryptoCom)
            .get(0);
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.problems())
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .startsWith("[esma]");
    List<String> regulators = new ArrayList<>();
    bundle.facts(Licence.class).forEach(l -> regulators.add(l.regulator()));
    assertThat(regulators).contains("FCA", "VARA").doesNotContain("MFSA");
  }
}
