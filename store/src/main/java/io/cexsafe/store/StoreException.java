package io.cexsafe.store;

import io.cexsafe.CexsafeException;

/**
 * A store could not be opened, read or written. Subclasses say why: {@link
 * StoreUnavailableException}, {@link StoreCorruptException}, {@link StoreSchemaTooNewException}.
 */
public class StoreException extends CexsafeException {
  private static final long serialVersionUID = 1L;

  /** The store, as {@link StoreLocation#describe()} names it. */
  private final String location;

  /**
   * @param location the store, as {@link StoreLocation#describe()} names it
   * @param message what went wrong, naming the store
   * @param cause the underlying failure, or null
   */
  public StoreException(String location, String message, Throwable cause) {
    super(message, cause);
    this.location = location;
  }

  /** {@return the store, as {@link StoreLocation#describe()} names it (never with a password)} */
  public String location() {
    return location;
  }
}
