package io.cexsafe.facts;

/** Ways in which wallet keys are protected. */
public enum KeyProtection {
  /** Keys kept in hardware security modules. */
  HSM,
  /** Keys split by multi-party computation; no single party holds a whole key. */
  MPC,
  /** Transactions need several signatures. */
  MULTISIG,
  /** Access to keys limited by role, with separation of duties. */
  ROLE_BASED_ACCESS,
  /** Signing on machines never connected to a network. */
  AIR_GAPPED,
  /** Key shares or backups kept in several places. */
  GEOGRAPHIC_DISTRIBUTION
}
