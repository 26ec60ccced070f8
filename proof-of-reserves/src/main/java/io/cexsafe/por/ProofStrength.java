package io.cexsafe.por;

/**
 * How much a user can check with a proof, weakest first (reference classes 0 to 4). The ordinal
 * order is the strength order, so {@code compareTo} ranks schemes.
 */
public enum ProofStrength {
  /** A report or dashboard; nothing cryptographic to check. */
  ATTESTATION_ONLY(0),
  /** The user's leaf is in a tree with the published root; totals cannot be checked. */
  PLAIN_HASH_TREE(1),
  /** Sibling sums along the path add up to the published root totals. */
  SUM_TREE(2),
  /** Every node and every sum of the published tree can be checked by anyone. */
  SUM_TREE_FULL_TREE(3),
  /** Inclusion plus a zero-knowledge proof that totals are right and no account is negative. */
  ZK_PROOF_OF_SUMS(4);

  private final int referenceClass;

  ProofStrength(int referenceClass) {
    this.referenceClass = referenceClass;
  }

  /** The class number used in the methodology and the PoR reference (0 to 4). */
  public int referenceClass() {
    return referenceClass;
  }
}
