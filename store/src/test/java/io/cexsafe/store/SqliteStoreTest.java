package io.cexsafe.store;

import static io.cexsafe.store.StoreFixtures.bundle;
import static io.cexsafe.store.StoreFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.EvidenceBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContractTest {
  @TempDir Path dir;

  @Override
  StoreLocation newLocation() {
    return StoreLocation.sqlite(dir.resolve("data").resolve("store.db"));
  }

  @Test
  void theWalIsCheckpointedEveryTenThousandPages() throws Exception {
    try (Connection connection = io.cexsafe.store.internal.Database.open(location).connect();
        Statement statement = connection.createStatement();
        java.sql.ResultSet rows = statement.executeQuery("PRAGMA wal_autocheckpoint")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(10_000);
    }
  }

  @Test
  void aStoreWhoseSchemaHistoryRecordsAFailedMigrationIsNotUsedAsCurrent() throws Exception {
    Path file = dir.resolve("failed-migration.db");
    try (EvidenceStore store = EvidenceStore.open(StoreLocation.sqlite(file))) {
      assertThat(store.history().exchanges()).isEmpty();
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "UPDATE cexsafe_schema_history SET success = 0 WHERE version = '"
              + io.cexsafe.store.internal.Database.SCHEMA_VERSION
              + "'");
    }
    // the quick check at opening must not take this store as current: Flyway sees the failed
    // migration and the store is refused instead of being written to
    assertThatThrownBy(() -> EvidenceStore.open(StoreLocation.sqlite(file)))
        .isInstanceOf(StoreException.class);
    // an intact store opens again and again without migrating anything twice
    Path intact = dir.resolve("intact.db");
    for (int i = 0; i < 3; i++) {
      try (EvidenceStore store = EvidenceStore.open(StoreLocation.sqlite(intact))) {
        assertThat(store.history().exchanges()).isEmpty();
      }
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + intact);
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT count(*) FROM cexsafe_schema_history")) {
      rows.next();
      assertThat(rows.getInt(1))
          .isEqualTo(Integer.parseInt(io.cexsafe.store.internal.Database.SCHEMA_VERSION));
    }
  }

  @Test
  void aMissingFileIsCreatedWithItsDirectories() {
    try (EvidenceStore store = open()) {
      assertThat(store.location().file()).exists();
      assertThat(store.location().isSqlite()).isTrue();
    }
  }

  @Test
  void aCorruptFileIsRefusedNamedAndNotOverwritten() throws IOException {
    Path file = dir.resolve("broken.db");
    byte[] garbage =
        "this is not a database, just some text\n".repeat(200).getBytes(StandardCharsets.UTF_8);
    Files.write(file, garbage);
    assertThatThrownBy(() -> EvidenceStore.open(StoreLocation.sqlite(file)))
        .isInstanceOf(StoreCorruptException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("corrupt");
    assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    assertThat(dir.resolve("broken.db-wal")).doesNotExist();
  }

  @Test
  void aFileWithAnSqliteHeaderButDamagedPagesIsRefusedAndNotOverwritten() throws IOException {
    try (EvidenceStore store = open()) {
      store.startRun(plan("run-1", day(0), "kraken"));
    }
    Path file = location.file();
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 100; i < bytes.length; i++) {
      bytes[i] = (byte) 0xA5;
    }
    Files.write(file, bytes);
    assertThatThrownBy(this::open)
        .isInstanceOf(StoreCorruptException.class)
        .hasMessageContaining(file.toString());
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  @Test
  void aDirectoryOrAForeignDatabaseIsRefused() throws Exception {
    assertThatThrownBy(() -> EvidenceStore.open(StoreLocation.sqlite(dir)))
        .isInstanceOf(StoreCorruptException.class)
        .hasMessageContaining("not a regular file");
    Path foreign = dir.resolve("foreign.db");
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + foreign);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
      statement.execute("INSERT INTO customers (name) VALUES ('kept')");
    }
    byte[] before = Files.readAllBytes(foreign);
    assertThatThrownBy(() -> EvidenceStore.open(StoreLocation.sqlite(foreign)))
        .isInstanceOf(StoreCorruptException.class)
        .hasMessageContaining("not a cexsafe store");
    assertThat(Files.readAllBytes(foreign)).isEqualTo(before);
  }

  @Test
  void anUnwritableLocationIsUnavailable() throws IOException {
    Path blocker = dir.resolve("blocker");
    Files.writeString(blocker, "a file where a directory should be");
    assertThatThrownBy(() -> EvidenceStore.open(StoreLocation.sqlite(blocker.resolve("store.db"))))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining(blocker.toString());
  }

  @Test
  @Timeout(180)
  void twoProcessesWritingOneFileNeitherCorruptNorDuplicate() throws Exception {
    List<String> exchanges = IntStream.range(0, 30).mapToObj(i -> "ex-" + i).toList();
    Path file = location.file();
    List<Process> processes = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      ProcessBuilder builder =
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-cp",
                  System.getProperty("java.class.path"),
                  ConcurrentWriterMain.class.getName(),
                  file.toString(),
                  "run-1",
                  String.join(",", exchanges),
                  String.valueOf(p))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("writer-" + p + ".log").toFile());
      processes.add(builder.start());
    }
    int stored = 0;
    for (int p = 0; p < 2; p++) {
      Process process = processes.get(p);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String log = Files.readString(dir.resolve("writer-" + p + ".log"));
      assertThat(process.exitValue()).as(log).isZero();
      stored +=
          Integer.parseInt(
              log.lines()
                  .filter(l -> l.startsWith("stored "))
                  .findFirst()
                  .orElseThrow()
                  .substring("stored ".length())
                  .trim());
    }
    assertThat(stored).isEqualTo(exchanges.size());
    try (EvidenceStore store = open()) {
      assertThat(store.runs()).hasSize(1);
      assertThat(store.exchangesDone("run-1")).containsExactlyElementsOf(exchanges);
      for (String exchange : exchanges) {
        EvidenceBundle expected = bundle(exchange, day(0), 100 + exchange.length());
        assertThat(store.history().snapshot(exchange, "run-1").orElseThrow().bundle())
            .isEqualTo(expected);
      }
    }
    try (Connection connection = DriverManager.getConnection(location.jdbcUrl());
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("PRAGMA integrity_check")) {
      rows.next();
      assertThat(rows.getString(1)).isEqualTo("ok");
    }
  }

  /** One writer process: opens the store (creating it if first), commits every exchange it can. */
  static final class ConcurrentWriterMain {
    public static void main(String[] args) {
      StoreLocation location = StoreLocation.sqlite(Path.of(args[0]));
      String runId = args[1];
      List<String> exchanges = List.of(args[2].split(","));
      int offset = Integer.parseInt(args[3]) * exchanges.size() / 2;
      int stored = 0;
      try (EvidenceStore store = EvidenceStore.open(location)) {
        try {
          store.startRun(new RunPlan(runId, day(0), exchanges, Map.of()));
        } catch (IllegalStateException alreadyStartedByTheOther) {
          // both processes race to record the run; one wins
        }
        for (int i = 0; i < exchanges.size(); i++) {
          String exchange = exchanges.get((i + offset) % exchanges.size());
          EvidenceBundle bundle = bundle(exchange, day(0), 100 + exchange.length());
          if (store.commitExchange(runId, bundle, score(bundle))) {
            stored++;
          }
        }
      }
      System.out.println("stored " + stored);
    }
  }
}
