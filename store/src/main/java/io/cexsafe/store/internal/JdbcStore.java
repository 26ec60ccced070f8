package io.cexsafe.store.internal;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.scoring.Grade;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.store.HistoryPoint;
import io.cexsafe.store.ReconstructedFact;
import io.cexsafe.store.RunPlan;
import io.cexsafe.store.Snapshot;
import io.cexsafe.store.StoreException;
import io.cexsafe.store.StoreLocation;
import io.cexsafe.store.StoredRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store's SQL. One connection, used by one thread at a time (every public method is
 * synchronized), reopened when the database dropped it. The statements of the write path are
 * prepared once per connection and reused.
 */
public final class JdbcStore implements AutoCloseable {
  /** How many runs' plans {@link #plannedExchanges} keeps: a process writes one run at a time. */
  private static final int PLANS_KEPT = 8;

  private final Database database;
  private final Clock clock;
  private Connection connection;
  private boolean closed;

  /** The statements prepared on {@link #connection}, by their SQL (guarded by this). */
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  /**
   * The exchanges of recently used runs' plans (guarded by this). A stored plan never changes, so a
   * commit need not read and parse it again.
   */
  private final Map<String, KnownPlan> plans =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KnownPlan> eldest) {
          return size() > PLANS_KEPT;
        }
      };

  /**
   * A run's plan and its exchanges as a set. Kept, the plan also spares finishing the run a parse
   * of the stored plan's JSON (the first one costs a cold process a JSON mapper of its own).
   */
  private record KnownPlan(RunPlan plan, Set<String> exchanges) {
    KnownPlan(RunPlan plan) {
      this(plan, Set.copyOf(plan.exchangeIds()));
    }
  }

  private JdbcStore(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Opens (and migrates) the store at {@code location}. */
  public static JdbcStore open(StoreLocation location, Clock clock) {
    Database database = Database.open(location);
    JdbcStore store = new JdbcStore(database, clock);
    store.connection = database.connect();
    return store;
  }

  public StoreLocation location() {
    return database.location();
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs a write in one transaction. */
  private <T> T inTransaction(String what, Work<T> work) {
    return run(what, true, work);
  }

  /** Runs reads in auto-commit mode: stored results never change once committed. */
  private <T> T reading(Work<T> work) {
    return run("could not read", false, work);
  }

  private synchronized <T> T run(String what, boolean write, Work<T> work) {
    if (closed) {
      throw new IllegalStateException("store " + location().describe() + " is closed");
    }
    try {
      if (connection != null && connection.isClosed()) {
        closeConnection();
      }
      if (connection == null) {
        connection = database.connect();
      }
    } catch (SQLException e) {
      throw database.failure("could not connect to", e);
    }
    boolean committed = false;
    try {
      if (write) {
        connection.setAutoCommit(false);
      }
      T result = work.run(connection);
      if (write) {
        // leaving manual mode commits (JDBC): sqlite-jdbc's commit() would begin the next
        // (immediate) transaction at once, taking the write lock again only to end an empty
        // transaction when auto-commit is restored, which cost each exchange a second transaction
        connection.setAutoCommit(true);
      }
      committed = true;
      return result;
    } catch (SQLException e) {
      throw database.failure(what, e);
    } finally {
      if (write && !committed) {
        rollBack();
      }
    }
  }

  private void rollBack() {
    try {
      connection.rollback();
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      // the connection is gone or its state unknown (e.g. a commit that failed): closing it
      // rolls back whatever is open, and the next call reconnects
      closeConnection();
    }
  }

  private void closeConnection() {
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // the connection's close below releases it too
      }
    }
    statements.clear();
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing more to release
    }
    connection = null;
  }

  /**
   * The statement for {@code sql} on the current connection, prepared on first use. Callers set
   * every parameter before each use and close the result sets they open.
   */
  private PreparedStatement prepared(Connection c, String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = c.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  /** Records a new run; a run id already in the store is refused. */
  public StoredRun startRun(RunPlan plan) {
    Instant started = clock.instant();
    StoredRun recorded =
        inTransaction(
            "could not record run " + plan.runId() + " in",
            c -> {
              if (findRun(c, plan.runId()).isPresent()) {
                throw new IllegalStateException(
                    "run " + plan.runId() + " already exists in store " + location().describe());
              }
              try (PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO store_run (run_id, as_of_ms, started_ms, finished_ms, plan)"
                          + " VALUES (?, ?, ?, NULL, ?)")) {
                insert.setString(1, plan.runId());
                insert.setLong(2, plan.asOf().toEpochMilli());
                insert.setLong(3, started.toEpochMilli());
                insert.setString(4, Codec.plan(plan));
                insert.executeUpdate();
              }
              return new StoredRun(plan, Instant.ofEpochMilli(started.toEpochMilli()), null, 0);
            });
    synchronized (this) {
      plans.put(plan.runId(), new KnownPlan(plan));
    }
    return recorded;
  }

  /**
   * The exchanges of the run's plan, read once per run.
   *
   * @throws IllegalArgumentException when the store has no such run
   */
  private Set<String> plannedExchanges(Connection c, String runId) throws SQLException {
    KnownPlan planned = plans.get(runId);
    if (planned == null) {
      PreparedStatement select = prepared(c, "SELECT plan FROM store_run WHERE run_id = ?");
      select.setString(1, runId);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalArgumentException(
              "no run " + runId + " in store " + location().describe());
        }
        planned = new KnownPlan(Codec.plan(runId, rows.getString(1)));
      }
      plans.put(runId, planned);
    }
    return planned.exchanges();
  }

  /** Stores one exchange's result; false when the run already holds that exchange. */
  public boolean commitExchange(String runId, EvidenceBundle bundle, Scorecard scorecard) {
    if (!bundle.exchangeId().equals(scorecard.exchangeId())) {
      throw new IllegalArgumentException(
          "bundle of " + bundle.exchangeId() + " with the scorecard of " + scorecard.exchangeId());
    }
    String exchangeId = bundle.exchangeId();
    // serialise before taking the connection: the transaction stays short
    // each distinct piece once (digest, evidence id, stored body), and the ordered list of uses
    List<String[]> evidence = new ArrayList<>();
    List<byte[]> digests = new ArrayList<>(bundle.evidence().size());
    List<Instant> retrieved = new ArrayList<>(bundle.evidence().size());
    Set<String> seen = new HashSet<>();
    java.util.HexFormat hex = java.util.HexFormat.of();
    for (Evidence e : bundle.evidence()) {
      String body = Codec.storedEvidence(e);
      byte[] digest = Codec.sha256Bytes(body);
      String digestText = hex.formatHex(digest);
      if (seen.add(digestText)) {
        evidence.add(new String[] {digestText, e.id(), body});
      }
      digests.add(digest);
      retrieved.add(e.provenance().retrievedAt());
    }
    byte[] evidenceUsed = Codec.evidenceUsed(digests, retrieved);
    List<String[]> outcomes = new ArrayList<>();
    for (CollectorOutcome outcome : bundle.outcomes()) {
      outcomes.add(
          new String[] {outcome.collectorId(), outcome.status().id(), Codec.outcome(outcome)});
    }
    byte[] packedScorecard = Codec.packedScorecard(scorecard);
    String pillarsText = Codec.pillars(scorecard.pillars());
    Instant committed = clock.instant();
    String what = "could not commit " + exchangeId + " of run " + runId + " to";
    if (!database.isSqlite()) {
      // one statement is atomic by itself: each exchange costs PostgreSQL one round trip
      return run(
          what,
          false,
          c -> {
            checkPlanned(c, runId, exchangeId);
            PreparedStatement insert = prepared(c, POSTGRES_COMMIT);
            int next =
                bindSummary(
                    insert, runId, bundle, scorecard, pillarsText, committed.toEpochMilli());
            insert.setBytes(next++, packedScorecard);
            insert.setBytes(next++, evidenceUsed);
            next = bindColumns(c, insert, next, evidence, 0, 1, 2);
            bindColumns(c, insert, next, outcomes, 0, 1, 2);
            try (ResultSet rows = insert.executeQuery()) {
              return rows.next() && rows.getInt(1) > 0;
            }
          });
    }
    return inTransaction(
        what,
        c -> {
          checkPlanned(c, runId, exchangeId);
          PreparedStatement summary =
              prepared(
                  c,
                  "INSERT INTO store_summary (run_id, exchange_id, as_of_ms, as_of, committed_ms,"
                      + " estimate, low, high, confidence, grade, grade_label, pillars, scorecard,"
                      + " evidence_used)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
          int next =
              bindSummary(summary, runId, bundle, scorecard, pillarsText, committed.toEpochMilli());
          summary.setBytes(next++, packedScorecard);
          summary.setBytes(next, evidenceUsed);
          if (summary.executeUpdate() == 0) {
            return false;
          }
          if (!evidence.isEmpty()) {
            storeEvidence(c, exchangeId, evidence);
          }
          if (!outcomes.isEmpty()) {
            PreparedStatement outcome =
                prepared(
                    c,
                    "INSERT INTO store_outcome (run_id, exchange_id, collector_id, status, body)"
                        + " VALUES (?, ?, ?, ?, ?)");
            outcome.clearBatch();
            for (String[] o : outcomes) {
              outcome.setString(1, runId);
              outcome.setString(2, exchangeId);
              outcome.setString(3, o[0]);
              outcome.setString(4, o[1]);
              outcome.setString(5, o[2]);
              outcome.addBatch();
            }
            outcome.executeBatch();
          }
          return true;
        });
  }

  /**
   * PostgreSQL's commit of one exchange as one statement: the summary row decides (a run already
   * holding the exchange inserts nothing at all), the other rows follow it from arrays. Foreign
   * keys are checked at the statement's end, when every row is in.
   */
  private static final String POSTGRES_COMMIT =
      "WITH summary AS ("
          + " INSERT INTO store_summary (run_id, exchange_id, as_of_ms, as_of, committed_ms,"
          + " estimate, low, high, confidence, grade, grade_label, pillars, scorecard,"
          + " evidence_used)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
          + " RETURNING run_id, exchange_id),"
          + " stored AS (INSERT INTO store_evidence (digest, evidence_id, exchange_id, body)"
          + " SELECT e.digest, e.evidence_id, s.exchange_id, e.body"
          + " FROM summary s, unnest(?::text[], ?::text[], ?::text[]) AS e (digest, evidence_id, body)"
          + " ON CONFLICT DO NOTHING),"
          + " outcome AS (INSERT INTO store_outcome (run_id, exchange_id, collector_id, status,"
          + " body)"
          + " SELECT s.run_id, s.exchange_id, o.collector_id, o.status, o.body"
          + " FROM summary s, unnest(?::text[], ?::text[], ?::text[]) AS o (collector_id, status,"
          + " body))"
          + " SELECT count(*) FROM summary";

  /**
   * @throws IllegalArgumentException when the store has no such run or its plan leaves the exchange
   *     out
   */
  private void checkPlanned(Connection c, String runId, String exchangeId) throws SQLException {
    if (!plannedExchanges(c, runId).contains(exchangeId)) {
      throw new IllegalArgumentException("run " + runId + " does not cover exchange " + exchangeId);
    }
  }

  /**
   * Sets the first twelve parameters: the summary row.
   *
   * @return the next parameter's index
   */
  private static int bindSummary(
      PreparedStatement statement,
      String runId,
      EvidenceBundle bundle,
      Scorecard scorecard,
      String pillarsText,
      long committedMs)
      throws SQLException {
    statement.setString(1, runId);
    statement.setString(2, bundle.exchangeId());
    statement.setLong(3, bundle.asOf().toEpochMilli());
    statement.setString(4, bundle.asOf().toString());
    statement.setLong(5, committedMs);
    setDouble(statement, 6, scorecard.estimate());
    statement.setDouble(7, scorecard.low());
    statement.setDouble(8, scorecard.high());
    statement.setDouble(9, scorecard.confidence());
    statement.setString(10, scorecard.grade() == null ? null : scorecard.grade().name());
    statement.setString(11, scorecard.gradeLabel());
    statement.setString(12, pillarsText);
    return 13;
  }

  /**
   * Sets one text-array parameter per column: the given fields of every row.
   *
   * @return the next parameter's index
   */
  private static int bindColumns(
      Connection c, PreparedStatement statement, int first, List<String[]> rows, int... fields)
      throws SQLException {
    int index = first;
    for (int field : fields) {
      String[] column = new String[rows.size()];
      for (int i = 0; i < column.length; i++) {
        column[i] = rows.get(i)[field];
      }
      statement.setArray(index++, c.createArrayOf("text", column));
    }
    return index;
  }

  /**
   * Stores the pieces of evidence the store does not hold yet (the list of uses is in the summary
   * row).
   *
   * @param evidence digest, evidence id and stored body of each distinct piece
   */
  private void storeEvidence(Connection c, String exchangeId, List<String[]> evidence)
      throws SQLException {
    PreparedStatement stored =
        prepared(
            c,
            "INSERT INTO store_evidence (digest, evidence_id, exchange_id, body)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
    stored.clearBatch();
    for (String[] e : evidence) {
      stored.setString(1, e[0]);
      stored.setString(2, e[1]);
      stored.setString(3, exchangeId);
      stored.setString(4, e[2]);
      stored.addBatch();
    }
    stored.executeBatch();
  }

  /** Records the run's end (again, if it was finished before: the latest end counts). */
  public StoredRun finishRun(String runId) {
    Instant finished = clock.instant();
    return inTransaction(
        "could not finish run " + runId + " in",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement("UPDATE store_run SET finished_ms = ? WHERE run_id = ?")) {
            update.setLong(1, finished.toEpochMilli());
            update.setString(2, runId);
            if (update.executeUpdate() == 0) {
              throw new IllegalArgumentException(
                  "no run " + runId + " in store " + location().describe());
            }
          }
          return findRun(c, runId).orElseThrow();
        });
  }

  public Optional<StoredRun> run(String runId) {
    return reading(c -> findRun(c, runId));
  }

  public List<StoredRun> runs() {
    return reading(
        c -> {
          List<StoredRun> runs = new ArrayList<>();
          try (PreparedStatement select =
                  c.prepareStatement(
                      "SELECT r.run_id, r.started_ms, r.finished_ms, r.plan,"
                          + " (SELECT count(*) FROM store_summary s WHERE s.run_id = r.run_id)"
                          + " FROM store_run r ORDER BY r.started_ms, r.run_id");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              runs.add(storedRun(rows));
            }
          }
          return runs;
        });
  }

  /** The exchanges committed in the run, in the run's order. */
  public List<String> exchangesDone(String runId) {
    return reading(
        c -> {
          StoredRun run =
              findRun(c, runId)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "no run " + runId + " in store " + location().describe()));
          Set<String> done = new HashSet<>();
          try (PreparedStatement select =
              c.prepareStatement("SELECT exchange_id FROM store_summary WHERE run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                done.add(rows.getString(1));
              }
            }
          }
          return run.exchangeIds().stream().filter(done::contains).toList();
        });
  }

  private Optional<StoredRun> findRun(Connection c, String runId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT r.run_id, r.started_ms, r.finished_ms, r.plan,"
                + " (SELECT count(*) FROM store_summary s WHERE s.run_id = r.run_id)"
                + " FROM store_run r WHERE r.run_id = ?")) {
      select.setString(1, runId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(storedRun(rows)) : Optional.empty();
      }
    }
  }

  /** The run of the current row; a plan this store recorded or read before is not parsed again. */
  private StoredRun storedRun(ResultSet rows) throws SQLException {
    String runId = rows.getString(1);
    long started = rows.getLong(2);
    long finished = rows.getLong(3);
    boolean running = rows.wasNull();
    KnownPlan known;
    synchronized (this) {
      known = plans.get(runId);
    }
    RunPlan plan = known != null ? known.plan() : Codec.plan(runId, rows.getString(4));
    return new StoredRun(
        plan,
        Instant.ofEpochMilli(started),
        running ? null : Instant.ofEpochMilli(finished),
        rows.getInt(5));
  }

  /** The exchange's history between two instants (inclusive; null for no bound), oldest first. */
  public List<HistoryPoint> history(String exchangeId, Instant from, Instant to) {
    long fromMs = from == null ? Long.MIN_VALUE : from.toEpochMilli();
    long toMs = to == null ? Long.MAX_VALUE : to.toEpochMilli();
    return reading(
        c -> {
          List<HistoryPoint> points = new ArrayList<>();
          PreparedStatement select =
              prepared(
                  c,
                  "SELECT run_id, as_of_ms, estimate, low, high, confidence, grade, grade_label,"
                      + " pillars FROM store_summary"
                      + " WHERE exchange_id = ? AND as_of_ms BETWEEN ? AND ?"
                      + " ORDER BY as_of_ms, committed_ms, run_id");
          select.setString(1, exchangeId);
          select.setLong(2, fromMs);
          select.setLong(3, toMs);
          select.setFetchSize(1000);
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              String runId = rows.getString(1);
              String grade = rows.getString(7);
              points.add(
                  new HistoryPoint(
                      runId,
                      Instant.ofEpochMilli(rows.getLong(2)),
                      getDouble(rows, 3),
                      rows.getDouble(4),
                      rows.getDouble(5),
                      rows.getDouble(6),
                      grade == null ? null : Grade.valueOf(grade),
                      rows.getString(8),
                      Codec.pillars(rows.getString(9))));
            }
          }
          return points;
        });
  }

  /** The exchanges with at least one committed result, sorted. */
  public List<String> exchanges() {
    return reading(
        c -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement select =
                  c.prepareStatement(
                      "SELECT DISTINCT exchange_id FROM store_summary ORDER BY exchange_id");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              ids.add(rows.getString(1));
            }
          }
          return ids;
        });
  }

  public Optional<Snapshot> snapshot(String exchangeId, String runId) {
    return reading(c -> readSnapshot(c, exchangeId, runId));
  }

  public Optional<Snapshot> latestAtOrBefore(String exchangeId, Instant instant) {
    return reading(
        c -> {
          String runId;
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT run_id FROM store_summary WHERE exchange_id = ? AND as_of_ms <= ?"
                      + " ORDER BY as_of_ms DESC, committed_ms DESC, run_id DESC LIMIT 1")) {
            select.setString(1, exchangeId);
            select.setLong(2, instant.toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
              runId = rows.getString(1);
            }
          }
          return readSnapshot(c, exchangeId, runId);
        });
  }

  private Optional<Snapshot> readSnapshot(Connection c, String exchangeId, String runId)
      throws SQLException {
    Instant asOf;
    try (PreparedStatement select =
        c.prepareStatement(
            // schema 3 keeps the scorecard packed in the summary; earlier commits in
            // store_scorecard
            "SELECT s.as_of, s.scorecard, k.body, s.evidence_used FROM store_summary s"
                + " LEFT JOIN store_scorecard k"
                + " ON k.run_id = s.run_id AND k.exchange_id = s.exchange_id"
                + " WHERE s.run_id = ? AND s.exchange_id = ?")) {
      select.setString(1, runId);
      select.setString(2, exchangeId);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        asOf = Instant.parse(rows.getString(1));
        byte[] packed = rows.getBytes(2);
        String body = rows.getString(3);
        if (packed == null && body == null) {
          throw new IllegalStateException(
              "store "
                  + location().describe()
                  + " has no scorecard for "
                  + exchangeId
                  + " in run "
                  + runId);
        }
        Scorecard scorecard =
            packed != null ? Codec.packedScorecard(packed) : Codec.scorecard(body);
        byte[] evidenceUsed = rows.getBytes(4);
        List<Evidence> evidence =
            evidenceUsed != null
                ? usedEvidence(c, Codec.evidenceUsed(evidenceUsed))
                : usedEvidenceRows(c, runId, exchangeId);
        Map<String, CollectorOutcome> outcomes = new LinkedHashMap<>();
        try (PreparedStatement select2 =
            c.prepareStatement(
                "SELECT collector_id, body FROM store_outcome WHERE run_id = ? AND exchange_id = ?"
                    + " ORDER BY collector_id")) {
          select2.setString(1, runId);
          select2.setString(2, exchangeId);
          try (ResultSet outcomeRows = select2.executeQuery()) {
            while (outcomeRows.next()) {
              outcomes.put(outcomeRows.getString(1), Codec.outcome(outcomeRows.getString(2)));
            }
          }
        }
        EvidenceBundle bundle =
            new EvidenceBundle(exchangeId, asOf, evidence, List.copyOf(outcomes.values()));
        return Optional.of(new Snapshot(runId, bundle, scorecard));
      }
    }
  }

  /** The evidence of schema 4's packed list of uses, in its order: each distinct body read once. */
  private List<Evidence> usedEvidence(Connection c, List<Codec.EvidenceUse> uses)
      throws SQLException {
    Map<String, String> bodies = new HashMap<>();
    PreparedStatement select = prepared(c, "SELECT body FROM store_evidence WHERE digest = ?");
    List<Evidence> evidence = new ArrayList<>(uses.size());
    for (Codec.EvidenceUse use : uses) {
      String body = bodies.get(use.digest());
      if (body == null) {
        select.setString(1, use.digest());
        try (ResultSet rows = select.executeQuery()) {
          if (!rows.next()) {
            throw new IllegalStateException(
                "store " + location().describe() + " has no evidence " + use.digest());
          }
          body = rows.getString(1);
        }
        bodies.put(use.digest(), body);
      }
      evidence.add(Codec.evidence(body, use.retrievedAt()));
    }
    return evidence;
  }

  /** The evidence of a commit of schema 3 or earlier: its rows in store_run_evidence. */
  private static List<Evidence> usedEvidenceRows(Connection c, String runId, String exchangeId)
      throws SQLException {
    List<Evidence> evidence = new ArrayList<>();
    try (PreparedStatement used =
        c.prepareStatement(
            "SELECT e.body, u.retrieved_at FROM store_run_evidence u JOIN store_evidence e"
                + " ON e.digest = u.digest WHERE u.run_id = ? AND u.exchange_id = ?"
                + " ORDER BY u.position")) {
      used.setString(1, runId);
      used.setString(2, exchangeId);
      try (ResultSet evidenceRows = used.executeQuery()) {
        while (evidenceRows.next()) {
          evidence.add(
              Codec.evidence(evidenceRows.getString(1), Instant.parse(evidenceRows.getString(2))));
        }
      }
    }
    return evidence;
  }

  private static final long DAY_MS = 86_400_000L;

  /**
   * Records facts a backfill reconstructed, one per exchange, UTC day and fact identity: a fact
   * whose day and identity are already held is left out, and so is one whose day an assessed run of
   * the exchange covers (a real run wins for its date). One transaction.
   *
   * @return {recorded, already stored, covered by runs}
   */
  public int[] recordReconstructed(String backfillId, String exchangeId, List<Evidence> facts) {
    List<Object[]> rows = new ArrayList<>();
    for (Evidence e : facts) {
      if (!e.exchangeId().equals(exchangeId)) {
        throw new IllegalArgumentException(
            "evidence of " + e.exchangeId() + " in a backfill of " + exchangeId);
      }
      long observed = e.provenance().observedAt().toEpochMilli();
      String body = Codec.storedEvidence(e);
      rows.add(
          new Object[] {
            Codec.sha256(body),
            e.id(),
            body,
            e.provenance().retrievedAt().toString(),
            Math.floorDiv(observed, DAY_MS) * DAY_MS,
            observed,
            io.cexsafe.store.diff.FactIdentity.of(e)
          });
    }
    long recorded = clock.instant().toEpochMilli();
    return inTransaction(
        "could not record the backfill of " + exchangeId + " in",
        c -> {
          int added = 0;
          int held = 0;
          int covered = 0;
          try (PreparedStatement run =
                  c.prepareStatement(
                      "SELECT 1 FROM store_summary WHERE exchange_id = ?"
                          + " AND as_of_ms >= ? AND as_of_ms < ? LIMIT 1");
              PreparedStatement stored =
                  c.prepareStatement(
                      "INSERT INTO store_evidence (digest, evidence_id, exchange_id, body)"
                          + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
              PreparedStatement fact =
                  c.prepareStatement(
                      "INSERT INTO store_backfill (exchange_id, day_ms, identity, observed_ms,"
                          + " digest, retrieved_at, backfill_id, recorded_ms)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Object[] row : rows) {
              long day = (Long) row[4];
              run.setString(1, exchangeId);
              run.setLong(2, day);
              run.setLong(3, day + DAY_MS);
              try (ResultSet found = run.executeQuery()) {
                if (found.next()) {
                  covered++;
                  continue;
                }
              }
              stored.setString(1, (String) row[0]);
              stored.setString(2, (String) row[1]);
              stored.setString(3, exchangeId);
              stored.setString(4, (String) row[2]);
              stored.executeUpdate();
              fact.setString(1, exchangeId);
              fact.setLong(2, day);
              fact.setString(3, (String) row[6]);
              fact.setLong(4, (Long) row[5]);
              fact.setString(5, (String) row[0]);
              fact.setString(6, (String) row[3]);
              fact.setString(7, backfillId);
              fact.setLong(8, recorded);
              if (fact.executeUpdate() == 0) {
                held++;
              } else {
                added++;
              }
            }
          }
          return new int[] {added, held, covered};
        });
  }

  /**
   * The reconstructed facts of the exchange observed within {@code [from, to]} (null for no bound),
   * oldest first, leaving out every day an assessed run of the exchange covers.
   */
  public List<ReconstructedFact> reconstructed(String exchangeId, Instant from, Instant to) {
    long fromMs = from == null ? Long.MIN_VALUE : from.toEpochMilli();
    long toMs = to == null ? Long.MAX_VALUE : to.toEpochMilli();
    return reading(
        c -> {
          List<ReconstructedFact> facts = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT b.backfill_id, b.recorded_ms, e.body, b.retrieved_at"
                      + " FROM store_backfill b JOIN store_evidence e ON e.digest = b.digest"
                      + " WHERE b.exchange_id = ? AND b.observed_ms BETWEEN ? AND ?"
                      + " AND NOT EXISTS (SELECT 1 FROM store_summary s"
                      + " WHERE s.exchange_id = b.exchange_id AND s.as_of_ms >= b.day_ms"
                      + " AND s.as_of_ms < b.day_ms + "
                      + DAY_MS
                      + ") ORDER BY b.observed_ms, b.identity")) {
            select.setString(1, exchangeId);
            select.setLong(2, fromMs);
            select.setLong(3, toMs);
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                facts.add(
                    new ReconstructedFact(
                        rows.getString(1),
                        Codec.evidence(rows.getString(3), Instant.parse(rows.getString(4))),
                        Instant.ofEpochMilli(rows.getLong(2))));
              }
            }
          }
          return facts;
        });
  }

  private static void setDouble(PreparedStatement statement, int index, Double value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.DOUBLE);
    } else {
      statement.setDouble(index, value);
    }
  }

  private static Double getDouble(ResultSet rows, int index) throws SQLException {
    double value = rows.getDouble(index);
    return rows.wasNull() ? null : value;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      if (connection != null) {
        closeConnection();
      }
    }
  }

  /** Wraps a failure that is not an SQL error (used by callers that need the store's name). */
  public StoreException failure(String what, SQLException e) {
    return database.failure(what, e);
  }
}
