package io.cexsafe;

import java.util.Objects;

/**
 * Input that cannot be used: a malformed file or document. The message names where (the file and,
 * when known, the JSON path) and what is wrong.
 */
public class InvalidInputException extends CexsafeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String path;
  private final String problem;

  public InvalidInputException(String source, String path, String problem) {
    this(source, path, problem, null);
  }

  public InvalidInputException(String source, String path, String problem, Throwable cause) {
    super(format(source, path, problem), cause);
    this.source = Objects.requireNonNull(source, "source");
    this.path = path;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** {@return the file name or other description of where the input came from} */
  public String source() {
    return source;
  }

  /** {@return JSON path (e.g. {@code $.facts[3].sourceUrl}) of the offending value, or null} */
  public String path() {
    return path;
  }

  public String problem() {
    return problem;
  }

  private static String format(String source, String path, String problem) {
    return path == null || path.isEmpty()
        ? source + ": " + problem
        : source + ": " + path + ": " + problem;
  }
}
