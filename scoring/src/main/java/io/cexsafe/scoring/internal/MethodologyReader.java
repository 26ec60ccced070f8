package io.cexsafe.scoring.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cexsafe.ConfigurationException;
import io.cexsafe.InputFiles;
import io.cexsafe.InvalidInputException;
import io.cexsafe.Json;
import io.cexsafe.Pillar;
import io.cexsafe.internal.JsonTrees;
import io.cexsafe.scoring.ExtensionRule;
import io.cexsafe.scoring.Methodology;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads methodology JSON with errors that name the source, the JSON path and the problem, including
 * a pillar named twice (which a plain JSON object reader would silently collapse).
 */
public final class MethodologyReader {
  private static final Set<String> FIELDS =
      Set.of("id", "version", "title", "weights", "extensions");
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

  /** Created on first use: the bundled default is read without it ({@link #readBundled}). */
  private static final class Holder {
    static final ObjectMapper MAPPER =
        Json.mapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  private MethodologyReader() {}

  /**
   * Reads a methodology the build ships, with the same validation, through Jackson's streaming
   * parser alone (no {@code ObjectMapper} at start-up).
   *
   * @throws InvalidInputException naming the source, the JSON path and the problem
   */
  public static Methodology readBundled(InputStream in, String source) {
    return readTree(() -> JsonTrees.read(in), source);
  }

  public static Methodology read(Path file) {
    return read(InputFiles.readString(file), file.toString());
  }

  public static Methodology read(InputStream in, String source) {
    return readTree(() -> Holder.MAPPER.readTree(in), source);
  }

  /** Reads a JSON tree; databind and the streaming reader throw the same exceptions. */
  private interface TreeReader {
    JsonNode read() throws IOException;
  }

  private static Methodology readTree(TreeReader reader, String source) {
    try {
      return fromTree(reader.read(), source);
    } catch (JsonProcessingException e) {
      throw translate(source, e);
    } catch (NumberFormatException e) {
      throw unreadableNumber(source, e);
    } catch (IOException e) {
      throw new InvalidInputException(source, null, "cannot read: " + e.getMessage(), e);
    }
  }

  public static Methodology read(String json, String source) {
    try {
      return fromTree(Holder.MAPPER.readTree(json), source);
    } catch (JsonProcessingException e) {
      throw translate(source, e);
    } catch (NumberFormatException e) {
      throw unreadableNumber(source, e);
    }
  }

  /** Jackson reads decimals exactly and throws this for an exponent no BigDecimal holds. */
  private static InvalidInputException unreadableNumber(String source, NumberFormatException e) {
    return new InvalidInputException(source, null, "a number that cannot be read", e);
  }

  private static InvalidInputException translate(String source, JsonProcessingException e) {
    Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
    if (duplicate.find()) {
      String name = duplicate.group(1);
      boolean pillar = Pillar.find(name).isPresent();
      return new InvalidInputException(
          source,
          pillar ? "$.weights." + name : "$." + name,
          pillar ? "pillar '" + name + "' is named twice" : "field '" + name + "' appears twice",
          e);
    }
    return Json.invalid(source, e);
  }

  private static Methodology fromTree(JsonNode root, String source) {
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(source, "$", "a methodology must be a JSON object");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new InvalidInputException(
            source,
            "$." + name,
            "unknown field '" + name + "'; known: id, version, title, weights, extensions");
      }
    }
    String id = text(root, "id", source, true);
    String version = text(root, "version", source, true);
    String title = text(root, "title", source, false);
    JsonNode weightsNode = root.get("weights");
    if (weightsNode == null || !weightsNode.isObject()) {
      throw new InvalidInputException(
          source, "$.weights", "weights must be an object of pillar id to weight");
    }
    Map<Pillar, Double> weights = new EnumMap<>(Pillar.class);
    Map<Pillar, String> spelledAs = new EnumMap<>(Pillar.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = weightsNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String path = "$.weights." + entry.getKey();
      Pillar pillar =
          Pillar.find(entry.getKey())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          source,
                          path,
                          "unknown pillar '"
                              + entry.getKey()
                              + "'; known: "
                              + String.join(
                                  ", ", Arrays.stream(Pillar.values()).map(Pillar::id).toList())));
      if (spelledAs.containsKey(pillar)) {
        throw new InvalidInputException(
            source,
            path,
            "pillar '"
                + pillar.id()
                + "' is named twice (as '"
                + spelledAs.get(pillar)
                + "' and '"
                + entry.getKey()
                + "')");
      }
      JsonNode value = entry.getValue();
      if (!value.isNumber()) {
        throw new InvalidInputException(
            source,
            path,
            "weight must be a number, got "
                + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      }
      double weight = value.doubleValue();
      if (weight < 0 || Double.isInfinite(weight)) {
        throw new InvalidInputException(
            source, path, "weight must not be negative, got " + value.asText());
      }
      spelledAs.put(pillar, entry.getKey());
      weights.put(pillar, weight);
    }
    try {
      new Methodology(id, version, title, weights);
    } catch (ConfigurationException e) {
      throw new InvalidInputException(source, "$.weights", stripPrefix(e.getMessage(), id), e);
    }
    List<ExtensionRule> extensions = ExtensionRuleReader.read(root.get("extensions"), source);
    try {
      return new Methodology(id, version, title, weights, extensions);
    } catch (ConfigurationException e) {
      throw new InvalidInputException(source, "$.extensions", stripPrefix(e.getMessage(), id), e);
    }
  }

  private static String stripPrefix(String message, String id) {
    String prefix = "methodology " + id + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static String text(JsonNode root, String field, String source, boolean required) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw new InvalidInputException(source, "$." + field, field + " is required");
      }
      return null;
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw new InvalidInputException(source, "$." + field, field + " must be a non-blank string");
    }
    return node.asText();
  }
}
