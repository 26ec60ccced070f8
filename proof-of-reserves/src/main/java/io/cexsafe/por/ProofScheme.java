package io.cexsafe.por;

import io.cexsafe.facts.ProofStrength;

/**
 * One published proof format: how leaves and nodes are hashed, how siblings are oriented, how sums
 * are formatted. Implementations never throw for bad proofs; they return a {@link Verdict} with
 * status {@link VerificationStatus#MALFORMED}.
 */
public interface ProofScheme {

  /** Stable identifier used by {@code --format}, e.g. {@code okx-v2}. */
  String id();

  /** One line for {@code cexsafe por formats}. */
  String description();

  ProofStrength strength();

  /** Whether this proof file unmistakably has this scheme's shape. Never throws. */
  boolean detects(ProofInput input);

  Verdict verify(ProofInput input);
}
