package io.cexsafe.reports;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.facts.IdentityResolution;
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

  /**
   * True when the exchange's identity was resolved at run time by name ({@code assess --name}, an
   * uncatalogued slug) rather than taken from a reviewed catalogue entry: the bundle then holds an
   * {@link IdentityResolution} fact.
   *
   * @return whether the identity is unreviewed
   */
  public boolean unreviewedIdentity() {
    return !bundle.facts(IdentityResolution.class).isEmpty();
  }

  /**
   * The exchange's name as reports show it: with {@code (unreviewed identity)} after it when the
   * identity is {@linkplain #unreviewedIdentity() unreviewed}, so that no reader takes it for a
   * reviewed catalogue entry.
   *
   * @return the name to show
   */
  public String displayName() {
    return unreviewedIdentity()
        ? exchange.name() + " (" + IdentityResolution.FLAG + ")"
        : exchange.name();
  }

  /**
   * An assessment without a persona.
   *
   * @param exchange the exchange assessed
   * @param bundle the evidence collected about it
   * @param scorecard the bundle's scorecard
   * @return the assessment
   */
  public static ExchangeAssessment of(
      Exchange exchange, EvidenceBundle bundle, Scorecard scorecard) {
    return new ExchangeAssessment(exchange, bundle, scorecard, null);
  }
}
