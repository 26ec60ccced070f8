package io.cexsafe.identity;

/**
 * How a source's name relates to the name asked for, most telling first (the matcher keeps the
 * first kind any of an entry's names shows). Only kinds that {@link #sameEntity() name the same
 * entity} are ever merged into a proposal; the others are shown for review and never merged.
 */
public enum MatchKind {
  /** The same text. */
  IDENTICAL(1.0, true, "is identical to"),
  /**
   * The same once case, accents, spacing and punctuation are ignored ("Crypto.com", "crypto-com").
   */
  SAME_IGNORING_PUNCTUATION(0.95, true, "equals, ignoring case and punctuation,"),
  /** The same once legal-form suffixes (Ltd, GmbH, S.A., Pte. Ltd.) are dropped. */
  SAME_WITHOUT_LEGAL_FORM(0.9, true, "equals, without its legal form,"),
  /** The same brand written with a web domain ("Gate.io" and "Gate"). */
  SAME_BRAND_WITH_DOMAIN(0.8, true, "is the same brand, written with a web domain, as"),
  /**
   * The brand plus a region or country ("Binance.US", "OKX TR"): a separate legal entity that
   * shares the brand, never the same exchange.
   */
  REGIONAL_ARM(0.3, false, "is a regional arm (a separate entity) of"),
  /** The brand's words and more ("Bitstamp Europe Solutions"): possibly related, not the same. */
  PARTIAL(0.4, false, "contains, with other words,");

  private final double confidence;
  private final boolean sameEntity;
  private final String phrase;

  MatchKind(double confidence, boolean sameEntity, String phrase) {
    this.confidence = confidence;
    this.sameEntity = sameEntity;
    this.phrase = phrase;
  }

  /** {@return how sure this kind makes us that the names mean the same entity, in [0, 1]} */
  public double confidence() {
    return confidence;
  }

  /** {@return true when this kind names the same entity (and may be merged into a proposal)} */
  public boolean sameEntity() {
    return sameEntity;
  }

  /** {@return the relation in words, to stand between the source's name and the name asked for} */
  public String phrase() {
    return phrase;
  }
}
