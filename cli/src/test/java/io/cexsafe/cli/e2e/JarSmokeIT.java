package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar starts and answers the simplest commands with the plain {@code java -jar}: no
 * class-data-sharing archive, which the other jar tests map (see {@link SharedArchive}).
 */
class JarSmokeIT {
  @TempDir Path home;

  @Test
  void listsTheCatalogue() {
    JarRunner.Result result = JarRunner.inHome(home).withoutSharedArchive().run("exchanges");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout()).contains("crypto-com");
    assertThat(result.leaksJava()).as(result.describe()).isFalse();
  }

  @Test
  void printsTheVersion() {
    JarRunner.Result result = JarRunner.inHome(home).withoutSharedArchive().run("--version");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout()).startsWith("cexsafe ");
  }
}
