package io.cexsafe;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The JSON conventions of cexsafe: ISO-8601 dates, plain decimals, map keys in order, unknown
 * properties rejected. Errors while reading name the source and the JSON path of the problem.
 */
public final class Json {
  /**
   * The mapper, created on first use: building it loads much of Jackson's data binding, which
   * commands that only stream JSON, or read none, never need.
   */
  private static final class Holder {
    static final ObjectMapper MAPPER =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // trees keep decimals exactly as written (scale included): amounts must survive a
            // detour through JsonNode without loss
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .build();
  }

  private Json() {}

  /** {@return a mapper configured with cexsafe's conventions (a copy; configure it freely)} */
  public static ObjectMapper mapper() {
    return Holder.MAPPER.copy();
  }

  static ObjectMapper shared() {
    return Holder.MAPPER;
  }

  /**
   * Converts a value to a JSON tree with cexsafe's conventions, through the one shared mapper (so
   * its serialisers are built once per process, not once per copy).
   *
   * @param value the value
   * @return its tree
   * @throws IllegalArgumentException when the value cannot be converted
   */
  public static JsonNode tree(Object value) {
    return Holder.MAPPER.valueToTree(value);
  }

  /**
   * Serialises a value as compact JSON.
   *
   * @param value the value
   * @return its JSON
   * @throws CexsafeException when the value cannot be serialised
   */
  public static String write(Object value) {
    try {
      return Holder.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new CexsafeException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Serialises a value as indented JSON with a trailing newline.
   *
   * @param value the value
   * @return its JSON
   * @throws CexsafeException when the value cannot be serialised
   */
  public static String writePretty(Object value) {
    try {
      return Holder.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new CexsafeException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads a JSON file (a regular file of at most {@link InputFiles#MAX_DOCUMENT_BYTES}).
   *
   * @param <T> the type to read
   * @param file the file
   * @param type the type to read
   * @return the value
   * @throws InvalidInputException naming the file, the JSON path and the problem
   */
  public static <T> T read(Path file, Class<T> type) {
    return read(InputFiles.readString(file), file.toString(), type);
  }

  /**
   * Reads JSON from a stream, which stays open.
   *
   * @param <T> the type to read
   * @param in the JSON bytes, in UTF-8
   * @param sourceName names the input in error messages
   * @param type the type to read
   * @return the value
   * @throws InvalidInputException naming the source, the JSON path and the problem
   */
  public static <T> T read(InputStream in, String sourceName, Class<T> type) {
    try {
      return Holder.MAPPER.readValue(in, type);
    } catch (JsonProcessingException e) {
      throw invalid(sourceName, e);
    } catch (CharConversionException e) {
      // bytes that Jackson's encoding detection takes for UTF-16/32 and then cannot decode: bad
      // content, not a failed read
      throw new InvalidInputException(sourceName, null, "not valid text: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads JSON from a string.
   *
   * @param <T> the type to read
   * @param json the JSON text
   * @param sourceName names the input in error messages
   * @param type the type to read
   * @return the value
   * @throws InvalidInputException naming the source, the JSON path and the problem
   */
  public static <T> T read(String json, String sourceName, Class<T> type) {
    try {
      return Holder.MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw invalid(sourceName, e);
    }
  }

  /**
   * Translates a Jackson failure into an error naming the source, the JSON path and the problem.
   *
   * @param sourceName names the input
   * @param e the Jackson failure
   * @return the error to throw
   */
  public static InvalidInputException invalid(String sourceName, JsonProcessingException e) {
    String path = e instanceof JsonMappingException m ? jsonPath(m) : null;
    return new InvalidInputException(sourceName, path, problem(e), e);
  }

  private static String problem(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field '" + u.getPropertyName() + "'";
    }
    if (e instanceof InvalidTypeIdException t) {
      return "unknown type '" + t.getTypeId() + "'";
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return v.getCause().getMessage();
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      String message = e.getOriginalMessage();
      int cut = message.indexOf(" (");
      return (cut > 0 ? message.substring(0, cut) : message)
          + " (expected "
          + m.getTargetType().getSimpleName()
          + ")";
    }
    if (e.getCause() instanceof StreamReadException syntax) {
      return malformed(syntax);
    }
    if (e instanceof StreamReadException syntax) {
      return malformed(syntax);
    }
    if (e.getCause() != null && e.getCause() != e && e.getCause().getMessage() != null) {
      return e.getCause().getMessage();
    }
    return e.getOriginalMessage();
  }

  private static String malformed(StreamReadException e) {
    String message = e.getOriginalMessage();
    int cut = message.indexOf(" (start marker at");
    if (cut > 0) {
      message = message.substring(0, cut);
    }
    if (e.getLocation() != null) {
      message +=
          " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
    return "malformed JSON: " + message;
  }

  private static String jsonPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /**
   * Describes a JSON parser's current position, for the errors of streaming readers.
   *
   * @param parser the parser
   * @return its position as {@code line L, column C}
   */
  public static String location(JsonParser parser) {
    var location = parser.currentLocation();
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
