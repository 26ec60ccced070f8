package io.cexsafe.facts;

/** Who vouches for a proof of reserves. */
public enum AttestorIndependence {
  INDEPENDENT_ACCOUNTANT,
  ZK_PROOF,
  SELF_ATTESTED
}
