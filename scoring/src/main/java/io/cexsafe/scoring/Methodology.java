package io.cexsafe.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cexsafe.ConfigurationException;
import io.cexsafe.InvalidInputException;
import io.cexsafe.Json;
import io.cexsafe.Pillar;
import io.cexsafe.scoring.internal.MethodologyReader;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The weights of the eight pillars, as versioned data. Every pillar has a weight; weights are
 * non-negative and sum to 100.
 *
 * <p>The default methodology is embedded ({@link #defaultMethodology()}); custom ones are read from
 * JSON ({@link #fromJson(Path)}):
 *
 * <pre>{@code
 * {
 *   "id": "my-methodology",
 *   "version": "1",
 *   "title": "Custody first",
 *   "weights": { "custody": 30, "proof-of-reserves": 15, ... }
 * }
 * }</pre>
 *
 * @param id stable id, e.g. {@code cexsafe-default}
 * @param version the version of these weights
 * @param title a human title
 * @param weights one weight per pillar, in pillar order
 * @param extensionRules rules for plugins' extension facts, declared in the file's {@code
 *     extensions} array (see {@link ExtensionRule}); empty for most methodologies
 */
public record Methodology(
    String id,
    String version,
    String title,
    Map<Pillar, Double> weights,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ExtensionRule> extensionRules) {
  /** How far the weights may sum away from 100 (floating-point slack for decimal weights). */
  static final double SUM_TOLERANCE = 1e-6;

  private static final String DEFAULT_RESOURCE = "methodology-default.json";

  /**
   * Validates the components, copying its lists.
   *
   * @param id stable id, e.g. {@code cexsafe-default}
   * @param version the version of these weights
   * @param title a human title
   * @param weights one weight per pillar, in pillar order
   * @param extensionRules rules for plugins' extension facts, declared in the file's {@code
   *     extensions} array (see {@link ExtensionRule}); empty for most methodologies
   */
  public Methodology {
    id = requireText(id, "id");
    version = requireText(version, "version");
    title = title == null || title.isBlank() ? id : title.trim();
    Objects.requireNonNull(weights, "weights");
    EnumMap<Pillar, Double> copy = new EnumMap<>(Pillar.class);
    for (Map.Entry<Pillar, Double> entry : weights.entrySet()) {
      Pillar pillar = Objects.requireNonNull(entry.getKey(), "weights: pillar");
      Double weight = entry.getValue();
      if (weight == null || weight.isNaN() || weight.isInfinite() || weight < 0) {
        throw new ConfigurationException(
            "methodology "
                + id
                + ": weight of '"
                + pillar.id()
                + "' must be a non-negative number, got "
                + weight);
      }
      copy.put(pillar, weight);
    }
    StringJoiner missing = new StringJoiner(", ");
    for (Pillar pillar : Pillar.values()) {
      if (!copy.containsKey(pillar)) {
        missing.add(pillar.id());
      }
    }
    if (missing.length() > 0) {
      throw new ConfigurationException(
          "methodology " + id + ": every pillar needs a weight; missing: " + missing);
    }
    double sum = copy.values().stream().mapToDouble(Double::doubleValue).sum();
    if (Math.abs(sum - 100) > SUM_TOLERANCE) {
      throw new ConfigurationException(
          "methodology "
              + id
              + ": weights must sum to 100, but they sum to "
              + format(sum)
              + " ("
              + describe(copy)
              + ")");
    }
    weights = Collections.unmodifiableMap(copy);
    extensionRules = extensionRules == null ? List.of() : List.copyOf(extensionRules);
    Set<String> ids = new HashSet<>();
    Map<Pillar, Double> extensionPoints = new EnumMap<>(Pillar.class);
    for (ExtensionRule rule : extensionRules) {
      if (!ids.add(rule.id())) {
        throw new ConfigurationException(
            "methodology " + id + ": extension rule " + rule.id() + " is declared twice");
      }
      double points = extensionPoints.merge(rule.pillar(), rule.maxPoints(), Double::sum);
      if (points > 100 + SUM_TOLERANCE) {
        throw new ConfigurationException(
            "methodology "
                + id
                + ": extension rules of '"
                + rule.pillar().id()
                + "' award up to "
                + format(points)
                + " points; at most 100 (the built-in rules keep at least half the pillar)");
      }
    }
  }

  /**
   * A methodology of weights only, without extension rules.
   *
   * @param id the methodology's id
   * @param version its version
   * @param title its title
   * @param weights one weight per pillar
   * @throws io.cexsafe.ConfigurationException when the weights are invalid
   */
  public Methodology(String id, String version, String title, Map<Pillar, Double> weights) {
    this(id, version, title, weights, List.of());
  }

  /**
   * The extension rules of one pillar, in declaration order.
   *
   * @param pillar the pillar
   * @return its extension rules; empty when it has none
   */
  public List<ExtensionRule> extensionRules(Pillar pillar) {
    return extensionRules.stream().filter(r -> r.pillar() == pillar).toList();
  }

  /**
   * Creates a methodology from integer weights.
   *
   * @param id the methodology's id
   * @param version its version
   * @param title its title
   * @param weights one weight per pillar
   * @return the methodology
   * @throws io.cexsafe.ConfigurationException when the weights are invalid
   */
  public static Methodology of(
      String id, String version, String title, Map<Pillar, ? extends Number> weights) {
    Map<Pillar, Double> doubles = new EnumMap<>(Pillar.class);
    weights.forEach(
        (pillar, weight) -> doubles.put(pillar, weight == null ? null : weight.doubleValue()));
    return new Methodology(id, version, title, doubles);
  }

  /** {@return the embedded default methodology (the weights of the product's brief)} */
  public static Methodology defaultMethodology() {
    return Holder.DEFAULT;
  }

  /**
   * The weight of one pillar.
   *
   * @param pillar the pillar
   * @return its weight
   */
  public double weight(Pillar pillar) {
    return weights.get(pillar);
  }

  /**
   * Reads and validates a methodology file.
   *
   * @param file the methodology file
   * @return the methodology
   * @throws io.cexsafe.InvalidInputException naming the file, the JSON path and the problem
   */
  public static Methodology fromJson(Path file) {
    return MethodologyReader.read(file);
  }

  /**
   * Reads and validates a methodology.
   *
   * @param json the methodology's JSON
   * @param sourceName names the input in error messages
   * @return the methodology
   * @throws io.cexsafe.InvalidInputException naming the source, the JSON path and the problem
   */
  public static Methodology fromJson(String json, String sourceName) {
    return MethodologyReader.read(json, sourceName);
  }

  /**
   * Reads and validates a methodology from a stream, which stays open.
   *
   * @param in the methodology's JSON, in UTF-8
   * @param sourceName names the input in error messages
   * @return the methodology
   * @throws io.cexsafe.InvalidInputException naming the source, the JSON path and the problem
   */
  public static Methodology fromJson(InputStream in, String sourceName) {
    return MethodologyReader.read(in, sourceName);
  }

  /** {@return the methodology as JSON in the shape {@link #fromJson(Path)} reads} */
  public String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("version", version);
    json.put("title", title);
    Map<String, Object> weightJson = new LinkedHashMap<>();
    weights.forEach((pillar, weight) -> weightJson.put(pillar.id(), number(weight)));
    json.put("weights", weightJson);
    if (!extensionRules.isEmpty()) {
      List<Map<String, Object>> rules = new ArrayList<>();
      for (ExtensionRule rule : extensionRules) {
        Map<String, Object> ruleJson = new LinkedHashMap<>();
        ruleJson.put("kind", rule.kind());
        ruleJson.put("pillar", rule.pillar().id());
        ruleJson.put("title", rule.title());
        ruleJson.put("maxPoints", number(rule.maxPoints()));
        ruleJson.put("field", rule.field());
        ruleJson.put("higherIsBetter", rule.higherIsBetter());
        ruleJson.put("zeroAt", number(rule.zeroAt()));
        ruleJson.put("fullAt", number(rule.fullAt()));
        rules.add(ruleJson);
      }
      json.put("extensions", rules);
    }
    return Json.writePretty(json);
  }

  /** {@return A one-line description, e.g. {@code cexsafe-default 1.0 (custody 20, ...)}} */
  public String describe() {
    return id
        + " "
        + version
        + " ("
        + describe(weights)
        + ")"
        + (extensionRules.isEmpty() ? "" : " + " + extensionRules.size() + " extension rule(s)");
  }

  private static String describe(Map<Pillar, Double> weights) {
    StringJoiner joiner = new StringJoiner(", ");
    weights.forEach((pillar, weight) -> joiner.add(pillar.id() + " " + format(weight)));
    return joiner.toString();
  }

  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
  }

  private static Object number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : value;
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new ConfigurationException("methodology " + name + " must not be blank");
    }
    return value.trim();
  }

  private static final class Holder {
    static final Methodology DEFAULT = loadDefault();

    private static Methodology loadDefault() {
      try (InputStream in = Methodology.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("embedded resource " + DEFAULT_RESOURCE + " is missing");
        }
        return MethodologyReader.readBundled(in, DEFAULT_RESOURCE);
      } catch (java.io.IOException | InvalidInputException e) {
        throw new IllegalStateException("cannot load the embedded default methodology", e);
      }
    }
  }
}
