package io.cexsafe;

import java.util.List;

/** An exchange id that the catalogue does not know; carries the closest known ids. */
public final class UnknownExchangeException extends CexsafeException {
  private static final long serialVersionUID = 1L;

  private final String requestedId;
  private final List<String> closestIds;

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

  public String requestedId() {
    return requestedId;
  }

  public List<String> closestIds() {
    return closestIds;
  }
}
