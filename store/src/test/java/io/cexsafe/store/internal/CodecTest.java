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
}
