package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NodeHashCheckerTest {
  private static final String LEFT = "0123456789abcdef".repeat(4);
  private static final String RIGHT = "fedcba9876543210".repeat(4);

  private static OkxTreeLine line(String hash, int height, String btc) {
    byte[] text =
        (hash + "," + height + ",{\"BTC\":\"" + btc + "\",\"ETH\":\"0\",\"USDT\":\"2.5\"}")
            .getBytes(StandardCharsets.US_ASCII);
    OkxTreeLine line = new OkxTreeLine();
    line.parse(text, 0, text.length, 1);
    return line;
  }

  private static OkxTreeLine parentOf(String left, String right, String btc) {
    return line(Digests.sha256Hex(left + right + btc + "0" + "2.5" + "2"), 2, btc);
  }

  @Test
  void checksNodesInEitherChildOrderAcrossManyBatches() throws InterruptedIOException {
    OkxTreeLine left = line(LEFT, 1, "1");
    OkxTreeLine right = line(RIGHT, 1, "1");
    OkxTreeLine parent = parentOf(LEFT, RIGHT, "2");
    try (NodeHashChecker checker = new NodeHashChecker()) {
      for (int i = 0; i < 2000; i++) {
        // the file usually lists the right child first
        assertThat(checker.add(parent, right, left, true)).isTrue();
        assertThat(checker.add(parent, left, right, true)).isTrue();
      }
      assertThat(checker.allMatch()).isTrue();
    }
  }

  @Test
  void aSingleMismatchAnywhereIsReported() throws InterruptedIOException {
    OkxTreeLine left = line(LEFT, 1, "1");
    OkxTreeLine right = line(RIGHT, 1, "1");
    OkxTreeLine parent = parentOf(LEFT, RIGHT, "2");
    // prints 2 BTC but its hash is of a preimage with 3
    OkxTreeLine wrong = line(parentOf(LEFT, RIGHT, "3").hash(), 2, "2");
    try (NodeHashChecker checker = new NodeHashChecker()) {
      for (int i = 0; i < 1500; i++) {
        checker.add(i == 777 ? wrong : parent, right, left, false);
      }
      assertThat(checker.allMatch()).isFalse();
    }
    try (NodeHashChecker checker = new NodeHashChecker()) {
      boolean stillMatching = true;
      for (int i = 0; i < 5000 && stillMatching; i++) {
        stillMatching = checker.add(i == 3 ? wrong : parent, right, left, false);
        Thread.onSpinWait();
      }
      assertThat(checker.allMatch()).isFalse();
    }
  }

  @Test
  void leafChildrenMustHaveLowerCaseHexHashes() throws InterruptedIOException {
    String upper = LEFT.toUpperCase(Locale.ROOT);
    OkxTreeLine left = line(LEFT, 1, "1");
    left.bytes =
        (upper + new String(left.bytes, 64, left.end - 64, StandardCharsets.US_ASCII))
            .getBytes(StandardCharsets.US_ASCII);
    OkxTreeLine right = line(RIGHT, 1, "1");
    // the printed hash is right for the upper-case text, only the hex check can object
    OkxTreeLine parent = parentOf(upper, RIGHT, "2");
    try (NodeHashChecker checker = new NodeHashChecker()) {
      checker.add(parent, right, left, false);
      assertThat(checker.allMatch()).isTrue();
    }
    try (NodeHashChecker checker = new NodeHashChecker()) {
      checker.add(parent, right, left, true);
      assertThat(checker.allMatch()).isFalse();
    }
  }

  @Test
  void anInterruptedWalkStopsWithAnIoExceptionAndKeepsTheInterrupt() {
    OkxTreeLine left = line(LEFT, 1, "1");
    OkxTreeLine right = line(RIGHT, 1, "1");
    OkxTreeLine parent = parentOf(LEFT, RIGHT, "2");
    try (NodeHashChecker checker = new NodeHashChecker()) {
      Thread.currentThread().interrupt();
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 100_000; i++) {
                  checker.add(parent, right, left, true);
                }
                checker.allMatch();
              })
          .isInstanceOf(InterruptedIOException.class);
      assertThat(Thread.interrupted()).isTrue();
    }
  }
}
