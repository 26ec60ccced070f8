package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.InvalidInputException;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.por.ProofInput;
import io.cexsafe.por.ProofVerifier;
import io.cexsafe.por.TreeSource;
import io.cexsafe.por.Verdict;
import io.cexsafe.por.VerificationStatus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Bad input of every kind ends in a verdict (or a clear refusal), quickly and with short text. */
class RobustnessTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int HUGE = 200_000;
  private final ProofVerifier verifier = ProofVerifier.standard();

  private static ProofInput input(String proof, String tree) {
    if (tree == null) {
      return ProofInput.of("proof", proof);
    }
    return ProofInput.of(
        "proof",
        proof.getBytes(StandardCharsets.UTF_8),
        "tree",
        TreeSource.of(tree.getBytes(StandardCharsets.UTF_8)));
  }

  private static ObjectNode parse(String json) throws Exception {
    return (ObjectNode) MAPPER.readTree(json);
  }

  private static void assertShortMalformed(Verdict verdict, String... parts) {
    assertThat(verdict.status()).isEqualTo(VerificationStatus.MALFORMED);
    assertThat(verdict.reason()).contains(parts).hasSizeLessThan(400);
  }

  // ------------------------------------------------------------------ 1. overflow

  private static byte[] le(long value) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
  }

  /** A two-leaf BitMEX tree where both leaves are account 1's and their sum overflows a long. */
  @Test
  void bitmexLeavesWhoseSumOverflowsAreNotIncludedRatherThanACrash() throws Exception {
    long v0 = 5_000_000_000_000_000_000L;
    long v1 = 5_000_000_000_000_000_000L;
    byte[] nonce = HexFormat.of().parseHex("11".repeat(32));
    byte[] sub =
        Digests.sha256(
            ByteBuffer.allocate(48)
                .put(nonce)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(100)
                .putLong(1)
                .array());
    byte[][] digests = new byte[2][];
    long[] values = {v0, v1};
    for (int i = 0; i < 2; i++) {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sub, "HmacSHA256"));
      mac.update(le(values[i]));
      mac.update(le(i));
      digests[i] = mac.doFinal();
    }
    var sha = Digests.sha256();
    sha.update(digests[0]);
    sha.update(le(v0));
    sha.update(digests[1]);
    sha.update(le(v1));
    String tree =
        "block_height:100\n"
            + Digests.hex(sha.digest())
            + ",1\n"
            + Digests.hex(digests[0])
            + ","
            + v0
            + "\n"
            + Digests.hex(digests[1])
            + ","
            + v1
            + "\n";
    Verdict verdict = verifier.verify("bitmex", input("1," + "11".repeat(32), tree));
    assertThat(verdict.status()).isEqualTo(VerificationStatus.NOT_INCLUDED);
    assertThat(verdict.reason()).contains("64-bit");
  }

  @Test
  void bitmexHugeAccountIdIsQuotedShort() {
    Verdict verdict =
        verifier.verify("bitmex", input("9".repeat(HUGE) + "," + "11".repeat(32), "x\n"));
    assertShortMalformed(verdict, "account id", "(" + HUGE + " characters)");
  }

  /** A scheme that misses a bound still yields a verdict for arithmetic and number errors. */
  @Test
  void arithmeticAndNumberFormatEscapesBecomeMalformedOtherExceptionsDoNot() {
    class Throwing extends AbstractScheme {
      private final RuntimeException failure;

      Throwing(RuntimeException failure) {
        super("throwing", "throws", ProofStrength.HASH_TREE, Set.of(), NO_TREE);
        this.failure = failure;
      }

      @Override
      boolean recognises(ProofInput input) {
        return true;
      }

      @Override
      Verdict check(ProofInput input) {
        throw failure;
      }
    }
    ProofInput any = ProofInput.of("p", "{}");
    Verdict overflow = new Throwing(new ArithmeticException("long overflow")).verify(any);
    assertThat(overflow.status()).isEqualTo(VerificationStatus.MALFORMED);
    assertThat(overflow.reason()).contains("ArithmeticException", "long overflow");
    Verdict number =
        new Throwing(new NumberFormatException("For input string: \"" + "7".repeat(HUGE) + "\""))
            .verify(any);
    assertShortMalformed(number, "NumberFormatException");
    assertThatThrownBy(() -> new Throwing(new IllegalStateException("bug")).verify(any))
        .isInstanceOf(IllegalStateException.class);
  }

  // ------------------------------------------------------------------ 2. repeated leaves

  @Test
  void silverSixpenceLeafListedTwiceIsMalformedNamingBothPaths() throws Exception {
    Generators.Built built = Generators.silverSixpence(new Random(7), 6);
    ObjectNode file = parse(built.proof());
    ArrayNode proofs = (ArrayNode) file.get("proofs");
    proofs.add(proofs.get(0).deepCopy());
    proofs.add(proofs.get(0).deepCopy());
    String doubled = MAPPER.writeValueAsString(file);
    for (String tree : new String[] {null, built.tree()}) {
      Verdict verdict = verifier.verify("silversixpence", input(doubled, tree));
      assertShortMalformed(verdict, "$.proofs[1].leaf", "$.proofs[0].leaf");
    }
    // the single proof is still included
    assertThat(verifier.verify("silversixpence", input(built.proof(), built.tree())).status())
        .isEqualTo(VerificationStatus.INCLUDED);
  }

  // ------------------------------------------------------------------ 3. huge numbers

  @Test
  void hugeBalanceTextIsMalformedWithItsLengthNotItsValue() throws Exception {
    ObjectNode ss = parse(Generators.silverSixpence(new Random(3), 4).proof());
    ((ObjectNode) ss.get("proofs").get(0).get("balances")).put("BTC", "9".repeat(HUGE));
    assertShortMalformed(
        verifier.verify("silversixpence", input(MAPPER.writeValueAsString(ss), null)),
        "$.proofs[0].balances.BTC",
        HUGE + " characters");

    ObjectNode arm = parse(Generators.armanino(new Random(3), 4, false).proof());
    ((ObjectNode) arm.get("balances")).put("BTC", "1." + "5".repeat(HUGE));
    assertShortMalformed(
        verifier.verify("armanino", input(MAPPER.writeValueAsString(arm), null)),
        "$.balances.BTC",
        (HUGE + 2) + " characters");

    Generators.Built okx = Generators.okxV2(new Random(3), 5);
    ObjectNode v2 = parse(okx.proof());
    ((ObjectNode) v2.get("totalBalances")).put("ETH", "1".repeat(HUGE));
    assertShortMalformed(
        verifier.verify("okx-v2", input(MAPPER.writeValueAsString(v2), okx.tree())),
        "$.totalBalances.ETH",
        HUGE + " characters");
  }

  @Test
  void numberBoundAppliesToDecimalsIntegersAndTreeLines() throws Exception {
    assertThat(Decimals.parse("1".repeat(Decimals.MAX_NUMBER_CHARS), "$.x"))
        .isEqualByComparingTo("1".repeat(Decimals.MAX_NUMBER_CHARS));
    assertThatThrownBy(() -> Decimals.parse("1".repeat(HUGE), "$.x"))
        .isInstanceOf(MalformedProofException.class)
        .hasMessage("$.x is " + HUGE + " characters long; numbers are at most 100");
    JsonNode text = MAPPER.readTree("{\"n\":\"" + "4".repeat(HUGE) + "\"}");
    assertThatThrownBy(() -> Json.bigInteger(text, "n", "$"))
        .isInstanceOf(MalformedProofException.class)
        .hasMessageContaining("$.n is " + HUGE + " characters long");
    String line =
        "ab".repeat(32) + ",1,{\"BTC\":\"" + "3".repeat(5000) + "\",\"ETH\":\"0\",\"USDT\":\"0\"}";
    byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> new OkxTreeLine().parse(bytes, 0, bytes.length, 9))
        .isInstanceOf(MalformedProofException.class)
        .hasMessage("tree line 9 a balance is 5000 characters long; numbers are at most 100");
  }

  @Test
  void jsonNumberWithAHugeExponentIsRefusedBeforeItIsWrittenOut() throws Exception {
    JsonNode node = Json.parse("{\"b\":{\"BTC\":1e-999999}}".getBytes(StandardCharsets.UTF_8), "p");
    assertThatThrownBy(() -> Json.balancesAsPrinted(node, "b", "$", true))
        .isInstanceOf(MalformedProofException.class)
        .hasMessageContaining("$.b.BTC has more than 100 digits");
  }

  // ------------------------------------------------------------------ 4. short quotes

  @Test
  void longValuesAreQuotedShortEverywhere() throws Exception {
    assertThat(Texts.quote("abc")).isEqualTo("'abc'");
    assertThat(Texts.quote("x".repeat(41))).isEqualTo("'" + "x".repeat(40) + "…' (41 characters)");
    assertThatThrownBy(() -> Digests.requireHex("g".repeat(HUGE), 64, "$.h"))
        .hasMessage(
            "$.h must be 64 lower-case hex characters, was '"
                + "g".repeat(40)
                + "…' ("
                + HUGE
                + " characters)");
    assertThatThrownBy(() -> Decimals.parse("1e5" + "x".repeat(90), "$.d"))
        .hasMessageEndingWith("…' (93 characters)");

    ObjectNode bitget = parse(Generators.bitget(new Random(5), 4, true).proof());
    ((ObjectNode) bitget.get("self")).put("encryptUid", "g".repeat(HUGE));
    assertShortMalformed(
        verifier.verify("bitget-2025", input(MAPPER.writeValueAsString(bitget), null)),
        "$.self.encryptUid",
        "(" + HUGE + " characters)");

    ObjectNode arm = parse(Generators.armanino(new Random(5), 4, false).proof());
    ((ObjectNode) arm.get("balances")).put("BTC", "5" + "0".repeat(80));
    assertShortMalformed(
        verifier.verify("armanino", input(MAPPER.writeValueAsString(arm), null)),
        "$.balances.BTC",
        "(81 characters)");
  }

  // ------------------------------------------------------------------ 5. small JSON numbers

  @Test
  void smallJsonNumbersAreRenderedPlainWithTheirScale() throws Exception {
    JsonNode node =
        Json.parse(
            "{\"b\":{\"BTC\":0.0000001,\"ETH\":1.50,\"USDT\":0}}".getBytes(StandardCharsets.UTF_8),
            "p");
    assertThat(Json.balancesAsPrinted(node, "b", "$", true))
        .containsExactly(
            Map.entry("BTC", "0.0000001"), Map.entry("ETH", "1.50"), Map.entry("USDT", "0"));
  }

  // ------------------------------------------------------------------ 6. many OKX v2 user leaves

  /** More user leaves than are scanned in turn: each is still found (or missed) exactly. */
  @Test
  void manyOkxUserLeavesAreEachLookedUp() throws Exception {
    Generators.Built built = Generators.okxV2(new Random(11), 60);
    Map<String, Map<String, String>> leaves = new LinkedHashMap<>();
    for (String line : built.tree().split("\n")) {
      String[] cells = line.split(",", 3);
      JsonNode balances = MAPPER.readTree(cells[2]);
      if (!cells[1].equals("1")
          || balances.toString().equals("{\"BTC\":\"0\",\"ETH\":\"0\",\"USDT\":\"0\"}")) {
        continue;
      }
      Map<String, String> printed = new LinkedHashMap<>();
      for (String asset : Okx.ASSETS) {
        printed.put(asset, balances.get(asset).textValue());
      }
      leaves.put(cells[0], printed);
    }
    assertThat(leaves.size()).isGreaterThan(60);
    TreeSource tree = TreeSource.of(built.tree().getBytes(StandardCharsets.UTF_8));
    OkxTreeVerifier.Result all = OkxTreeVerifier.verify(tree, leaves);
    assertThat(all.failure()).isNull();
    assertThat(OkxTreeVerifier.verifyExact(tree, leaves).failure()).isNull();

    Map<String, Map<String, String>> oneWrong = new LinkedHashMap<>(leaves);
    String last = List.copyOf(leaves.keySet()).get(leaves.size() - 1);
    Map<String, String> changed = new LinkedHashMap<>(leaves.get(last));
    changed.put("USDT", changed.get("USDT").equals("1") ? "2" : "1");
    oneWrong.put(last, changed);
    assertThat(OkxTreeVerifier.verify(tree, oneWrong).failure()).contains(last);

    Map<String, Map<String, String>> oneAbsent = new LinkedHashMap<>(leaves);
    char[] absent = last.toCharArray();
    absent[63] = absent[63] == '0' ? '1' : '0'; // same eight-byte prefix as a real leaf
    oneAbsent.put(new String(absent), leaves.get(last));
    assertThat(OkxTreeVerifier.verify(tree, oneAbsent).failure()).contains(new String(absent));
  }

  // ------------------------------------------------------------------ 7. why JSON does not parse

  @Test
  void unrecognisedJsonSaysWhyItDoesNotParse() {
    String formats = String.join(", ", verifier.schemes().stream().map(s -> s.id()).toList());
    byte[] duplicate = "{\"root\":\"a\",\"root\":\"b\"}".getBytes(StandardCharsets.UTF_8);
    byte[] deep = ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
    byte[] notUtf8 = Arrays.copyOf("  {\"a\":\"".getBytes(StandardCharsets.UTF_8), 12);
    notUtf8[8] = (byte) 0xff;
    notUtf8[9] = '"';
    notUtf8[10] = '}';
    notUtf8[11] = ' ';
    for (byte[] proof : List.of(duplicate, deep, notUtf8)) {
      assertThatThrownBy(() -> verifier.verify(ProofInput.of("p.json", proof)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("proof format not recognised: not valid JSON (")
          .hasMessageContaining("; name it with --format (one of " + formats + ")");
    }
    assertThatThrownBy(() -> verifier.verify(ProofInput.of("p.json", duplicate)))
        .hasMessageContaining("Duplicate field 'root' at line 1, column");
    // valid JSON of no known shape, and text that is not JSON-like, keep the short message
    for (String proof : List.of("{\"a\":1}", "hello")) {
      assertThatThrownBy(() -> verifier.verify(ProofInput.of("p", proof)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("proof format not recognised; name it with --format");
    }
  }
}
