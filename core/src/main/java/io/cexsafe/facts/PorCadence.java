package io.cexsafe.facts;

/** How often proof of reserves is published. */
public enum PorCadence {
  CONTINUOUS,
  MONTHLY,
  QUARTERLY,
  IRREGULAR,
  ONE_OFF
}
