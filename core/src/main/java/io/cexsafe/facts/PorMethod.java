package io.cexsafe.facts;

/** What a proof-of-reserves publication proves, weakest last. */
public enum PorMethod {
  /** A zero-knowledge proof that liabilities sum correctly and balances are non-negative. */
  ZK_PROOF,
  /** A Merkle sum tree over customer liabilities. */
  MERKLE_SUM_TREE,
  /** A Merkle tree of liabilities without sums in the nodes. */
  MERKLE_TREE,
  /** Assets only: wallets or a dashboard, no liabilities. */
  ASSETS_ONLY
}
