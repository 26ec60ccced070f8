package io.cexsafe.collectors.disclosures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.Assessor;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.InvalidInputException;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Pillar;
import io.cexsafe.collectors.disclosures.internal.CuratedFact;
import io.cexsafe.collectors.disclosures.internal.DisclosureFile;
import io.cexsafe.collectors.disclosures.internal.DisclosureLibrary;
import io.cexsafe.facts.ComplaintHandling;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.InsurancePolicy;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.PorAttestation;
import io.cexsafe.facts.ProtectionProgramme;
import io.cexsafe.facts.Reimbursement;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks over the whole bundled dataset. */
class BundledDatasetTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  private static List<DisclosureFile> bundled() {
    return DisclosureLibrary.loadBundled(TODAY);
  }

  @Test
  void everyBundledFactHasASourceAndADateNotInTheFuture() {
    List<DisclosureFile> files = bundled();
    assertThat(files).isNotEmpty();
    int facts = 0;
    for (DisclosureFile file : files) {
      assertThat(file.curatedOn()).isBeforeOrEqualTo(TODAY);
      for (CuratedFact fact : file.facts()) {
        facts++;
        assertThat(fact.sourceUrl().isAbsolute()).as(fact.id()).isTrue();
        assertThat(fact.sourceUrl().getScheme()).as(fact.id()).isIn("https", "http", "urn");
        assertThat(fact.sourceTitle()).as(fact.id()).isNotBlank();
        assertThat(fact.observedOn()).as(fact.id()).isBeforeOrEqualTo(file.curatedOn());
        assertThat(fact.userSupplied()).isFalse();
        Evidence evidence = fact.toEvidence(DisclosuresCollector.ID);
        assertThat(evidence.provenance().observedAt()).isNotNull();
        assertThat(evidence.provenance().retrievedAt())
            .isEqualTo(file.curatedOn().atStartOfDay(ZoneOffset.UTC).toInstant());
      }
    }
    assertThat(facts).isGreaterThan(40);
  }

  @Test
  void seedDocumentsAreCitedByTheirDocumentedUrnAndTitle() {
    for (DisclosureFile file : bundled()) {
      for (CuratedFact fact : file.facts()) {
        if (fact.sourceUrl().getScheme().equals("urn")) {
          assertThat(fact.sourceUrl().toString())
              .as(fact.id())
              .matches("urn:cexsafe:seed:00[02]_[0-9a-f]{16}");
          assertThat(fact.sourceTitle()).contains(fact.sourceUrl().toString().substring(17));
        }
      }
    }
  }

  @Test
  void theBundledDatasetHasNoDuplicatesOrContradictions() {
    DisclosureLibrary library = DisclosureLibrary.of(bundled(), List.of());
    for (String exchange : library.exchanges()) {
      assertThat(library.find(exchange).orElseThrow().findings()).as(exchange).isEmpty();
    }
  }

  @Test
  void everyBundledFileIsListedAndNamesAKnownExchange() throws IOException {
    List<String> index = DisclosureLibrary.bundledIndex(getClass().getClassLoader());
    Set<String> catalogue =
        ExchangeCatalog.bundled().all().stream().map(e -> e.id()).collect(Collectors.toSet());
    assertThat(catalogue).containsAll(index);
    assertThat(bundled()).extracting(DisclosureFile::exchangeId).containsExactlyElementsOf(index);
    Path resources = Path.of("src/main/resources/" + DisclosureLibrary.RESOURCE_DIR);
    try (var listing = Files.list(resources)) {
      List<String> onDisk =
          listing
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .map(n -> n.substring(0, n.length() - 5))
              .sorted()
              .toList();
      assertThat(onDisk)
          .as("every file on disk is in index.txt")
          .containsExactlyInAnyOrderElementsOf(index);
    }
  }

  @Test
  void cryptoComHasEvidenceInAllEightPillarsOffline() {
    try (Assessor assessor =
        Assessor.builder()
            .collector(DisclosuresCollector.bundled())
            .offline(true)
            .clock(Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC))
            .build()) {
      EvidenceBundle bundle = assessor.assess("crypto-com");

      assertThat(bundle.outcomes())
          .singleElement()
          .satisfies(
              o -> {
                assertThat(o.status()).isEqualTo(OutcomeStatus.OK);
                assertThat(o.problems()).isEmpty();
              });
      Set<Pillar> covered = EnumSet.noneOf(Pillar.class);
      bundle.evidence().forEach(e -> covered.addAll(e.pillars()));
      assertThat(covered).containsExactlyInAnyOrder(Pillar.values());
    }
  }

  @Test
  void cryptoComCarriesTheKeyFactsOfTheSourceDocuments() {
    List<Evidence> evidence = DisclosuresCollector.bundled().evidence("crypto-com");
    List<InsurancePolicy> policies = facts(evidence, InsurancePolicy.class);
    assertThat(policies)
        .anySatisfy(
            p -> {
              assertThat(p.coverUsd()).isEqualByComparingTo("750000000");
              assertThat(p.underwriter()).contains("Lloyd's Syndicate 2012");
            })
        .anySatisfy(
            p -> {
              assertThat(p.coverUsd()).isEqualByComparingTo("120000000");
              assertThat(p.broker()).isEqualTo("Aon");
            });
    ProtectionProgramme app = facts(evidence, ProtectionProgramme.class).get(0);
    assertThat(app.capPerUserUsd()).isEqualByComparingTo("250000");
    assertThat(app.countries()).hasSize(26).contains("AE", "TR", "ZA", "HK", "SA");
    assertThat(app.prerequisites()).hasSize(9);
    PorAttestation por = facts(evidence, PorAttestation.class).get(0);
    assertThat(por.reportDate()).isEqualTo(LocalDate.of(2022, 12, 7));
    assertThat(por.attestorWithdrawn()).isTrue();
    Incident incident = facts(evidence, Incident.class).get(0);
    assertThat(incident.date()).isEqualTo(LocalDate.of(2022, 1, 17));
    assertThat(incident.reimbursement()).isEqualTo(Reimbursement.FULL);
    assertThat(incident.hardeningMeasures()).hasSize(4);
    assertThat(facts(evidence, ComplaintHandling.class).get(0).resolutionWorkingDays())
        .isEqualTo(15);
    assertThat(facts(evidence, Licence.class))
        .hasSizeGreaterThanOrEqualTo(7)
        .allSatisfy(l -> assertThat(l.status()).isEqualTo(LicenceStatus.CLAIMED));
  }

  @Test
  void aBrokenBundledFileFailsTheWholeLoad(@TempDir Path root) throws IOException {
    Path dir = root.resolve(DisclosureLibrary.RESOURCE_DIR);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("index.txt"), "crypto-com\nkraken\n", StandardCharsets.UTF_8);
    Files.copy(
        Path.of("src/main/resources/" + DisclosureLibrary.RESOURCE_DIR + "crypto-com.json"),
        dir.resolve("crypto-com.json"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> DisclosureLibrary.loadBundled(loader, TODAY))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("bundled kraken.json")
          .hasMessageContaining("missing from the class path");

      Files.writeString(dir.resolve("kraken.json"), "{\"exchange\": \"kraken\", \"curatedOn\": ");
      assertThatThrownBy(() -> DisclosureLibrary.loadBundled(loader, TODAY))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("bundled kraken.json")
          .hasMessageContaining("malformed JSON");

      Files.writeString(
          dir.resolve("kraken.json"),
          "{\"exchange\": \"binance\", \"curatedOn\": \"2026-01-01\", \"facts\": []}");
      assertThatThrownBy(() -> DisclosureLibrary.loadBundled(loader, TODAY))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("bundled kraken.json: $.exchange");
    }
  }

  private static <T> List<T> facts(List<Evidence> evidence, Class<T> type) {
    return evidence.stream().map(Evidence::fact).filter(type::isInstance).map(type::cast).toList();
  }
}
