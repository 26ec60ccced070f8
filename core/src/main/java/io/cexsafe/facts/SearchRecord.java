package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.Set;

/**
 * A place where a fact would be published was searched for the exchange. With {@code found == 0}
 * this is a <em>checked absence</em>: evidence that the fact is missing, which scores differently
 * from <em>unknown</em> (nobody looked). The record says where and how far back the search went, so
 * a reader can judge it.
 *
 * @param topic what was looked for
 * @param source where (e.g. "DeFiLlama CEX list", "FCA Financial Services Register")
 * @param jurisdiction ISO alpha-2 code or {@code EU} for register searches, or null
 * @param lookbackMonths how many months back the search covered, or null when it covers all time
 * @param found how many matching items were found (0: checked absent)
 * @param scope what the source covers, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("search-record")
public record SearchRecord(
    SearchTopic topic,
    String source,
    String jurisdiction,
    Integer lookbackMonths,
    int found,
    String scope)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param topic what was looked for
   * @param source where (e.g. "DeFiLlama CEX list", "FCA Financial Services Register")
   * @param jurisdiction ISO alpha-2 code or {@code EU} for register searches, or null
   * @param lookbackMonths how many months back the search covered, or null when it covers all time
   * @param found how many matching items were found (0: checked absent)
   * @param scope what the source covers, or null
   */
  public SearchRecord {
    Checks.required(topic, "topic");
    source = Checks.text(source, "source");
    jurisdiction = jurisdiction == null ? null : Checks.country(jurisdiction, "jurisdiction");
    if (lookbackMonths != null && lookbackMonths <= 0) {
      throw new IllegalArgumentException("lookbackMonths must be positive: " + lookbackMonths);
    }
    if (found < 0) {
      throw new IllegalArgumentException("found must not be negative: " + found);
    }
    scope = Checks.optionalText(scope);
  }

  /**
   * A search that found nothing: the fact is checked absent.
   *
   * @param topic what was searched for
   * @param source where it was searched
   * @param jurisdiction the jurisdiction searched, or null
   * @return the record
   */
  public static SearchRecord absent(SearchTopic topic, String source, String jurisdiction) {
    return new SearchRecord(topic, source, jurisdiction, null, 0, null);
  }

  /** {@return true when the search found nothing: the fact is checked absent} */
  public boolean checkedAbsent() {
    return found == 0;
  }

  @Override
  public Set<Pillar> pillars() {
    return topic.pillars();
  }

  @Override
  public String summary() {
    return "searched "
        + source
        + (jurisdiction == null ? "" : " (" + jurisdiction + ")")
        + " for "
        + Checks.words(topic)
        + (lookbackMonths == null ? "" : " over " + lookbackMonths + " months")
        + ": "
        + (found == 0 ? "none found" : found + " found");
  }
}
