package io.cexsafe.por.internal;

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
import io.cexsafe.facts.ProofVerification;
import io.cexsafe.por.ProofCollector;
import io.cexsafe.por.ProofCollectorProvider;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.ProofVerifier;
import io.cexsafe.por.VerificationStatus;
import io.cexsafe.spi.CollectorRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProofCollectorTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final ExchangeCatalog CATALOG = ExchangeCatalog.bundled();
  private static final Exchange OKX = CATALOG.get("okx");
  private static final Exchange CRYPTO_COM = CATALOG.get("crypto-com");

  @TempDir Path temp;

  private final Generators.Built okx = Generators.okxV2(new Random(3), 6);

  @Test
  void anIncludedProofBecomesCryptographicallyVerifiedEvidence() throws IOException {
    Path proof = write("okx-user.json", okx.proof());
    Path tree = write("okx-tree.txt", okx.tree());
    ProofCollector collector =
        ProofCollector.builder()
            .proof("okx", proof)
            .tree("okx", tree)
            .snapshotDate("okx", LocalDate.parse("2026-10-01"))
            .build();

    EvidenceBundle result = collect(collector, OKX);

    assertThat(result.outcomes().get(0).status()).isEqualTo(OutcomeStatus.OK);
    assertThat(result.evidence()).hasSize(1);
    Evidence evidence = result.evidence().get(0);
    ProofVerification fact = (ProofVerification) evidence.fact();
    assertThat(fact.included()).isTrue();
    assertThat(fact.format()).isEqualTo("okx-v2");
    assertThat(fact.snapshotDate()).isEqualTo(LocalDate.parse("2026-10-01"));
    assertThat(fact.rootTotals()).containsOnlyKeys("BTC", "ETH", "USDT");
    assertThat(evidence.exchangeId()).isEqualTo("okx");
    assertThat(evidence.provenance().collectorId()).isEqualTo(ProofCollector.ID);
    assertThat(evidence.provenance().evidenceClass())
        .isEqualTo(EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED);
    assertThat(evidence.provenance().sourceUrl()).isEqualTo(proof.toUri());
    assertThat(evidence.provenance().observedAt()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    assertThat(evidence.provenance().retrievedAt()).isEqualTo(NOW);
    assertThat(evidence.provenance().note())
        .doesNotContain("snapshot date not given")
        .contains("not compared with one the exchange published");
    assertThat(collector.verdict("okx").orElseThrow().status())
        .isEqualTo(VerificationStatus.INCLUDED);
  }

  @Test
  void withoutASnapshotDateTheFileDateStandsInAndTheEvidenceSaysSo() throws IOException {
    Path proof = write("okx-v1.json", Generators.okxV1(new Random(5), 7).proof());
    Files.setLastModifiedTime(proof, FileTime.from(Instant.parse("2026-06-30T08:00:00Z")));
    ProofCollector collector = ProofCollector.builder().proof("okx", proof).build();

    Evidence evidence = collect(collector, OKX).evidence().get(0);

    assertThat(evidence.provenance().observedAt()).isEqualTo(Instant.parse("2026-06-30T08:00:00Z"));
    assertThat(evidence.provenance().note()).contains("snapshot date not given");
    assertThat(((ProofVerification) evidence.fact()).snapshotDate()).isNull();
  }

  @Test
  void aFileDatedAfterTheRunWithoutASnapshotDateIsNotCounted() throws IOException {
    Path proof = write("okx-v1.json", Generators.okxV1(new Random(5), 7).proof());
    Files.setLastModifiedTime(proof, FileTime.from(NOW.plusSeconds(86_400 * 30)));
    ProofCollector collector = ProofCollector.builder().proof("okx", proof).build();

    EvidenceBundle result = collect(collector, OKX);

    CollectorOutcome outcome = result.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.SKIPPED);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.INVALID_DATA);
    assertThat(outcome.message()).contains("dated after the assessment date", "--proof-date okx");
    assertThat(result.evidence()).isEmpty();
  }

  @Test
  void aProofThatDoesNotVerifyIsEvidenceOfAFailedCheckNotAnError() throws IOException {
    ProofVerifier verifier = ProofVerifier.standard();
    Generators.Built built = Generators.okxV1(new Random(11), 9);
    String tampered =
        Tamper.jsonValueChanges(built.proof(), Set.of()).stream()
            .map(Tamper.Change::text)
            .filter(
                text ->
                    verifier.verify("okx-v1", ProofInput.of("p", text)).status()
                        == VerificationStatus.NOT_INCLUDED)
            .findFirst()
            .orElseThrow();
    ProofCollector collector =
        ProofCollector.builder().proof("okx", write("tampered.json", tampered)).build();

    EvidenceBundle result = collect(collector, OKX);

    assertThat(result.outcomes().get(0).status()).isEqualTo(OutcomeStatus.OK);
    ProofVerification fact = (ProofVerification) result.evidence().get(0).fact();
    assertThat(fact.included()).isFalse();
    assertThat(fact.failure()).isNotBlank();
  }

  @Test
  void anExchangeWithoutAProofIsSkippedAndSaysHowToGiveOne() throws IOException {
    ProofCollector collector =
        ProofCollector.builder()
            .proof("okx", write("o.json", Generators.okxV1(new Random(1), 3).proof()))
            .build();

    EvidenceBundle result = collect(collector, CRYPTO_COM);

    CollectorOutcome outcome = result.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.SKIPPED);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.DISABLED);
    assertThat(outcome.message())
        .contains("--proof crypto-com=<file>", "proof-of-reserves.proof.crypto-com");
    assertThat(result.evidence()).isEmpty();
  }

  @Test
  void badProofsStopTheBuildNamingTheFileAndTheProblem() throws IOException {
    Path missing = temp.resolve("missing.json");
    assertThatThrownBy(() -> ProofCollector.builder().proof("okx", missing).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("missing.json")
        .hasMessageContaining("file not found");

    Path junk = write("junk.json", "{\"hello\": 1}");
    assertThatThrownBy(() -> ProofCollector.builder().proof("okx", junk).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("junk.json")
        .hasMessageContaining("proof-of-reserves.format.okx");

    Path user = write("okx-user.json", okx.proof());
    assertThatThrownBy(() -> ProofCollector.builder().proof("okx", user).build())
        .as("okx-v2 without its tree is malformed, not 'not included'")
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("okx-user.json")
        .hasMessageContaining("tree");

    assertThatThrownBy(
            () -> ProofCollector.builder().proof("okx", user).format("okx", "nosuch").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown proof format 'nosuch'");

    assertThatThrownBy(() -> ProofCollector.builder().tree("okx", user).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no proof");
  }

  @Test
  void aProofInAnotherExchangesFormatOrWithAStrayTreeIsRefused() throws IOException {
    Path okxProof = write("okx-v1.json", Generators.okxV1(new Random(2), 5).proof());
    assertThatThrownBy(() -> ProofCollector.builder().proof("crypto-com", okxProof).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("this okx-v1 proof does not come from crypto-com")
        .hasMessageContaining("published by okx");

    Path stray = write("tree.txt", okx.tree());
    assertThatThrownBy(
            () -> ProofCollector.builder().proof("okx", okxProof).tree("okx", stray).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tree.txt")
        .hasMessageContaining("no separate tree file");

    Generators.Built silver = Generators.silverSixpence(new Random(4), 6);
    ProofCollector crypto =
        ProofCollector.builder()
            .proof("crypto-com", write("ss.json", silver.proof()))
            .tree("crypto-com", write("ss.csv", silver.tree()))
            .build();
    assertThat(collect(crypto, CRYPTO_COM).outcomes().get(0).status()).isEqualTo(OutcomeStatus.OK);
  }

  @Test
  void aSnapshotAfterTheAssessmentDateIsNotCounted() throws IOException {
    ProofCollector collector =
        ProofCollector.builder()
            .proof("okx", write("okx-v1.json", Generators.okxV1(new Random(6), 4).proof()))
            .snapshotDate("okx", LocalDate.parse("2026-11-22"))
            .build();

    EvidenceBundle result = collect(collector, OKX);

    CollectorOutcome outcome = result.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.SKIPPED);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.INVALID_DATA);
    assertThat(outcome.message()).contains("2026-11-22", "after the assessment date 2026-11-21");
    assertThat(result.evidence()).isEmpty();
  }

  @Test
  void providerReadsProofSettingsPerExchange() throws IOException {
    Path proof = write("okx-user.json", okx.proof());
    Path tree = write("okx-tree.txt", okx.tree());
    Config settings =
        Config.of(
                Map.of(
                    "proof-of-reserves.proof.okx", proof.toString(),
                    "proof-of-reserves.tree.okx", tree.toString(),
                    "proof-of-reserves.format.okx", "okx-v2",
                    "proof-of-reserves.snapshot.okx", "2023-04-01",
                    "proof-of-reserves.enabled", "true"))
            .scoped(ProofCollector.ID);

    ProofCollector collector = (ProofCollector) new ProofCollectorProvider().create(settings);

    Evidence evidence = collect(collector, OKX).evidence().get(0);
    assertThat(((ProofVerification) evidence.fact()).snapshotDate())
        .isEqualTo(LocalDate.parse("2023-04-01"));
    assertThat(collect(collector, CRYPTO_COM).outcomes().get(0).status())
        .isEqualTo(OutcomeStatus.SKIPPED);
  }

  @Test
  void providerRejectsUnknownKeysAndBadDates() {
    ProofCollectorProvider provider = new ProofCollectorProvider();
    assertThatThrownBy(() -> provider.create(Config.of(Map.of("proofs.okx", "x"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("proof-of-reserves.proofs.okx");
    assertThatThrownBy(() -> provider.create(Config.of(Map.of("proof", "x"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("proof.<exchange-id>");
    assertThatThrownBy(() -> provider.create(Config.of(Map.of("snapshot.okx", "April 2023"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected a date");
    assertThat(provider.create(Config.empty()).id()).isEqualTo(ProofCollector.ID);
    assertThatThrownBy(() -> provider.create(Config.of(Map.of("max-tree-size", "lots"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("proof-of-reserves.max-tree-size")
        .hasMessageContaining("not a size");
    assertThat(provider.create(Config.of(Map.of("max-tree-size", "128G"))).id())
        .isEqualTo(ProofCollector.ID);
    assertThat(provider.settings())
        .anyMatch(key -> key.matches("proof.okx"))
        .anyMatch(key -> key.matches("max-tree-size"));
  }

  /** Writes a proof dated a day before the fixed assessment clock, whatever today's date is. */
  private Path write(String name, String content) throws IOException {
    Path file = Files.writeString(temp.resolve(name), content);
    Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(86_400)));
    return file;
  }

  /** Runs the collector for one exchange as an assessment would. */
  private static EvidenceBundle collect(ProofCollector collector, Exchange exchange) {
    try (Assessor assessor =
        Assessor.builder()
            .collectors(CollectorRegistry.builder().register(collector).build())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build()) {
      return assessor.assess(exchange);
    }
  }
}
