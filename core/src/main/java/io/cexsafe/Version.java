package io.cexsafe;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** cexsafe's own version, from the build. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** {@return cexsafe's version, as the build recorded it, e.g. {@code 0.2.0}} */
  public static String current() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "dev");
      return version.startsWith("${") ? "dev" : version;
    } catch (IOException e) {
      return "dev";
    }
  }
}
