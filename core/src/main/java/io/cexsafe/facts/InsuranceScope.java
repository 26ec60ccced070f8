package io.cexsafe.facts;

/** What an insurance policy covers. */
public enum InsuranceScope {
  COLD_STORAGE,
  HOT_WALLETS,
  CRIME,
  SPECIE,
  CYBER,
  CUSTODY
}
