package io.cexsafe.scoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.InvalidInputException;
import io.cexsafe.Pillar;
import io.cexsafe.scoring.ExtensionRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** Reads the {@code extensions} array of a methodology file, with errors naming the JSON path. */
final class ExtensionRuleReader {
  private static final List<String> FIELDS =
      List.of(
          "kind", "pillar", "title", "maxPoints", "field", "higherIsBetter", "zeroAt", "fullAt");

  private ExtensionRuleReader() {}

  static List<ExtensionRule> read(JsonNode extensions, String source) {
    if (extensions == null || extensions.isNull()) {
      return List.of();
    }
    if (!extensions.isArray()) {
      throw new InvalidInputException(
          source, "$.extensions", "extensions must be an array of extension rules");
    }
    List<ExtensionRule> rules = new ArrayList<>();
    for (int i = 0; i < extensions.size(); i++) {
      rules.add(rule(extensions.get(i), source, "$.extensions[" + i + "]"));
    }
    return rules;
  }

  private static ExtensionRule rule(JsonNode node, String source, String path) {
    if (!node.isObject()) {
      throw new InvalidInputException(source, path, "an extension rule must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new InvalidInputException(
            source,
            path + "." + name,
            "unknown field '" + name + "'; known: " + String.join(", ", FIELDS));
      }
    }
    String pillarName = text(node, "pillar", source, path);
    Pillar pillar =
        Pillar.find(pillarName)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        source,
                        path + ".pillar",
                        "unknown pillar '"
                            + pillarName
                            + "'; known: "
                            + String.join(
                                ", ", Arrays.stream(Pillar.values()).map(Pillar::id).toList())));
    JsonNode higher = node.get("higherIsBetter");
    if (higher == null || !higher.isBoolean()) {
      throw new InvalidInputException(
          source, path + ".higherIsBetter", "higherIsBetter must be true or false");
    }
    try {
      return new ExtensionRule(
          text(node, "kind", source, path),
          pillar,
          text(node, "title", source, path),
          number(node, "maxPoints", source, path),
          text(node, "field", source, path),
          higher.booleanValue(),
          number(node, "zeroAt", source, path),
          number(node, "fullAt", source, path));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(source, path, e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field, String source, String path) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new InvalidInputException(
          source, path + "." + field, field + " is required, as a non-blank string");
    }
    return value.asText();
  }

  private static double number(JsonNode node, String field, String source, String path) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber() || !Double.isFinite(value.doubleValue())) {
      throw new InvalidInputException(
          source, path + "." + field, field + " is required, as a finite number");
    }
    return value.doubleValue();
  }
}
