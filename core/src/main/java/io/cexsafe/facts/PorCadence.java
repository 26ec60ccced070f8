package io.cexsafe.facts;

/** How often proof of reserves is published. */
public enum PorCadence {
  /** Continuously, e.g. a live dashboard. */
  CONTINUOUS,
  /** Every month. */
  MONTHLY,
  /** Every quarter. */
  QUARTERLY,
  /** Now and then, with no fixed rhythm. */
  IRREGULAR,
  /** Once. */
  ONE_OFF
}
