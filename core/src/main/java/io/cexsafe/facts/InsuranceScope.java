package io.cexsafe.facts;

/** What an insurance policy covers. */
public enum InsuranceScope {
  /** Assets in cold storage. */
  COLD_STORAGE,
  /** Assets in hot wallets. */
  HOT_WALLETS,
  /** Crime cover: theft by employees or outsiders. */
  CRIME,
  /** Specie cover: physical loss or theft of assets held in vaults. */
  SPECIE,
  /** Cyber cover: losses from attacks on systems. */
  CYBER,
  /** Assets held by a custodian on the exchange's behalf. */
  CUSTODY
}
