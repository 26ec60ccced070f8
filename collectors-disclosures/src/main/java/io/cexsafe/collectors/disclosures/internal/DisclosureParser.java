package io.cexsafe.collectors.disclosures.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cexsafe.Decimals;
import io.cexsafe.EvidenceClass;
import io.cexsafe.InvalidInputException;
import io.cexsafe.Json;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.FactTypes;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one disclosure file and validates every field. Any problem that makes a fact unusable is an
 * {@link InvalidInputException} naming the file, the JSON path and the problem: a file is used
 * whole or not at all.
 */
public final class DisclosureParser {
  /** Kebab-case, as exchange ids and curator ids are written. */
  static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private static final Pattern NUMERIC_TEXT =
      Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*");
  private static final Set<String> FILE_FIELDS =
      Set.of("exchange", "curatedOn", "curator", "facts");
  private static final Set<String> ENTRY_FIELDS =
      Set.of("id", "fact", "source", "observedOn", "evidenceClass", "staleAfter", "note");
  private static final Set<String> SOURCE_FIELDS = Set.of("url", "title");
  private static final Set<String> URL_SCHEMES = Set.of("http", "https", "urn");

  /** Created on first use: a bundled file is read from its digest, without a mapper. */
  private static final class Holder {
    static final ObjectMapper MAPPER = strictMapper();
  }

  private final String origin;
  private final LocalDate today;
  private final boolean userSupplied;

  private DisclosureParser(String origin, LocalDate today, boolean userSupplied) {
    this.origin = origin;
    this.today = today;
    this.userSupplied = userSupplied;
  }

  /**
   * Parses a disclosure file.
   *
   * @param json the file's content
   * @param origin the file name, used in messages
   * @param today dates after this day are rejected as being in the future
   * @param userSupplied whether the file comes from a user directory
   * @throws InvalidInputException naming the file, the JSON path and the problem
   */
  public static DisclosureFile parse(
      String json, String origin, LocalDate today, boolean userSupplied) {
    return new DisclosureParser(origin, today, userSupplied).parse(json);
  }

  private DisclosureFile parse(String json) {
    JsonNode root;
    try {
      root = Holder.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw Json.invalid(origin, e);
    } catch (NumberFormatException e) {
      // Jackson reads decimals exactly and throws this for an exponent no BigDecimal holds
      throw invalid("$", "a number that cannot be read");
    }
    if (root == null || root.isMissingNode()) {
      throw invalid("$", "empty file");
    }
    object(root, "$");
    onlyFields(root, "$", FILE_FIELDS);
    String exchange = text(root, "$", "exchange");
    if (!ID.matcher(exchange).matches()) {
      throw invalid(
          "$.exchange", "exchange id must be kebab-case, e.g. crypto-com: '" + exchange + "'");
    }
    LocalDate curatedOn = date(root, "$", "curatedOn", true);
    notInFuture(curatedOn, "$.curatedOn");
    if (root.has("curator")) {
      text(root, "$", "curator");
    }
    JsonNode facts = root.get("facts");
    if (facts == null || facts.isNull()) {
      throw invalid("$.facts", "missing");
    }
    if (!facts.isArray()) {
      throw invalid("$.facts", "must be an array of facts");
    }
    List<CuratedFact> parsed = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Map<String, String> firstPathById = new HashMap<>();
    for (int i = 0; i < facts.size(); i++) {
      String path = "$.facts[" + i + "]";
      CuratedFact fact = entry(facts.get(i), path, exchange, curatedOn);
      String first = firstPathById.putIfAbsent(fact.id(), path);
      if (first != null) {
        findings.add(
            new Finding(
                Finding.Kind.DUPLICATE_ID,
                origin
                    + ": "
                    + path
                    + ".id: id '"
                    + fact.id()
                    + "' is already used at "
                    + first
                    + "; this entry is left out",
                origin));
      } else {
        parsed.add(fact);
      }
    }
    return new DisclosureFile(exchange, curatedOn, origin, parsed, findings);
  }

  private CuratedFact entry(JsonNode node, String path, String exchange, LocalDate curatedOn) {
    object(node, path);
    onlyFields(node, path, ENTRY_FIELDS);
    String id = text(node, path, "id");
    if (!ID.matcher(id).matches()) {
      throw invalid(path + ".id", "id must be kebab-case, e.g. cdc-insurance-arch: '" + id + "'");
    }
    Fact fact = fact(node.get("fact"), path + ".fact");

    JsonNode source = node.get("source");
    if (source == null || source.isNull()) {
      throw invalid(path + ".source", "missing");
    }
    object(source, path + ".source");
    onlyFields(source, path + ".source", SOURCE_FIELDS);
    URI url = url(text(source, path + ".source", "url"), path + ".source.url");
    String title = text(source, path + ".source", "title");

    LocalDate observedOn = date(node, path, "observedOn", true);
    notInFuture(observedOn, path + ".observedOn");
    if (observedOn.isAfter(curatedOn)) {
      throw invalid(
          path + ".observedOn",
          "observed on " + observedOn + ", after the file was curated on " + curatedOn);
    }
    EvidenceClass evidenceClass = evidenceClass(text(node, path, "evidenceClass"), path);
    LocalDate staleAfter = date(node, path, "staleAfter", false);
    if (staleAfter != null && staleAfter.isBefore(observedOn)) {
      throw invalid(
          path + ".staleAfter",
          "stale after " + staleAfter + ", before it was observed on " + observedOn);
    }
    String note = null;
    if (node.has("note")) {
      note = text(node, path, "note");
    }
    return new CuratedFact(
        id,
        exchange,
        fact,
        url,
        title,
        observedOn,
        curatedOn,
        evidenceClass,
        staleAfter,
        note,
        origin,
        userSupplied,
        null);
  }

  private Fact fact(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      throw invalid(path, "missing");
    }
    object(node, path);
    JsonNode type = node.get("type");
    if (type == null || type.isNull()) {
      throw invalid(path + ".type", "missing; known fact types: " + FactTypes.all().keySet());
    }
    if (!type.isTextual()) {
      throw invalid(path + ".type", "must be a string");
    }
    Class<? extends Fact> factClass =
        FactTypes.find(type.asText())
            .orElseThrow(
                () ->
                    invalid(
                        path + ".type",
                        "unknown fact type '"
                            + type.asText()
                            + "'; known: "
                            + FactTypes.all().keySet()));
    // Jackson would silently read an absent boolean or number as false or 0: a curated fact must
    // say it, never leave it to a default.
    for (var component : factClass.getRecordComponents()) {
      if (component.getType().isPrimitive() && !node.has(component.getName())) {
        throw invalid(path + "." + component.getName(), "missing");
      }
    }
    requireBoundedNumbers(node, path);
    try {
      return Holder.MAPPER.treeToValue(node, Fact.class);
    } catch (JsonProcessingException e) {
      InvalidInputException inner = Json.invalid(origin, e);
      String innerPath = inner.path() == null ? "" : inner.path().substring(1);
      return throwInvalid(path + innerPath, inner.problem(), e);
    } catch (IllegalArgumentException e) {
      throw invalid(path, e.getMessage());
    }
  }

  /**
   * Numbers (and numeric text, which Jackson would coerce) bounded before any arithmetic: a cover
   * of 1e999999 would otherwise make scoring and printing run for minutes.
   */
  private void requireBoundedNumbers(JsonNode node, String path) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(f -> requireBoundedNumbers(f.getValue(), path + "." + f.getKey()));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        requireBoundedNumbers(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isNumber() && !node.isIntegralNumber() || node.isBigInteger()) {
      Decimals.problem(node.decimalValue())
          .ifPresent(problem -> throwInvalid(path, "the number " + problem, null));
    } else if (node.isTextual() && NUMERIC_TEXT.matcher(node.textValue()).matches()) {
      try {
        Decimals.parse(node.textValue());
      } catch (NumberFormatException e) {
        throwInvalid(path, "the number " + e.getMessage(), null);
      }
    }
  }

  private Fact throwInvalid(String path, String problem, Exception cause) {
    throw new InvalidInputException(origin, path, problem, cause);
  }

  private URI url(String value, String path) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw invalid(path, "not a valid URI: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !URL_SCHEMES.contains(scheme)) {
      throw invalid(path, "must be an absolute http(s) URL or a urn: '" + value + "'");
    }
    if (!scheme.equals("urn") && (uri.getHost() == null || uri.getHost().isBlank())) {
      throw invalid(path, "URL has no host: '" + value + "'");
    }
    return uri;
  }

  private EvidenceClass evidenceClass(String value, String path) {
    EvidenceClass evidenceClass;
    try {
      evidenceClass = EvidenceClass.fromId(value);
    } catch (IllegalArgumentException e) {
      throw invalid(path + ".evidenceClass", e.getMessage());
    }
    if (evidenceClass == EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED) {
      throw invalid(
          path + ".evidenceClass",
          "a curated fact is transcribed, not verified by cexsafe: use another class");
    }
    return evidenceClass;
  }

  private void notInFuture(LocalDate date, String path) {
    if (date.isAfter(today)) {
      throw invalid(path, "date " + date + " is in the future (today is " + today + ")");
    }
  }

  private LocalDate date(JsonNode parent, String path, String field, boolean required) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw invalid(path + "." + field, "missing");
      }
      return null;
    }
    if (!node.isTextual()) {
      throw invalid(path + "." + field, "must be a date written as YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw invalid(
          path + "." + field, "not a date written as YYYY-MM-DD: '" + node.asText() + "'");
    }
  }

  private String text(JsonNode parent, String path, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      throw invalid(path + "." + field, "missing");
    }
    if (!node.isTextual()) {
      throw invalid(path + "." + field, "must be a string");
    }
    if (node.asText().isBlank()) {
      throw invalid(path + "." + field, "must not be blank");
    }
    return node.asText().trim();
  }

  private void object(JsonNode node, String path) {
    if (!node.isObject()) {
      throw invalid(path, "must be a JSON object");
    }
  }

  private void onlyFields(JsonNode node, String path, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw invalid(
            path + "." + name, "unknown field '" + name + "'; allowed: " + sorted(allowed));
      }
    }
  }

  private static ObjectMapper strictMapper() {
    ObjectMapper mapper = Json.mapper();
    // a key written twice in one object is a curator's slip that must not pass silently
    mapper.getFactory().configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
    return mapper;
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private InvalidInputException invalid(String path, String problem) {
    return new InvalidInputException(origin, path, problem);
  }
}
