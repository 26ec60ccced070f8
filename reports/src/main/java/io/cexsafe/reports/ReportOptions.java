package io.cexsafe.reports;

/**
 * Choices a reader makes about a report, handed to every {@link ReportRenderer}; a renderer uses
 * those that make sense for its format and ignores the others.
 */
public final class ReportOptions {
  private static final ReportOptions DEFAULTS = new ReportOptions(false);

  private final boolean listEvidence;

  private ReportOptions(boolean listEvidence) {
    this.listEvidence = listEvidence;
  }

  /** {@return options asking nothing beyond what the format always carries} */
  public static ReportOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A copy asking formats that summarise evidence (the text table) to list every piece of it too;
   * formats that always carry the evidence ignore this.
   */
  public ReportOptions listingEvidence(boolean list) {
    return list == listEvidence ? this : new ReportOptions(list);
  }

  /** {@return whether every piece of evidence should be listed} */
  public boolean listsEvidence() {
    return listEvidence;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReportOptions options && options.listEvidence == listEvidence;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(listEvidence);
  }

  @Override
  public String toString() {
    return "ReportOptions[listEvidence=" + listEvidence + "]";
  }
}
