package io.cexsafe.por.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What OKX v1 and v2 share: the fixed asset list and its JSON serialisation. */
final class Okx {
  static final List<String> ASSETS = List.of("BTC", "ETH", "USDT");

  private Okx() {}

  /** Balances as printed, in OKX's fixed asset order; exactly BTC, ETH and USDT. */
  static Map<String, String> balances(JsonNode owner, String where) {
    Map<String, String> printed = Json.balancesAsPrinted(owner, "balances", where, false);
    if (!printed.keySet().equals(new java.util.HashSet<>(ASSETS))) {
      throw new MalformedProofException(
          where + ".balances must hold exactly " + ASSETS + ", has " + printed.keySet());
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    ASSETS.forEach(asset -> ordered.put(asset, printed.get(asset)));
    return ordered;
  }

  /** {@code {"BTC":"b","ETH":"e","USDT":"u"}} with no spaces and values as printed. */
  static String json(Map<String, String> printed) {
    StringBuilder json = new StringBuilder("{");
    for (String asset : ASSETS) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"').append(asset).append("\":\"").append(printed.get(asset)).append('"');
    }
    return json.append('}').toString();
  }

  static boolean allZero(Map<String, BigDecimal> balances) {
    return balances.values().stream().allMatch(value -> value.signum() == 0);
  }
}
