package io.cexsafe;

import java.util.Objects;

/**
 * Input that cannot be used: a malformed file or document. The message names where (the file and,
 * when known, the JSON path) and what is wrong.
 */
public class InvalidInputException extends CexsafeException {
  private static final long serialVersionUID = 1L;

  /** Where the input came from. */
  private final String source;

  /** The JSON path of the offending value, or null. */
  private final String path;

  /** What is wrong. */
  private final String problem;

  /**
   * Creates an error whose message names the input, the path and the problem.
   *
   * @param source the file name or other description of where the input came from
   * @param path the JSON path of the offending value, or null
   * @param problem what is wrong, in a few words
   */
  public InvalidInputException(String source, String path, String problem) {
    this(source, path, problem, null);
  }

  /**
   * Creates an error whose message names the input, the path and the problem, with its cause.
   *
   * @param source the file name or other description of where the input came from
   * @param path the JSON path of the offending value, or null
   * @param problem what is wrong, in a few words
   * @param cause the underlying failure, or null
   */
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

  /** {@return what is wrong, without the input's name and path} */
  public String problem() {
    return problem;
  }

  private static String format(String source, String path, String problem) {
    return path == null || path.isEmpty()
        ? source + ": " + problem
        : source + ": " + path + ": " + problem;
  }
}
