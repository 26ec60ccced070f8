package io.cexsafe.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Assumptions;

/** Helpers for test fixtures and reference samples. */
public final class Fixtures {
  /** System property naming the directory of third-party reference samples. */
  public static final String REFERENCE_PROPERTY = "cexsafe.reference";

  private Fixtures() {}

  /**
   * Reads a classpath fixture as UTF-8, e.g. {@code fixture("defillama/cexs.json")} reads {@code
   * /fixtures/defillama/cexs.json}.
   *
   * @param path the path under {@code /fixtures/}
   * @return the fixture's text
   * @throws IllegalArgumentException when there is no such fixture
   */
  public static String fixture(String path) {
    return new String(fixtureBytes(path), StandardCharsets.UTF_8);
  }

  /**
   * Reads a classpath fixture's bytes.
   *
   * @param path the path under {@code /fixtures/}
   * @return the fixture's bytes
   * @throws IllegalArgumentException when there is no such fixture
   */
  public static byte[] fixtureBytes(String path) {
    String resource = "/fixtures/" + path;
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture on the classpath at " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A 200 response with a JSON body.
   *
   * @param body the JSON text
   * @return the response
   */
  public static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  /**
   * A 200 response with the given fixture as JSON body.
   *
   * @param path the path under {@code /fixtures/}
   * @return the response
   */
  public static MockResponse jsonFixture(String path) {
    return json(fixture(path));
  }

  /**
   * The reference-samples directory from {@code -Dcexsafe.reference}, if set and present. Tests
   * that read third-party samples call {@link #requireReferenceSamples()} to skip cleanly
   * otherwise.
   *
   * @return the directory, or empty
   */
  public static Optional<Path> referenceSamples() {
    String dir = System.getProperty(REFERENCE_PROPERTY);
    if (dir == null || dir.isBlank() || dir.startsWith("${")) {
      return Optional.empty();
    }
    Path path = Path.of(dir);
    return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
  }

  /**
   * {@return the reference-samples directory; a test without it is skipped (JUnit assumption)
   * saying why}
   */
  public static Path requireReferenceSamples() {
    Optional<Path> dir = referenceSamples();
    Assumptions.assumeTrue(
        dir.isPresent(),
        "reference samples not available: run with -D"
            + REFERENCE_PROPERTY
            + "=<dir> to include this test");
    return dir.get();
  }
}
