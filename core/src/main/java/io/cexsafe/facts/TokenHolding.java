package io.cexsafe.facts;

import java.math.BigDecimal;
import java.util.Locale;

/** One token's share of reserves. */
public record TokenHolding(String symbol, BigDecimal usd, double share) {
  /** Validates the components. */
  public TokenHolding {
    symbol = Checks.text(symbol, "symbol").toUpperCase(Locale.ROOT);
    Checks.nonNegative(Checks.required(usd, "usd"), "usd");
    Checks.share(share, "share");
  }
}
