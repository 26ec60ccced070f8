package io.cexsafe.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cexsafe.Evidence;
import io.cexsafe.facts.ExtensionFact;
import java.util.Objects;

/**
 * A collected fact that informs a pillar but that no rule of the methodology reads: listed on the
 * scorecard so that nothing is ignored silently.
 *
 * @param evidenceId the evidence carrying the fact
 * @param type the fact's JSON type name
 * @param kind the namespaced kind of an extension fact; null for the built-in types
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnscoredFact(String evidenceId, String type, String kind) {
  /**
   * Validates the components.
   *
   * @param evidenceId the evidence carrying the fact
   * @param type the fact's JSON type name
   * @param kind the namespaced kind of an extension fact; null for the built-in types
   */
  public UnscoredFact {
    Objects.requireNonNull(evidenceId, "evidenceId");
    Objects.requireNonNull(type, "type");
  }

  /**
   * The unscored fact of a piece of evidence.
   *
   * @param evidence evidence that no rule read
   * @return its id, type and summary
   */
  public static UnscoredFact of(Evidence evidence) {
    return new UnscoredFact(
        evidence.id(),
        evidence.fact().typeName(),
        evidence.fact() instanceof ExtensionFact extension ? extension.kind() : null);
  }

  /**
   * {@return the type, with the kind of an extension fact: {@code extension
   * acme.cold-wallet-audit}}
   */
  public String label() {
    return kind == null ? type : type + " " + kind;
  }
}
