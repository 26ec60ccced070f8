package io.cexsafe.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.Pillar;
import io.cexsafe.scoring.PillarScore;
import io.cexsafe.store.PillarPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecTest {
  @Test
  void pillarTextComesBackAsThePillarPoints() {
    List<PillarScore> scores =
        List.of(
            new PillarScore(Pillar.CUSTODY, 20, 81.25, 70.5, 90.0, 0.75, List.of()),
            new PillarScore(Pillar.SUPPORT, 5, null, 0.0, 100.0, 0.0, List.of()),
            new PillarScore(Pillar.INSURANCE, 10, 1.0E-4, 0.0, 2.5E-4, 1.0, List.of()));

    List<PillarPoint> points = Codec.pillars(Codec.pillars(scores));

    assertThat(points)
        .containsExactly(
            new PillarPoint(Pillar.CUSTODY, 81.25, 70.5, 90.0, 0.75),
            new PillarPoint(Pillar.SUPPORT, null, 0.0, 100.0, 0.0),
            new PillarPoint(Pillar.INSURANCE, 1.0E-4, 0.0, 2.5E-4, 1.0));
  }

  @Test
  void noPillarTextIsNoPoints() {
    assertThat(Codec.pillars((String) null)).isEmpty();
    assertThat(Codec.pillars("")).isEmpty();
  }

  @Test
  void aPillarThisVersionDoesNotKnowIsLeftOut() {
    assertThat(
            Codec.pillars(
                "custody=50.0/40.0/60.0/0.5;staking=1.0/0.0/2.0/1.0;support=/0.0/100.0/0.0"))
        .containsExactly(
            new PillarPoint(Pillar.CUSTODY, 50.0, 40.0, 60.0, 0.5),
            new PillarPoint(Pillar.SUPPORT, null, 0.0, 100.0, 0.0));
  }

  @Test
  void anImpossiblePointIsRefused() {
    assertThatThrownBy(() -> Codec.pillars("custody=50.0/60.0/40.0/0.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("low <= high");
  }

  private static io.cexsafe.scoring.Scorecard scorecard(long reservesUsd) {
    io.cexsafe.EvidenceBundle bundle =
        new io.cexsafe.EvidenceBundle(
            "kraken",
            java.time.Instant.parse("2026-11-01T12:00:00Z"),
            List.of(
                io.cexsafe.Evidence.of(
                    "kraken",
                    new io.cexsafe.facts.ReserveSnapshot(
                        java.math.BigDecimal.valueOf(reservesUsd),
                        java.math.BigDecimal.valueOf(reservesUsd / 2),
                        java.math.BigDecimal.ZERO,
                        true),
                    io.cexsafe.Provenance.builder("defillama")
                        .source("https://api.example.test/cexs", "reserves")
                        .observedAt(java.time.Instant.parse("2026-11-01T11:00:00Z"))
                        .retrievedAt(java.time.Instant.parse("2026-11-01T12:00:00Z"))
                        .evidenceClass(io.cexsafe.EvidenceClass.THIRD_PARTY_REPORT)
                        .build())),
            List.of(io.cexsafe.CollectorOutcome.ok("defillama", 1)));
    return io.cexsafe.scoring.Scorer.standard().score(bundle);
  }

  @Test
  void aPackedScorecardComesBackAsItsJsonAndIsMuchSmaller() {
    io.cexsafe.scoring.Scorecard card = scorecard(1_000_000_000L);
    byte[] packed = Codec.packedScorecard(card);

    io.cexsafe.scoring.Scorecard unpacked = Codec.packedScorecard(packed);

    assertThat(unpacked.toJson()).isEqualTo(card.toJson());
    assertThat(Codec.scorecard(unpacked)).isEqualTo(Codec.scorecard(card));
    byte[] json = Codec.scorecard(card).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(packed.length).isLessThan(json.length / 3);
    // zlib's header: the stored form is the standard one any tool can inflate
    assertThat(packed[0]).isEqualTo((byte) 0x78);
  }

  @Test
  void packingAgainOnTheSameThreadGivesTheSameBytes() {
    io.cexsafe.scoring.Scorecard card = scorecard(5L);
    byte[] first = Codec.packedScorecard(card);
    Codec.packedScorecard(scorecard(7_000_000L));
    assertThat(Codec.packedScorecard(card)).isEqualTo(first);
  }

  @Test
  void damagedOrForeignBytesAreRefusedNotMisread() {
    byte[] packed = Codec.packedScorecard(scorecard(1_000L));
    byte[] damaged = packed.clone();
    damaged[damaged.length / 2] ^= 0x55;
    byte[] truncated = java.util.Arrays.copyOf(packed, packed.length / 2);
    byte[] text = "{\"exchangeId\":\"kraken\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    for (byte[] bad : List.of(damaged, truncated, text, new byte[0])) {
      assertThatThrownBy(() -> Codec.packedScorecard(bad))
          .isInstanceOfAny(IllegalStateException.class, io.cexsafe.InvalidInputException.class)
          .hasMessageContaining("stored scorecard");
    }
  }

  @Test
  void aScorecardIsPackedWithTheDictionaryAndSchemaThreesBodiesStillRead() {
    io.cexsafe.scoring.Scorecard card = scorecard(3_000_000L);
    byte[] packed = Codec.packedScorecard(card);
    // zlib's FDICT flag and the dictionary's Adler-32 right after the two header bytes
    assertThat(packed[1] & 0x20).isEqualTo(0x20);
    assertThat(java.nio.ByteBuffer.wrap(packed, 2, 4).getInt()).isEqualTo(Codec.DICTIONARY_ADLER);
    byte[] schemaThree = SchemaTwoWriter.schemaThreePacked(card);
    assertThat(packed.length).isLessThan(schemaThree.length / 2);
    assertThat(Codec.packedScorecard(schemaThree).toJson()).isEqualTo(card.toJson());
    assertThat(Codec.packedScorecard(packed).toJson()).isEqualTo(card.toJson());
  }

  @Test
  void aScorecardPackedWithAnotherDictionaryIsRefused() {
    byte[] json = Codec.scorecard(scorecard(9L)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.util.zip.Deflater deflater = new java.util.zip.Deflater(1);
    deflater.setDictionary("another dictionary".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    deflater.setInput(json);
    deflater.finish();
    byte[] buffer = new byte[json.length + 64];
    int length = deflater.deflate(buffer);
    deflater.end();
    byte[] foreign = java.util.Arrays.copyOf(buffer, length);

    assertThatThrownBy(() -> Codec.packedScorecard(foreign))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stored scorecard names a dictionary");
  }

  @Test
  void theEvidenceUsedComesBackInOrderWithExactRetrievalTimes() {
    byte[] first = Codec.sha256Bytes("first");
    byte[] second = Codec.sha256Bytes("second");
    java.time.Instant exact = java.time.Instant.parse("2026-11-01T12:00:00.123456789Z");
    java.time.Instant early = java.time.Instant.parse("1969-12-31T23:59:59.5Z");

    byte[] packed =
        Codec.evidenceUsed(
            List.of(first, second, first), List.of(exact, early, exact.plusNanos(1)));

    assertThat(Codec.evidenceUsed(packed))
        .containsExactly(
            new Codec.EvidenceUse(Codec.sha256("first"), exact),
            new Codec.EvidenceUse(Codec.sha256("second"), early),
            new Codec.EvidenceUse(Codec.sha256("first"), exact.plusNanos(1)));
    assertThat(packed).hasSize(1 + 3 * 44);
    assertThat(Codec.evidenceUsed(Codec.evidenceUsed(List.of(), List.of()))).isEmpty();
  }

  @Test
  void aDamagedOrNewerListOfEvidenceUsedIsRefusedAndBadInputToo() {
    byte[] packed =
        Codec.evidenceUsed(
            List.of(Codec.sha256Bytes("x")),
            List.of(java.time.Instant.parse("2026-11-01T12:00:00Z")));
    byte[] newer = packed.clone();
    newer[0] = 2;
    byte[] badNanos = packed.clone();
    badNanos[packed.length - 4] = (byte) 0x7f;
    for (byte[] bad :
        List.of(new byte[0], newer, java.util.Arrays.copyOf(packed, packed.length - 1), badNanos)) {
      assertThatThrownBy(() -> Codec.evidenceUsed(bad))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("stored list of the evidence used");
    }
    assertThatThrownBy(
            () -> Codec.evidenceUsed(List.of(new byte[31]), List.of(java.time.Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Codec.evidenceUsed(List.of(new byte[32]), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
