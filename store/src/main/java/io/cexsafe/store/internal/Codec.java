package io.cexsafe.store.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.Json;
import io.cexsafe.Provenance;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.store.RunPlan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** How values become the store's text columns and back. */
final class Codec {
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = Json.mapper();

  private Codec() {}

  /** The evidence as stored once for all runs: its JSON without the retrieval time. */
  static String storedEvidence(Evidence evidence) {
    Provenance p = evidence.provenance();
    Provenance timeless =
        new Provenance(
            p.collectorId(),
            p.sourceUrl(),
            p.sourceTitle(),
            p.observedAt(),
            Instant.EPOCH,
            p.evidenceClass(),
            p.staleAfter(),
            p.note());
    return Json.write(
        new Evidence(evidence.id(), evidence.exchangeId(), evidence.fact(), timeless));
  }

  static Evidence evidence(String body, Instant retrievedAt) {
    Evidence stored = Json.read(body, "stored evidence", Evidence.class);
    Provenance p = stored.provenance();
    return new Evidence(
        stored.id(),
        stored.exchangeId(),
        stored.fact(),
        new Provenance(
            p.collectorId(),
            p.sourceUrl(),
            p.sourceTitle(),
            p.observedAt(),
            retrievedAt,
            p.evidenceClass(),
            p.staleAfter(),
            p.note()));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  static String outcome(CollectorOutcome outcome) {
    return Json.write(outcome);
  }

  static CollectorOutcome outcome(String body) {
    return Json.read(body, "stored collector outcome", CollectorOutcome.class);
  }

  static String scorecard(Scorecard scorecard) {
    return Json.write(scorecard);
  }

  static Scorecard scorecard(String body) {
    return Json.read(body, "stored scorecard", Scorecard.class);
  }

  /** The plan's JSON form in {@code store_run.plan}. */
  record PlanJson(String asOf, List<String> exchanges, Map<String, String> settings) {}

  static String plan(RunPlan plan) {
    return Json.write(new PlanJson(plan.asOf().toString(), plan.exchangeIds(), plan.settings()));
  }

  static RunPlan plan(String runId, String body) {
    PlanJson json;
    try {
      json = MAPPER.readValue(body, new TypeReference<PlanJson>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored plan of run " + runId + " is unreadable", e);
    }
    return new RunPlan(runId, Instant.parse(json.asOf()), json.exchanges(), json.settings());
  }
}
