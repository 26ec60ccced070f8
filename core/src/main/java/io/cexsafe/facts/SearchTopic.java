package io.cexsafe.facts;

import io.cexsafe.Pillar;
import java.util.Set;

/** What a {@link SearchRecord} looked for, and so which pillar its result informs. */
public enum SearchTopic {
  /** On-chain reserve tracking (e.g. DeFiLlama's CEX list). */
  RESERVES(Pillar.CUSTODY),
  /** A proof of reserves or attestation that covers liabilities. */
  PROOF_OF_RESERVES(Pillar.PROOF_OF_RESERVES),
  /** An insurance policy or statement covering customer assets. */
  INSURANCE(Pillar.INSURANCE),
  /** A retail protection programme or self-insurance fund. */
  PROTECTION_PROGRAMME(Pillar.INSURANCE),
  /** A register entry (licence or registration) in the named jurisdiction. */
  LICENCE(Pillar.REGULATION),
  /** Regulator warnings or enforcement in the named jurisdiction. */
  REGULATORY_WARNING(Pillar.REGULATION),
  /** Hacks, halts, insolvency and other incidents. */
  INCIDENTS(Pillar.TRACK_RECORD),
  /** Audited financial statements or regulator-required filings. */
  FINANCIAL_STATEMENTS(Pillar.REGULATION);

  private final Pillar pillar;

  SearchTopic(Pillar pillar) {
    this.pillar = pillar;
  }

  /** {@return the pillar a search on this topic informs} */
  public Set<Pillar> pillars() {
    return Set.of(pillar);
  }
}
