package io.cexsafe.por.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.internal.JsonTrees;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * JSON access for proof files: numbers are kept exactly as printed (no binary floating point, no
 * trailing-zero stripping), duplicate keys are refused, and every accessor names the JSON path of a
 * missing or wrongly typed field.
 *
 * <p>Trees are built straight from Jackson's streaming parser rather than through an {@code
 * ObjectMapper}: a proof file is a few hundred bytes, and setting up databind (about 500 classes
 * and their initialisation) cost more than everything else a {@code por verify} of a 10,000-leaf
 * tree does. The trees, and the messages for input that does not parse, are those the mapper gave
 * with {@code USE_BIG_DECIMAL_FOR_FLOATS}, {@code FAIL_ON_TRAILING_TOKENS}, exact decimals and
 * strict duplicate detection.
 */
public final class Json {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .build();

  /** Databind's wording for a second value after the first, kept so messages do not change. */
  private static final String TRAILING_TOKEN =
      "Trailing token (of type %s) found after value (bound as"
          + " `com.fasterxml.jackson.databind.JsonNode`): not allowed as per"
          + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`";

  private Json() {}

  public static JsonNode parse(byte[] content, String name) {
    try {
      JsonNode node = readTree(content);
      if (node == null) {
        throw new MalformedProofException(name + " is empty");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new MalformedProofException(name + " is not valid JSON: " + describe(e));
    } catch (IOException e) {
      throw new MalformedProofException(name + " cannot be read: " + e.getMessage());
    }
  }

  /**
   * Why the content is not JSON as proofs are read (duplicate keys, nesting too deep, bytes that
   * are not UTF-8, …): the parser's message, shortened, with the line and column; empty when it
   * parses.
   */
  public static Optional<String> syntaxError(byte[] content) {
    try {
      readTree(content);
      return Optional.empty();
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      return Optional.of(describe(e));
    } catch (IOException | RuntimeException e) {
      return Optional.of(shorten(String.valueOf(e.getMessage())));
    }
  }

  private static String describe(com.fasterxml.jackson.core.JacksonException e) {
    String message = shorten(String.valueOf(e.getOriginalMessage()));
    com.fasterxml.jackson.core.JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      message += " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
    return message;
  }

  /** The first line of a parser message, at most 160 characters. */
  private static String shorten(String message) {
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() <= 160 ? line : line.substring(0, 160) + "…";
  }

  /** Parses without throwing, for format detection. */
  public static Optional<JsonNode> tryParse(byte[] content) {
    try {
      return Optional.ofNullable(readTree(content));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The JSON value of the content, or null when it holds none (empty or only white space); deep
   * nesting is bounded by the parser's limit, not by the thread's stack ({@link
   * JsonTrees#readValue}).
   */
  static JsonNode readTree(byte[] content) throws IOException {
    try (JsonParser parser = FACTORY.createParser(content)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      JsonNode root = JsonTrees.readValue(parser, first);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw new JsonParseException(
            parser, String.format(TRAILING_TOKEN, trailing), parser.currentTokenLocation());
      }
      return root;
    }
  }

  public static JsonNode field(JsonNode parent, String name, String path) {
    if (parent == null || !parent.isObject()) {
      throw new MalformedProofException(path + " must be a JSON object");
    }
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw new MalformedProofException(path + "." + name + " is missing");
    }
    return node;
  }

  public static JsonNode object(JsonNode parent, String name, String path) {
    JsonNode node = field(parent, name, path);
    if (!node.isObject()) {
      throw new MalformedProofException(path + "." + name + " must be an object");
    }
    return node;
  }

  public static JsonNode array(JsonNode parent, String name, String path) {
    JsonNode node = field(parent, name, path);
    if (!node.isArray()) {
      throw new MalformedProofException(path + "." + name + " must be an array");
    }
    return node;
  }

  public static String text(JsonNode parent, String name, String path) {
    JsonNode node = field(parent, name, path);
    if (!node.isTextual()) {
      throw new MalformedProofException(path + "." + name + " must be a string");
    }
    return node.textValue();
  }

  public static int integer(JsonNode parent, String name, String path) {
    JsonNode node = field(parent, name, path);
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new MalformedProofException(path + "." + name + " must be an integer");
    }
    return node.intValue();
  }

  /** A non-negative integer of any size, from a JSON number or a decimal string. */
  public static BigInteger bigInteger(JsonNode parent, String name, String path) {
    JsonNode node = field(parent, name, path);
    BigInteger value;
    if (node.isIntegralNumber()) {
      value = node.bigIntegerValue();
    } else if (node.isTextual()
        && Decimals.requireShort(node.textValue(), path + "." + name).matches("[0-9]+")) {
      value = new BigInteger(node.textValue());
    } else {
      throw new MalformedProofException(path + "." + name + " must be a non-negative integer");
    }
    if (value.signum() < 0) {
      throw new MalformedProofException(path + "." + name + " must not be negative");
    }
    return value;
  }

  /**
   * Balances in file order, each value as printed: strings as they are, numbers in their exact
   * plain decimal form (scale kept, no exponent).
   */
  public static LinkedHashMap<String, String> balancesAsPrinted(
      JsonNode parent, String name, String path, boolean numbersExpected) {
    JsonNode node = object(parent, name, path);
    LinkedHashMap<String, String> balances = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      String where = path + "." + name + "." + entry.getKey();
      JsonNode value = entry.getValue();
      String printed;
      if (numbersExpected) {
        if (!value.isNumber()) {
          throw new MalformedProofException(where + " must be a JSON number");
        }
        // toPlainString keeps the scale and spells 0.0000001 as printed (toString gives "1E-7").
        // A number printed with an exponent (5000e0) cannot be told apart once parsed: it is read
        // as its plain form, which is what the exchange's serialiser prints for such a value.
        BigDecimal exact = value.decimalValue();
        // bound the plain form before building it: 1e-999999999 is short text but a huge string
        long plainDigits = Math.max(exact.precision(), (long) exact.precision() - exact.scale());
        if (exact.scale() > Decimals.MAX_NUMBER_CHARS || plainDigits > Decimals.MAX_NUMBER_CHARS) {
          throw new MalformedProofException(
              where
                  + " has more than "
                  + Decimals.MAX_NUMBER_CHARS
                  + " digits as a plain decimal number");
        }
        printed = exact.toPlainString();
      } else {
        if (!value.isTextual()) {
          throw new MalformedProofException(where + " must be a string");
        }
        printed = value.textValue();
      }
      Decimals.parse(printed, where);
      balances.put(entry.getKey(), printed);
    }
    return balances;
  }

  public static Map<String, BigDecimal> toDecimals(Map<String, String> printed, String where) {
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    printed.forEach((asset, text) -> values.put(asset, Decimals.parse(text, where + "." + asset)));
    return values;
  }
}
