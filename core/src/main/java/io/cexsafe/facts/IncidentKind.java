package io.cexsafe.facts;

/** Kinds of incident that bear on an exchange's track record. */
public enum IncidentKind {
  HACK,
  ACCOUNT_TAKEOVER,
  DATA_BREACH,
  OUTAGE,
  WITHDRAWAL_HALT,
  INSOLVENCY,
  FRAUD,
  ENFORCEMENT
}
