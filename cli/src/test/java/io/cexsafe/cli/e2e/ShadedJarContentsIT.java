package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code cexsafe.jar} holds every class of every runtime dependency of every module it
 * bundles. Each module's build writes its runtime classpath (maven-dependency-plugin, see the
 * parent pom); the CLI's file leads to the others.
 */
class ShadedJarContentsIT {
  private static Path property(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property " + name + " (set by failsafe)").isNotBlank();
    Path path = Path.of(value);
    assertThat(path).as(name).isRegularFile();
    return path;
  }

  @Test
  void everyRuntimeClassOfEveryBundledModuleIsInTheJar() {
    Path jar = property("cexsafe.jar");
    Set<Path> closure = ShadedJarContents.runtimeClosure(property("cexsafe.runtime-classpath"));

    assertThat(closure)
        .as("the closure reached the libraries that only the bundled modules declare")
        .extracting(p -> p.getFileName().toString())
        .anyMatch(name -> name.startsWith("commons-csv-"))
        .anyMatch(name -> name.startsWith("commons-io-"))
        .anyMatch(name -> name.startsWith("commons-codec-"))
        .anyMatch(name -> name.startsWith("cexsafe-reports-") || name.equals("classes"))
        .anyMatch(name -> name.startsWith("jackson-databind-"))
        .anyMatch(name -> name.startsWith("okhttp-"));
    assertThat(closure).allSatisfy(p -> assertThat(Files.exists(p)).as(p.toString()).isTrue());
    assertThat(ShadedJarContents.byJar(ShadedJarContents.missingClasses(jar, closure))).isEmpty();
  }
}
