package io.cexsafe.por.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Notes every scheme records beside its verdict. */
final class Findings {
  private Findings() {}

  /**
   * Records each negative balance: a sum tree without non-negativity proofs can hide liabilities
   * behind negative accounts, so a negative amount anywhere on the path is worth telling the user.
   */
  static void flagNegatives(Map<String, BigDecimal> balances, String where, List<String> findings) {
    balances.forEach(
        (asset, value) -> {
          if (value.signum() < 0) {
            findings.add(
                "negative " + asset + " balance " + value.toPlainString() + " at " + where);
          }
        });
  }
}
