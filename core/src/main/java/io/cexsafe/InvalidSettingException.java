package io.cexsafe;

import java.util.Objects;

/**
 * A setting's value that its declaration refuses. The message names the key, the value (masked for
 * a secret) and what is expected; {@link #problem()} is that last part alone.
 */
public final class InvalidSettingException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String problem;

  public InvalidSettingException(String key, String shownValue, String problem) {
    super("invalid value " + shownValue + " for setting '" + key + "': " + problem);
    this.key = Objects.requireNonNull(key, "key");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** The full key, as given. */
  public String key() {
    return key;
  }

  /** What is wrong, e.g. "expected an integer within [1, 100]". */
  public String problem() {
    return problem;
  }
}
