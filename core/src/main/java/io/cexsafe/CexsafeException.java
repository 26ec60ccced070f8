package io.cexsafe;

/**
 * Root of cexsafe's unchecked exceptions. These signal programming or configuration errors and bad
 * input; per-source failures during an assessment are data ({@link CollectorOutcome}), not
 * exceptions.
 */
public class CexsafeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CexsafeException(String message) {
    super(message);
  }

  public CexsafeException(String message, Throwable cause) {
    super(message, cause);
  }
}
