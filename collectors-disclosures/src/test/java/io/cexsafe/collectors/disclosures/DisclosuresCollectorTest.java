package io.cexsafe.collectors.disclosures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.Assessor;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Config;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.InvalidInputException;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.ColdStorage;
import io.cexsafe.facts.InsurancePolicy;
import io.cexsafe.spi.CollectorRegistry;
import io.cexsafe.spi.EvidenceCollector;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisclosuresCollectorTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private static String userFile(String exchange, String... entries) {
    return """
        {"exchange": "%s", "curatedOn": "2026-11-01", "curator": "our research desk", "facts": [%s]}"""
        .formatted(exchange, String.join(",", entries));
  }

  private static String entry(String id, String fact, String url, String observedOn) {
    return """
        {"id": "%s", "fact": %s, "source": {"url": "%s", "title": "Our notes"},
         "observedOn": "%s", "evidenceClass": "exchange-disclosure"}"""
        .formatted(id, fact, url, observedOn);
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static EvidenceBundle assess(EvidenceCollector collector, String exchange, Instant asOf) {
    try (Assessor assessor =
        Assessor.builder().collector(collector).offline(true).clock(CLOCK).asOf(asOf).build()) {
      return assessor.assess(exchange);
    }
  }

  private static EvidenceBundle assess(EvidenceCollector collector, String exchange) {
    return assess(collector, exchange, null);
  }

  private static Evidence byId(EvidenceBundle bundle, String id) {
    return bundle.evidence().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void describesItself() {
    DisclosuresCollector collector = DisclosuresCollector.bundled();
    assertThat(collector.id()).isEqualTo("disclosures");
    assertThat(collector.requiresNetwork()).isFalse();
    assertThat(collector.exchanges()).contains("crypto-com");
  }

  @Test
  void aUserFileOverridesOneBundledFactAndTheEvidenceShowsTheOverridingSource() throws IOException {
    write(
        "crypto-com.json",
        userFile(
            "crypto-com",
            entry(
                "cdc-cold-storage",
                "{\"type\": \"cold-storage\", \"coldShare\": 0.9, \"claim\": \"90% in cold storage\"}",
                "https://research.example/cdc-cold",
                "2026-10-30")));
    DisclosuresCollector collector =
        DisclosuresCollector.builder().userDirectory(dir).clock(CLOCK).build();

    EvidenceBundle bundle = assess(collector, "crypto-com");

    Evidence cold = byId(bundle, "disclosures:cdc-cold-storage");
    assertThat(cold.fact()).isEqualTo(new ColdStorage(0.9, "90% in cold storage"));
    assertThat(cold.provenance().sourceUrl())
        .isEqualTo(URI.create("https://research.example/cdc-cold"));
    assertThat(cold.provenance().sourceTitle()).isEqualTo("Our notes");
    assertThat(cold.provenance().note())
        .startsWith(
            "overrides bundled fact 'cdc-cold-storage' (urn:cexsafe:seed:000_1c1cf4b618f62338)")
        .contains(dir.resolve("crypto-com.json").toString());
    assertThat(cold.provenance().retrievedAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(bundle.evidence().stream().filter(e -> e.fact() instanceof ColdStorage)).hasSize(1);
    // the rest of the bundled dataset is still there
    assertThat(bundle.evidence())
        .hasSize(DisclosuresCollector.bundled().evidence("crypto-com").size());
    assertThat(bundle.outcomes().get(0).status()).isEqualTo(OutcomeStatus.OK);
  }

  @Test
  void aUserFactThatContradictsABundledOneWithoutOverridingItIsReported() throws IOException {
    write(
        "crypto-com.json",
        userFile(
            "crypto-com",
            entry(
                "our-cdc-cold",
                "{\"type\": \"cold-storage\", \"coldShare\": 0.5, \"claim\": \"half in cold storage\"}",
                "https://research.example/cdc-cold",
                "2026-10-30")));
    DisclosuresCollector collector =
        DisclosuresCollector.builder().userDirectory(dir).clock(CLOCK).build();

    EvidenceBundle bundle = assess(collector, "crypto-com");

    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.INVALID_DATA);
    assertThat(outcome.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message())
                  .contains("'cdc-cold-storage'", "'our-cdc-cold'", "contradict");
              assertThat(p.source()).isEqualTo(dir.resolve("crypto-com.json").toString());
            });
    // both are kept for scoring to weigh
    assertThat(bundle.evidence().stream().filter(e -> e.fact() instanceof ColdStorage)).hasSize(2);
    assertThat(byId(bundle, "disclosures:our-cdc-cold").provenance().note())
        .startsWith("user-supplied in");
  }

  @Test
  void extensionFactsOfDifferentKindsDoNotContradictButOneKindStatedTwoWaysDoes()
      throws IOException {
    String audit =
        "{\"type\": \"extension\", \"kind\": \"acme.wallet-audit\", \"pillars\": [\"CUSTODY\"], \"payload\": {\"score\": %d}, \"summary\": \"wallet audit\"}";
    String bounty =
        "{\"type\": \"extension\", \"kind\": \"acme.bounty-size\", \"pillars\": [\"APP_SECURITY\"], \"payload\": {\"usd\": 5}, \"summary\": \"bounty\"}";
    write(
        "acme.json",
        userFile(
            "acme",
            entry("audit-a", audit.formatted(90), "https://a.example/audit", "2026-01-01"),
            entry("bounty", bounty, "https://a.example/bounty", "2026-01-01")));
    DisclosuresCollector collector =
        DisclosuresCollector.builder()
            .includeBundled(false)
            .userDirectory(dir)
            .clock(CLOCK)
            .build();
    ExchangeCatalog catalog = ExchangeCatalog.of(List.of(Exchange.of("acme", "Acme")));

    EvidenceBundle twoKinds = assess(collector, "acme", null, catalog);

    assertThat(twoKinds.outcomes().get(0).problems()).isEmpty();
    assertThat(twoKinds.evidence()).hasSize(2);

    write(
        "acme.json",
        userFile(
            "acme",
            entry("audit-a", audit.formatted(90), "https://a.example/audit", "2026-01-01"),
            entry("audit-b", audit.formatted(40), "https://b.example/audit", "2026-01-01")));

    EvidenceBundle oneKindTwice =
        assess(
            DisclosuresCollector.builder()
                .includeBundled(false)
                .userDirectory(dir)
                .clock(CLOCK)
                .build(),
            "acme",
            null,
            catalog);

    assertThat(oneKindTwice.outcomes().get(0).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("'audit-a'", "'audit-b'", "contradict"));
  }

  @Test
  void theSameFactFromTheSameSourceUnderTwoIdsIsADuplicate() throws IOException {
    String policy = "{\"type\": \"insurance-policy\", \"coverUsd\": 5, \"underwriter\": \"X\"}";
    write(
        "acme.json",
        userFile(
            "acme",
            entry("p1", policy, "https://a.example/p", "2026-01-01"),
            entry("p2", policy, "https://a.example/p", "2026-01-01"),
            entry("p3", policy, "https://b.example/p", "2026-01-01")));
    DisclosuresCollector collector =
        DisclosuresCollector.builder()
            .includeBundled(false)
            .userDirectory(dir)
            .clock(CLOCK)
            .build();

    EvidenceBundle bundle =
        assess(collector, "acme", null, ExchangeCatalog.of(List.of(Exchange.of("acme", "Acme"))));

    assertThat(bundle.outcomes().get(0).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("'p1'", "'p2'", "same source"));
    assertThat(bundle.evidence()).hasSize(3);
    assertThat(bundle.facts(InsurancePolicy.class)).hasSize(3);
  }

  @Test
  void aUserFileCanAddAnExchangeTheBundleDoesNotCover() throws IOException {
    write(
        "acme.json",
        userFile(
            "acme",
            entry(
                "acme-cold",
                "{\"type\": \"cold-storage\", \"claim\": \"most assets offline\"}",
                "https://acme.example/security",
                "2026-03-01")));
    DisclosuresCollector collector =
        DisclosuresCollector.builder().userDirectory(dir).clock(CLOCK).build();

    EvidenceBundle bundle =
        assess(collector, "acme", null, ExchangeCatalog.of(List.of(Exchange.of("acme", "Acme"))));

    assertThat(bundle.evidence())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.exchangeId()).isEqualTo("acme");
              assertThat(e.evidenceClass()).isEqualTo(EvidenceClass.EXCHANGE_DISCLOSURE);
              assertThat(e.provenance().observedAt())
                  .isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
              assertThat(e.provenance().collectorId()).isEqualTo("disclosures");
            });
  }

  @Test
  void anExchangeWithoutAFileIsSkippedAsNotListed() {
    EvidenceBundle bundle =
        assess(
            DisclosuresCollector.builder().includeBundled(false).clock(CLOCK).build(),
            "acme",
            null,
            ExchangeCatalog.of(List.of(Exchange.of("acme", "Acme"))));

    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.SKIPPED);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.NOT_LISTED);
    assertThat(bundle.evidence()).isEmpty();
  }

  @Test
  void factsObservedAfterTheEvaluationDateAreLeftOut() {
    DisclosuresCollector collector = DisclosuresCollector.bundled();

    EvidenceBundle before2023 =
        assess(collector, "crypto-com", Instant.parse("2022-12-31T00:00:00Z"));
    assertThat(before2023.evidence())
        .isNotEmpty()
        .allSatisfy(
            e ->
                assertThat(e.provenance().observedAt())
                    .isBefore(Instant.parse("2023-01-01T00:00:00Z")));
    assertThat(before2023.evidence())
        .extracting(Evidence::id)
        .contains("disclosures:cdc-por-mazars-2022-12");

    EvidenceBundle before2022 =
        assess(collector, "crypto-com", Instant.parse("2021-01-01T00:00:00Z"));
    assertThat(before2022.outcomes().get(0).status()).isEqualTo(OutcomeStatus.SKIPPED);
    assertThat(before2022.outcomes().get(0).message()).contains("observed after 2021-01-01");
  }

  @Test
  void aMalformedUserFileFailsWhenTheCollectorIsBuilt() throws IOException {
    write(
        "kraken.json",
        userFile(
            "kraken", entry("k", "{\"type\": \"rumour\"}", "https://k.example", "2026-01-01")));

    assertThatThrownBy(() -> DisclosuresCollector.builder().userDirectory(dir).clock(CLOCK).build())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.source()).isEqualTo(dir.resolve("kraken.json").toString());
              assertThat(e.path()).isEqualTo("$.facts[0].fact.type");
            });
  }

  @Test
  void aUserFileMustBeNamedForItsExchange() throws IOException {
    write("kraken.json", userFile("binance"));
    assertThatThrownBy(() -> DisclosuresCollector.builder().userDirectory(dir).clock(CLOCK).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("kraken.json: $.exchange")
        .hasMessageContaining("name it binance.json");
  }

  @Test
  void otherFilesInTheDirectoryAreIgnoredAndAMissingDirectoryIsAnError() throws IOException {
    write("README.md", "not json");
    assertThat(DisclosuresCollector.builder().userDirectory(dir).clock(CLOCK).build().exchanges())
        .contains("crypto-com");
    assertThatThrownBy(
            () -> DisclosuresCollector.builder().userDirectory(dir.resolve("nope")).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void aJsonEntryThatIsNotARegularFileIsAnErrorNeverSkipped() throws Exception {
    java.nio.file.Files.createSymbolicLink(dir.resolve("okx.json"), dir.resolve("okx.json"));
    assertThatThrownBy(() -> DisclosuresCollector.builder().userDirectory(dir).clock(CLOCK).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(dir.resolve("okx.json") + ": a loop of symbolic links");
    java.nio.file.Files.delete(dir.resolve("okx.json"));
    java.nio.file.Files.createDirectory(dir.resolve("kraken.json"));
    assertThatThrownBy(() -> DisclosuresCollector.builder().userDirectory(dir).clock(CLOCK).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(dir.resolve("kraken.json") + ": is a directory, not a file");
    java.nio.file.Files.delete(dir.resolve("kraken.json"));
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("bybit.json").toString()).start();
    if (mkfifo.waitFor() == 0) {
      // opening a pipe with no writer would block: the type is checked first
      assertThatThrownBy(
              () -> DisclosuresCollector.builder().userDirectory(dir).clock(CLOCK).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("bybit.json: not a regular file");
    }
  }

  @Test
  void theProviderIsDiscoveredAndReadsItsDirectoryFromSettings() throws IOException {
    CollectorRegistry registry = CollectorRegistry.builder().discover().build();
    assertThat(registry.collectors()).extracting(EvidenceCollector::id).contains("disclosures");
    assertThat(registry.problems()).isEmpty();

    write(
        "okx.json",
        userFile(
            "okx", entry("o", "{\"type\": \"cold-storage\"}", "https://o.example", "2026-01-01")));
    Config config = Config.of(Map.of("disclosures.dir", dir.toString()));
    assertThatThrownBy(() -> CollectorRegistry.builder().config(config).discover().build())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.source()).isEqualTo(dir.resolve("okx.json").toString());
              assertThat(e.path()).isEqualTo("$.facts[0].fact");
              assertThat(e.problem()).contains("claim must not be blank");
            });
  }

  @Test
  void theProviderCanLeaveTheBundledDatasetOut() {
    EvidenceCollector collector =
        new DisclosuresCollectorProvider().create(Config.of(Map.of("bundled", "false")));
    assertThat(((DisclosuresCollector) collector).exchanges()).isEmpty();
  }

  private static EvidenceBundle assess(
      EvidenceCollector collector, String exchange, Instant asOf, ExchangeCatalog catalog) {
    try (Assessor assessor =
        Assessor.builder()
            .collector(collector)
            .catalog(catalog)
            .offline(true)
            .clock(CLOCK)
            .asOf(asOf)
            .build()) {
      return assessor.assess(exchange);
    }
  }
}
