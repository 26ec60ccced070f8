package io.cexsafe.por;

/** The outcome of checking one proof. */
public enum VerificationStatus {
  /** The user's leaf hashes up to the published root and every checked sum adds up. */
  INCLUDED,
  /** The proof is well formed but a hash, a sum or an orientation does not match. */
  NOT_INCLUDED,
  /** The proof cannot be checked: missing or invalid fields, unknown format, unreadable file. */
  MALFORMED
}
