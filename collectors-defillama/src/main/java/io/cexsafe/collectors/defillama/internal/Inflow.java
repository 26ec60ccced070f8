package io.cexsafe.collectors.defillama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.SourceException;
import io.cexsafe.http.FetchResponse;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A {@code /inflows/{slug}/{start}} answer.
 *
 * @param netUsd the signed net flow (DeFiLlama names it {@code outflows}, yet positive means assets
 *     came in)
 * @param startDate the date of the snapshot at the window's start, or null
 * @param endDate the date of the snapshot at the window's end, or null
 */
record Inflow(BigDecimal netUsd, Instant startDate, Instant endDate) {
  static Inflow parse(FetchResponse response, String what, String source) throws SourceException {
    JsonNode root = Payloads.tree(response, what);
    if (!root.isObject()) {
      throw Payloads.malformed(what + " is not a JSON object", source);
    }
    if (Values.unrepresentable(root.path("outflows"))) {
      throw Payloads.malformed(
          what
              + " has an \"outflows\" value that cannot be represented: "
              + Values.raw(root.path("outflows")),
          source);
    }
    BigDecimal net = Values.decimal(root.path("outflows"));
    if (net == null) {
      throw Payloads.malformed(
          what + " has no numeric \"outflows\"" + CexList.errorMessage(root), source);
    }
    return new Inflow(
        net,
        Values.epoch(root.path("oldTokens").path("date")),
        Values.epoch(root.path("currentTokens").path("date")));
  }
}
