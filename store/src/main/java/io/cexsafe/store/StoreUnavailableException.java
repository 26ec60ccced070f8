package io.cexsafe.store;

/**
 * The store's database could not be reached or refused a read or write (server down, disk full, …).
 */
public final class StoreUnavailableException extends StoreException {
  private static final long serialVersionUID = 1L;

  /**
   * @param location the store
   * @param message what went wrong, naming the store
   * @param cause the underlying failure
   */
  public StoreUnavailableException(String location, String message, Throwable cause) {
    super(location, message, cause);
  }
}
