package io.cexsafe.cli;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.RunId;
import io.cexsafe.reports.ComparisonReport;
import io.cexsafe.reports.ExchangeAssessment;
import io.cexsafe.reports.ReportKind;
import io.cexsafe.reports.ReportOptions;
import io.cexsafe.reports.ReportRenderer;
import io.cexsafe.reports.ReportWriter;
import io.cexsafe.scoring.Comparison;
import io.cexsafe.scoring.Methodology;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.Scorer;
import io.cexsafe.scoring.Sensitivity;
import io.cexsafe.scoring.SensitivityReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Compares exchanges side by side, claiming ranks only where the evidence can tell. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Assess several exchanges and compare them: scores with ranges, a control-by-control matrix,",
      "and ranks claimed only where ranges do not overlap. --sensitivity adds how stable the",
      "ranking is when the weights move."
    })
final class CompareCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin ProofOptions proofs;

  @Mixin ScoringOptions scoring;

  @Parameters(
      arity = "0..*",
      paramLabel = "<exchange>",
      description = {
        "Two or more exchange ids, names or aliases; or, online, DeFiLlama slugs of exchanges",
        "outside the catalogue; or --all."
      })
  List<String> exchanges = new ArrayList<>();

  @Option(
      names = "--name",
      paramLabel = "<name>",
      description = {
        "An exchange outside the catalogue, resolved by name across DeFiLlama, ESMA, the FCA and",
        "Apple at run time (online; repeatable). Reports flag it as an unreviewed identity."
      })
  List<String> byName = new ArrayList<>();

  @Mixin ExchangeSelection selection;

  @Mixin ReportOutput output;

  @Option(names = "--offline", description = "Use no network: only bundled and local evidence.")
  boolean offline;

  @Option(
      names = "--as-of",
      paramLabel = "<date>",
      description = "Evaluation date (YYYY-MM-DD), so that a run can be reproduced.")
  String asOf;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show progress on stderr (default: only when attached to a terminal).")
  Boolean progress;

  @Option(
      names = "--sensitivity",
      description = "Sample weight vectors around the methodology and report rank stability.")
  boolean sensitivity;

  @Option(
      names = "--draws",
      defaultValue = "10000",
      description =
          "Weight vectors to draw for --sensitivity, at most "
              + MAX_DRAWS
              + " (default: ${DEFAULT-VALUE}).")
  int draws;

  /** Bound on --draws: a million draws of a few exchanges take seconds, not hours. */
  static final int MAX_DRAWS = 1_000_000;

  @Option(
      names = "--concentration",
      defaultValue = "100",
      description =
          "Dirichlet concentration for --sensitivity; higher keeps draws closer to the weights"
              + " (default: ${DEFAULT-VALUE}).")
  double concentration;

  @Option(
      names = "--seed",
      defaultValue = "20261121",
      description = "Random seed for --sensitivity (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin PipelineOptions pipeline;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunId runId = pipeline.start(spec);
    ReportRenderer renderer = output.renderer(ReportKind.COMPARISON);
    Methodology methodology = scoring.methodology();
    if (draws < 1 || draws > MAX_DRAWS) {
      throw new BadInputException("--draws must be between 1 and " + MAX_DRAWS + ", got " + draws);
    }
    if (!(concentration > 0) || Double.isInfinite(concentration)) {
      throw new BadInputException("--concentration must be positive, got " + concentration);
    }
    Instant evaluation = AssessCommand.parseAsOf(asOf);
    PrintWriter err = spec.commandLine().getErr();
    AssessmentRun.Selection chosen =
        AssessmentRun.choose(common, selection, exchanges, byName, 2, true, offline, err);
    AssessmentRun run =
        AssessmentRun.run(
            runId, common, proofs, chosen, offline, evaluation, progress, err, b -> {});
    if (run.exchanges.size() < 2) {
      throw new BadInputException("compare needs two different exchanges");
    }
    Scorer scorer = scoring.scorer().with(methodology);
    List<Scorecard> cards = new ArrayList<>();
    for (EvidenceBundle bundle : run.bundles) {
      cards.add(scorer.score(bundle));
    }
    Comparison comparison = Comparison.of(cards);
    SensitivityReport sensitivityReport =
        sensitivity
            ? Sensitivity.around(methodology)
                .draws(draws)
                .concentration(concentration)
                .seed(seed)
                .run(cards)
            : null;
    List<ExchangeAssessment> assessments = new ArrayList<>();
    for (int i = 0; i < cards.size(); i++) {
      assessments.add(
          ExchangeAssessment.of(run.exchanges.get(i), run.bundles.get(i), cards.get(i)));
    }
    ComparisonReport report = new ComparisonReport(assessments, comparison, sensitivityReport);
    ReportWriter writer =
        ReportWriter.of(renderer).withOptions(ReportOptions.defaults().withRunId(runId));
    output.write(spec.commandLine().getOut(), out -> writer.writeComparison(report, out));
    return pipeline.finish(run.bundles, err);
  }
}
