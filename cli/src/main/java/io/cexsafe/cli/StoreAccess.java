package io.cexsafe.cli;

import io.cexsafe.store.EvidenceStore;
import io.cexsafe.store.StoreLocation;
import java.nio.file.Files;
import picocli.CommandLine.Option;

/**
 * The --store option of diff and watch. Locations and failures are those of assess --store ({@link
 * StoreSession}): a store that is not one or that a newer cexsafe wrote is bad input (2); a store
 * that cannot be reached or written exits {@link Main#STORE_FAILED}.
 */
final class StoreAccess {
  @Option(
      names = "--store",
      paramLabel = "<path|jdbc-url>",
      description =
          "The store: an SQLite file or a jdbc:postgresql:// URL (default:"
              + " $XDG_DATA_HOME/cexsafe/store.db).")
  String store;

  /** Opens a store that must already exist (reading never creates an empty SQLite file). */
  EvidenceStore openExisting() {
    StoreLocation location = StoreSession.location(store);
    if (location.isSqlite() && !Files.exists(location.file())) {
      throw new BadInputException(
          "no store at "
              + location.describe()
              + " (record runs with 'cexsafe assess --store' or 'cexsafe watch')");
    }
    return StoreSession.openOrRefuse(location);
  }
}
