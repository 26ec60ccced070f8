package io.cexsafe.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * Reads a bundled JSON resource into the tree {@code Json.mapper().readTree} would give (decimals
 * exactly as written, scale included), with Jackson's streaming parser alone: no {@code
 * ObjectMapper} is built, which saves the start-up of data binding for the small bundled files read
 * on every run. Meant for the resources the build ships, which are known to be valid; user files
 * keep the mapper's reading and its error messages.
 */
public final class JsonTrees {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private JsonTrees() {}

  /**
   * Reads one JSON value, which must be all the stream holds; the stream stays open.
   *
   * @param in the JSON, in UTF-8
   * @return its tree
   * @throws IOException for malformed JSON (a {@link com.fasterxml.jackson.core.JsonParseException}
   *     for a key written twice in one object), trailing content or a failed read
   */
  public static JsonNode read(InputStream in) throws IOException {
    try (JsonParser parser = FACTORY.createParser(in)) {
      if (parser.nextToken() == null) {
        throw new IOException("no JSON value");
      }
      JsonNode root = readValue(parser, parser.currentToken());
      if (parser.nextToken() != null) {
        throw new IOException("content after the JSON value at " + parser.currentLocation());
      }
      return root;
    }
  }

  /**
   * Builds the tree of the value whose first token the parser has just read, leaving the parser on
   * that value's last token. Nested values are built with an explicit stack, so depth is bounded by
   * the parser's nesting limit, not by the thread's stack.
   *
   * @param parser a parser positioned on {@code first}
   * @param first the value's first token
   * @return the value's tree (decimals exact, integers as int, long or BigInteger by size)
   * @throws IOException when the parser fails or the input ends inside the value
   */
  public static JsonNode readValue(JsonParser parser, JsonToken first) throws IOException {
    if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
      return scalar(parser, first);
    }
    ContainerNode<?> root = container(first);
    ArrayDeque<ContainerNode<?>> enclosing = new ArrayDeque<>();
    ContainerNode<?> current = root;
    String fieldName = null;
    while (true) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        // the parser reports a missing close marker itself; this only guards the loop
        throw new JsonParseException(parser, "Unexpected end-of-input", parser.currentLocation());
      }
      switch (token) {
        case FIELD_NAME -> fieldName = parser.currentName();
        case END_OBJECT, END_ARRAY -> {
          if (enclosing.isEmpty()) {
            return root;
          }
          current = enclosing.pop();
        }
        case START_OBJECT, START_ARRAY -> {
          ContainerNode<?> child = container(token);
          add(current, fieldName, child);
          enclosing.push(current);
          current = child;
        }
        default -> add(current, fieldName, scalar(parser, token));
      }
    }
  }

  private static ContainerNode<?> container(JsonToken start) {
    return start == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
  }

  private static void add(ContainerNode<?> container, String fieldName, JsonNode value) {
    if (container instanceof ObjectNode object) {
      object.set(fieldName, value);
    } else {
      ((ArrayNode) container).add(value);
    }
  }

  private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default ->
          throw new JsonParseException(
              parser, "Unexpected token " + token, parser.currentTokenLocation());
    };
  }
}
