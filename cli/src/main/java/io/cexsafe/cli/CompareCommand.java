package io.cexsafe.cli;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.Json;
import io.cexsafe.Pillar;
import io.cexsafe.scoring.Comparison;
import io.cexsafe.scoring.Methodology;
import io.cexsafe.scoring.RuleStatus;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.Scorer;
import io.cexsafe.scoring.Sensitivity;
import io.cexsafe.scoring.SensitivityReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  @Mixin ScoringOptions scoring;

  @Parameters(
      arity = "2..*",
      paramLabel = "<exchange>",
      description = "Two or more exchange ids, names or aliases.")
  List<String> exchanges;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

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
      description = "Weight vectors to draw for --sensitivity (default: ${DEFAULT-VALUE}).")
  int draws;

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

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Methodology methodology = scoring.methodology();
    if (draws < 1) {
      throw new BadInputException("--draws must be positive, got " + draws);
    }
    if (!(concentration > 0) || Double.isInfinite(concentration)) {
      throw new BadInputException("--concentration must be positive, got " + concentration);
    }
    Instant evaluation = AssessCommand.parseAsOf(asOf);
    PrintWriter err = spec.commandLine().getErr();
    AssessmentRun run = AssessmentRun.run(common, exchanges, offline, evaluation, progress, err);
    if (run.exchanges.size() < 2) {
      throw new BadInputException("compare needs two different exchanges");
    }
    Scorer scorer = scoring.scorer(run.registry).with(methodology);
    List<Scorecard> cards = new ArrayList<>();
    for (EvidenceBundle bundle : run.bundles) {
      cards.add(scorer.score(bundle));
    }
    Comparison comparison = Comparison.of(cards);
    SensitivityReport report =
        sensitivity
            ? Sensitivity.around(methodology)
                .draws(draws)
                .concentration(concentration)
                .seed(seed)
                .run(cards)
            : null;
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("comparison", comparison);
      if (report != null) {
        document.put("sensitivity", report);
      }
      out.print(Json.writePretty(document));
      return Main.OK;
    }
    print(out, comparison);
    if (report != null) {
      out.println();
      print(out, report);
    }
    return Main.OK;
  }

  private static void print(PrintWriter out, Comparison comparison) {
    out.println(
        "Comparison under "
            + comparison.methodology()
            + " "
            + comparison.methodologyVersion()
            + " (a rank is claimed only where ranges do not overlap)");
    out.println();
    TextTable scores = new TextTable("RANK", "EXCHANGE", "SCORE", "RANGE", "GRADE", "CONFIDENCE");
    for (Comparison.Entry entry : comparison.entries()) {
      scores.row(
          entry.rank(),
          entry.exchangeId(),
          ScorecardReport.num(entry.estimate()),
          ScorecardReport.range(entry.low(), entry.high()),
          entry.grade(),
          String.format(Locale.ROOT, "%.2f", entry.confidence()));
    }
    scores.print(out);
    out.println();
    List<String> header = new ArrayList<>(List.of("PILLAR"));
    comparison.entries().forEach(e -> header.add(e.exchangeId()));
    TextTable pillars = new TextTable(header.toArray(String[]::new));
    for (Pillar pillar : Pillar.values()) {
      List<String> row = new ArrayList<>(List.of(pillar.displayName()));
      for (Comparison.Entry entry : comparison.entries()) {
        Comparison.PillarCell cell = entry.pillars().get(pillar.ordinal());
        row.add(
            ScorecardReport.num(cell.estimate())
                + " "
                + ScorecardReport.range(cell.low(), cell.high()));
      }
      pillars.row(row.toArray(String[]::new));
    }
    pillars.print(out);
    out.println();
    List<String> controlHeader = new ArrayList<>(List.of("CONTROL"));
    comparison.entries().forEach(e -> controlHeader.add(e.exchangeId()));
    TextTable controls = new TextTable(controlHeader.toArray(String[]::new));
    for (Comparison.ControlRow row : comparison.controls()) {
      List<String> cells = new ArrayList<>(List.of(row.title()));
      for (Comparison.Cell cell : row.cells()) {
        cells.add(
            cell.status() == RuleStatus.UNKNOWN
                ? "unknown"
                : ScorecardReport.num(cell.points()).replace(".0", "")
                    + "/"
                    + ScorecardReport.num(row.maxPoints()).replace(".0", "")
                    + (cell.value() == null ? "" : " " + cell.value()));
      }
      controls.row(cells.toArray(String[]::new));
    }
    controls.print(out);
    out.println();
    comparison.statements().forEach(s -> out.println("- " + s));
  }

  private static void print(PrintWriter out, SensitivityReport report) {
    out.println(
        "Sensitivity: "
            + report.draws()
            + " weight draws around "
            + report.methodology()
            + " (Dirichlet, concentration "
            + ScorecardReport.num(report.concentration())
            + ", seed "
            + report.seed()
            + ")");
    TextTable table =
        new TextTable("EXCHANGE", "BASE RANK", "FIRST IN", "BEST", "P5", "MEDIAN", "P95", "WORST");
    for (SensitivityReport.ExchangeStability e : report.exchanges()) {
      table.row(
          e.exchangeId(),
          String.valueOf(e.baseRank()),
          String.format(Locale.ROOT, "%.1f%%", e.shareFirst() * 100),
          String.valueOf(e.bestRank()),
          String.valueOf(e.rankP5()),
          String.valueOf(e.medianRank()),
          String.valueOf(e.rankP95()),
          String.valueOf(e.worstRank()));
    }
    table.print(out);
    if (!report.unrated().isEmpty()) {
      out.println("Unrated (no evidence to rank): " + String.join(", ", report.unrated()));
    }
  }
}
