package io.cexsafe;

/** Invalid configuration: a bad setting, an unreadable config file, invalid weights. */
public class ConfigurationException extends CexsafeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception naming the bad setting or file.
   *
   * @param message what is wrong with the configuration, in one line
   */
  public ConfigurationException(String message) {
    super(message);
  }

  /**
   * Creates an exception naming the bad setting or file, with its cause.
   *
   * @param message what is wrong with the configuration, in one line
   * @param cause the underlying failure
   */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
