package io.cexsafe.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/**
 * A format a library user might add: one line per exchange with its grade. Registered through
 * {@code META-INF/services/io.cexsafe.reports.ReportRenderer} in the test resources.
 */
public final class GradeLinesRenderer implements ReportRenderer {
  @Override
  public String id() {
    return "grade-lines";
  }

  @Override
  public String description() {
    return "one line per exchange: id, methodology and grade";
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
          assessment.exchange().id()
              + " "
              + assessment.scorecard().methodology()
              + " "
              + assessment.scorecard().methodologyVersion()
              + " "
              + assessment.scorecard().gradeLabel()
              + (options.listsEvidence()
                  ? " evidence=" + assessment.bundle().evidence().size()
                  : "")
              + "\n");
    }
  }
}
