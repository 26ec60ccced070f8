package io.cexsafe.por;

import io.cexsafe.facts.ProofStrength;
import java.util.Set;

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

  /**
   * Catalogue ids of the exchanges known to publish proofs in this format, so that a proof is not
   * counted for an exchange that never used it; empty when the format is not tied to particular
   * exchanges.
   */
  default Set<String> publishers() {
    return Set.of();
  }

  /** Whether the format comes with a separate file holding the published tree. */
  default boolean takesTree() {
    return false;
  }
}
