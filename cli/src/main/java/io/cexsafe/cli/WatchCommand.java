package io.cexsafe.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.Json;
import io.cexsafe.RunId;
import io.cexsafe.Secret;
import io.cexsafe.reports.ReportEnvelope;
import io.cexsafe.scoring.Scorer;
import io.cexsafe.store.HistoryPoint;
import io.cexsafe.store.ReconstructedFact;
import io.cexsafe.store.RunHistory;
import io.cexsafe.store.RunPlan;
import io.cexsafe.store.Snapshot;
import io.cexsafe.store.StoreException;
import io.cexsafe.store.alert.Alert;
import io.cexsafe.store.alert.AlertConfig;
import io.cexsafe.store.alert.AlertRule;
import io.cexsafe.store.alert.WebhookDelivery;
import io.cexsafe.store.alert.WebhookSender;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Assesses exchanges, records the run in the store and raises the alerts its history calls for. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Assess exchanges, record the run in the store, then evaluate the alert rules of --alerts",
      "against each exchange's stored history. Alerts that fire are printed to stdout, one JSON",
      "object per line (kind \"alert\", with the envelope fields), and posted to the webhook of",
      "alerts.json when it has one (HMAC-SHA256 signed). Exit codes: 0 no alert, 5 at least one",
      "alert fired, 3 with --strict a source failed or was partial, 6 an alert could not be",
      "delivered to the webhook, 4 the store failed, 2 bad input. See docs/alerts.md."
    })
final class WatchCommand implements Callable<Integer> {
  /** Exit code: at least one alert fired. */
  static final int ALERTS_FIRED = 5;

  /** Exit code: an alert could not be delivered to the webhook. */
  static final int DELIVERY_FAILED = 6;

  @Mixin CommonOptions common;

  @Mixin ProofOptions proofs;

  @Parameters(
      arity = "0..*",
      paramLabel = "<exchange>",
      description = "Exchange ids, names or aliases (see 'cexsafe exchanges').")
  List<String> exchanges = new ArrayList<>();

  @Option(names = "--all", description = "Watch every exchange of the catalogue.")
  boolean all;

  @Option(
      names = "--alerts",
      required = true,
      paramLabel = "<file>",
      description = "The alert rules and optional webhook (JSON; see docs/alerts.md).")
  Path alertsFile;

  @Mixin StoreAccess storeAccess;

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

  @Mixin ScoringOptions scoring;

  @Mixin PipelineOptions pipeline;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RunId runId = pipeline.start(spec);
    AlertConfig config = AlertConfig.load(alertsFile);
    Secret secret = webhookSecret(config);
    List<String> names = names();
    Instant evaluation = AssessCommand.parseAsOf(asOf);
    Scorer scorer = scoring.scorer().with(scoring.methodology());

    ExchangeCatalog catalog = common.catalog();
    List<Exchange> selected = AssessmentRun.select(catalog, names);
    List<String> ids = selected.stream().map(Exchange::id).toList();
    List<Alert> alerts = new ArrayList<>();
    AssessmentRun run;
    try (StoreSession session = StoreSession.open(storeAccess.store)) {
      if (session.failed()) {
        return session.report(err, Main.OK, NOTHING_ASSESSED);
      }
      Map<String, String> settings = new TreeMap<>();
      if (asOf != null) {
        settings.put(AssessCommand.AS_OF_SETTING, asOf);
      }
      Instant planned =
          evaluation != null ? evaluation : Instant.now().truncatedTo(ChronoUnit.SECONDS);
      RunPlan plan = new RunPlan(runId.value(), planned, ids, settings);
      session.start(plan, err);
      run =
          AssessmentRun.run(
              runId,
              common,
              proofs,
              catalog,
              selected,
              offline,
              evaluation,
              progress,
              err,
              bundle -> session.commit(bundle, scorer));
      session.finish();
      if (session.failed()) {
        // without the stored history there is nothing to evaluate the rules against
        return session.report(err, pipeline.finish(run.bundles, err), NOT_EVALUATED);
      }
      try {
        for (String id : ids) {
          RunHistory stored = session.store().history();
          List<Snapshot> history = history(stored, id, plan.runId(), config);
          // what a backfill reconstructed up to this run: the reserve and incident rules read it
          List<ReconstructedFact> reconstructed =
              history.isEmpty()
                  ? List.of()
                  : stored.reconstructed(
                      id, null, history.get(history.size() - 1).scorecard().asOf());
          for (AlertRule rule : config.rules()) {
            alerts.addAll(rule.evaluate(history, reconstructed));
          }
        }
      } catch (StoreException e) {
        // the failed sources' summary first, as on every other path; the store failure wins
        pipeline.finish(run.bundles, err);
        err.println("cexsafe: error: " + e.getMessage());
        return Main.STORE_FAILED;
      }
    }
    for (Alert alert : alerts) {
      out.println(alertLine(alert, runId));
    }
    out.flush();
    boolean undelivered = false;
    if (config.webhook() != null && !alerts.isEmpty()) {
      try (WebhookSender sender =
          WebhookSender.builder(config.webhook(), secret)
              .body(alert -> alertLine(alert, runId))
              .build()) {
        for (Alert alert : alerts) {
          WebhookDelivery delivery = sender.deliver(alert);
          if (!delivery.delivered()) {
            undelivered = true;
            err.println(
                "cexsafe: error: alert "
                    + alert.rule()
                    + " for "
                    + alert.exchange()
                    + " not delivered: "
                    + delivery.problem());
          }
        }
      }
    }
    int sources = pipeline.finish(run.bundles, err);
    // docs/limits.md: an undelivered alert (6) outranks --strict's failed source (3), which
    // outranks alerts that fired (5)
    if (undelivered) {
      return DELIVERY_FAILED;
    }
    if (sources != Main.OK) {
      return sources;
    }
    return alerts.isEmpty() ? Main.OK : ALERTS_FIRED;
  }

  /** What a store that could not be opened left undone. */
  static final String NOTHING_ASSESSED = "nothing was assessed and no alert rule was evaluated";

  /** What a store that failed during the run left undone. */
  static final String NOT_EVALUATED =
      "the exchanges were assessed but, without their stored history, no alert rule was evaluated";

  /**
   * One alert as a JSON line: the envelope (kind {@code alert}, the alert's evaluation instant as
   * its {@code asOf}) followed by the alert's other fields.
   */
  static String alertLine(Alert alert, RunId runId) {
    ObjectNode fields = (ObjectNode) Json.tree(alert);
    fields.remove("asOf");
    return ReportEnvelope.of("alert", runId, alert.asOf()).line(fields);
  }

  /**
   * The runs of one exchange the rules read, oldest first: those within the rules' look-back before
   * this run, and always the run before it.
   */
  private static List<Snapshot> history(
      RunHistory history, String id, String runId, AlertConfig config) {
    List<HistoryPoint> points =
        history.points(id).stream().filter(point -> !point.reconstructed()).toList();
    int latest = -1;
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i).runId().equals(runId)) {
        latest = i;
      }
    }
    if (latest < 0) {
      return List.of();
    }
    Instant from = points.get(latest).asOf().minus(config.lookback());
    List<Snapshot> snapshots = new ArrayList<>();
    for (int i = 0; i <= latest; i++) {
      HistoryPoint point = points.get(i);
      if (i >= latest - 1 || !point.asOf().isBefore(from)) {
        history.snapshot(id, point.runId()).ifPresent(snapshots::add);
      }
    }
    return snapshots;
  }

  private List<String> names() {
    if (all && !exchanges.isEmpty()) {
      throw new BadInputException("give exchanges or --all, not both");
    }
    if (all) {
      return common.catalog().all().stream().map(Exchange::id).toList();
    }
    if (exchanges.isEmpty()) {
      throw new BadInputException("name the exchanges to watch, or give --all");
    }
    return exchanges;
  }

  private Secret webhookSecret(AlertConfig config) {
    if (config.webhook() == null) {
      return null;
    }
    return common
        .config()
        .find(WebhookSender.SECRET_SETTING)
        .filter(secret -> !secret.reveal().isBlank())
        .orElseThrow(
            () ->
                new BadInputException(
                    alertsFile
                        + " has a webhook but its signing secret is not set: set "
                        + WebhookSender.SECRET_SETTING.key()
                        + " (e.g. the environment variable "
                        + io.cexsafe.Config.environmentName(WebhookSender.SECRET_SETTING.key())
                        + ")"));
  }
}
