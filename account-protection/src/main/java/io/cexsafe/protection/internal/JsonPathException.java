package io.cexsafe.protection.internal;

import io.cexsafe.InvalidInputException;
import java.util.Objects;

/**
 * A problem at a JSON path, raised while reading a document whose name is not known yet; the public
 * entry points turn it into an {@link InvalidInputException} naming the document.
 */
public final class JsonPathException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String jsonPath;
  private final String problem;

  public JsonPathException(String jsonPath, String problem) {
    this(jsonPath, problem, null);
  }

  public JsonPathException(String jsonPath, String problem, Throwable cause) {
    super(
        Objects.requireNonNull(jsonPath, "jsonPath") + ": " + Objects.requireNonNull(problem),
        cause);
    this.jsonPath = jsonPath;
    this.problem = problem;
  }

  public String jsonPath() {
    return jsonPath;
  }

  public String problem() {
    return problem;
  }

  /**
   * The same problem as an {@link InvalidInputException} for the document called {@code source}.
   */
  public InvalidInputException in(String source) {
    return new InvalidInputException(source, jsonPath, problem, this);
  }
}
