package io.cexsafe.cli;

import io.cexsafe.reports.ExchangeAssessment;
import io.cexsafe.reports.ReportKind;
import io.cexsafe.reports.ReportOptions;
import io.cexsafe.reports.ReportRenderer;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/**
 * A report format from a plugin: registered in the test resources' {@code
 * META-INF/services/io.cexsafe.reports.ReportRenderer}, so that {@code --format exchange-list} must
 * find it.
 */
public final class ExchangeListRenderer implements ReportRenderer {
  @Override
  public String id() {
    return "exchange-list";
  }

  @Override
  public String description() {
    return "the assessed exchanges and their grades, one a line";
  }

  @Override
  public String mediaType() {
    return "text/plain";
  }

  @Override
  public String fileExtension() {
    return "txt";
  }

  @Override
  public Set<ReportKind> kinds() {
    return Set.of(ReportKind.ASSESSMENTS);
  }

  @Override
  public void renderAssessments(
      List<ExchangeAssessment> assessments, ReportOptions options, Writer out) throws IOException {
    for (ExchangeAssessment assessment : assessments) {
      out.write(
          "exchange "
              + assessment.exchange().id()
              + ": "
              + assessment.scorecard().gradeLabel()
              + (options.listsEvidence() ? " (evidence listed)" : "")
              + "\n");
    }
  }
}
