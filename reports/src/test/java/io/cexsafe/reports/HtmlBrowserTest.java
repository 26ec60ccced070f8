package io.cexsafe.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report in headless Chromium: the chart must be painted and hostile evidence
 * text must show as text. Skips where no Chromium is installed ({@code .ci/run} installs Debian's).
 */
@Tag("browser")
class HtmlBrowserTest {
  private static final int SCORE_RGB = 0x1f6feb;

  @TempDir Path dir;

  static Optional<Path> chromium() {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Optional.of(Path.of(candidate));
      }
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(File.pathSeparator)) {
        Path candidate = Path.of(entry, "chromium");
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private Path report() throws IOException {
    StringWriter html = new StringWriter();
    ReportWriter.of(ReportFormat.HTML).writeAssessments(List.of(Samples.acme()), html);
    Path file = dir.resolve("report.html");
    Files.writeString(file, html.toString(), StandardCharsets.UTF_8);
    return file;
  }

  private String runChromium(Path browser, Path page, String... mode) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                browser.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(List.of(mode));
    command.add(page.toUri().toString());
    Path stdout = dir.resolve("chromium.out");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(dir.resolve("chromium.err").toFile())
            .start();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within 15 s");
    }
    assertThat(process.exitValue())
        .as("chromium: %s", Files.readString(dir.resolve("chromium.err")))
        .isZero();
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  @Test
  void chartIsPaintedAndScriptInEvidenceShowsAsText() throws Exception {
    Optional<Path> browser = chromium();
    Assumptions.assumeTrue(
        browser.isPresent(), "no Chromium installed (/usr/bin/chromium or on PATH): skipped");
    Path page = report();

    Document dom = Jsoup.parse(runChromium(browser.get(), page, "--dump-dom"));
    assertThat(dom.select("script")).as("no script element after parsing").isEmpty();
    assertThat(dom.title()).isEqualTo("cexsafe report: Acme, \"the\" | exchange");
    assertThat(dom.select("table.evidence td").text()).contains(Samples.SCRIPT);
    assertThat(dom.select("svg.chart g.pillar")).hasSize(8);

    Path png = dir.resolve("shot.png");
    runChromium(browser.get(), page, "--screenshot=" + png, "--window-size=1200,900");
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    // the chart sits below the header: count score-coloured pixels in the upper part of the page
    int painted = 0;
    for (int y = 0; y < Math.min(image.getHeight(), 700); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (close(image.getRGB(x, y) & 0xffffff, SCORE_RGB)) {
          painted++;
        }
      }
    }
    // acme has known app-security and custody pillars: at least two bars of 14 px height
    assertThat(painted).as("pixels in the score colour").isGreaterThan(2 * 14 * 20);
  }

  private static boolean close(int rgb, int wanted) {
    for (int shift = 0; shift <= 16; shift += 8) {
      int a = (rgb >> shift) & 0xff;
      int b = (wanted >> shift) & 0xff;
      if (Math.abs(a - b) > 12) {
        return false;
      }
    }
    return true;
  }
}
