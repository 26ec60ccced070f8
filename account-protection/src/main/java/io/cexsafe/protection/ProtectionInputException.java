package io.cexsafe.protection;

import java.util.Objects;

/**
 * Input that cannot be used as given: malformed JSON, a missing or mistyped field, an unknown
 * field, or a value out of range. The message names the JSON path first (for example {@code
 * $.transactions[2].amount: missing}) so that one line on a terminal says what to fix.
 */
public final class ProtectionInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String jsonPath;
  private final String problem;

  public ProtectionInputException(String jsonPath, String problem) {
    this(jsonPath, problem, null);
  }

  public ProtectionInputException(String jsonPath, String problem, Throwable cause) {
    super(
        Objects.requireNonNull(jsonPath, "jsonPath") + ": " + Objects.requireNonNull(problem),
        cause);
    this.jsonPath = jsonPath;
    this.problem = problem;
  }

  /** The JSON path of the offending value, {@code $} for the document itself. */
  public String jsonPath() {
    return jsonPath;
  }

  /** What is wrong with the value, without the path. */
  public String problem() {
    return problem;
  }
}
