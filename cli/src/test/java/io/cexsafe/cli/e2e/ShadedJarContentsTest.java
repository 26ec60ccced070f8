package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check behind {@link ShadedJarContentsIT}, on small jars built here. */
class ShadedJarContentsTest {
  @TempDir Path dir;

  private Path jar(Path file, String... entries) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
        zip.closeEntry();
      }
    }
    return file;
  }

  private static Path writeClasspath(Path file, Path... elements) throws IOException {
    Files.createDirectories(file.getParent());
    List<String> paths = java.util.Arrays.stream(elements).map(Path::toString).toList();
    return Files.writeString(file, String.join(java.io.File.pathSeparator, paths));
  }

  @Test
  void namesEveryClassTheShadedJarLacks() throws Exception {
    Path dependency =
        jar(
            dir.resolve("dep-1.0.jar"),
            "a/Kept.class",
            "c/Dropped.class",
            "module-info.class",
            "META-INF/versions/11/c/OnlyForJava11.class",
            "META-INF/MANIFEST.MF",
            "c/resource.txt");
    Path shaded = jar(dir.resolve("shaded.jar"), "a/Kept.class", "Main.class");

    assertThat(ShadedJarContents.missingClasses(shaded, List.of(dependency)))
        .containsExactly("dep-1.0.jar: c/Dropped.class");
  }

  @Test
  void acceptsClassDirectoriesAndCompleteJars() throws Exception {
    Path classes = dir.resolve("module/target/classes");
    Files.createDirectories(classes.resolve("x"));
    Files.write(classes.resolve("x/Y.class"), new byte[] {1});
    Path shaded = jar(dir.resolve("shaded.jar"), "x/Y.class");

    assertThat(ShadedJarContents.missingClasses(shaded, List.of(classes))).isEmpty();
    assertThat(ShadedJarContents.missingClasses(shaded, List.of())).isEmpty();
  }

  /**
   * The packaging bug of issue 15: the CLI re-declared commons-csv with test scope, so its own
   * runtime classpath (and the shaded jar) lacked what {@code reports} needs at run time. Checking
   * the jar against the CLI's classpath alone passes; the closure over the bundled modules'
   * classpaths names the missing classes.
   */
  @Test
  void catchesALibraryThatOnlyABundledModuleDeclares() throws Exception {
    Path commonsCsv =
        Path.of(CSVFormat.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path reportsJar =
        jar(dir.resolve("reports/target/cexsafe-reports.jar"), "io/cexsafe/reports/Csv.class");
    writeClasspath(dir.resolve("reports/target/" + ShadedJarContents.CLASSPATH_FILE), commonsCsv);
    Path cliClasspath =
        writeClasspath(dir.resolve("cli/target/" + ShadedJarContents.CLASSPATH_FILE), reportsJar);
    Path shaded =
        jar(dir.resolve("cli/target/cexsafe.jar"), "io/cexsafe/reports/Csv.class", "Main.class");

    assertThat(
            ShadedJarContents.missingClasses(shaded, ShadedJarContents.readClasspath(cliClasspath)))
        .as("the CLI's own classpath does not show the bug")
        .isEmpty();
    Set<Path> closure = ShadedJarContents.runtimeClosure(cliClasspath);
    assertThat(closure).containsExactly(reportsJar, commonsCsv);
    assertThat(ShadedJarContents.missingClasses(shaded, closure))
        .contains(commonsCsv.getFileName() + ": org/apache/commons/csv/CSVFormat.class")
        .allSatisfy(
            m -> assertThat(m).startsWith(commonsCsv.getFileName() + ": org/apache/commons/csv/"));
  }

  @Test
  void summarisesTheMissingClassesByJar() {
    assertThat(
            ShadedJarContents.byJar(
                List.of("b.jar: x/One.class", "a.jar: y/Two.class", "b.jar: x/Three.class")))
        .containsExactly(
            java.util.Map.entry("a.jar", "1 missing, e.g. y/Two.class"),
            java.util.Map.entry("b.jar", "2 missing, e.g. x/One.class"));
    assertThat(ShadedJarContents.byJar(List.of())).isEmpty();
  }

  @Test
  void theClosureFollowsModulesTransitivelyAndOnlyOnce() throws Exception {
    Path library = jar(dir.resolve("lib.jar"), "lib/L.class");
    Path core = jar(dir.resolve("core/target/core.jar"), "core/C.class");
    Path scoring = jar(dir.resolve("scoring/target/scoring.jar"), "scoring/S.class");
    writeClasspath(dir.resolve("core/target/" + ShadedJarContents.CLASSPATH_FILE), library);
    writeClasspath(
        dir.resolve("scoring/target/" + ShadedJarContents.CLASSPATH_FILE), core, library);
    Path cli =
        writeClasspath(dir.resolve("cli/target/" + ShadedJarContents.CLASSPATH_FILE), scoring);

    assertThat(ShadedJarContents.runtimeClosure(cli))
        .containsExactlyInAnyOrder(scoring, core, library);
  }

  @Test
  void aJarThatCannotBeReadIsAnError() throws Exception {
    Path notAJar = Files.writeString(dir.resolve("broken.jar"), "not a zip");
    Path shaded = jar(dir.resolve("shaded.jar"), "a/B.class");

    assertThatThrownBy(() -> ShadedJarContents.missingClasses(shaded, List.of(notAJar)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("broken.jar");
  }
}
