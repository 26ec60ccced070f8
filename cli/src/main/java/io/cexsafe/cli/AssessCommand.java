package io.cexsafe.cli;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.RunId;
import io.cexsafe.identity.Resolution;
import io.cexsafe.reports.ExchangeAssessment;
import io.cexsafe.reports.ReportKind;
import io.cexsafe.reports.ReportOptions;
import io.cexsafe.reports.ReportRenderer;
import io.cexsafe.reports.ReportWriter;
import io.cexsafe.scoring.Methodology;
import io.cexsafe.scoring.Persona;
import io.cexsafe.scoring.PersonaVerdict;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.Scorer;
import io.cexsafe.store.EvidenceStore;
import io.cexsafe.store.RunPlan;
import io.cexsafe.store.Snapshot;
import io.cexsafe.store.StoredRun;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
      "With --format json the report is one envelope (schemaVersion, kind, cexsafeVersion, runId,",
      "asOf) holding an \"assessments\" array of {\"bundle\": ..., \"scorecard\": ...}, for one exchange",
      "or many; jsonl writes one such document per line, each with the envelope fields.",
      "See docs/reports.md and docs/report-schema.md."
    })
final class AssessCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin ProofOptions proofs;

  @Parameters(
      arity = "0..*",
      paramLabel = "<exchange>",
      description = {
        "Exchange ids, names or aliases (see 'cexsafe exchanges'), or, online, the DeFiLlama slug",
        "of an exchange outside the catalogue; none with --all, --top or --resume."
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

  @Mixin PipelineOptions pipeline;

  @Option(
      names = "--store",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "<path|jdbc-url>",
      description = {
        "Record the run in a store, committing each exchange as it finishes: an SQLite file,",
        "a jdbc:postgresql:// URL, or (without a value) $XDG_DATA_HOME/cexsafe/store.db.",
        "If the store fails the report is still printed and the exit code is 4."
      })
  String store;

  @Option(
      names = "--resume",
      paramLabel = "<run>",
      description =
          "Complete an interrupted run recorded with --store: assess the exchanges it has not stored yet.")
  String resume;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<String> names = exchanges == null ? List.of() : exchanges;
    RunId runId = pipeline.start(spec);
    ReportRenderer renderer = report.renderer(ReportKind.ASSESSMENTS);
    Persona persona = scoring.persona();
    Methodology methodology = scoring.methodology();
    PrintWriter err = spec.commandLine().getErr();
    if (store == null && resume == null) {
      Instant evaluation = parseAsOf(asOf);
      AssessmentRun.Selection chosen =
          AssessmentRun.choose(common, selection, names, byName, 1, true, offline, err);
      Scorer scorer = scoring.scorer().with(methodology);
      // each bundle is scored as soon as it is complete, while the rest are still being fetched:
      // the run waits on the network for most of its time, and scoring 90 bundles after the last
      // answer took a cold process ~0.1 s of its tail
      List<Scorecard> cards = new ArrayList<>();
      AssessmentRun run =
          AssessmentRun.run(
              runId,
              common,
              proofs,
              chosen,
              offline,
              evaluation,
              progress,
              err,
              bundle -> cards.add(scorer.score(bundle)));
      List<ExchangeAssessment> assessments = new ArrayList<>();
      for (int i = 0; i < run.bundles.size(); i++) {
        EvidenceBundle bundle = run.bundles.get(i);
        Scorecard card = i < cards.size() ? cards.get(i) : scorer.score(bundle);
        assessments.add(assessment(run.exchanges.get(i), bundle, card, persona));
      }
      write(renderer, assessments, runId);
      return pipeline.finish(run.bundles, err);
    }
    Scorer scorer = scoring.scorer().with(methodology);
    // offline, choosing the exchanges reads only local files: the store opens meanwhile. Online,
    // choosing may resolve identities over the network, which a bad store must stop first.
    try (StoreSession session =
        offline && resume == null
            ? StoreSession.openWhileChoosing(store)
            : StoreSession.open(store)) {
      return assessStoring(session, runId, names, renderer, persona, scorer, err);
    }
  }

  private int assessStoring(
      StoreSession session,
      RunId runId,
      List<String> names,
      ReportRenderer renderer,
      Persona persona,
      Scorer scorer,
      PrintWriter err) {
    ExchangeCatalog catalog = common.catalog();
    List<Exchange> selected;
    Map<String, Resolution> resolutions = Map.of();
    Map<String, Snapshot> stored = new HashMap<>();
    String asOfText = asOf;
    if (resume != null) {
      if (!names.isEmpty() || !byName.isEmpty() || selection.chosen()) {
        throw new BadInputException("--resume takes the exchanges from the stored run; name none");
      }
      if (asOf != null) {
        throw new BadInputException("--resume reuses the stored run's --as-of; do not give one");
      }
      if (session.store() == null) {
        // nothing to resume from: the failure is all there is to report
        return session.report(err, Main.OK, "nothing was resumed");
      }
      EvidenceStore open = session.store();
      StoredRun run =
          open.run(resume)
              .orElseThrow(
                  () ->
                      new BadInputException(
                          "no run '" + resume + "' in store " + session.location().describe()));
      asOfText = run.settings().get(AS_OF_SETTING);
      selected = new ArrayList<>();
      for (String id : run.exchangeIds()) {
        Optional<Exchange> known = catalog.find(id);
        if (known.isEmpty()) {
          // an ad-hoc identity is resolved at run time and not stored with the run's plan
          throw new BadInputException(
              "run '"
                  + resume
                  + "' assessed '"
                  + id
                  + "', an exchange outside the catalogue whose identity was resolved at run time;"
                  + " --resume cannot restore that identity: assess it again with --name, or give"
                  + " it a catalogue entry (--catalog <file>) with the id '"
                  + id
                  + "'");
        }
        selected.add(known.get());
      }
      for (String done : open.exchangesDone(run.runId())) {
        open.history().snapshot(done, run.runId()).ifPresent(s -> stored.put(done, s));
      }
      session.resume(run, err);
    } else {
      AssessmentRun.Selection chosen;
      try {
        chosen = AssessmentRun.choose(common, selection, names, byName, 1, true, offline, err);
      } catch (RuntimeException e) {
        // a store that is bad input is reported first, as when it was opened before choosing
        session.awaitOpen();
        throw e;
      }
      catalog = chosen.catalog();
      selected = chosen.exchanges();
      resolutions = chosen.resolutions();
    }
    Instant evaluation = parseAsOf(asOfText);
    if (resume == null) {
      Map<String, String> settings = new TreeMap<>();
      if (asOfText != null) {
        settings.put(AS_OF_SETTING, asOfText);
      }
      Instant planned =
          evaluation != null ? evaluation : Instant.now().truncatedTo(ChronoUnit.SECONDS);
      session.start(
          new RunPlan(
              runId.value(), planned, selected.stream().map(Exchange::id).toList(), settings),
          err);
    }
    List<Exchange> toAssess = selected.stream().filter(e -> !stored.containsKey(e.id())).toList();
    AssessmentRun run =
        toAssess.isEmpty()
            ? null
            : AssessmentRun.run(
                runId,
                common,
                proofs,
                new AssessmentRun.Selection(catalog, toAssess, resolutions),
                offline,
                evaluation,
                progress,
                err,
                bundle -> session.commit(bundle, scorer));
    session.finish();
    List<ExchangeAssessment> assessments = new ArrayList<>();
    int next = 0;
    for (Exchange exchange : selected) {
      Snapshot snapshot = stored.get(exchange.id());
      if (snapshot != null) {
        assessments.add(assessment(exchange, snapshot.bundle(), snapshot.scorecard(), persona));
      } else {
        EvidenceBundle bundle = run.bundles.get(next++);
        Scorecard card = session.scorecard(bundle.exchangeId());
        assessments.add(
            assessment(exchange, bundle, card != null ? card : scorer.score(bundle), persona));
      }
    }
    write(renderer, assessments, runId);
    return session.report(err, pipeline.finish(run == null ? List.of() : run.bundles, err));
  }

  private static ExchangeAssessment assessment(
      Exchange exchange, EvidenceBundle bundle, Scorecard card, Persona persona) {
    PersonaVerdict verdict = persona == null ? null : persona.verdict(card);
    return new ExchangeAssessment(exchange, bundle, card, verdict);
  }

  private void write(ReportRenderer renderer, List<ExchangeAssessment> assessments, RunId runId) {
    ReportWriter writer =
        ReportWriter.of(renderer)
            .withOptions(ReportOptions.defaults().withRunId(runId))
            .listingEvidence(listEvidence);
    report.write(spec.commandLine().getOut(), out -> writer.writeAssessments(assessments, out));
  }

  /** The stored setting that holds the --as-of date a run was given. */
  static final String AS_OF_SETTING = "as-of";

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
