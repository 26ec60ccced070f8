package io.cexsafe;

import java.util.Objects;

/**
 * A credential. Its {@link #toString()} never shows the value, so it cannot leak into logs, error
 * messages or reports by accident; code that needs the value calls {@link #reveal()}.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a credential so that it is never shown.
   *
   * @param value the credential
   * @return the secret
   * @throws IllegalArgumentException when the value is blank
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a secret must not be blank");
    }
    return new Secret(value);
  }

  /** {@return the secret value, for the one place that must send it} */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
