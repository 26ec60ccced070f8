package io.cexsafe.por.internal;

import io.cexsafe.por.ProofScheme;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The schemes cexsafe implements, in detection order. */
public final class Schemes {
  private Schemes() {}

  /**
   * Who publishes each format, from the reference's format table (catalogue ids; exchanges outside
   * the bundled catalogue use the ids a user catalogue would give them).
   */
  private static final Map<String, Set<String>> PUBLISHERS =
      Map.ofEntries(
          Map.entry("okx-v1", Set.of("okx")),
          Map.entry("okx-v2", Set.of("okx")),
          Map.entry("bitget-2025", Set.of("bitget")),
          Map.entry("bitget-2022", Set.of("bitget")),
          Map.entry("mexc", Set.of("mexc")),
          Map.entry("bybit", Set.of("bybit")),
          Map.entry("bitmex", Set.of("bitmex")),
          Map.entry("silversixpence", Set.of("crypto-com", "binance", "kucoin")),
          Map.entry("armanino", Set.of("kraken", "gate")),
          Map.entry("armanino-concatenate", Set.of("kraken", "gate")),
          Map.entry("gate-zk-v1", Set.of("gate")),
          Map.entry("binance-zk-v1", Set.of("binance")),
          Map.entry("binance-zk-v2", Set.of("binance")));

  private static final Set<String> WITH_TREE = Set.of("okx-v2", "bitmex", "silversixpence");

  static Set<String> publishers(String schemeId) {
    return PUBLISHERS.getOrDefault(schemeId, Set.of());
  }

  static boolean takesTree(String schemeId) {
    return WITH_TREE.contains(schemeId);
  }

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
