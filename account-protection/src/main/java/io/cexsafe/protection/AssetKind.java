package io.cexsafe.protection;

/** What a transaction moved: digital assets or fiat money, which programmes value differently. */
public enum AssetKind {
  DIGITAL_ASSET,
  FIAT
}
