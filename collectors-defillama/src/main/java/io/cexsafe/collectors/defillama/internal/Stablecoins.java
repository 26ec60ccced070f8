package io.cexsafe.collectors.defillama.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.cexsafe.SourceException;
import io.cexsafe.http.FetchResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stablecoin symbols of {@code stablecoins.llama.fi/stablecoins} ({@code
 * peggedAssets[].symbol}). The answer is megabytes of per-chain circulation figures; only the
 * symbols are kept.
 */
record Stablecoins(Set<String> symbols) {
  Stablecoins {
    symbols = Set.copyOf(symbols);
  }

  boolean contains(String symbol) {
    return symbols.contains(symbol);
  }

  static Stablecoins read(InputStream body, FetchResponse head, String source)
      throws IOException, SourceException {
    String what = "the stablecoin list";
    try (JsonParser p = Payloads.stream(body, head, what, source)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw Payloads.malformed(what + " is not a JSON object", source);
      }
      Set<String> symbols = new TreeSet<>();
      boolean sawAssets = false;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        t = p.nextToken();
        if (field.equals("peggedAssets") && t == JsonToken.START_ARRAY) {
          sawAssets = true;
          JsonToken element;
          while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
            if (element != JsonToken.START_OBJECT) {
              p.skipChildren();
              continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String key = p.currentName();
              JsonToken v = p.nextToken();
              if (key.equals("symbol") && v == JsonToken.VALUE_STRING) {
                String symbol = p.getText().trim();
                if (!symbol.isEmpty()) {
                  symbols.add(symbol.toUpperCase(Locale.ROOT));
                }
              } else {
                p.skipChildren();
              }
            }
          }
        } else {
          p.skipChildren();
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw Payloads.malformed(what + " is not a single JSON object", source);
      }
      if (!sawAssets || symbols.isEmpty()) {
        throw Payloads.malformed(what + " has no \"peggedAssets\" symbols", source);
      }
      return new Stablecoins(symbols);
    } catch (JsonProcessingException e) {
      throw Payloads.malformed(what + " is not valid JSON: " + Payloads.describe(e), source);
    }
  }
}
