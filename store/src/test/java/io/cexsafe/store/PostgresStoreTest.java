package io.cexsafe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.store.internal.Database;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The contract against a real PostgreSQL server (see {@link PostgresServer}). */
class PostgresStoreTest extends StoreContractTest {
  @Override
  StoreLocation newLocation() {
    return StoreLocation.parse(PostgresServer.newDatabase());
  }

  @Test
  void aServerThatIsDownIsReportedAsUnavailable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    StoreLocation down =
        StoreLocation.parse(
            "jdbc:postgresql://127.0.0.1:"
                + port
                + "/cexsafe?user=u&password=secret&connectTimeout=2");
    assertThatThrownBy(() -> EvidenceStore.open(down))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageNotContaining("secret");
    assertThat(down.describe()).doesNotContain("secret");
  }

  @Test
  void aStoreIsAPostgresLocation() {
    assertThat(location.isSqlite()).isFalse();
    assertThat(location.jdbcUrl()).startsWith("jdbc:postgresql://");
  }

  @Test
  void commitsDoNotWaitForTheDiskUnlessTheUrlAsksThem() throws SQLException {
    assertThat(synchronousCommit(location)).isEqualTo("off");
    String url = location.jdbcUrl();
    String separator = url.contains("?") ? "&" : "?";
    assertThat(
            synchronousCommit(
                StoreLocation.parse(url + separator + "options=-c%20synchronous_commit=on")))
        .isEqualTo("on");
    // other options are kept beside it
    assertThat(
            synchronousCommit(StoreLocation.parse(url + separator + "options=-c%20work_mem=8MB")))
        .isEqualTo("off");
  }

  private static String synchronousCommit(StoreLocation location) throws SQLException {
    try (Connection connection = Database.open(location).connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW synchronous_commit")) {
      rows.next();
      return rows.getString(1);
    }
  }
}
