package io.cexsafe;

import java.util.Objects;

/**
 * A setting's value that its declaration refuses. The message names the key, the value (masked for
 * a secret) and what is expected; {@link #problem()} is that last part alone.
 */
public final class InvalidSettingException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  /** The setting's key. */
  private final String key;

  /** The value as it may be shown: quoted, or masked for a secret. */
  private final String shownValue;

  /** What is expected. */
  private final String problem;

  /**
   * Creates an error whose message names the key, the value and what is expected.
   *
   * @param key the setting's key
   * @param shownValue the value as it may be shown: quoted, or {@code ****} for a secret
   * @param problem what is wrong or expected, e.g. "expected an integer"
   */
  public InvalidSettingException(String key, String shownValue, String problem) {
    super("invalid value " + shownValue + " for setting '" + key + "': " + problem);
    this.key = Objects.requireNonNull(key, "key");
    this.shownValue = Objects.requireNonNull(shownValue, "shownValue");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /**
   * The same refusal with the key under {@code prefix}, for owners read with relative keys.
   *
   * @param prefix the owner's prefix, e.g. {@code defillama}
   * @return the refusal naming the full key, caused by this one
   */
  public InvalidSettingException under(String prefix) {
    InvalidSettingException named =
        new InvalidSettingException(prefix + "." + key, shownValue, problem);
    named.initCause(this);
    return named;
  }

  /** {@return the full key, as given} */
  public String key() {
    return key;
  }

  /** {@return what is wrong, e.g. "expected an integer within [1, 100]"} */
  public String problem() {
    return problem;
  }
}
