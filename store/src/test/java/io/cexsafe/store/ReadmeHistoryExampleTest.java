package io.cexsafe.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's history example compiles against the public API and prints what it should. */
class ReadmeHistoryExampleTest {
  private static final Path README = Path.of("..", "README.md");
  private static final String MARKER = "<!-- history-example -->\n```java\n";

  @TempDir Path dir;

  @Test
  void theReadmeExampleCompilesAndRuns() throws Exception {
    String readme = Files.readString(README);
    int start = readme.indexOf(MARKER);
    assertThat(start).as("the history example in " + README).isNotNegative();
    int end = readme.indexOf("```\n", start + MARKER.length());
    Path sources = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path file = sources.resolve("HistoryExample.java");
    Files.writeString(file, readme.substring(start + MARKER.length(), end));

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status =
        compiler.run(
            null,
            diagnostics,
            diagnostics,
            "-d",
            classes.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            file.toString());
    assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, ReadmeHistoryExampleTest.class.getClassLoader())) {
      Method main = loader.loadClass("HistoryExample").getMethod("main", String[].class);
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[] {dir.resolve("history.db").toString()});
    } finally {
      System.setOut(original);
    }
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("2026-11-01T12:00:00Z NR");
    assertThat(lines.get(1)).startsWith("2026-11-02T12:00:00Z NR");
    // two empty bundles: nothing changed, and a grade that stays "not rated" raises no alert
    assertThat(lines.subList(2, 4)).containsExactly("changed: false", "alerts: 0");
  }
}
