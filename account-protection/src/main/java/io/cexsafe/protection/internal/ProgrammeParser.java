package io.cexsafe.protection.internal;

import io.cexsafe.protection.AssetKind;
import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.IncidentCause;
import io.cexsafe.protection.ProtectionProgramme;
import io.cexsafe.protection.ProtectionProgramme.Country;
import io.cexsafe.protection.ProtectionProgramme.CoveredEvent;
import io.cexsafe.protection.ProtectionProgramme.Exclusion;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;
import io.cexsafe.protection.ProtectionProgramme.RecoveryRule;
import io.cexsafe.protection.ProtectionProgramme.Source;
import io.cexsafe.protection.TransactionType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Reads the programme description format ({@code cexsafe.protection-programme/1}). */
public final class ProgrammeParser {
  public static final String SCHEMA = "cexsafe.protection-programme/1";

  private ProgrammeParser() {}

  public static ProtectionProgramme parse(String json) {
    JsonInput root =
        JsonInput.parseObject(json)
            .allowOnly(
                "schema",
                "id",
                "version",
                "exchangeId",
                "name",
                "source",
                "issuers",
                "termsPrevail",
                "discretionary",
                "discretionNote",
                "kycRequired",
                "countries",
                "capUsd",
                "coveredEvents",
                "exclusions",
                "minimumConditions",
                "recoveryRules",
                "reliefTerms",
                "howToClaim");
    String schema = root.string("schema");
    if (!SCHEMA.equals(schema)) {
      throw new JsonPathException(
          root.path("schema"), "unsupported schema \"" + schema + "\" (expected " + SCHEMA + ")");
    }
    JsonInput sourceNode =
        root.object("source")
            .allowOnly("title", "url", "publishedOn", "statedDateText", "transcribedOn");
    Source source =
        build(
            sourceNode.path(),
            () ->
                new Source(
                    sourceNode.string("title"),
                    sourceNode.string("url"),
                    sourceNode.nullableDate("publishedOn"),
                    sourceNode.optionalString("statedDateText"),
                    sourceNode.date("transcribedOn")));

    List<Country> countries = new ArrayList<>();
    for (JsonInput c : root.array("countries")) {
      c.asObject().allowOnly("code", "name", "note");
      countries.add(
          build(
              c.path(),
              () -> new Country(c.string("code"), c.string("name"), c.optionalString("note"))));
    }

    List<CoveredEvent> events = new ArrayList<>();
    for (JsonInput e : root.array("coveredEvents")) {
      e.asObject().allowOnly("id", "title", "description", "causes", "transactionTypes");
      events.add(
          build(
              e.path(),
              () ->
                  new CoveredEvent(
                      e.string("id"),
                      e.string("title"),
                      e.string("description"),
                      enums(e.array("causes"), IncidentCause.class),
                      enums(e.array("transactionTypes"), TransactionType.class))));
    }

    List<Exclusion> exclusions = new ArrayList<>();
    for (JsonInput e : root.array("exclusions")) {
      e.asObject().allowOnly("id", "title", "examples", "causes", "transactionTypes");
      exclusions.add(
          build(
              e.path(),
              () ->
                  new Exclusion(
                      e.string("id"),
                      e.string("title"),
                      strings(e.array("examples")),
                      enums(e.optionalArray("causes"), IncidentCause.class),
                      enums(e.optionalArray("transactionTypes"), TransactionType.class))));
    }

    List<MinimumCondition> conditions = new ArrayList<>();
    for (JsonInput c : root.array("minimumConditions")) {
      c.asObject().allowOnly("number", "id", "text", "check", "days", "workingDays");
      conditions.add(
          build(
              c.path(),
              () ->
                  new MinimumCondition(
                      c.positiveInt("number"),
                      c.string("id"),
                      c.string("text"),
                      c.enumValue("check", ConditionCheck.class),
                      c.has("days") ? c.positiveInt("days") : null,
                      c.has("workingDays") ? c.positiveInt("workingDays") : null)));
    }

    List<RecoveryRule> rules = new ArrayList<>();
    for (JsonInput r : root.array("recoveryRules")) {
      r.asObject().allowOnly("assetKind", "method", "limit");
      rules.add(
          build(
              r.path(),
              () ->
                  new RecoveryRule(
                      r.enumValue("assetKind", AssetKind.class),
                      r.string("method"),
                      r.string("limit"))));
    }

    return build(
        "$",
        () ->
            new ProtectionProgramme(
                root.string("id"),
                root.string("version"),
                root.string("exchangeId"),
                root.string("name"),
                source,
                strings(root.array("issuers")),
                root.string("termsPrevail"),
                root.bool("discretionary"),
                root.optionalString("discretionNote"),
                root.bool("kycRequired"),
                countries,
                root.decimal("capUsd"),
                events,
                exclusions,
                conditions,
                rules,
                strings(root.optionalArray("reliefTerms")),
                root.string("howToClaim")));
  }

  /** Runs a record constructor, turning its validation failure into an error at {@code path}. */
  private static <T> T build(String path, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw new JsonPathException(path, e.getMessage(), e);
    }
  }

  private static List<String> strings(List<JsonInput> elements) {
    return elements.stream().map(JsonInput::asString).toList();
  }

  private static <E extends Enum<E>> Set<E> enums(List<JsonInput> elements, Class<E> type) {
    Set<E> values = EnumSet.noneOf(type);
    for (JsonInput element : elements) {
      E value = element.asEnum(type);
      if (!values.add(value)) {
        throw new JsonPathException(element.path(), "duplicate value " + value);
      }
    }
    return values;
  }
}
