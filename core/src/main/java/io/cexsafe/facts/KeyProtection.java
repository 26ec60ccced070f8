package io.cexsafe.facts;

/** Ways in which wallet keys are protected. */
public enum KeyProtection {
  HSM,
  MPC,
  MULTISIG,
  ROLE_BASED_ACCESS,
  AIR_GAPPED,
  GEOGRAPHIC_DISTRIBUTION
}
