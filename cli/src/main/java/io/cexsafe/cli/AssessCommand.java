package io.cexsafe.cli;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.reports.ExchangeAssessment;
import io.cexsafe.reports.ReportKind;
import io.cexsafe.reports.ReportRenderer;
import io.cexsafe.reports.ReportWriter;
import io.cexsafe.scoring.Methodology;
import io.cexsafe.scoring.Persona;
import io.cexsafe.scoring.PersonaVerdict;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.Scorer;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Collects evidence about one or more exchanges and reports it. */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    description = {
      "Collect sourced evidence about exchanges, score it and print the scorecard: overall score,",
      "grade, range and confidence, each pillar with its coverage and key evidence, and findings.",
      "Collectors that cannot reach their source are reported as failed; bundled evidence still counts.",
      "With --format json each exchange is {\"bundle\": ..., \"scorecard\": ...} (an array for several);",
      "jsonl writes one such document per line. See docs/reports.md and docs/report-schema.md."
    })
final class AssessCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin ProofOptions proofs;

  @Parameters(
      arity = "0..*",
      paramLabel = "<exchange>",
      description = {
        "Exchange ids, names or aliases (see 'cexsafe exchanges'), or, online, the DeFiLlama slug",
        "of an exchange outside the catalogue."
      })
  List<String> exchanges = new ArrayList<>();

  @Option(
      names = "--name",
      paramLabel = "<name>",
      description = {
        "An exchange outside the catalogue, resolved by name across DeFiLlama, ESMA, the FCA and",
        "Apple at run time (online; repeatable). Reports flag it as an unreviewed identity."
      })
  List<String> names = new ArrayList<>();

  @Mixin ReportOutput report;

  @Option(names = "--offline", description = "Use no network: only bundled and local evidence.")
  boolean offline;

  @Option(
      names = "--as-of",
      paramLabel = "<date>",
      description = "Evaluation date (YYYY-MM-DD), so that a run can be reproduced. Default: now.")
  String asOf;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show progress on stderr (default: only when attached to a terminal).")
  Boolean progress;

  @Option(
      names = "--evidence",
      description = "Also list every piece of evidence by pillar, with its source.")
  boolean listEvidence;

  @Mixin ScoringOptions scoring;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ReportRenderer renderer = report.renderer(ReportKind.ASSESSMENTS);
    Persona persona = scoring.persona();
    Methodology methodology = scoring.methodology();
    Instant evaluation = parseAsOf(asOf);
    PrintWriter err = spec.commandLine().getErr();
    if (exchanges.isEmpty() && names.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "Missing required parameter: '<exchange>' (or --name <name>)");
    }
    AssessmentRun run =
        AssessmentRun.run(
            common, proofs, exchanges, names, true, offline, evaluation, progress, err);
    Scorer scorer = scoring.scorer().with(methodology);
    List<ExchangeAssessment> assessments = new ArrayList<>();
    for (int i = 0; i < run.bundles.size(); i++) {
      EvidenceBundle bundle = run.bundles.get(i);
      Scorecard card = scorer.score(bundle);
      PersonaVerdict verdict = persona == null ? null : persona.verdict(card);
      assessments.add(new ExchangeAssessment(run.exchanges.get(i), bundle, card, verdict));
    }
    ReportWriter writer = ReportWriter.of(renderer).listingEvidence(listEvidence);
    report.write(spec.commandLine().getOut(), out -> writer.writeAssessments(assessments, out));
    return Main.OK;
  }

  static Instant parseAsOf(String value) {
    if (value == null) {
      return null;
    }
    LocalDate date = parseDate("--as-of", value);
    // the end of the given day, so that facts published on that day count
    return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
  }

  /** Dates given on the command line: ISO form, years {@value #MIN_YEAR} to {@value #MAX_YEAR}. */
  static LocalDate parseDate(String option, String value) {
    LocalDate date;
    try {
      date = LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          "invalid " + option + " '" + value + "': expected a date such as 2026-11-21");
    }
    if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
      throw new BadInputException(
          "invalid "
              + option
              + " '"
              + value
              + "': out of range (years "
              + MIN_YEAR
              + " to "
              + MAX_YEAR
              + ")");
    }
    return date;
  }

  static final int MIN_YEAR = 1970;
  static final int MAX_YEAR = 9999;
}
