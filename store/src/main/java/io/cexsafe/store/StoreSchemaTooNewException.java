package io.cexsafe.store;

/**
 * The store was written by a newer cexsafe whose schema this version does not know. Nothing was
 * written.
 */
public final class StoreSchemaTooNewException extends StoreException {
  private static final long serialVersionUID = 1L;

  /** The schema version the store has. */
  private final String storeVersion;

  /** The newest schema version this cexsafe knows. */
  private final String knownVersion;

  /**
   * @param location the store
   * @param storeVersion the schema version the store has
   * @param knownVersion the newest schema version this cexsafe knows
   */
  public StoreSchemaTooNewException(String location, String storeVersion, String knownVersion) {
    super(
        location,
        "store "
            + location
            + " has schema version "
            + storeVersion
            + ", newer than "
            + knownVersion
            + " known to this cexsafe: upgrade cexsafe to use it",
        null);
    this.storeVersion = storeVersion;
    this.knownVersion = knownVersion;
  }

  /** {@return the schema version the store has} */
  public String storeVersion() {
    return storeVersion;
  }

  /** {@return the newest schema version this cexsafe knows} */
  public String knownVersion() {
    return knownVersion;
  }
}
