package io.cexsafe;

import java.util.List;

/** An exchange id that the catalogue does not know; carries the closest known ids. */
public final class UnknownExchangeException extends CexsafeException {
  private static final long serialVersionUID = 1L;

  /** What the user asked for. */
  private final String requestedId;

  /** The known ids closest to it. */
  private final List<String> closestIds;

  /**
   * Creates the error, naming the closest known ids in its message.
   *
   * @param requestedId the id, name or alias the user gave
   * @param closestIds the known ids closest to it, closest first; may be empty
   */
  public UnknownExchangeException(String requestedId, List<String> closestIds) {
    super(
        "unknown exchange '"
            + requestedId
            + "'"
            + (closestIds.isEmpty() ? "" : "; closest known ids: " + String.join(", ", closestIds))
            + " (run 'cexsafe exchanges' for the full list)");
    this.requestedId = requestedId;
    this.closestIds = List.copyOf(closestIds);
  }

  /** {@return the id, name or alias the user gave} */
  public String requestedId() {
    return requestedId;
  }

  /** {@return the known ids closest to the one requested, closest first} */
  public List<String> closestIds() {
    return closestIds;
  }
}
