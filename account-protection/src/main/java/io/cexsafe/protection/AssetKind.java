package io.cexsafe.protection;

/** What a transaction moved: digital assets or fiat money, which programmes value differently. */
public enum AssetKind {
  /** Cryptocurrencies and tokens. */
  DIGITAL_ASSET,
  /** Fiat money. */
  FIAT
}
