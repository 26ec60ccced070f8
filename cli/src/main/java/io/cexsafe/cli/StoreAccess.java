package io.cexsafe.cli;

import io.cexsafe.store.EvidenceStore;
import io.cexsafe.store.StoreCorruptException;
import io.cexsafe.store.StoreLocation;
import io.cexsafe.store.StoreSchemaTooNewException;
import java.nio.file.Files;
import picocli.CommandLine.Option;

/**
 * The --store option of diff and watch, and how their store failures become exit codes: a store
 * that is not one or that a newer cexsafe wrote is bad input (2); a store that cannot be reached or
 * written is {@link #STORE_FAILED} (4).
 */
final class StoreAccess {
  /** Exit code: the store failed (shared with assess --store). */
  static final int STORE_FAILED = 4;

  @Option(
      names = "--store",
      paramLabel = "<path|jdbc-url>",
      description =
          "The store: an SQLite file or a jdbc:postgresql:// URL (default: store.db under"
              + " $XDG_DATA_HOME/cexsafe or ~/.local/share/cexsafe).")
  String store;

  StoreLocation location() {
    if (store == null) {
      return StoreLocation.defaultLocation();
    }
    try {
      return StoreLocation.parse(store);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("invalid --store: " + e.getMessage());
    }
  }

  /** Opens a store that must already exist (reading never creates an empty SQLite file). */
  EvidenceStore openExisting() {
    StoreLocation location = location();
    if (location.isSqlite() && !Files.exists(location.file())) {
      throw new BadInputException(
          "no store at "
              + location.file()
              + "; record runs first with 'cexsafe assess <exchange> --store "
              + location.file()
              + "' or 'cexsafe watch'");
    }
    return open(location);
  }

  /** Opens (creating when missing) the store. */
  EvidenceStore open() {
    return open(location());
  }

  private static EvidenceStore open(StoreLocation location) {
    try {
      return EvidenceStore.open(location);
    } catch (StoreCorruptException | StoreSchemaTooNewException e) {
      throw new BadInputException(e.getMessage());
    }
  }
}
