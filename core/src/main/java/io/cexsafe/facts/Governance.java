package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Governance and related parties, where a source states them. Each field is null when not stated.
 *
 * @param auditedFinancialStatements audited financial statements of the operating group are
 *     published (a public company's regulator-required filings count)
 * @param operatingEntity the legal entity that holds customer assets for the market in question, or
 *     null when not named
 * @param affiliatedTradingFirm an affiliated trading firm or market maker exists (true) or does not
 *     (false); either statement is a disclosure
 * @param customerAssetsUsedByAffiliate customer assets are lent to, held by, borrowed or traded by
 *     an affiliate
 * @param detail the statement in a few words, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("governance")
public record Governance(
    Boolean auditedFinancialStatements,
    String operatingEntity,
    Boolean affiliatedTradingFirm,
    Boolean customerAssetsUsedByAffiliate,
    String detail)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param auditedFinancialStatements audited financial statements of the operating group are
   *     published (a public company's regulator-required filings count)
   * @param operatingEntity the legal entity that holds customer assets for the market in question,
   *     or null when not named
   * @param affiliatedTradingFirm an affiliated trading firm or market maker exists (true) or does
   *     not (false); either statement is a disclosure
   * @param customerAssetsUsedByAffiliate customer assets are lent to, held by, borrowed or traded
   *     by an affiliate
   * @param detail the statement in a few words, or null
   */
  public Governance {
    operatingEntity = Checks.optionalText(operatingEntity);
    detail = Checks.optionalText(detail);
    if (auditedFinancialStatements == null
        && operatingEntity == null
        && affiliatedTradingFirm == null
        && customerAssetsUsedByAffiliate == null) {
      throw new IllegalArgumentException("governance must state at least one field");
    }
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.CUSTODY, Pillar.REGULATION);
  }

  @Override
  public String summary() {
    List<String> parts = new ArrayList<>();
    if (auditedFinancialStatements != null) {
      parts.add((auditedFinancialStatements ? "" : "no ") + "audited financial statements");
    }
    if (operatingEntity != null) {
      parts.add("operated by " + operatingEntity);
    }
    if (affiliatedTradingFirm != null) {
      parts.add(affiliatedTradingFirm ? "affiliated trading firm" : "no affiliated trading firm");
    }
    if (customerAssetsUsedByAffiliate != null) {
      parts.add(
          customerAssetsUsedByAffiliate
              ? "customer assets used by an affiliate"
              : "customer assets not used by affiliates");
    }
    return "governance: " + String.join(", ", parts);
  }
}
