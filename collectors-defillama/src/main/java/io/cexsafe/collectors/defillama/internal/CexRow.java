package io.cexsafe.collectors.defillama.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One exchange as DeFiLlama's {@code /cexs} lists it. Unknown values are null (the server omits
 * some fields and sends {@code null} for others; both mean unknown).
 *
 * @param name display name, which differs from the {@code /protocols} name
 * @param rawSlug the slug as sent (mixed case), or null for exchanges DeFiLlama does not track
 * @param coinSymbol the own-token symbol DeFiLlama subtracts for clean assets
 * @param ownTokens further own-token symbols it subtracts
 * @param walletsLink the exchange's proof-of-reserves or wallet-list page
 * @param auditor the named auditor, if any
 * @param lastAuditDate the date of the last audit, if any
 * @param auditLink the audit document, if any
 * @param currentTvl assets in USD (latest hourly record)
 * @param cleanAssetsTvl assets minus own tokens, in USD
 * @param inflows24h signed net flow over 24 hours, own tokens excluded
 * @param inflows1w the same over 7 days
 * @param inflows1m the same over 30 days
 * @param unrepresentable fields whose value cannot be represented, with the value as sent (those
 *     fields are null here; the facts built on them are left out with a problem)
 */
public record CexRow(
    String name,
    String rawSlug,
    String coinSymbol,
    List<String> ownTokens,
    String walletsLink,
    String auditor,
    Instant lastAuditDate,
    String auditLink,
    BigDecimal currentTvl,
    BigDecimal cleanAssetsTvl,
    BigDecimal inflows24h,
    BigDecimal inflows1w,
    BigDecimal inflows1m,
    List<String> unrepresentable) {
  public CexRow {
    ownTokens = ownTokens == null ? List.of() : List.copyOf(ownTokens);
    unrepresentable = unrepresentable == null ? List.of() : List.copyOf(unrepresentable);
  }

  /** The slug lower-cased, as the API paths want it; null when DeFiLlama does not track it. */
  public String slug() {
    return rawSlug == null || rawSlug.isBlank() ? null : rawSlug.trim().toLowerCase(Locale.ROOT);
  }

  /** True when DeFiLlama tracks the exchange's wallets (it has a slug). */
  public boolean tracked() {
    return slug() != null;
  }

  /** The net flow DeFiLlama reports for a window of 24, 168 or 720 hours, or null. */
  BigDecimal inflow(int windowHours) {
    return switch (windowHours) {
      case 24 -> inflows24h;
      case 168 -> inflows1w;
      case 720 -> inflows1m;
      default -> null;
    };
  }
}
