package io.cexsafe.reports;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.scoring.PersonaVerdict;
import io.cexsafe.scoring.Scorecard;
import java.util.Objects;

/**
 * What a report says about one exchange: the evidence collected, its scorecard and, when a persona
 * was asked for, the persona's verdict.
 *
 * @param exchange the exchange, for its display name
 * @param bundle the evidence and one outcome per collector
 * @param scorecard the scorecard of that bundle
 * @param verdict the persona's verdict, or null
 */
public record ExchangeAssessment(
    Exchange exchange, EvidenceBundle bundle, Scorecard scorecard, PersonaVerdict verdict) {
  /**
   * Validates the components.
   *
   * @param exchange the exchange, for its display name
   * @param bundle the evidence and one outcome per collector
   * @param scorecard the scorecard of that bundle
   * @param verdict the persona's verdict, or null
   */
  public ExchangeAssessment {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(scorecard, "scorecard");
    if (!bundle.exchangeId().equals(exchange.id())
        || !scorecard.exchangeId().equals(exchange.id())) {
      throw new IllegalArgumentException(
          "exchange "
              + exchange.id()
              + ", bundle "
              + bundle.exchangeId()
              + " and scorecard "
              + scorecard.exchangeId()
              + " must be about the same exchange");
    }
  }

  /** An assessment without a persona. */
  public static ExchangeAssessment of(
      Exchange exchange, EvidenceBundle bundle, Scorecard scorecard) {
    return new ExchangeAssessment(exchange, bundle, scorecard, null);
  }
}
