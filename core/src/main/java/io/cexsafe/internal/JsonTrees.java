package io.cexsafe.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

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
      JsonNode root = value(parser);
      if (parser.nextToken() != null) {
        throw new IOException("content after the JSON value at " + parser.currentLocation());
      }
      return root;
    }
  }

  private static JsonNode value(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.set(name, value(parser));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IOException("unexpected " + token + " at " + parser.currentLocation());
    }
  }
}
