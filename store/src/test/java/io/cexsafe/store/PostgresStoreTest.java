package io.cexsafe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
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
}
