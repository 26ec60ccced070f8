package io.cexsafe.facts;

/** Whether affected users were made whole. */
public enum Reimbursement {
  /** Affected users were repaid in full. */
  FULL,
  /** Affected users were repaid in part. */
  PARTIAL,
  /** Affected users were not repaid. */
  NONE,
  /** Nobody has said. */
  UNKNOWN
}
