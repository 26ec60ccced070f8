package io.cexsafe.por;

import io.cexsafe.facts.ProofStrength;
import java.util.Set;

/**
 * One published proof format: how leaves and nodes are hashed, how siblings are oriented, how sums
 * are formatted. Implementations never throw for bad proofs; they return a {@link Verdict} with
 * status {@link VerificationStatus#MALFORMED}.
 */
public interface ProofScheme {

  /** {@return the stable identifier used by {@code --format}, e.g. {@code okx-v2}} */
  String id();

  /** {@return one line for {@code cexsafe por formats}} */
  String description();

  /** {@return how much a proof in this format can show} */
  ProofStrength strength();

  /**
   * Tells whether this proof file unmistakably has this scheme's shape. Never throws.
   *
   * @param input the proof, and its tree if given
   * @return true when it has this scheme's shape
   */
  boolean detects(ProofInput input);

  /**
   * Recomputes the proof. A proof that does not hold is a verdict, not an exception.
   *
   * @param input the proof, and its tree if given
   * @return included, not included or malformed, with where and why
   */
  Verdict verify(ProofInput input);

  /**
   * {@return catalogue ids of the exchanges known to publish proofs in this format, so that a proof
   * is not counted for an exchange that never used it; empty when the format is not tied to
   * particular exchanges}
   */
  default Set<String> publishers() {
    return Set.of();
  }

  /** {@return whether the format comes with a separate file holding the published tree} */
  default boolean takesTree() {
    return false;
  }
}
