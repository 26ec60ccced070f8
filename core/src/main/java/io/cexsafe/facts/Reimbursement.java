package io.cexsafe.facts;

/** Whether affected users were made whole. */
public enum Reimbursement {
  FULL,
  PARTIAL,
  NONE,
  UNKNOWN
}
