package io.cexsafe.por.internal;

import io.cexsafe.por.ProofScheme;
import java.util.List;

/** The schemes cexsafe implements, in detection order. */
public final class Schemes {
  private Schemes() {}

  /**
   * Every scheme, one line each: a scheme declares its own id, publishers and tree file, so adding
   * one is its class, its test and a line here.
   */
  public static List<ProofScheme> standard() {
    return List.of(
        new OkxV1Scheme(),
        new OkxV2Scheme(),
        BitgetScheme.format2025(),
        BitgetScheme.format2022(),
        new MexcScheme(),
        new BybitScheme(),
        new BitmexScheme(),
        new SilverSixpenceScheme(),
        ArmaninoScheme.defaultMode(),
        ArmaninoScheme.concatenateMode(),
        ZkPoseidonScheme.gateV1(),
        ZkPoseidonScheme.binanceV1(),
        ZkPoseidonScheme.binanceV2());
  }
}
