package io.cexsafe.facts;

/** How much an inclusion proof can show, weakest first. */
public enum ProofStrength {
  /** A plain hash tree: inclusion only, no sums. */
  HASH_TREE,
  /** A Merkle sum tree: inclusion and the amounts summed up to the root. */
  SUM_TREE,
  /** A sum tree whose full tree is published and was checked. */
  SUM_TREE_FULL_TREE_PUBLISHED,
  /** A zero-knowledge proof of correct, non-negative sums. */
  ZK_PROOF_OF_SUMS;

  /**
   * Compares strengths.
   *
   * @param other the strength to compare with
   * @return true when this strength is {@code other} or stronger
   */
  public boolean atLeast(ProofStrength other) {
    return ordinal() >= other.ordinal();
  }
}
