package io.cexsafe.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a store lives: an SQLite file (the embedded default) or a PostgreSQL database reached by a
 * {@code jdbc:postgresql://} URL.
 *
 * @param jdbcUrl the JDBC URL the store connects to
 * @param file the SQLite file, or null for a server database
 */
public record StoreLocation(String jdbcUrl, Path file) {
  /** The file name of the default store under the user's data directory. */
  public static final String DEFAULT_FILE_NAME = "store.db";

  /**
   * Checks that the URL and the file agree; an SQLite file is made absolute and normalized.
   *
   * @param jdbcUrl the JDBC URL the store connects to
   * @param file the SQLite file, or null for a server database
   * @throws IllegalArgumentException when an SQLite URL does not name {@code file}, or when there
   *     is no file and the URL is not a {@code jdbc:postgresql://} URL
   */
  public StoreLocation {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (file != null) {
      file = file.toAbsolutePath().normalize();
      if (!jdbcUrl.equals("jdbc:sqlite:" + file)) {
        throw new IllegalArgumentException(
            "an SQLite location's URL must name its file: " + jdbcUrl);
      }
    } else if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException(
          "a store is an SQLite file or a jdbc:postgresql:// URL, not " + redact(jdbcUrl));
    }
  }

  /**
   * An SQLite store in the given file (created with its parent directories when missing).
   *
   * @param file the database file, relative to the working directory or absolute
   * @return a location with the file made absolute and its {@code jdbc:sqlite:} URL
   */
  public static StoreLocation sqlite(Path file) {
    Objects.requireNonNull(file, "file");
    Path absolute = file.toAbsolutePath().normalize();
    return new StoreLocation("jdbc:sqlite:" + absolute, absolute);
  }

  /**
   * A PostgreSQL store; credentials may be given in the URL's query ({@code user}, {@code
   * password}).
   *
   * @param jdbcUrl a {@code jdbc:postgresql://} URL
   * @return a server location without a file
   * @throws IllegalArgumentException when the URL is not a {@code jdbc:postgresql://} URL
   */
  public static StoreLocation postgres(String jdbcUrl) {
    return new StoreLocation(jdbcUrl, null);
  }

  /**
   * Parses what a user typed: a {@code jdbc:postgresql://} URL, a {@code jdbc:sqlite:} URL or a
   * file path.
   *
   * @param pathOrJdbcUrl the user's text; surrounding whitespace is ignored and the {@code jdbc:}
   *     prefixes are matched ignoring case
   * @return the PostgreSQL or SQLite location it names
   * @throws IllegalArgumentException for blank text or another JDBC URL
   */
  public static StoreLocation parse(String pathOrJdbcUrl) {
    Objects.requireNonNull(pathOrJdbcUrl, "pathOrJdbcUrl");
    String text = pathOrJdbcUrl.trim();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a store location must not be blank");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql://")) {
      return postgres(text);
    }
    if (lower.startsWith("jdbc:sqlite:")) {
      return sqlite(Path.of(text.substring("jdbc:sqlite:".length())));
    }
    if (lower.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "unsupported store URL "
              + redact(text)
              + ": use a file path, jdbc:sqlite:<file> or jdbc:postgresql://host/db");
    }
    return sqlite(Path.of(text));
  }

  /**
   * The default store: {@value #DEFAULT_FILE_NAME} in {@code $XDG_DATA_HOME/cexsafe}, or in {@code
   * ~/.local/share/cexsafe} when XDG_DATA_HOME is unset or not absolute.
   *
   * @return an SQLite location read from this process's environment and {@code user.home}
   */
  public static StoreLocation defaultLocation() {
    return defaultLocation(System.getenv(), System.getProperty("user.home"));
  }

  /**
   * The default store for the given environment and home directory (see {@link
   * #defaultLocation()}).
   *
   * @param environment the environment variables, of which only {@code XDG_DATA_HOME} is read
   * @param userHome the user's home directory, used when {@code XDG_DATA_HOME} is unset, blank or
   *     not absolute
   * @return the SQLite location of the default store file
   */
  public static StoreLocation defaultLocation(Map<String, String> environment, String userHome) {
    String dataHome = environment.get("XDG_DATA_HOME");
    Path base =
        dataHome != null && !dataHome.isBlank() && Path.of(dataHome).isAbsolute()
            ? Path.of(dataHome)
            : Path.of(Objects.requireNonNull(userHome, "userHome"), ".local", "share");
    return sqlite(base.resolve("cexsafe").resolve(DEFAULT_FILE_NAME));
  }

  /** {@return true for an SQLite file, false for a PostgreSQL database} */
  public boolean isSqlite() {
    return file != null;
  }

  /** {@return a name for messages: the file path, or the URL with its password masked} */
  public String describe() {
    return file != null ? file.toString() : redact(jdbcUrl);
  }

  @Override
  public String toString() {
    return describe();
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***")
        .replaceAll("//[^/@]*:[^/@]*@", "//***@");
  }
}
