package io.cexsafe;

/** Invalid configuration: a bad setting, an unreadable config file, invalid weights. */
public class ConfigurationException extends CexsafeException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
