package io.cexsafe.facts;

import java.math.BigDecimal;
import java.util.Locale;

/** Assets held per unit of customer liabilities for one asset (1.02 means 102 %). */
public record AssetReserveRatio(String asset, BigDecimal ratio) {
  /**
   * Validates the components and upper-cases the asset.
   *
   * @param asset the asset's ticker, e.g. {@code BTC}
   * @param ratio assets held per unit of customer liabilities, not negative
   */
  public AssetReserveRatio {
    asset = Checks.text(asset, "asset").toUpperCase(Locale.ROOT);
    Checks.nonNegative(Checks.required(ratio, "ratio"), "ratio");
  }
}
