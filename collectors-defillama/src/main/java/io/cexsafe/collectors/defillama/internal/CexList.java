package io.cexsafe.collectors.defillama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Exchange;
import io.cexsafe.SourceException;
import io.cexsafe.http.FetchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** DeFiLlama's {@code /cexs} list: every exchange on its CEX transparency page. */
public record CexList(List<CexRow> rows) {
  private static final List<String> NUMERIC_FIELDS =
      List.of(
          "currentTvl",
          "cleanAssetsTvl",
          "inflows_24h",
          "inflows_1w",
          "inflows_1m",
          "lastAuditDate");

  public CexList {
    rows = List.copyOf(rows);
  }

  /** Parses a {@code /cexs} response. */
  static CexList parse(FetchResponse response) throws SourceException {
    JsonNode root = Payloads.tree(response, "the /cexs answer");
    JsonNode cexs = root.path("cexs");
    if (!cexs.isArray()) {
      throw Payloads.malformed(
          "the /cexs answer has no \"cexs\" array" + errorMessage(root), response.uri().toString());
    }
    List<CexRow> rows = new ArrayList<>();
    for (JsonNode item : cexs) {
      String name = Values.text(item.path("name"));
      if (!item.isObject() || name == null) {
        continue; // a row without a name cannot be matched to anything
      }
      List<String> ownTokens = new ArrayList<>();
      for (String symbol : Values.texts(item.path("ownTokens"))) {
        ownTokens.add(Values.upper(symbol));
      }
      String coinSymbol = Values.text(item.path("coinSymbol"));
      List<String> unrepresentable = new ArrayList<>();
      for (String field : NUMERIC_FIELDS) {
        if (Values.unrepresentable(item.path(field))) {
          unrepresentable.add(field + " " + Values.raw(item.path(field)));
        }
      }
      rows.add(
          new CexRow(
              name,
              Values.text(item.path("slug")),
              coinSymbol == null ? null : Values.upper(coinSymbol),
              ownTokens,
              Values.text(item.path("walletsLink")),
              Values.text(item.path("auditor")),
              Values.epoch(item.path("lastAuditDate")),
              Values.text(item.path("auditLink")),
              Values.decimal(item.path("currentTvl")),
              Values.decimal(item.path("cleanAssetsTvl")),
              Values.decimal(item.path("inflows_24h")),
              Values.decimal(item.path("inflows_1w")),
              Values.decimal(item.path("inflows_1m")),
              unrepresentable));
    }
    if (rows.isEmpty()) {
      throw Payloads.malformed("the /cexs answer lists no exchanges", response.uri().toString());
    }
    return new CexList(rows);
  }

  /**
   * The row for {@code exchange}: by the catalogue's slug first (slugs compared ignoring case),
   * then by name, id or alias.
   */
  public Optional<CexRow> find(Exchange exchange, String catalogueSlug) {
    if (catalogueSlug != null) {
      for (CexRow row : rows) {
        if (row.rawSlug() != null && row.rawSlug().equalsIgnoreCase(catalogueSlug.trim())) {
          return Optional.of(row);
        }
      }
    }
    for (CexRow row : rows) {
      if (exchange.isKnownAs(row.name())) {
        return Optional.of(row);
      }
    }
    for (CexRow row : rows) {
      if (row.rawSlug() != null && exchange.isKnownAs(row.rawSlug())) {
        return Optional.of(row);
      }
    }
    return Optional.empty();
  }

  /** The server's own error text, when a JSON error object came instead of data. */
  static String errorMessage(JsonNode root) {
    for (String field : new String[] {"message", "error"}) {
      String text = Values.text(root.path(field));
      if (text != null) {
        return ": \"" + (text.length() > 120 ? text.substring(0, 120) + "…" : text) + "\"";
      }
    }
    return "";
  }
}
