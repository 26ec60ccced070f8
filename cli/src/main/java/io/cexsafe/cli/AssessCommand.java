package io.cexsafe.cli;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Json;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Pillar;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      "With --format json each exchange is {\"bundle\": ..., \"scorecard\": ...} (an array for several)."
    })
final class AssessCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(
      arity = "1..*",
      paramLabel = "<exchange>",
      description = "Exchange ids, names or aliases (see 'cexsafe exchanges').")
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
    Persona persona = scoring.persona();
    Methodology methodology = scoring.methodology();
    Instant evaluation = parseAsOf(asOf);
    PrintWriter err = spec.commandLine().getErr();
    AssessmentRun run = AssessmentRun.run(common, exchanges, offline, evaluation, progress, err);
    Scorer scorer = scoring.scorer(run.registry).with(methodology);
    List<Map<String, Object>> documents = new ArrayList<>();
    PrintWriter out = spec.commandLine().getOut();
    for (int i = 0; i < run.bundles.size(); i++) {
      EvidenceBundle bundle = run.bundles.get(i);
      Scorecard card = scorer.score(bundle);
      PersonaVerdict verdict = persona == null ? null : persona.verdict(card);
      if (format == OutputFormat.JSON) {
        documents.add(document(bundle, card, verdict));
        continue;
      }
      if (i > 0) {
        out.println();
        out.println("=".repeat(78));
        out.println();
      }
      ScorecardReport.print(out, run.exchanges.get(i), card, verdict);
      out.println();
      printOutcomes(out, bundle);
      if (listEvidence) {
        printEvidence(out, bundle);
      }
    }
    if (format == OutputFormat.JSON) {
      out.print(Json.writePretty(documents.size() == 1 ? documents.get(0) : documents));
    }
    return Main.OK;
  }

  /**
   * One exchange as a pipeline wants it: the evidence bundle exactly as {@link
   * EvidenceBundle#fromJson} reads it back, the scorecard, and the persona's verdict when one was
   * asked for (its scorecard is the one above, so it is not repeated).
   */
  static Map<String, Object> document(
      EvidenceBundle bundle, Scorecard card, PersonaVerdict verdict) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("bundle", bundle);
    document.put("scorecard", card);
    if (verdict != null) {
      Map<String, Object> persona = new LinkedHashMap<>();
      persona.put("id", verdict.persona());
      persona.put("name", verdict.name());
      persona.put("rationale", verdict.rationale());
      persona.put("verdict", verdict.verdict());
      persona.put("highlights", verdict.highlights());
      document.put("persona", persona);
    }
    return document;
  }

  static Instant parseAsOf(String value) {
    if (value == null) {
      return null;
    }
    try {
      // the end of the given day, so that facts published on that day count
      return LocalDate.parse(value.trim())
          .plusDays(1)
          .atStartOfDay(ZoneOffset.UTC)
          .toInstant()
          .minusSeconds(1);
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          "invalid --as-of '" + value + "': expected a date such as 2026-11-21");
    }
  }

  private static void printOutcomes(PrintWriter out, EvidenceBundle bundle) {
    out.println("Collectors:");
    TextTable outcomes = new TextTable("COLLECTOR", "STATUS", "EVIDENCE", "DETAIL");
    for (CollectorOutcome outcome : bundle.outcomes()) {
      outcomes.row(
          outcome.collectorId(),
          outcome.status().id()
              + (outcome.status() == OutcomeStatus.OK ? "" : " (" + outcome.reason().id() + ")"),
          String.valueOf(outcome.evidenceCount()),
          outcome.message() == null ? "" : outcome.message());
    }
    outcomes.print(out, "  ");
  }

  private static void printEvidence(PrintWriter out, EvidenceBundle bundle) {
    for (Map.Entry<Pillar, List<Evidence>> entry : bundle.byPillar().entrySet()) {
      Pillar pillar = entry.getKey();
      List<Evidence> evidence = entry.getValue();
      out.println();
      out.println(
          "Evidence for "
              + pillar.displayName()
              + ": "
              + (evidence.isEmpty()
                  ? "no evidence, unknown"
                  : evidence.size() + " pieces of evidence"));
      for (Evidence e : evidence) {
        out.println(
            "  - "
                + e.fact().summary()
                + " ["
                + e.evidenceClass().id()
                + ", observed "
                + e.provenance().observedAt().atOffset(ZoneOffset.UTC).toLocalDate()
                + (e.provenance().isStaleAt(bundle.asOf()) ? ", STALE" : "")
                + "]");
        out.println(
            "      " + e.provenance().sourceTitle() + " <" + e.provenance().sourceUrl() + ">");
      }
    }
  }
}
