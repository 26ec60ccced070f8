package io.cexsafe.store;

/**
 * The location holds something that is not a cexsafe store (a corrupt or foreign SQLite file, a
 * directory, …). Nothing was written to it.
 */
public final class StoreCorruptException extends StoreException {
  private static final long serialVersionUID = 1L;

  /**
   * @param location the store
   * @param message what is wrong, naming the store
   * @param cause the underlying failure, or null
   */
  public StoreCorruptException(String location, String message, Throwable cause) {
    super(location, message, cause);
  }
}
