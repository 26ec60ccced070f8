package io.cexsafe.por.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cexsafe.InvalidInputException;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.ProofVerifier;
import io.cexsafe.por.TreeSource;
import io.cexsafe.por.Verdict;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of every proof-of-reserves format, one target per scheme plus one through
 * format detection. An input is the proof file, optionally followed by {@link #TREE_MARKER} and the
 * published tree for the schemes that read one. Every input must end in a verdict with a short
 * reason; only {@link InvalidInputException} (no scheme recognises the file) may escape. Seeds are
 * small proofs made by {@link Generators} under {@code ProofFormatsFuzzTestInputs/<scheme>/}; see
 * docs/fuzzing.md.
 */
class ProofFormatsFuzzTest {
  /** Separates the proof from the tree in one fuzz input. */
  static final byte[] TREE_MARKER =
      "\n=====tree=====\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static final ProofVerifier VERIFIER = ProofVerifier.standard();

  @FuzzTest(maxDuration = "5m")
  void detected(byte[] input) {
    try {
      check(VERIFIER.verify(split(input)));
    } catch (InvalidInputException notRecognised) {
      // documented: no scheme recognises the file
    }
  }

  @FuzzTest(maxDuration = "5m")
  void okxV1(byte[] input) {
    verify("okx-v1", input);
  }

  @FuzzTest(maxDuration = "5m")
  void okxV2(byte[] input) {
    verify("okx-v2", input);
  }

  @FuzzTest(maxDuration = "5m")
  void bitget2025(byte[] input) {
    verify("bitget-2025", input);
  }

  @FuzzTest(maxDuration = "5m")
  void bitget2022(byte[] input) {
    verify("bitget-2022", input);
  }

  @FuzzTest(maxDuration = "5m")
  void mexc(byte[] input) {
    verify("mexc", input);
  }

  @FuzzTest(maxDuration = "5m")
  void bybit(byte[] input) {
    verify("bybit", input);
  }

  @FuzzTest(maxDuration = "5m")
  void bitmex(byte[] input) {
    verify("bitmex", input);
  }

  @FuzzTest(maxDuration = "5m")
  void silverSixpence(byte[] input) {
    verify("silversixpence", input);
  }

  @FuzzTest(maxDuration = "5m")
  void armanino(byte[] input) {
    verify("armanino", input);
  }

  @FuzzTest(maxDuration = "5m")
  void armaninoConcatenate(byte[] input) {
    verify("armanino-concatenate", input);
  }

  @FuzzTest(maxDuration = "5m")
  void gateZkV1(byte[] input) {
    verify("gate-zk-v1", input);
  }

  @FuzzTest(maxDuration = "5m")
  void binanceZkV1(byte[] input) {
    verify("binance-zk-v1", input);
  }

  @FuzzTest(maxDuration = "5m")
  void binanceZkV2(byte[] input) {
    verify("binance-zk-v2", input);
  }

  private static void verify(String scheme, byte[] input) {
    check(VERIFIER.verify(scheme, split(input)));
  }

  /** The verdict's own invariants hold (its constructor checks them); its reason stays short. */
  private static void check(Verdict verdict) {
    if (verdict.reason().length() > 1_000) {
      throw new AssertionError("verdict reason of " + verdict.reason().length() + " chars");
    }
  }

  static ProofInput split(byte[] input) {
    int at = indexOf(input, TREE_MARKER);
    if (at < 0) {
      return ProofInput.of("proof.json", input);
    }
    byte[] proof = Arrays.copyOfRange(input, 0, at);
    byte[] tree = Arrays.copyOfRange(input, at + TREE_MARKER.length, input.length);
    return ProofInput.of("proof.json", proof, "tree.txt", TreeSource.of(tree));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
