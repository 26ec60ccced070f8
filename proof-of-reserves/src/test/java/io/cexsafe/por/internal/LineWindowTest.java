package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.por.TreeSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineWindowTest {

  /** A stream that hands out at most a few bytes per read, like a slow pipe. */
  private static InputStream trickling(byte[] content, Random random) {
    return new ByteArrayInputStream(content) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
      }
    };
  }

  /** The lines as {@link LineReader} sees them, the reference. */
  private static List<String> referenceLines(byte[] content) throws IOException {
    List<String> lines = new ArrayList<>();
    try (LineReader reader = LineReader.open(TreeSource.of(content), 0)) {
      String line;
      while ((line = reader.nextString()) != null) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** Reads the lines through a window, requiring room for {@code lookahead} bytes before each. */
  private static List<String> windowLines(LineWindow window, int lookahead, int maxLength)
      throws IOException {
    List<String> lines = new ArrayList<>();
    while (true) {
      window.require(lookahead);
      long offsetBefore = window.offset();
      int end = window.lineEnd(maxLength);
      if (end < 0) {
        return lines;
      }
      lines.add(
          new String(window.bytes, window.position, end - window.position, StandardCharsets.UTF_8));
      for (int i = window.limit; i < window.limit + LineWindow.SLACK; i++) {
        assertThat(window.bytes[i]).as("spare byte after the data").isZero();
      }
      window.position = window.following;
      assertThat(window.offset()).isGreaterThan(offsetBefore);
    }
  }

  private static String randomText(Random random) {
    String[] pieces = {"a", "bc", "0123456789", "\n", "\r\n", "\r", "", "x".repeat(30)};
    StringBuilder text = new StringBuilder();
    int count = random.nextInt(40);
    for (int i = 0; i < count; i++) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }

  @Test
  void linesStraddlingEveryBufferBoundaryComeOutAsLineReaderReadsThem() throws IOException {
    Random random = new Random(5);
    for (int n = 0; n < 3000; n++) {
      byte[] content = randomText(random).getBytes(StandardCharsets.UTF_8);
      int maxLength = 64;
      int lookahead = maxLength + 2;
      int capacity = lookahead + random.nextInt(40);
      LineWindow window = new LineWindow(trickling(content, random), 0, capacity);
      List<String> expected = referenceLines(content);
      String described = new String(content, StandardCharsets.UTF_8).replace("\r", "\\r");
      if (expected.stream().anyMatch(line -> line.length() > maxLength)) {
        assertThatThrownBy(() -> windowLines(window, lookahead, maxLength))
            .as(described)
            .isInstanceOf(MalformedProofException.class);
      } else {
        assertThat(windowLines(window, lookahead, maxLength)).as(described).isEqualTo(expected);
      }
    }
  }

  @Test
  void indexesTakenAfterARequireStayValidUntilTheNextOne() throws IOException {
    byte[] content = "one\ntwo\r\nthree\nfour".getBytes(StandardCharsets.US_ASCII);
    LineWindow window = new LineWindow(trickling(content, new Random(1)), 0, 16);
    window.require(16);
    int firstStart = window.position;
    int firstEnd = window.lineEnd(6);
    window.position = window.following;
    int secondEnd = window.lineEnd(6);
    int secondStart = window.position;
    window.position = window.following;
    assertThat(new String(window.bytes, firstStart, firstEnd - firstStart)).isEqualTo("one");
    assertThat(new String(window.bytes, secondStart, secondEnd - secondStart)).isEqualTo("two");
    assertThat(window.offset()).isEqualTo(9);
    window.require(16);
    int thirdEnd = window.lineEnd(6);
    assertThat(new String(window.bytes, window.position, thirdEnd - window.position))
        .isEqualTo("three");
    assertThat(window.offset()).isEqualTo(9);
  }

  @Test
  void aWindowOpenedAtAnOffsetCountsFromIt() throws IOException {
    byte[] content = "skip\nkeep\n".getBytes(StandardCharsets.US_ASCII);
    try (LineWindow window = LineWindow.open(TreeSource.of(content), 5, 32)) {
      assertThat(window.offset()).isEqualTo(5);
      assertThat(windowLines(window, 10, 8)).containsExactly("keep");
      assertThat(window.offset()).isEqualTo(content.length);
    }
  }

  @Test
  void aLineLongerThanAllowedIsMalformed() throws IOException {
    byte[] content = ("x".repeat(40) + "\nshort\n").getBytes(StandardCharsets.US_ASCII);
    LineWindow window = new LineWindow(new ByteArrayInputStream(content), 0, 64);
    window.require(22);
    assertThatThrownBy(() -> window.lineEnd(20))
        .isInstanceOf(MalformedProofException.class)
        .hasMessageContaining("too long");
    // and one without a line break in what was required
    LineWindow unbroken = new LineWindow(new ByteArrayInputStream(content), 0, 64);
    unbroken.require(22);
    unbroken.limit = 22;
    assertThatThrownBy(() -> unbroken.lineEnd(30))
        .isInstanceOf(MalformedProofException.class)
        .hasMessageContaining("too long");
  }

  @Test
  void requiringMoreThanTheWindowHoldsIsAProgrammingError() {
    LineWindow window = new LineWindow(new ByteArrayInputStream(new byte[0]), 0, 16);
    assertThatThrownBy(() -> window.require(17)).isInstanceOf(IllegalArgumentException.class);
  }
}
