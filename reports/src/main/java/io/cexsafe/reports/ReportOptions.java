package io.cexsafe.reports;

import io.cexsafe.RunId;
import java.util.Objects;

/**
 * Choices a reader makes about a report, handed to every {@link ReportRenderer}; a renderer uses
 * those that make sense for its format and ignores the others.
 */
public final class ReportOptions {
  private static final ReportOptions DEFAULTS = new ReportOptions(false, null);

  private final boolean listEvidence;
  private final RunId runId;

  private ReportOptions(boolean listEvidence, RunId runId) {
    this.listEvidence = listEvidence;
    this.runId = runId;
  }

  /** {@return options asking nothing beyond what the format always carries} */
  public static ReportOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A copy asking formats that summarise evidence (the text table) to list every piece of it too;
   * formats that always carry the evidence ignore this.
   *
   * @param list whether to list every piece of evidence
   * @return the copy, or these options when they already say so
   */
  public ReportOptions listingEvidence(boolean list) {
    return list == listEvidence ? this : new ReportOptions(list, runId);
  }

  /**
   * A copy naming the run the report belongs to, for the envelope of JSON output (see {@link
   * ReportEnvelope}); without it, each JSON report gets a freshly generated id.
   *
   * @param runId the run, the same id its logs and stored run carry
   * @return the copy
   */
  public ReportOptions withRunId(RunId runId) {
    return new ReportOptions(listEvidence, Objects.requireNonNull(runId, "runId"));
  }

  /** {@return the run the report belongs to, or null when none was named} */
  public RunId runId() {
    return runId;
  }

  /** {@return whether every piece of evidence should be listed} */
  public boolean listsEvidence() {
    return listEvidence;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReportOptions options
        && options.listEvidence == listEvidence
        && Objects.equals(options.runId, runId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(listEvidence, runId);
  }

  @Override
  public String toString() {
    return "ReportOptions[listEvidence=" + listEvidence + ", runId=" + runId + "]";
  }
}
