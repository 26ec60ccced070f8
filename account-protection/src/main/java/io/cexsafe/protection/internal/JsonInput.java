package io.cexsafe.protection.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cexsafe.Decimals;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A JSON value together with its JSON path, read with the project's conventions: a key that is
 * absent is "missing" (an error) unless the caller asks for an optional key; a key whose value is
 * {@code null} is "not known" and only accepted where the caller asks for a nullable value; unknown
 * keys are rejected so that a typo never silently drops information. Every problem is reported as a
 * {@link JsonPathException} naming the path.
 */
public final class JsonInput {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private final JsonNode node;
  private final String path;

  private JsonInput(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** Parses a whole document, which must be a JSON object. */
  public static JsonInput parseObject(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonParseException e) {
      throw new JsonPathException(
          "$",
          "malformed JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (JsonProcessingException e) {
      throw new JsonPathException("$", "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (NumberFormatException e) {
      // Jackson reads decimals exactly and throws this for an exponent no BigDecimal holds
      throw new JsonPathException("$", "malformed JSON: a number that cannot be read", e);
    }
    if (root == null || root.isMissingNode()) {
      throw new JsonPathException("$", "empty document, expected a JSON object");
    }
    if (!root.isObject()) {
      throw new JsonPathException("$", "expected a JSON object, found " + kind(root));
    }
    return new JsonInput(root, "$");
  }

  public String path() {
    return path;
  }

  /** The path of a child key, for messages about values this reader has already read. */
  public String path(String key) {
    return path + "." + key;
  }

  /** Rejects every key not listed, naming the first unknown one and what was expected. */
  public JsonInput allowOnly(String... keys) {
    Set<String> allowed = new LinkedHashSet<>(Arrays.asList(keys));
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new JsonPathException(
            path(name), "unknown field (expected one of: " + String.join(", ", allowed) + ")");
      }
    }
    return this;
  }

  public boolean has(String key) {
    return node.has(key);
  }

  public boolean isNull(String key) {
    return node.has(key) && node.get(key).isNull();
  }

  // objects

  public JsonInput object(String key) {
    JsonInput value = nullableObject(key);
    if (value == null) {
      throw new JsonPathException(path(key), "must not be null");
    }
    return value;
  }

  /** Returns null when the value is JSON null; the key itself must be present. */
  public JsonInput nullableObject(String key) {
    JsonNode value = present(key);
    if (value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw wrongType(key, "an object", value);
    }
    return new JsonInput(value, path(key));
  }

  /** Returns null when the key is absent or JSON null. */
  public JsonInput optionalObject(String key) {
    return node.has(key) ? nullableObject(key) : null;
  }

  // arrays

  public List<JsonInput> array(String key) {
    JsonNode value = present(key);
    if (!value.isArray()) {
      throw wrongType(key, "an array", value);
    }
    List<JsonInput> elements = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      elements.add(new JsonInput(value.get(i), path(key) + "[" + i + "]"));
    }
    return elements;
  }

  /** An absent key reads as an empty array. */
  public List<JsonInput> optionalArray(String key) {
    return node.has(key) ? array(key) : List.of();
  }

  /** Requires this element to be an object (for elements returned by {@link #array}). */
  public JsonInput asObject() {
    if (!node.isObject()) {
      throw new JsonPathException(path, "expected an object, found " + kind(node));
    }
    return this;
  }

  public String asString() {
    if (!node.isTextual()) {
      throw new JsonPathException(path, "expected a string, found " + kind(node));
    }
    String text = node.textValue().strip();
    if (text.isEmpty()) {
      throw new JsonPathException(path, "must not be blank");
    }
    return text;
  }

  public LocalDate asDate() {
    return parseDate(path, asString());
  }

  // scalars

  public String string(String key) {
    String value = nullableString(key);
    if (value == null) {
      throw new JsonPathException(path(key), "must not be null");
    }
    return value;
  }

  public String nullableString(String key) {
    JsonNode value = present(key);
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw wrongType(key, "a string", value);
    }
    String text = value.textValue().strip();
    if (text.isEmpty()) {
      throw new JsonPathException(path(key), "must not be blank");
    }
    return text;
  }

  public String optionalString(String key) {
    return node.has(key) ? nullableString(key) : null;
  }

  public boolean bool(String key) {
    Boolean value = nullableBool(key);
    if (value == null) {
      throw new JsonPathException(path(key), "must not be null");
    }
    return value;
  }

  public Boolean nullableBool(String key) {
    JsonNode value = present(key);
    if (value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw wrongType(key, "true or false", value);
    }
    return value.booleanValue();
  }

  public Boolean optionalBool(String key) {
    return node.has(key) ? nullableBool(key) : null;
  }

  public int positiveInt(String key) {
    JsonNode value = present(key);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw wrongType(key, "a whole number", value);
    }
    if (value.intValue() <= 0) {
      throw new JsonPathException(path(key), "must be positive, was " + value.intValue());
    }
    return value.intValue();
  }

  /** A decimal given as a JSON string (preferred: no binary rounding anywhere) or a JSON number. */
  public BigDecimal decimal(String key) {
    JsonNode value = present(key);
    if (value.isNull()) {
      throw new JsonPathException(path(key), "must not be null");
    }
    return toDecimal(key, value);
  }

  public BigDecimal optionalDecimal(String key) {
    if (!node.has(key) || node.get(key).isNull()) {
      return null;
    }
    return toDecimal(key, node.get(key));
  }

  public LocalDate date(String key) {
    LocalDate value = nullableDate(key);
    if (value == null) {
      throw new JsonPathException(path(key), "must not be null");
    }
    return value;
  }

  public LocalDate nullableDate(String key) {
    String text = nullableString(key);
    return text == null ? null : parseDate(path(key), text);
  }

  public LocalDate optionalDate(String key) {
    return node.has(key) ? nullableDate(key) : null;
  }

  /** An instant with an explicit offset or {@code Z}, e.g. {@code 2026-03-10T14:03:00+01:00}. */
  public Instant instant(String key) {
    String text = string(key);
    try {
      OffsetDateTime parsed = OffsetDateTime.parse(text);
      requireYearInRange(path(key), parsed.getYear(), text);
      return parsed.toInstant();
    } catch (DateTimeParseException e) {
      throw new JsonPathException(
          path(key),
          "not a date-time with offset (expected e.g. 2026-03-10T14:03:00Z or"
              + " 2026-03-10T15:03:00+01:00): \""
              + text
              + "\"");
    }
  }

  public ZoneId zone(String key) {
    String text = string(key);
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new JsonPathException(
          path(key), "not a time-zone id (expected e.g. Europe/Paris or UTC): \"" + text + "\"");
    }
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    E value = nullableEnum(key, type);
    if (value == null) {
      throw new JsonPathException(path(key), "must not be null");
    }
    return value;
  }

  public <E extends Enum<E>> E nullableEnum(String key, Class<E> type) {
    String text = nullableString(key);
    return text == null ? null : toEnum(path(key), text, type);
  }

  public <E extends Enum<E>> E asEnum(Class<E> type) {
    return toEnum(path, asString(), type);
  }

  public static <E extends Enum<E>> E toEnum(String path, String text, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    throw new JsonPathException(
        path,
        "unknown value \""
            + text
            + "\" (expected one of: "
            + Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .collect(Collectors.joining(", "))
            + ")");
  }

  // helpers

  private JsonNode present(String key) {
    JsonNode value = node.get(key);
    if (value == null) {
      throw new JsonPathException(path(key), "missing");
    }
    return value;
  }

  private BigDecimal toDecimal(String key, JsonNode value) {
    BigDecimal decimal;
    if (value.isNumber()) {
      decimal = value.decimalValue();
    } else if (value.isTextual()) {
      String text = value.textValue().strip();
      if (text.length() > Decimals.MAX_TEXT_LENGTH) {
        throw new JsonPathException(
            path(key), "a number of " + text.length() + " characters is too long");
      }
      try {
        decimal = new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new JsonPathException(path(key), "not a decimal number: \"" + text + "\"");
      }
    } else {
      throw wrongType(key, "a decimal number (preferably as a string, e.g. \"0.25\")", value);
    }
    // bounded before any arithmetic: 1e999999 would make the evaluation run for minutes
    Optional<String> problem = Decimals.problem(decimal);
    if (problem.isPresent()) {
      throw new JsonPathException(path(key), "the number " + problem.get());
    }
    return decimal;
  }

  private static LocalDate parseDate(String path, String text) {
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new JsonPathException(
          path, "not a date (expected YYYY-MM-DD, e.g. 2026-03-10): \"" + text + "\"");
    }
    requireYearInRange(path, date.getYear(), text);
    return date;
  }

  /** Dates far outside any real claim would overflow the deadline arithmetic. */
  private static void requireYearInRange(String path, int year, String text) {
    if (year < 1900 || year > 9999) {
      throw new JsonPathException(path, "date out of range (years 1900 to 9999): \"" + text + "\"");
    }
  }

  private JsonPathException wrongType(String key, String expected, JsonNode found) {
    return new JsonPathException(path(key), "expected " + expected + ", found " + kind(found));
  }

  private static String kind(JsonNode value) {
    if (value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isArray()) {
      return "an array";
    }
    if (value.isObject()) {
      return "an object";
    }
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
