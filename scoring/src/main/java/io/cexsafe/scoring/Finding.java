package io.cexsafe.scoring;

import io.cexsafe.Pillar;
import java.util.List;
import java.util.Objects;

/**
 * Something the scorer noticed that a reader should know beyond the points.
 *
 * @param severity how much it matters
 * @param kind what it is about
 * @param pillar the pillar it concerns, or null when it concerns the exchange as a whole
 * @param message one human line
 * @param evidenceIds the evidence it is based on (for a conflict: the winner first)
 */
public record Finding(
    Severity severity, FindingKind kind, Pillar pillar, String message, List<String> evidenceIds) {
  /**
   * Validates the components, copying its lists.
   *
   * @param severity how much it matters
   * @param kind what it is about
   * @param pillar the pillar it concerns, or null when it concerns the exchange as a whole
   * @param message one human line
   * @param evidenceIds the evidence it is based on (for a conflict: the winner first)
   */
  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(kind, "kind");
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("message must not be blank");
    }
    evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
  }
}
