package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed writes are failures, -o never destroys the previous file, and messages stay plain. */
class HonestExitsTest {
  @TempDir Path dir;

  @Test
  void aFailingStdoutTurnsSuccessIntoExitOne() {
    PrintWriter broken =
        new PrintWriter(
            new java.io.OutputStreamWriter(
                new OutputStream() {
                  @Override
                  public void write(int b) throws IOException {
                    throw new IOException("No space left on device");
                  }
                },
                StandardCharsets.UTF_8),
            true);
    StringWriter err = new StringWriter();
    int code = Main.run(broken, new PrintWriter(err, true), "exchanges");
    assertThat(code).isEqualTo(Main.FAILURE);
    assertThat(err.toString())
        .isEqualTo(
            "cexsafe: error: could not write the output (the disk is full or the reader closed"
                + " the pipe)\n");
  }

  @Test
  void aFailedRenderKeepsThePreviousFileAndLeavesNoTemporaryFile() throws IOException {
    Path report = Files.writeString(dir.resolve("report.csv"), "previous\n");
    ReportOutput output = new ReportOutput();
    output.output = report;
    assertThatThrownBy(
            () ->
                output.write(
                    new PrintWriter(new StringWriter()),
                    out -> {
                      write(out, "half a report");
                      throw new UncheckedIOException(new IOException("render failed"));
                    }))
        .isInstanceOf(OutputFailedException.class)
        .hasMessage("cannot write " + report + ": render failed (any previous file is unchanged)");
    assertThat(Files.readString(report)).isEqualTo("previous\n");
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void aCompleteReportReplacesTheFileKeepingItsPermissions() throws IOException {
    Path report = Files.writeString(dir.resolve("report.csv"), "previous\n");
    Files.setPosixFilePermissions(
        report, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    ReportOutput output = new ReportOutput();
    output.output = report;
    output.write(new PrintWriter(new StringWriter()), out -> write(out, "new report\n"));
    assertThat(Files.readString(report)).isEqualTo("new report\n");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(report)))
        .isEqualTo("rw-------");
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void aRendererThatSwallowsWriteErrorsStillFails() throws IOException {
    // renderers wrap the writer in a PrintWriter, which hides IOExceptions
    Path target = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(target));
    ReportOutput output = new ReportOutput();
    output.output = target;
    assertThatThrownBy(
            () ->
                output.write(
                    new PrintWriter(new StringWriter()),
                    out -> {
                      PrintWriter swallowing = new PrintWriter(out);
                      swallowing.print("x".repeat(100_000));
                      swallowing.flush();
                    }))
        .isInstanceOf(OutputFailedException.class)
        .hasMessageStartingWith("cannot write /dev/full: ");
  }

  @Test
  void aDirectoryAsOutputIsBadInput() {
    ReportOutput output = new ReportOutput();
    output.output = dir;
    assertThatThrownBy(() -> output.write(new PrintWriter(new StringWriter()), out -> {}))
        .isInstanceOf(BadInputException.class)
        .hasMessageEndingWith("it is a directory");
  }

  @Test
  void badInputIsOneLineWithoutJavaNames() {
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true),
            "compare",
            "okx",
            "kraken",
            "--offline",
            "--sensitivity",
            "--concentration",
            "NaN");
    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).doesNotContain("Exception").hasLineCount(1);
  }

  private static void write(Writer out, String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private java.util.List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
