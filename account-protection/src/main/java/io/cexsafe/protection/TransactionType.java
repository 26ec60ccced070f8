package io.cexsafe.protection;

/** What a transaction in a claim did with the claimant's funds. */
public enum TransactionType {
  /** Digital assets sent from the crypto wallet to an external wallet. */
  DIGITAL_ASSET_WITHDRAWAL(AssetKind.DIGITAL_ASSET),
  /**
   * Fiat from the fiat wallet used to buy digital assets that were then sent to an external wallet;
   * the amount is the fiat debited.
   */
  FIAT_PURCHASE_THEN_WITHDRAWAL(AssetKind.FIAT),
  /** Fiat sent from the fiat wallet to a bank account. */
  FIAT_BANK_TRANSFER(AssetKind.FIAT),
  /** A conversion or trade that stayed inside the account: nothing left it. */
  INTERNAL_CONVERSION(null);

  private final AssetKind assetKind;

  TransactionType(AssetKind assetKind) {
    this.assetKind = assetKind;
  }

  /** {@return the kind of asset the claimant lost, or null when nothing left the account} */
  public AssetKind assetKind() {
    return assetKind;
  }

  /** {@return whether the transaction moved something out of the account} */
  public boolean leavesAccount() {
    return assetKind != null;
  }
}
