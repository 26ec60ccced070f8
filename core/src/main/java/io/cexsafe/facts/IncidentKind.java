package io.cexsafe.facts;

/** Kinds of incident that bear on an exchange's track record. */
public enum IncidentKind {
  /** Funds stolen from the exchange's own wallets or systems. */
  HACK,
  /** Users' accounts taken over and emptied. */
  ACCOUNT_TAKEOVER,
  /** Users' personal data leaked or stolen. */
  DATA_BREACH,
  /** The platform unavailable for a long time. */
  OUTAGE,
  /** Withdrawals suspended. */
  WITHDRAWAL_HALT,
  /** The exchange unable to pay its customers back. */
  INSOLVENCY,
  /** Fraud by the exchange or its insiders. */
  FRAUD,
  /** An enforcement action by an authority. */
  ENFORCEMENT
}
