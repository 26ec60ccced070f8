package io.cexsafe.store.internal;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.store.RunPlan;
import io.cexsafe.store.StoreLocation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;

/**
 * Writes a store as cexsafe did before schema 3 (or 4), for the tests of the migrations: the schema
 * of the V1 and V2 (and V3) migrations only (Flyway stops at version 2, or 3), and each exchange
 * committed the way schema 2's code committed it, its scorecard as JSON text in {@code
 * store_scorecard} (schema 3's: zlib-compressed without a dictionary in its summary row), and its
 * evidence use as rows of {@code store_run_evidence}.
 */
public final class SchemaTwoWriter {
  private SchemaTwoWriter() {}

  /** Creates the schema 2 store at {@code location} (an empty database). */
  public static void createSchemaTwo(StoreLocation location) throws Exception {
    createSchema(location, "2");
  }

  /** Creates the schema 3 store at {@code location} (an empty database). */
  public static void createSchemaThree(StoreLocation location) throws Exception {
    createSchema(location, "3");
  }

  private static void createSchema(StoreLocation location, String version) throws Exception {
    if (location.isSqlite()) {
      java.nio.file.Files.createDirectories(location.file().toAbsolutePath().getParent());
    }
    Flyway.configure(Database.class.getClassLoader())
        .dataSource(location.jdbcUrl(), null, null)
        .locations(Database.MIGRATIONS)
        .table(Database.HISTORY_TABLE)
        .target(version)
        .loggers("slf4j")
        .load()
        .migrate();
  }

  /** Records a run, commits the exchanges in order and finishes the run, as schema 2 did. */
  public static void storeRun(
      StoreLocation location,
      RunPlan plan,
      long startedMs,
      List<EvidenceBundle> bundles,
      List<Scorecard> scorecards)
      throws SQLException {
    storeRun(location, plan, startedMs, bundles, scorecards, false);
  }

  /** Records a run, commits the exchanges in order and finishes the run, as schema 3 did. */
  public static void storeRunAsSchemaThree(
      StoreLocation location,
      RunPlan plan,
      long startedMs,
      List<EvidenceBundle> bundles,
      List<Scorecard> scorecards)
      throws SQLException {
    storeRun(location, plan, startedMs, bundles, scorecards, true);
  }

  private static void storeRun(
      StoreLocation location,
      RunPlan plan,
      long startedMs,
      List<EvidenceBundle> bundles,
      List<Scorecard> scorecards,
      boolean schemaThree)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(location.jdbcUrl())) {
      try (PreparedStatement run =
          c.prepareStatement(
              "INSERT INTO store_run (run_id, as_of_ms, started_ms, finished_ms, plan)"
                  + " VALUES (?, ?, ?, ?, ?)")) {
        run.setString(1, plan.runId());
        run.setLong(2, plan.asOf().toEpochMilli());
        run.setLong(3, startedMs);
        run.setLong(4, startedMs + 1_000);
        run.setString(5, Codec.plan(plan));
        run.executeUpdate();
      }
      for (int i = 0; i < bundles.size(); i++) {
        commit(c, plan.runId(), bundles.get(i), scorecards.get(i), startedMs + i, schemaThree);
      }
    }
  }

  private static void commit(
      Connection c,
      String runId,
      EvidenceBundle bundle,
      Scorecard scorecard,
      long committedMs,
      boolean schemaThree)
      throws SQLException {
    String exchangeId = bundle.exchangeId();
    try (PreparedStatement summary =
        c.prepareStatement(
            "INSERT INTO store_summary (run_id, exchange_id, as_of_ms, as_of, committed_ms,"
                + " estimate, low, high, confidence, grade, grade_label, pillars"
                + (schemaThree ? ", scorecard)" : ")")
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                + (schemaThree ? ", ?)" : ")"))) {
      summary.setString(1, runId);
      summary.setString(2, exchangeId);
      summary.setLong(3, bundle.asOf().toEpochMilli());
      summary.setString(4, bundle.asOf().toString());
      summary.setLong(5, committedMs);
      if (scorecard.estimate() == null) {
        summary.setNull(6, Types.DOUBLE);
      } else {
        summary.setDouble(6, scorecard.estimate());
      }
      summary.setDouble(7, scorecard.low());
      summary.setDouble(8, scorecard.high());
      summary.setDouble(9, scorecard.confidence());
      summary.setString(10, scorecard.grade() == null ? null : scorecard.grade().name());
      summary.setString(11, scorecard.gradeLabel());
      summary.setString(12, Codec.pillars(scorecard.pillars()));
      if (schemaThree) {
        summary.setBytes(13, schemaThreePacked(scorecard));
      }
      summary.executeUpdate();
    }
    if (!schemaThree) {
      try (PreparedStatement card =
          c.prepareStatement(
              "INSERT INTO store_scorecard (run_id, exchange_id, body) VALUES (?, ?, ?)")) {
        card.setString(1, runId);
        card.setString(2, exchangeId);
        card.setString(3, Codec.scorecard(scorecard));
        card.executeUpdate();
      }
    }
    Set<String> seen = new HashSet<>();
    try (PreparedStatement stored =
            c.prepareStatement(
                "INSERT INTO store_evidence (digest, evidence_id, exchange_id, body)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
        PreparedStatement used =
            c.prepareStatement(
                "INSERT INTO store_run_evidence (run_id, exchange_id, position, digest,"
                    + " retrieved_at) VALUES (?, ?, ?, ?, ?)")) {
      List<Evidence> evidence = bundle.evidence();
      for (int i = 0; i < evidence.size(); i++) {
        Evidence e = evidence.get(i);
        String body = Codec.storedEvidence(e);
        String digest = Codec.sha256(body);
        if (seen.add(digest)) {
          stored.setString(1, digest);
          stored.setString(2, e.id());
          stored.setString(3, exchangeId);
          stored.setString(4, body);
          stored.executeUpdate();
        }
        used.setString(1, runId);
        used.setString(2, exchangeId);
        used.setInt(3, i);
        used.setString(4, digest);
        used.setString(5, e.provenance().retrievedAt().toString());
        used.executeUpdate();
      }
    }
    try (PreparedStatement outcome =
        c.prepareStatement(
            "INSERT INTO store_outcome (run_id, exchange_id, collector_id, status, body)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (CollectorOutcome o : bundle.outcomes()) {
        outcome.setString(1, runId);
        outcome.setString(2, exchangeId);
        outcome.setString(3, o.collectorId());
        outcome.setString(4, o.status().id());
        outcome.setString(5, Codec.outcome(o));
        outcome.executeUpdate();
      }
    }
  }

  /** Schema 3's packed scorecard: its JSON in the zlib format, fastest level, no dictionary. */
  public static byte[] schemaThreePacked(Scorecard scorecard) {
    java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
    java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
    try (java.util.zip.DeflaterOutputStream out =
        new java.util.zip.DeflaterOutputStream(packed, deflater)) {
      out.write(Codec.scorecard(scorecard).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    return packed.toByteArray();
  }
}
