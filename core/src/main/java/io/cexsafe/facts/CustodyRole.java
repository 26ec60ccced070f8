package io.cexsafe.facts;

/** What a custody provider does for the exchange. */
public enum CustodyRole {
  /** Supplies wallet technology (e.g. a vault platform); the exchange holds the keys. */
  TECHNOLOGY,
  /** A regulated qualified custodian holding assets. */
  QUALIFIED_CUSTODIAN,
  /** A third party holding part of the assets. */
  SUB_CUSTODIAN
}
