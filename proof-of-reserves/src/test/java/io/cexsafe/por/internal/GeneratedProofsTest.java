package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.por.ProofInput;
import io.cexsafe.por.ProofScheme;
import io.cexsafe.por.ProofVerifier;
import io.cexsafe.por.TreeSource;
import io.cexsafe.por.Verdict;
import io.cexsafe.por.VerificationStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For every scheme: trees built from random balances verify, and every one-character change of a
 * digit, hash character, orientation code or level in the proof (and in the tree file, where one is
 * published) makes the verifier reject.
 */
class GeneratedProofsTest {
  private final ProofVerifier verifier = ProofVerifier.standard();

  private static ProofInput input(Generators.Built built) {
    byte[] proof = built.proof().getBytes(StandardCharsets.UTF_8);
    if (built.tree() == null) {
      return ProofInput.of("generated", proof);
    }
    return ProofInput.of(
        "generated", proof, "tree", TreeSource.of(built.tree().getBytes(StandardCharsets.UTF_8)));
  }

  private Verdict verifyDetected(Generators.Built built, String expectedScheme) {
    ProofInput input = input(built);
    assertThat(verifier.detect(input)).map(ProofScheme::id).contains(expectedScheme);
    return verifier.verify(input);
  }

  private void assertAccepted(Generators.Built built, String scheme) {
    Verdict verdict = verifyDetected(built, scheme);
    assertThat(verdict.status())
        .as("%s: %s%n%s", scheme, verdict.reason(), built.proof())
        .isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.breakingLevel()).isNull();
    assertThat(verdict.rootHash()).isNotEmpty();
  }

  private void assertEveryChangeRejected(
      String scheme, Generators.Built built, List<Tamper.Change> proofChanges) {
    assertThat(proofChanges).isNotEmpty();
    for (Tamper.Change change : proofChanges) {
      Verdict verdict =
          verifier.verify(scheme, input(new Generators.Built(change.text(), built.tree())));
      assertThat(verdict.status()).as(change.describe()).isNotEqualTo(VerificationStatus.INCLUDED);
    }
    if (built.tree() != null) {
      for (Tamper.Change change : Tamper.textChanges(built.tree())) {
        Verdict verdict =
            verifier.verify(scheme, input(new Generators.Built(built.proof(), change.text())));
        assertThat(verdict.status())
            .as("tree " + change.describe())
            .isNotEqualTo(VerificationStatus.INCLUDED);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void okxV1(int seed) {
    Generators.Built built = Generators.okxV1(new Random(seed), 5 + seed * 7);
    assertAccepted(built, "okx-v1");
    assertEveryChangeRejected("okx-v1", built, Tamper.jsonValueChanges(built.proof(), Set.of()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void okxV2WithFullTree(int seed) {
    Generators.Built built = Generators.okxV2(new Random(seed), 3 + seed * 3);
    assertAccepted(built, "okx-v2");
    assertEveryChangeRejected("okx-v2", built, Tamper.jsonValueChanges(built.proof(), Set.of()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void bitget2025(int seed) {
    Generators.Built built = Generators.bitget(new Random(seed), 3 + seed * 5, true);
    assertAccepted(built, "bitget-2025");
    assertEveryChangeRejected(
        "bitget-2025", built, Tamper.jsonValueChanges(built.proof(), Set.of()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void bitget2022(int seed) {
    Generators.Built built = Generators.bitget(new Random(seed), 3 + seed * 5, false);
    assertAccepted(built, "bitget-2022");
    assertEveryChangeRejected(
        "bitget-2022", built, Tamper.jsonValueChanges(built.proof(), Set.of()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void mexc(int seed) {
    Generators.Built built = Generators.mexc(new Random(seed), 3 + seed * 3);
    assertAccepted(built, "mexc");
    assertEveryChangeRejected("mexc", built, Tamper.jsonValueChanges(built.proof(), Set.of()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1})
  void bybitRegisteredAudit(int seed) {
    List<String> assets =
        List.of(
            "AGLA", "APT", "ATOM", "AVAX", "MNT", "BTC", "DOGE", "DOT", "DYDX", "A", "ETH", "S",
            "LTC", "POL", "SOL", "USDC", "USDT", "XRP", "SHIB", "OP", "SAND", "LDO", "LINK", "COMP",
            "UNI", "MANA", "CRV", "BLUR", "SUSHI", "PEPE", "WLD", "BEAM", "AGI", "FET", "IMX",
            "RENDER", "GALA", "APEX", "SHRAP", "USDE");
    Generators.Built built = Generators.bybit(new Random(seed), 5, "2025061709", assets);
    assertAccepted(built, "bybit");
    // the nonce is not a leaf input, and the audit id only selects the asset order
    assertEveryChangeRejected(
        "bybit", built, Tamper.jsonValueChanges(built.proof(), Set.of("nonce", "auditId")));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void bybitUnregisteredAuditFallsBackToFileOrderAndSaysSo(int seed) {
    Generators.Built built =
        Generators.bybit(new Random(seed), 9, "1999010100", List.of("BTC", "ETH", "USDT"));
    Verdict verdict = verifyDetected(built, "bybit");
    assertThat(verdict.status()).isEqualTo(VerificationStatus.INCLUDED);
    assertThat(verdict.findings()).anyMatch(finding -> finding.contains("not registered"));
    assertEveryChangeRejected(
        "bybit", built, Tamper.jsonValueChanges(built.proof(), Set.of("nonce", "auditId")));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void bitmex(int seed) {
    Generators.Built built = Generators.bitmex(new Random(seed), 2 + seed * 2);
    assertAccepted(built, "bitmex");
    assertEveryChangeRejected("bitmex", built, Tamper.textChanges(built.proof()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void silverSixpence(int seed) {
    Generators.Built built = Generators.silverSixpence(new Random(seed), 3 + seed * 5);
    assertAccepted(built, "silversixpence");
    assertEveryChangeRejected(
        "silversixpence", built, Tamper.jsonValueChanges(built.proof(), Set.of()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void armaninoDefaultAndConcatenate(int seed) {
    for (boolean concatenate : List.of(false, true)) {
      String scheme = concatenate ? "armanino-concatenate" : "armanino";
      Generators.Built built = Generators.armanino(new Random(seed), 3 + seed * 4, concatenate);
      assertAccepted(built, scheme);
      assertEveryChangeRejected(scheme, built, Tamper.jsonValueChanges(built.proof(), Set.of()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gate-zk-v1", "binance-zk-v1", "binance-zk-v2"})
  void zkPoseidon(String id) {
    ZkPoseidonScheme scheme = (ZkPoseidonScheme) verifier.scheme(id).orElseThrow();
    ZkPoseidonScheme.Layout layout =
        switch (id) {
          case "gate-zk-v1" -> ZkPoseidonScheme.Layout.GATE_V1;
          case "binance-zk-v1" -> ZkPoseidonScheme.Layout.BINANCE_V1;
          default -> ZkPoseidonScheme.Layout.BINANCE_V2;
        };
    Random random = new Random(id.hashCode());
    Generators.Built built = Generators.zk(random, scheme, layout);
    assertAccepted(built, id);
    // each verification hashes hundreds of field elements, so a random sample of changes is used
    assertEveryChangeRejected(
        id, built, Tamper.sample(Tamper.jsonValueChanges(built.proof(), Set.of()), 12, random));
  }
}
