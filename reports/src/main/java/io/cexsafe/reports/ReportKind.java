package io.cexsafe.reports;

/** What a {@link ReportRenderer} can write. */
public enum ReportKind {
  /** One or more exchanges, each on its own: {@code cexsafe assess}. */
  ASSESSMENTS,
  /** Exchanges ranked against each other: {@code cexsafe compare}. */
  COMPARISON
}
