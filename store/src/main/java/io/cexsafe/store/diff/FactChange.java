package io.cexsafe.store.diff;

import com.fasterxml.jackson.annotation.JsonValue;
import io.cexsafe.Evidence;
import java.util.Locale;
import java.util.Objects;

/**
 * One fact that differs between two snapshots of an exchange.
 *
 * @param kind added, removed or changed
 * @param identity the fact's {@link FactIdentity identity}, shared by both sides of a change
 * @param factType the fact's JSON type name, e.g. {@code licence}
 * @param before the evidence in the earlier snapshot; null when added
 * @param after the evidence in the later snapshot; null when removed
 */
public record FactChange(
    ChangeKind kind, String identity, String factType, Evidence before, Evidence after) {
  /**
   * Checks that each side is present exactly when the kind of change says so.
   *
   * @param kind added, removed or changed
   * @param identity the fact's {@link FactIdentity identity}, shared by both sides of a change
   * @param factType the fact's JSON type name, e.g. {@code licence}
   * @param before the evidence in the earlier snapshot; null when added
   * @param after the evidence in the later snapshot; null when removed
   * @throws IllegalArgumentException when {@code before} is null but the fact was not added, or
   *     {@code after} is null but the fact was not removed (or the other way round)
   */
  public FactChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(factType, "factType");
    if ((before == null) != (kind == ChangeKind.ADDED)) {
      throw new IllegalArgumentException("only an added fact has no earlier evidence");
    }
    if ((after == null) != (kind == ChangeKind.REMOVED)) {
      throw new IllegalArgumentException("only a removed fact has no later evidence");
    }
  }

  /** {@return the one-line summary of the fact as it is now (or was, when removed)} */
  public String summary() {
    return (after != null ? after : before).fact().summary();
  }

  /** What happened to a fact between two snapshots. */
  public enum ChangeKind {
    /** In the later snapshot only. */
    ADDED,
    /** In the earlier snapshot only. */
    REMOVED,
    /** In both, with a different value. */
    CHANGED;

    /**
     * The lower-case name used in JSON and reports.
     *
     * @return {@code added}, {@code removed} or {@code changed}
     */
    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
