package io.cexsafe.facts;

/** Normalised status of a licence or registration. */
public enum LicenceStatus {
  /** The register shows it current. */
  ACTIVE,
  /** It expired or was not renewed. */
  LAPSED,
  /** The regulator revoked it or the firm withdrew it. */
  REVOKED_OR_WITHDRAWN,
  /** The register lists the entity with a warning or as non-compliant. */
  WARNED,
  /** The register answered and has no such entry. */
  NOT_FOUND,
  /** Someone (usually the exchange) claims it; no register has confirmed it. */
  CLAIMED
}
