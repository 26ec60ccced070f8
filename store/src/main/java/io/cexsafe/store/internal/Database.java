package io.cexsafe.store.internal;

import io.cexsafe.store.StoreCorruptException;
import io.cexsafe.store.StoreException;
import io.cexsafe.store.StoreLocation;
import io.cexsafe.store.StoreSchemaTooNewException;
import io.cexsafe.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Opens a store's database: checks what is there, migrates it with Flyway, hands out connections.
 */
public final class Database {
  /**
   * The newest schema version this code knows (the highest migration under {@link #MIGRATIONS}).
   */
  public static final String SCHEMA_VERSION = "4";

  static final String MIGRATIONS = "classpath:io/cexsafe/store/migration";
  static final String HISTORY_TABLE = "cexsafe_schema_history";
  private static final byte[] SQLITE_HEADER =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int SQLITE_BUSY_TIMEOUT_MS = 60_000;
  private static final int MIGRATION_ATTEMPTS = 5;
  private static final int WAL_CHECKPOINT_PAGES = 10_000;

  private final StoreLocation location;
  private final DataSource dataSource;

  private Database(StoreLocation location, DataSource dataSource) {
    this.location = location;
    this.dataSource = dataSource;
  }

  /**
   * Opens the store: refuses a file that is not an SQLite database and a schema newer than {@link
   * #SCHEMA_VERSION} before writing anything, then brings an older or empty schema up to date.
   */
  public static Database open(StoreLocation location) {
    DataSource dataSource;
    DataSource migrationSource;
    if (location.isSqlite()) {
      SqliteNativeLibrary.prepare();
      checkSqliteFile(location);
      dataSource = sqlite(location, true);
      migrationSource = sqlite(location, true, true);
    } else {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setURL(location.jdbcUrl());
      String options = postgres.getOptions();
      if (options == null || !options.contains("synchronous_commit")) {
        // each exchange is its own transaction: waiting for the WAL to reach the disk on every one
        // costs more than the whole offline assessment; a crash of cexsafe still loses nothing
        // committed, a crash of the server at most its last moments (see
        // docs/performance-store.md). The URL's options can turn it back on.
        postgres.setOptions(
            (options == null || options.isBlank() ? "" : options + " ")
                + "-c synchronous_commit=off");
      }
      dataSource = postgres;
      migrationSource = postgres;
    }
    Database database = new Database(location, dataSource);
    if (!database.schemaIsCurrent()) {
      database.migrate(migrationSource);
    }
    return database;
  }

  public StoreLocation location() {
    return location;
  }

  public boolean isSqlite() {
    return location.isSqlite();
  }

  /**
   * A new connection in auto-commit mode: callers turn it off around a write. (An SQLite connection
   * left out of auto-commit would hold the write lock between transactions.)
   */
  public Connection connect() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw failure("could not connect to", e);
    }
  }

  /** The store failure for an SQL error while doing {@code what} (e.g. "could not write to"). */
  public StoreException failure(String what, SQLException e) {
    if (e instanceof SQLiteException sqlite
        && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CORRUPT
            || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB)) {
      return new StoreCorruptException(
          location.describe(),
          "store " + location.describe() + " is corrupt: " + firstLine(e.getMessage()),
          e);
    }
    return new StoreUnavailableException(
        location.describe(),
        what + " store " + location.describe() + ": " + firstLine(e.getMessage()),
        e);
  }

  private static SQLiteDataSource sqlite(StoreLocation location, boolean writable) {
    return sqlite(location, writable, false);
  }

  /**
   * @param forFlyway Flyway manages its own transactions over two connections: they must begin
   *     deferred, or one would wait for the other's write lock
   */
  private static SQLiteDataSource sqlite(
      StoreLocation location, boolean writable, boolean forFlyway) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    config.setReadOnly(!writable);
    if (writable) {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      // a checkpoint flushes the WAL and the database to disk (two fsyncs): at SQLite's default of
      // 1,000 pages, a 100-exchange run checkpoints about twice
      config.setPragma(
          SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, Integer.toString(WAL_CHECKPOINT_PAGES));
      // take the write lock when a transaction begins, so two writers queue instead of deadlocking
      config.setTransactionMode(
          forFlyway
              ? SQLiteConfig.TransactionMode.DEFERRED
              : SQLiteConfig.TransactionMode.IMMEDIATE);
    }
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(location.jdbcUrl());
    return dataSource;
  }

  private static void checkSqliteFile(StoreLocation location) {
    Path file = location.file();
    String name = location.describe();
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file)) {
      if (!Files.isRegularFile(file)) {
        throw new StoreCorruptException(name, "store " + name + " is not a regular file", null);
      }
      byte[] header = new byte[SQLITE_HEADER.length];
      int read;
      try (InputStream in = Files.newInputStream(file)) {
        read = in.readNBytes(header, 0, header.length);
      } catch (IOException e) {
        throw new StoreUnavailableException(
            name, "could not read store " + name + ": " + e.getMessage(), e);
      }
      if (read > 0 && (read < header.length || !Arrays.equals(header, SQLITE_HEADER))) {
        throw new StoreCorruptException(
            name,
            "store " + name + " is corrupt or not an SQLite database; it was left as it is",
            null);
      }
      if (read > 0) {
        // a valid header over damaged pages: a read-only look at the schema catches most damage
        // before anything (even the switch to WAL) writes to the file
        try (Connection connection = sqlite(location, false).getConnection();
            Statement statement = connection.createStatement()) {
          java.util.Set<String> tables = new java.util.HashSet<>();
          try (java.sql.ResultSet rows =
              statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rows.next()) {
              tables.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
          }
          if (!tables.isEmpty() && !tables.contains(HISTORY_TABLE)) {
            throw new StoreCorruptException(
                name,
                "store "
                    + name
                    + " holds other tables and is not a cexsafe store; it was left as it is",
                null);
          }
        } catch (SQLException e) {
          throw new StoreCorruptException(
              name,
              "store "
                  + name
                  + " is corrupt or not an SQLite database ("
                  + firstLine(e.getMessage())
                  + "); it was left as it is",
              e);
        }
      }
    } else {
      try {
        Path parent = file.getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
      } catch (IOException e) {
        throw new StoreUnavailableException(
            name, "could not create the directory of store " + name + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * True when every migration up to {@link #SCHEMA_VERSION} is recorded as applied and nothing else
   * is: the store can be used without starting Flyway, whose start-up costs more than storing a
   * 100-exchange run. Anything else (no history table, a failed or newer migration, an unreadable
   * store) is left to {@link #migrate}, which migrates or refuses with its reason.
   */
  private boolean schemaIsCurrent() {
    int current = Integer.parseInt(SCHEMA_VERSION);
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT version, type, success FROM " + HISTORY_TABLE)) {
      Set<String> applied = new HashSet<>();
      while (rows.next()) {
        String version = rows.getString(1);
        if (!rows.getBoolean(3) || (version != null && !"SQL".equals(rows.getString(2)))) {
          return false;
        }
        if (version != null) {
          applied.add(version);
        }
      }
      for (int version = 1; version <= current; version++) {
        if (!applied.remove(Integer.toString(version))) {
          return false;
        }
      }
      return applied.isEmpty();
    } catch (SQLException e) {
      return false;
    }
  }

  private void migrate(DataSource migrationSource) {
    Flyway flyway =
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(migrationSource)
            .locations(MIGRATIONS)
            .table(HISTORY_TABLE)
            .failOnMissingLocations(true)
            .loggers("slf4j")
            .load();
    FlywayException last = null;
    for (int attempt = 1; attempt <= MIGRATION_ATTEMPTS; attempt++) {
      try {
        for (MigrationInfo applied : flyway.info().applied()) {
          if (applied.getState() == MigrationState.FUTURE_SUCCESS
              || applied.getState() == MigrationState.FUTURE_FAILED) {
            throw new StoreSchemaTooNewException(
                location.describe(), applied.getVersion().getVersion(), SCHEMA_VERSION);
          }
        }
        flyway.migrate();
        return;
      } catch (FlywayException e) {
        last = e;
        StoreException refused = refusal(e);
        if (refused != null) {
          throw refused;
        }
        // two processes creating one store at once: the loser sees the winner's tables; retry
        sleep(50L * attempt);
      }
    }
    throw new StoreUnavailableException(
        location.describe(),
        "could not prepare store " + location.describe() + ": " + firstLine(last.getMessage()),
        last);
  }

  private StoreException refusal(FlywayException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        StoreException failure = failure("could not open", sql);
        if (failure instanceof StoreCorruptException || !location.isSqlite()) {
          return failure;
        }
      }
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("non-empty schema") || message.contains("without schema history")) {
      return new StoreCorruptException(
          location.describe(),
          "store "
              + location.describe()
              + " holds other tables and is not a cexsafe store; it was left as it is",
          e);
    }
    return null;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
