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

/** The Java example in docs/store.md compiles and does what the page says. */
class StoreDocExampleTest {
  private static final Path PAGE = Path.of("..", "docs", "store.md");

  @TempDir Path dir;

  @Test
  void theExampleCompilesAndRuns() throws Exception {
    String page = Files.readString(PAGE);
    int start = page.indexOf("```java\n");
    assertThat(start).as("a java block in " + PAGE).isNotNegative();
    int end = page.indexOf("```\n", start + 8);
    String source = page.substring(start + 8, end);
    Path sources = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path file = sources.resolve("StoreExample.java");
    Files.writeString(file, source);

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

    Path store = dir.resolve("example.db");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, StoreDocExampleTest.class.getClassLoader())) {
      Method main = loader.loadClass("StoreExample").getMethod("main", String[].class);
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[] {store.toString()});
    } finally {
      System.setOut(original);
    }
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("2026-11-01T12:00:00Z NR");
    assertThat(lines.get(3)).startsWith("snapshot of 2026-11-02T12:00:00Z: NR");
    assertThat(store).exists();
  }
}
