package io.cexsafe.collectors.defillama;

import io.cexsafe.testing.Fixtures;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;

/** Routes of the mock DeFiLlama server, built from our own fixtures. */
final class DefiLlamaFixtures {
  private DefiLlamaFixtures() {}

  static MockResponse json(String fixture) {
    return Fixtures.jsonFixture("defillama/" + fixture);
  }

  /** Everything a Crypto.com collection asks for. */
  static Map<String, MockResponse> cryptoComRoutes() {
    Map<String, MockResponse> routes = new LinkedHashMap<>();
    routes.put("/cexs", json("cexs.json"));
    routes.put("/protocol/crypto-com", json("protocol-crypto-com.json"));
    routes.put("/stablecoins", json("stablecoins.json"));
    routes.put("/hacks", json("hacks.json"));
    return routes;
  }

  /** Everything a Binance collection asks for, including the three flow windows. */
  static Map<String, MockResponse> binanceRoutes() {
    Map<String, MockResponse> routes = new LinkedHashMap<>();
    routes.put("/cexs", json("cexs.json"));
    routes.put("/protocol/binance-cex", json("protocol-binance-cex.json"));
    routes.put("/stablecoins", json("stablecoins.json"));
    routes.put("/hacks", json("hacks.json"));
    routes.put("/inflows/binance-cex/1795176000", json("inflows-binance-24h.json"));
    routes.put("/inflows/binance-cex/1794657600", json("inflows-binance-7d.json"));
    routes.put("/inflows/binance-cex/1792670400", json("inflows-binance-30d.json"));
    return routes;
  }
}
