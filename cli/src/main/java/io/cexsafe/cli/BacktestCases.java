package io.cexsafe.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cexsafe.InvalidInputException;
import io.cexsafe.scoring.Backtest;
import io.cexsafe.scoring.Grade;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a backtest case file: one JSON object per line, each a dated case with its expectations.
 * Every problem is an {@link InvalidInputException} naming the file, the line and the field.
 */
final class BacktestCases {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Set<String> CASE_FIELDS =
      Set.of(
          "id",
          "exchange",
          "name",
          "date",
          "role",
          "event",
          "description",
          "replay",
          "defillama",
          "expect");
  private static final Set<String> EXPECT_FIELDS = Set.of("kind", "than", "grade", "why");
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /**
   * One case as written.
   *
   * @param id the case id
   * @param exchangeId the exchange (its evidence file is {@code evidence/<exchangeId>.json})
   * @param name the exchange's display name
   * @param date the case date: evidence observed after it is left out
   * @param role what the case stands for
   * @param event when the collapse, failure, hack or scare happened, or null
   * @param description one line, or null
   * @param replay whether to collect the exchange online from DeFiLlama's history as of the date
   * @param defillamaSlug the exchange's DeFiLlama slug for a replay, or null (the catalogue's)
   * @param expectations what must hold
   */
  record Spec(
      String id,
      String exchangeId,
      String name,
      LocalDate date,
      Backtest.Role role,
      LocalDate event,
      String description,
      boolean replay,
      String defillamaSlug,
      List<Backtest.Expectation> expectations) {}

  private BacktestCases() {}

  /**
   * Parses a case file.
   *
   * @param text its content
   * @param origin its name, for messages
   */
  static List<Spec> parse(String text, String origin) {
    List<Spec> specs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = "line " + (i + 1);
      Spec spec = spec(line, origin, where);
      if (!ids.add(spec.id())) {
        throw new InvalidInputException(
            origin, where + ".id", "case id '" + spec.id() + "' is used twice");
      }
      specs.add(spec);
    }
    if (specs.isEmpty()) {
      throw new InvalidInputException(origin, null, "no cases");
    }
    for (Spec spec : specs) {
      for (Backtest.Expectation e : spec.expectations()) {
        if (e.other() != null && !ids.contains(e.other())) {
          throw new InvalidInputException(
              origin,
              "case " + spec.id(),
              "expectation '" + e.describe() + "' names an unknown case: " + e.other());
        }
      }
    }
    return List.copyOf(specs);
  }

  private static Spec spec(String line, String origin, String where) {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          origin, where, "malformed JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(origin, where, "must be a JSON object");
    }
    onlyFields(node, origin, where, CASE_FIELDS);
    String id = id(node, origin, where, "id");
    String exchange = id(node, origin, where, "exchange");
    String name = node.has("name") ? text(node, origin, where, "name") : exchange;
    LocalDate date = date(node, origin, where, "date", true);
    Backtest.Role role;
    try {
      role = Backtest.Role.fromId(text(node, origin, where, "role"));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(origin, where + ".role", e.getMessage());
    }
    LocalDate event = date(node, origin, where, "event", false);
    String description = node.has("description") ? text(node, origin, where, "description") : null;
    boolean replay = false;
    if (node.has("replay")) {
      if (!node.get("replay").isBoolean()) {
        throw new InvalidInputException(origin, where + ".replay", "must be true or false");
      }
      replay = node.get("replay").asBoolean();
    }
    String slug = node.has("defillama") ? text(node, origin, where, "defillama") : null;
    JsonNode expect = node.get("expect");
    if (expect == null || !expect.isArray() || expect.isEmpty()) {
      throw new InvalidInputException(
          origin, where + ".expect", "must be a non-empty array of expectations");
    }
    List<Backtest.Expectation> expectations = new ArrayList<>();
    for (int i = 0; i < expect.size(); i++) {
      expectations.add(expectation(expect.get(i), id, origin, where + ".expect[" + i + "]"));
    }
    return new Spec(id, exchange, name, date, role, event, description, replay, slug, expectations);
  }

  private static Backtest.Expectation expectation(
      JsonNode node, String caseId, String origin, String where) {
    if (!node.isObject()) {
      throw new InvalidInputException(origin, where, "must be a JSON object");
    }
    onlyFields(node, origin, where, EXPECT_FIELDS);
    try {
      Backtest.Kind kind = Backtest.Kind.fromId(text(node, origin, where, "kind"));
      String than = node.has("than") ? text(node, origin, where, "than") : null;
      Grade grade = null;
      if (node.has("grade")) {
        String value = text(node, origin, where, "grade").toUpperCase(Locale.ROOT);
        try {
          grade = Grade.valueOf(value);
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(
              origin, where + ".grade", "unknown grade '" + value + "'; known: AAA ... D");
        }
      }
      String why = node.has("why") ? text(node, origin, where, "why") : null;
      return new Backtest.Expectation(caseId, kind, than, grade, why);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(origin, where, e.getMessage());
    }
  }

  private static void onlyFields(JsonNode node, String origin, String where, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new InvalidInputException(
            origin,
            where + "." + name,
            "unknown field '" + name + "'; allowed: " + allowed.stream().sorted().toList());
      }
    }
  }

  private static String id(JsonNode node, String origin, String where, String field) {
    String value = text(node, origin, where, field);
    if (!ID.matcher(value).matches()) {
      throw new InvalidInputException(
          origin, where + "." + field, "must be kebab-case, e.g. ftx-2022-11-01: '" + value + "'");
    }
    return value;
  }

  private static String text(JsonNode node, String origin, String where, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidInputException(origin, where + "." + field, "missing");
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new InvalidInputException(origin, where + "." + field, "must be a non-blank string");
    }
    return value.asText().strip();
  }

  private static LocalDate date(
      JsonNode node, String origin, String where, String field, boolean required) {
    if (!node.has(field) && !required) {
      return null;
    }
    String value = text(node, origin, where, field);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          origin, where + "." + field, "not a date written as YYYY-MM-DD: '" + value + "'");
    }
  }
}
