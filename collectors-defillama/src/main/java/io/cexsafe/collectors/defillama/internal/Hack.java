package io.cexsafe.collectors.defillama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.SourceException;
import io.cexsafe.http.FetchResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of DeFiLlama's {@code /hacks} list, read leniently: {@code defillamaId} may be a string
 * or a number, {@code chain} a list, a string or null, {@code amount} and {@code returnedFunds}
 * null.
 *
 * @param date the incident date, or null when the row's date is unusable
 * @param rawDate the date as sent, for messages
 * @param unrepresentable numeric fields whose value cannot be represented, with the value as sent
 */
record Hack(
    LocalDate date,
    String rawDate,
    String name,
    String targetType,
    String classification,
    String technique,
    BigDecimal amount,
    BigDecimal returnedFunds,
    List<String> chains,
    boolean bridgeHack,
    String source,
    String defillamaId,
    List<String> unrepresentable) {
  Hack {
    chains = List.copyOf(chains);
    unrepresentable = List.copyOf(unrepresentable);
  }

  boolean targetsCex() {
    return targetType != null && targetType.trim().equalsIgnoreCase("CEX");
  }

  /** Parses the whole list; rows without a name are dropped. */
  static List<Hack> parseList(FetchResponse response) throws SourceException {
    JsonNode root = Payloads.tree(response, "the /hacks answer");
    if (!root.isArray()) {
      throw Payloads.malformed(
          "the /hacks answer is not a JSON array" + CexList.errorMessage(root),
          response.uri().toString());
    }
    List<Hack> hacks = new ArrayList<>();
    for (JsonNode row : root) {
      String name = Values.text(row.path("name"));
      if (!row.isObject() || name == null) {
        continue;
      }
      JsonNode date = row.path("date");
      List<String> unrepresentable = new ArrayList<>();
      for (String field : List.of("date", "amount", "returnedFunds")) {
        if (Values.unrepresentable(row.path(field))) {
          unrepresentable.add(field + " " + Values.raw(row.path(field)));
        }
      }
      hacks.add(
          new Hack(
              date(date),
              Values.isUnknown(date) ? null : date.asText(),
              name,
              Values.text(row.path("targetType")),
              Values.text(row.path("classification")),
              Values.text(row.path("technique")),
              Values.decimal(row.path("amount")),
              Values.decimal(row.path("returnedFunds")),
              Values.texts(row.path("chain")),
              row.path("bridgeHack").asBoolean(false),
              Values.text(row.path("source")),
              Values.text(row.path("defillamaId")),
              unrepresentable));
    }
    return hacks;
  }

  /** Unix seconds (or milliseconds), as a number or string; older rows carry ISO dates. */
  private static LocalDate date(JsonNode node) {
    Instant instant = Values.epoch(node);
    if (instant != null) {
      return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
    String text = Values.text(node);
    if (text != null && text.length() >= 10) {
      try {
        return LocalDate.parse(text.substring(0, 10));
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }
}
