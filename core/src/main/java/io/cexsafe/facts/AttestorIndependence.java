package io.cexsafe.facts;

/** Who vouches for a proof of reserves. */
public enum AttestorIndependence {
  /** An accounting firm independent of the exchange. */
  INDEPENDENT_ACCOUNTANT,
  /** A zero-knowledge proof anyone can check, with no attestor to trust. */
  ZK_PROOF,
  /** The exchange itself. */
  SELF_ATTESTED
}
