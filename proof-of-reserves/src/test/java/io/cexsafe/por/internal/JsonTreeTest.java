package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Json} builds trees from the streaming parser instead of an {@code ObjectMapper}; these
 * tests hold it to what the mapper it replaced gave: the same tree (node types, exact decimals with
 * their scale, key order) for every input that parses, and the same message, line and column for
 * every input that does not.
 */
class JsonTreeTest {
  /** The mapper {@link Json} used before, configured as it was. */
  private static final ObjectMapper REFERENCE =
      JsonMapper.builder()
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonParser.Feature.ALLOW_COMMENTS)
          .build();

  private static final List<String> HANDWRITTEN =
      List.of(
          "",
          "   \n\t ",
          "null",
          "true",
          "false",
          "0",
          "-0",
          "7",
          "2147483647",
          "2147483648",
          "-9223372036854775808",
          "9223372036854775808",
          "123456789012345678901234567890",
          "1.0",
          "1.50",
          "0.00000001",
          "1e-7",
          "5000e0",
          "1E+3",
          "-0.0",
          "\"text\"",
          "\"\\u00e9\\n\"",
          "[]",
          "{}",
          "[[[]],{}]",
          "{\"a\":{\"b\":[1,2.50,{\"c\":null}]},\"d\":\"e\"}",
          "{\"z\":1,\"a\":2,\"m\":3}",
          "{\"a\":\"1\",\"a\":\"2\"}",
          "{\"a\":{\"b\":1,\"b\":2}}",
          "{} {}",
          "{}]",
          "[] x",
          "1 2",
          "\"a\" \"b\"",
          "{\"a\":1,}",
          "[1,]",
          "{\"a\" 1}",
          "{\"a\":1",
          "[1,2",
          "[",
          "{",
          "{\"a\":",
          "\"unterminated",
          "// comment\n{}",
          "/* c */ {}",
          "{\"a\":NaN}",
          "{'a':1}",
          "{a:1}",
          "[01]",
          "[1.]",
          "[.5]",
          "[+1]",
          "\ufeff{\"bom\":true}",
          "{\"a\":\"\u0001\"}",
          "[" + "1".repeat(1100) + "]",
          "[0." + "1".repeat(1100) + "]",
          "[".repeat(999) + "]".repeat(999),
          "[".repeat(1001) + "]".repeat(1001),
          "{\"a\":".repeat(1001) + "1" + "}".repeat(1001));

  @Test
  void handwrittenInputsGiveTheMappersTreeOrMessage() {
    for (String input : HANDWRITTEN) {
      assertSameAsReference(input.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void bytesThatAreNotUtf8GiveTheMappersMessage() {
    byte[] notUtf8 = "  {\"a\":\"x\"} ".getBytes(StandardCharsets.UTF_8);
    notUtf8[8] = (byte) 0xff;
    assertSameAsReference(notUtf8);
    assertSameAsReference(new byte[] {(byte) 0xfe, (byte) 0xff, 0, '{', 0, '}'});
    assertSameAsReference(new byte[] {'[', (byte) 0xc3, ']'});
  }

  @Test
  void everyBundledProofAndEveryPrefixOfItAgreeWithTheMapper() throws IOException {
    List<byte[]> proofs = bundledJson();
    assertThat(proofs).hasSizeGreaterThan(10);
    for (byte[] proof : proofs) {
      assertSameAsReference(proof);
      // truncated files: every prefix of the short ones, a spread of prefixes of the long ones
      int step = Math.max(1, proof.length / 60);
      for (int length = 0; length < proof.length; length += step) {
        assertSameAsReference(java.util.Arrays.copyOf(proof, length));
      }
    }
  }

  @Test
  void everyOneByteChangeOfAProofAgreesWithTheMapper() {
    byte[] proof =
        ("{\"hash\":\"ab\",\"nonce\":\"cd\",\"totalBalances\":{\"BTC\":\"0.5\",\"ETH\":1.50,"
                + "\"USDT\":12},\"nodes\":[{\"balances\":{\"BTC\":\"0\"},\"hash\":\"ef\"}],"
                + "\"flag\":true,\"none\":null}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] replacements = {'"', ']', ',', '.', 'x'};
    for (int i = 0; i < proof.length; i++) {
      for (byte replacement : replacements) {
        byte[] changed = proof.clone();
        changed[i] = replacement;
        assertSameAsReference(changed);
      }
    }
  }

  @Test
  void parseNamesTheFileAndTheLineAndColumnOfTheFault() {
    byte[] truncated = "{\n  \"nodes\": [\n    {\"hash\": \"ab\"".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Json.parse(truncated, "user.json"))
        .isInstanceOf(MalformedProofException.class)
        .hasMessageStartingWith("user.json is not valid JSON: Unexpected end-of-input")
        .hasMessageEndingWith("at line 3, column 18");
    byte[] duplicate = "{\"hash\":\"a\",\n\"hash\":\"b\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Json.parse(duplicate, "user.json"))
        .hasMessage("user.json is not valid JSON: Duplicate field 'hash' at line 2, column 7");
    assertThatThrownBy(() -> Json.parse(" \n".getBytes(StandardCharsets.UTF_8), "user.json"))
        .hasMessage("user.json is empty");
    assertThatThrownBy(() -> Json.parse("{} {}".getBytes(StandardCharsets.UTF_8), "user.json"))
        .hasMessageContaining("Trailing token (of type START_OBJECT)")
        .hasMessageEndingWith("at line 1, column 4");
  }

  @Test
  void deepNestingWithinTheParsersLimitNeedsNoDeepStack() throws Exception {
    byte[] deep = ("[".repeat(1000) + "]".repeat(1000)).getBytes(StandardCharsets.UTF_8);
    JsonNode[] result = new JsonNode[1];
    // a 64 KiB stack would overflow a recursive builder at this depth
    Thread small =
        new Thread(null, () -> result[0] = Json.tryParse(deep).orElse(null), "s", 1 << 16);
    small.start();
    small.join();
    assertThat(result[0]).isNotNull();
    assertThat(result[0].isArray()).isTrue();
  }

  private static void assertSameAsReference(byte[] content) {
    String label = new String(content, 0, Math.min(content.length, 80), StandardCharsets.UTF_8);
    JsonNode expected;
    String expectedError;
    try {
      JsonNode node = REFERENCE.readTree(content);
      expected = node == null || node.isMissingNode() ? null : node;
      expectedError = null;
    } catch (JacksonException e) {
      expected = null;
      expectedError = describe(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (expectedError == null) {
      assertThat(Json.syntaxError(content)).as(label).isEmpty();
      JsonNode actual = Json.tryParse(content).orElse(null);
      if (expected == null) {
        assertThat(actual).as(label).isNull();
      } else {
        assertThat(actual).as(label).isNotNull();
        assertThat(exactForm(actual)).as(label).isEqualTo(exactForm(expected));
      }
    } else {
      assertThat(Json.tryParse(content)).as(label).isEmpty();
      assertThat(Json.syntaxError(content)).as(label).contains(expectedError);
    }
  }

  /** The reference's message as {@link Json} words it. */
  private static String describe(JacksonException e) {
    String message = String.valueOf(e.getOriginalMessage());
    int newline = message.indexOf('\n');
    message = newline < 0 ? message : message.substring(0, newline);
    message = message.length() <= 160 ? message : message.substring(0, 160) + "…";
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      message += " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
    return message;
  }

  /** Node classes, key order and numbers with their scale, which {@code equals} may not tell. */
  private static String exactForm(JsonNode node) {
    StringBuilder out = new StringBuilder();
    List<Object[]> pending = new ArrayList<>();
    pending.add(new Object[] {node});
    while (!pending.isEmpty()) {
      Object[] item = pending.remove(pending.size() - 1);
      if (item[0] instanceof String text) {
        out.append(text);
        continue;
      }
      JsonNode current = (JsonNode) item[0];
      out.append(current.getClass().getSimpleName()).append('(');
      List<Object[]> children = new ArrayList<>();
      if (current.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = current.fields(); fields.hasNext(); ) {
          Map.Entry<String, JsonNode> field = fields.next();
          children.add(new Object[] {field.getKey() + "="});
          children.add(new Object[] {field.getValue()});
          children.add(new Object[] {","});
        }
      } else if (current.isArray()) {
        for (JsonNode element : current) {
          children.add(new Object[] {element});
          children.add(new Object[] {","});
        }
      } else if (current.isNumber()) {
        out.append(current.numberValue()).append('/').append(current.numberValue().getClass());
      } else {
        out.append(current.asText());
      }
      children.add(new Object[] {")"});
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.add(children.get(i));
      }
    }
    return out.toString();
  }

  private static List<byte[]> bundledJson() throws IOException {
    Path resources = Path.of("src/test/resources");
    List<byte[]> all = new ArrayList<>();
    try (Stream<Path> files = Files.walk(resources)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        byte[] content = Files.readAllBytes(file);
        int split = indexOf(content, ProofFormatsFuzzTest.TREE_MARKER);
        all.add(split < 0 ? content : java.util.Arrays.copyOf(content, split));
      }
    }
    return all;
  }

  private static int indexOf(byte[] content, byte[] marker) {
    outer:
    for (int i = 0; i + marker.length <= content.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (content[i + j] != marker[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
