package io.cexsafe.facts;

import java.math.BigDecimal;
import java.util.Locale;

/** One token's share of reserves. */
public record TokenHolding(String symbol, BigDecimal usd, double share) {
  /**
   * Validates the components and upper-cases the symbol.
   *
   * @param symbol the token's ticker, e.g. {@code USDT}
   * @param usd the holding's value in USD
   * @param share its share of reserves, from 0 to 1
   */
  public TokenHolding {
    symbol = Checks.text(symbol, "symbol").toUpperCase(Locale.ROOT);
    Checks.nonNegative(Checks.required(usd, "usd"), "usd");
    Checks.share(share, "share");
  }
}
