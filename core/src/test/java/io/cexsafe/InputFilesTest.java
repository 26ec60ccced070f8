package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InputFilesTest {
  @TempDir Path dir;

  @Test
  void readsARegularFileThroughALink() throws IOException {
    Path file = Files.writeString(dir.resolve("a.json"), "{\"é\": 1}");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), file);
    assertThat(InputFiles.readString(link)).isEqualTo("{\"é\": 1}");
    assertThat(InputFiles.readAllBytes(file)).hasSize(9);
  }

  @Test
  void refusesADirectory() {
    assertThatThrownBy(() -> InputFiles.readString(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(dir + ": is a directory, not a file");
  }

  @Test
  void refusesAMissingFileAndADanglingLink() throws IOException {
    assertThatThrownBy(() -> InputFiles.readString(dir.resolve("nope.json")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("nope.json: file not found");
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("gone"));
    assertThatThrownBy(() -> InputFiles.readString(dangling))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("a symbolic link to nothing");
  }

  @Test
  void refusesALoopOfSymbolicLinks() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    assertThatThrownBy(() -> InputFiles.readString(a))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(a + ": a loop of symbolic links");
  }

  @Test
  void refusesAFifoWithoutOpeningIt() throws Exception {
    Path fifo = dir.resolve("fifo");
    assumeTrue(mkfifo(fifo), "mkfifo is not available");
    // opening a FIFO with no writer blocks forever: the type is checked first
    assertThatThrownBy(() -> InputFiles.readString(fifo))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(fifo + ": not a regular file (a pipe, device or socket); give a file");
  }

  @Test
  void refusesDevices() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero));
    assertThatThrownBy(() -> InputFiles.readString(zero))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a regular file");
    assertThatThrownBy(() -> InputFiles.open(zero, 10, null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void refusesAFileOverTheCapBeforeReadingIt() throws IOException {
    Path file = Files.write(dir.resolve("big"), new byte[2048]);
    assertThatThrownBy(() -> InputFiles.readAllBytes(file, 1024, "raise it with --x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": larger than the limit of 1 KiB; raise it with --x");
    assertThat(InputFiles.readAllBytes(file, 2048, null)).hasSize(2048);
  }

  @Test
  void documentCapIsSixteenMebibytes() {
    assertThat(InputFiles.describeSize(InputFiles.MAX_DOCUMENT_BYTES)).isEqualTo("16 MiB");
  }

  @Test
  void refusesMalformedUtf8() throws IOException {
    Path file = Files.write(dir.resolve("latin1.json"), new byte[] {'"', (byte) 0xE9, '"'});
    assertThatThrownBy(() -> InputFiles.readString(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("not UTF-8 text");
  }

  @Test
  void streamStopsAtTheCap() throws IOException {
    Path file = Files.write(dir.resolve("tree"), new byte[100]);
    try (InputStream in = InputFiles.open(file, 100, null)) {
      assertThat(in.readAllBytes()).hasSize(100);
    }
    // the file grew after it was checked: reading stops at the cap all the same
    try (InputStream in = InputFiles.open(file, 100, null)) {
      Files.write(dir.resolve("tree"), new byte[200]);
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(InputFiles.InputTooLargeException.class)
          .satisfies(
              e ->
                  assertThat(((InputFiles.InputTooLargeException) e).toInvalidInput())
                      .hasMessageContaining("larger than the limit of 100 bytes"));
    }
  }

  @Test
  void listsSelectedRegularFilesAndRefusesOddEntries() throws Exception {
    Files.writeString(dir.resolve("b.json"), "{}");
    Files.writeString(dir.resolve("a.json"), "{}");
    Files.writeString(dir.resolve("notes.txt"), "x");
    assertThat(InputFiles.listRegularFiles(dir, p -> p.toString().endsWith(".json")))
        .containsExactly(dir.resolve("a.json"), dir.resolve("b.json"));
    Files.createSymbolicLink(dir.resolve("loop.json"), dir.resolve("loop.json"));
    assertThatThrownBy(() -> InputFiles.listRegularFiles(dir, p -> p.toString().endsWith(".json")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("loop.json: a loop of symbolic links");
    assertThatThrownBy(() -> InputFiles.listRegularFiles(dir.resolve("a.json"), p -> true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("not a directory");
  }

  @Test
  void parsesSizes() {
    assertThat(InputFiles.parseSize("1024")).isEqualTo(1024);
    assertThat(InputFiles.parseSize("512M")).isEqualTo(512L << 20);
    assertThat(InputFiles.parseSize("64g")).isEqualTo(64L << 30);
    assertThat(InputFiles.parseSize("1TiB")).isEqualTo(1L << 40);
    assertThatThrownBy(() -> InputFiles.parseSize("0")).hasMessageContaining("positive");
    assertThatThrownBy(() -> InputFiles.parseSize("-5M")).hasMessageContaining("not a size");
    assertThatThrownBy(() -> InputFiles.parseSize("99999999999T"))
        .hasMessageContaining("below 8 EiB");
  }

  private static boolean mkfifo(Path path) throws InterruptedException {
    try {
      Process process = new ProcessBuilder("mkfifo", path.toString()).start();
      return process.waitFor(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)
          && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void readsUtf8Exactly() throws IOException {
    Path file = Files.write(dir.resolve("u.json"), "ü".getBytes(StandardCharsets.UTF_8));
    assertThat(InputFiles.readString(file, 2, null)).isEqualTo("ü");
  }
}
