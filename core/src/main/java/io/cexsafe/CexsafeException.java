package io.cexsafe;

/**
 * Root of cexsafe's unchecked exceptions. These signal programming or configuration errors and bad
 * input; per-source failures during an assessment are data ({@link CollectorOutcome}), not
 * exceptions.
 */
public class CexsafeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message for the user.
   *
   * @param message what went wrong, in one line
   */
  public CexsafeException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message for the user and its cause.
   *
   * @param message what went wrong, in one line
   * @param cause the underlying failure
   */
  public CexsafeException(String message, Throwable cause) {
    super(message, cause);
  }
}
