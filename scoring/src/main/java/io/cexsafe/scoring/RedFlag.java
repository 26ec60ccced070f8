package io.cexsafe.scoring;

import io.cexsafe.Pillar;
import java.util.List;
import java.util.Objects;

/**
 * A fact serious enough to cap the grade whatever the pillars say.
 *
 * @param kind what it is
 * @param cap the best grade it allows (the kind's cap)
 * @param pillar the pillar whose evidence raised it
 * @param message one human line saying what was seen
 * @param evidenceIds the evidence it rests on
 */
public record RedFlag(
    RedFlagKind kind, Grade cap, Pillar pillar, String message, List<String> evidenceIds) {
  /**
   * Validates the components, copying its lists.
   *
   * @param kind what it is
   * @param cap the best grade it allows (the kind's cap)
   * @param pillar the pillar whose evidence raised it
   * @param message one human line saying what was seen
   * @param evidenceIds the evidence it rests on
   */
  public RedFlag {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cap, "cap");
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("message must not be blank");
    }
    evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
  }

  /**
   * A red flag with its kind's cap.
   *
   * @param kind what raises it
   * @param pillar the pillar it concerns
   * @param message what was found, in one line
   * @param ids the evidence that raised it
   * @return the red flag
   */
  public static RedFlag of(RedFlagKind kind, Pillar pillar, String message, List<String> ids) {
    return new RedFlag(kind, kind.cap(), pillar, message, ids);
  }
}
