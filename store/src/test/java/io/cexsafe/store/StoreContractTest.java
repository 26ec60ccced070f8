package io.cexsafe.store;

import static io.cexsafe.store.StoreFixtures.DAY_ONE;
import static io.cexsafe.store.StoreFixtures.bundle;
import static io.cexsafe.store.StoreFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.IncidentKind;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.store.diff.FactChange;
import io.cexsafe.store.diff.SnapshotDiff;
import io.cexsafe.store.internal.SchemaTwoWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every store must do, whatever database holds it: one subclass per database runs it all
 * (compare Micrometer's compatibility kit).
 */
abstract class StoreContractTest {
  StoreLocation location;

  /** A location for an empty store of the kind under test. */
  abstract StoreLocation newLocation() throws Exception;

  @BeforeEach
  void newStore() throws Exception {
    location = newLocation();
  }

  EvidenceStore open() {
    return EvidenceStore.open(location);
  }

  static RunPlan plan(String runId, Instant asOf, String... exchanges) {
    return new RunPlan(runId, asOf, List.of(exchanges), Map.of());
  }

  static Instant day(int n) {
    return DAY_ONE.plus(Duration.ofDays(n));
  }

  void commit(EvidenceStore store, String runId, EvidenceBundle bundle) {
    assertThat(store.commitExchange(runId, bundle, score(bundle))).isTrue();
  }

  @Test
  void anEmptyStoreHasNoRunsAndNoHistory() {
    try (EvidenceStore store = open()) {
      assertThat(store.runs()).isEmpty();
      assertThat(store.run("nope")).isEmpty();
      assertThat(store.history().exchanges()).isEmpty();
      assertThat(store.history().points("kraken")).isEmpty();
      assertThat(store.history().latestAtOrBefore("kraken", day(0))).isEmpty();
    }
  }

  @Test
  void aSnapshotComesBackExactlyAsCommitted() {
    EvidenceBundle bundle = bundle("kraken", day(0), 1_000_000_000L);
    Scorecard scorecard = score(bundle);
    try (EvidenceStore store = open()) {
      store.startRun(plan("run-1", day(0), "kraken"));
      assertThat(store.commitExchange("run-1", bundle, scorecard)).isTrue();
    }
    try (EvidenceStore store = open()) {
      Snapshot snapshot = store.history().snapshot("kraken", "run-1").orElseThrow();
      assertThat(snapshot.bundle().toJson()).isEqualTo(bundle.toJson());
      assertThat(snapshot.scorecard().toJson()).isEqualTo(scorecard.toJson());
      assertThat(snapshot.bundle()).isEqualTo(bundle);
      assertThat(snapshot.runId()).isEqualTo("run-1");
      assertThat(store.history().snapshot("kraken", "run-2")).isEmpty();
      assertThat(store.history().snapshot("binance", "run-1")).isEmpty();
    }
  }

  @Test
  void anInterruptedRunKeepsWhatItCommittedAndCanBeResumed() {
    try (EvidenceStore store = open()) {
      StoredRun started =
          store.startRun(
              new RunPlan(
                  "run-1",
                  day(0),
                  List.of("kraken", "binance", "okx"),
                  Map.of("as-of", "2026-11-01")));
      assertThat(started.finished()).isFalse();
      commit(store, "run-1", bundle("okx", day(0), 5));
      commit(store, "run-1", bundle("kraken", day(0), 7));
      // the process dies here: no finishRun
    }
    try (EvidenceStore store = open()) {
      StoredRun run = store.run("run-1").orElseThrow();
      assertThat(run.finished()).isFalse();
      assertThat(run.exchangesDone()).isEqualTo(2);
      assertThat(run.settings()).containsEntry("as-of", "2026-11-01");
      assertThat(run.exchangeIds()).containsExactly("kraken", "binance", "okx");
      assertThat(store.exchangesDone("run-1")).containsExactly("kraken", "okx");
      commit(store, "run-1", bundle("binance", day(0), 9));
      StoredRun finished = store.finishRun("run-1");
      assertThat(finished.finished()).isTrue();
      assertThat(finished.exchangesDone()).isEqualTo(3);
      assertThat(store.runs()).extracting(StoredRun::runId).containsExactly("run-1");
    }
  }

  @Test
  void committingAnExchangeTwiceKeepsTheFirst() {
    try (EvidenceStore store = open()) {
      store.startRun(plan("run-1", day(0), "kraken"));
      commit(store, "run-1", bundle("kraken", day(0), 7));
      EvidenceBundle other = bundle("kraken", day(0), 999);
      assertThat(store.commitExchange("run-1", other, score(other))).isFalse();
      assertThat(store.history().points("kraken")).hasSize(1);
      assertThat(store.history().snapshot("kraken", "run-1").orElseThrow().bundle())
          .isEqualTo(bundle("kraken", day(0), 7));
    }
  }

  @Test
  void unchangedEvidenceIsStoredOnceAcrossRuns() throws SQLException {
    try (EvidenceStore store = open()) {
      for (int day = 0; day < 3; day++) {
        String runId = "run-" + day;
        store.startRun(plan(runId, day(day), "kraken"));
        commit(store, runId, bundle("kraken", day(day), 1_000 + day));
        store.finishRun(runId);
      }
      // three reserve figures, one bug bounty that never changed (though retrieved each day)
      assertThat(count("store_evidence")).isEqualTo(4);
      // schema 4: each exchange's uses (digest, retrieval time) are packed in its summary row
      assertThat(count("store_run_evidence")).isZero();
      // and each run still gives back its own retrieval time
      for (int day = 0; day < 3; day++) {
        assertThat(store.history().snapshot("kraken", "run-" + day).orElseThrow().bundle())
            .isEqualTo(bundle("kraken", day(day), 1_000 + day));
      }
    }
  }

  @Test
  void historyShowsScoresGradesRangesConfidenceAndPillarsOverTime() {
    try (EvidenceStore store = open()) {
      for (int day = 0; day < 5; day++) {
        String runId = "run-" + day;
        store.startRun(plan(runId, day(day), "kraken", "binance"));
        commit(store, runId, bundle("kraken", day(day), 1_000_000L * (day + 1)));
        commit(store, runId, bundle("binance", day(day), 50));
        store.finishRun(runId);
      }
      List<HistoryPoint> points = store.history().points("kraken");
      assertThat(points)
          .extracting(HistoryPoint::runId)
          .containsExactly("run-0", "run-1", "run-2", "run-3", "run-4");
      Scorecard last = score(bundle("kraken", day(4), 5_000_000L));
      HistoryPoint point = points.get(4);
      assertThat(point.asOf()).isEqualTo(day(4));
      assertThat(point.estimate()).isEqualTo(last.estimate());
      assertThat(point.low()).isEqualTo(last.low());
      assertThat(point.high()).isEqualTo(last.high());
      assertThat(point.confidence()).isEqualTo(last.confidence());
      assertThat(point.grade()).isEqualTo(last.grade());
      assertThat(point.gradeLabel()).isEqualTo(last.gradeLabel());
      assertThat(point.pillars()).hasSize(last.pillars().size());
      assertThat(point.pillar(Pillar.CUSTODY).estimate())
          .isEqualTo(last.pillar(Pillar.CUSTODY).estimate());
      assertThat(point.pillar(Pillar.CUSTODY).coverage())
          .isEqualTo(last.pillar(Pillar.CUSTODY).coverage());

      assertThat(store.history().points("kraken", day(1), day(3)))
          .extracting(HistoryPoint::runId)
          .containsExactly("run-1", "run-2", "run-3");
      assertThat(store.history().points("kraken", day(3), null)).hasSize(2);
      assertThat(store.history().exchanges()).containsExactly("binance", "kraken");
      assertThatThrownBy(() -> store.history().points("kraken", day(3), day(1)))
          .isInstanceOf(IllegalArgumentException.class);

      assertThat(
              store
                  .history()
                  .latestAtOrBefore("kraken", day(2).plus(Duration.ofHours(5)))
                  .orElseThrow()
                  .runId())
          .isEqualTo("run-2");
      assertThat(store.history().latestAtOrBefore("kraken", day(-1))).isEmpty();
    }
  }

  @Test
  void badCallsAreRefusedWithoutWritingAnything() {
    try (EvidenceStore store = open()) {
      EvidenceBundle kraken = bundle("kraken", day(0), 7);
      EvidenceBundle binance = bundle("binance", day(0), 7);
      assertThatThrownBy(() -> store.commitExchange("nope", kraken, score(kraken)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no run nope");
      store.startRun(plan("run-1", day(0), "kraken"));
      assertThatThrownBy(() -> store.startRun(plan("run-1", day(1), "okx")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already exists");
      assertThatThrownBy(() -> store.commitExchange("run-1", binance, score(binance)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("does not cover exchange binance");
      assertThatThrownBy(() -> store.commitExchange("run-1", kraken, score(binance)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.finishRun("nope"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.exchangesDone("nope"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(store.exchangesDone("run-1")).isEmpty();
      assertThat(store.history().exchanges()).isEmpty();
    }
    assertThatThrownBy(() -> new RunPlan("bad id", day(0), List.of("kraken"), Map.of()))
        .hasMessageContaining("invalid run id 'bad id'");
    assertThatThrownBy(() -> new RunPlan("r", day(0), List.of("a", "a"), Map.of()))
        .hasMessageContaining("listed twice");
  }

  @Test
  void aClosedStoreRefusesWork() {
    EvidenceStore store = open();
    store.close();
    store.close();
    assertThatThrownBy(store::runs).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aStoreWrittenByANewerSchemaIsRefusedAndLeftAsItIs() throws SQLException {
    try (EvidenceStore store = open()) {
      store.startRun(plan("run-1", day(0), "kraken"));
    }
    int future = Integer.parseInt(EvidenceStore.schemaVersion()) + 1;
    execute(
        "INSERT INTO cexsafe_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success)"
            + " VALUES ("
            + future
            + ", '"
            + future
            + "', 'from the future', 'SQL', 'V"
            + future
            + "__from_the_future.sql', 0, 'test', 1, TRUE)");
    long runsBefore = count("store_run");
    assertThatThrownBy(this::open)
        .isInstanceOf(StoreSchemaTooNewException.class)
        .hasMessageContaining(location.describe())
        .hasMessageContaining("schema version " + future)
        .hasMessageContaining("upgrade cexsafe");
    assertThat(count("store_run")).isEqualTo(runsBefore);
    assertThat(count("cexsafe_schema_history")).isEqualTo(future);
  }

  @Test
  void aSchemaTwoStoreWithRunsIsMigratedAndItsRunsStillReadForHistoryAndDiff() throws Exception {
    EvidenceBundle oldKraken = bundle("kraken", day(0), 1_000_000);
    EvidenceBundle oldOkx = bundle("okx", day(0), 2_000_000);
    SchemaTwoWriter.createSchemaTwo(location);
    SchemaTwoWriter.storeRun(
        location,
        plan("run-old", day(0), "kraken", "okx"),
        day(0).toEpochMilli(),
        List.of(oldKraken, oldOkx),
        List.of(score(oldKraken), score(oldOkx)));
    assertThat(count("cexsafe_schema_history")).isEqualTo(2);
    EvidenceBundle newKraken = bundle("kraken", day(1), 1_500_000);
    try (EvidenceStore store = open()) {
      assertThat(count("cexsafe_schema_history"))
          .isEqualTo(Integer.parseInt(EvidenceStore.schemaVersion()));
      Snapshot old = store.history().snapshot("kraken", "run-old").orElseThrow();
      assertThat(old.bundle()).isEqualTo(oldKraken);
      assertThat(old.scorecard().toJson()).isEqualTo(score(oldKraken).toJson());
      assertThat(store.history().snapshot("okx", "run-old").orElseThrow().scorecard().toJson())
          .isEqualTo(score(oldOkx).toJson());
      StoredRun oldRun = store.run("run-old").orElseThrow();
      assertThat(oldRun.finished()).isTrue();
      assertThat(oldRun.exchangesDone()).isEqualTo(2);

      store.startRun(plan("run-new", day(1), "kraken"));
      commit(store, "run-new", newKraken);
      store.finishRun("run-new");
      // a new commit keeps its scorecard in its summary row: the old table is only read
      assertThat(count("store_scorecard")).isEqualTo(2);
      Snapshot latest = store.history().snapshot("kraken", "run-new").orElseThrow();
      assertThat(latest.bundle()).isEqualTo(newKraken);
      assertThat(latest.scorecard().toJson()).isEqualTo(score(newKraken).toJson());
      assertThat(store.history().latestAtOrBefore("kraken", day(0)).orElseThrow().runId())
          .isEqualTo("run-old");

      List<HistoryPoint> points = store.history().points("kraken");
      assertThat(points).extracting(HistoryPoint::runId).containsExactly("run-old", "run-new");
      assertThat(points.get(0).estimate()).isEqualTo(score(oldKraken).estimate());
      assertThat(points.get(0).pillars()).hasSameSizeAs(score(oldKraken).pillars());

      SnapshotDiff diff = SnapshotDiff.between(old, latest);
      assertThat(diff)
          .isEqualTo(
              SnapshotDiff.between(
                  "run-old", oldKraken, score(oldKraken), "run-new", newKraken, score(newKraken)));
      assertThat(diff.facts(FactChange.ChangeKind.CHANGED)).isNotEmpty();
    }
  }

  @Test
  void aSchemaThreeStoreWithRunsIsMigratedAndHistoryDiffResumeAndSnapshotsAnswerAsBefore()
      throws Exception {
    EvidenceBundle oldKraken = bundle("kraken", day(0), 1_000_000);
    EvidenceBundle oldOkx = bundle("okx", day(0), 2_000_000);
    EvidenceBundle cutKraken = bundle("kraken", day(1), 1_200_000);
    SchemaTwoWriter.createSchemaThree(location);
    SchemaTwoWriter.storeRunAsSchemaThree(
        location,
        plan("run-old", day(0), "kraken", "okx"),
        day(0).toEpochMilli(),
        List.of(oldKraken, oldOkx),
        List.of(score(oldKraken), score(oldOkx)));
    // a run that schema 3's code was interrupted in: kraken committed, okx not
    SchemaTwoWriter.storeRunAsSchemaThree(
        location,
        plan("run-cut", day(1), "kraken", "okx"),
        day(1).toEpochMilli(),
        List.of(cutKraken),
        List.of(score(cutKraken)));
    execute("UPDATE store_run SET finished_ms = NULL WHERE run_id = 'run-cut'");
    assertThat(count("cexsafe_schema_history")).isEqualTo(3);
    assertThat(count("store_run_evidence")).isEqualTo(6);

    EvidenceBundle cutOkx = bundle("okx", day(1), 2_500_000);
    try (EvidenceStore store = open()) {
      assertThat(count("cexsafe_schema_history"))
          .isEqualTo(Integer.parseInt(EvidenceStore.schemaVersion()));
      // snapshots of schema 3's rows: bundles (evidence, retrieval times, outcomes) and scorecards
      for (Object[] stored :
          List.of(
              new Object[] {"run-old", oldKraken},
              new Object[] {"run-old", oldOkx},
              new Object[] {"run-cut", cutKraken})) {
        EvidenceBundle bundle = (EvidenceBundle) stored[1];
        Snapshot snapshot =
            store.history().snapshot(bundle.exchangeId(), (String) stored[0]).orElseThrow();
        assertThat(snapshot.bundle()).isEqualTo(bundle);
        assertThat(snapshot.scorecard().toJson()).isEqualTo(score(bundle).toJson());
      }
      // history
      List<HistoryPoint> points = store.history().points("kraken");
      assertThat(points).extracting(HistoryPoint::runId).containsExactly("run-old", "run-cut");
      assertThat(points)
          .extracting(HistoryPoint::estimate)
          .containsExactly(score(oldKraken).estimate(), score(cutKraken).estimate());
      assertThat(points.get(1).pillars()).hasSameSizeAs(score(cutKraken).pillars());
      // diff between two schema 3 snapshots
      assertThat(
              SnapshotDiff.between(
                  store.history().snapshot("kraken", "run-old").orElseThrow(),
                  store.history().snapshot("kraken", "run-cut").orElseThrow()))
          .isEqualTo(
              SnapshotDiff.between(
                  "run-old", oldKraken, score(oldKraken), "run-cut", cutKraken, score(cutKraken)));
      // resume: the interrupted run is still open with kraken done, and completes with schema 4
      StoredRun cut = store.run("run-cut").orElseThrow();
      assertThat(cut.finished()).isFalse();
      assertThat(store.exchangesDone("run-cut")).containsExactly("kraken");
      assertThat(store.commitExchange("run-cut", cutKraken, score(cutKraken))).isFalse();
      commit(store, "run-cut", cutOkx);
      assertThat(store.finishRun("run-cut").exchangesDone()).isEqualTo(2);
      assertThat(store.exchangesDone("run-cut")).containsExactly("kraken", "okx");
      // the new commit wrote no evidence rows; old and new snapshots diff as their inputs do
      assertThat(count("store_run_evidence")).isEqualTo(6);
      Snapshot newOkx = store.history().snapshot("okx", "run-cut").orElseThrow();
      assertThat(newOkx.bundle()).isEqualTo(cutOkx);
      assertThat(newOkx.scorecard().toJson()).isEqualTo(score(cutOkx).toJson());
      assertThat(
              SnapshotDiff.between(
                  store.history().snapshot("okx", "run-old").orElseThrow(), newOkx))
          .isEqualTo(
              SnapshotDiff.between(
                  "run-old", oldOkx, score(oldOkx), "run-cut", cutOkx, score(cutOkx)));
      assertThat(store.history().latestAtOrBefore("okx", day(5)).orElseThrow().runId())
          .isEqualTo("run-cut");
    }
  }

  @Test
  @Timeout(180)
  void concurrentWritersNeitherCorruptNorDuplicate() throws Exception {
    List<String> exchanges = IntStream.range(0, 24).mapToObj(i -> "ex-" + i).toList();
    try (EvidenceStore store = open()) {
      store.startRun(new RunPlan("run-1", day(0), exchanges, Map.of()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try (EvidenceStore shared = open()) {
      List<Callable<Integer>> writers = new ArrayList<>();
      for (int w = 0; w < 6; w++) {
        boolean ownStore = w % 2 == 0;
        int writer = w;
        writers.add(
            () -> {
              EvidenceStore store = ownStore ? open() : shared;
              try {
                int stored = 0;
                // every writer tries every exchange, each starting elsewhere
                for (int i = 0; i < exchanges.size(); i++) {
                  String exchange = exchanges.get((i + writer * 4) % exchanges.size());
                  EvidenceBundle bundle = bundle(exchange, day(0), 100 + exchange.length());
                  if (store.commitExchange("run-1", bundle, score(bundle))) {
                    stored++;
                  }
                }
                return stored;
              } finally {
                if (ownStore) {
                  store.close();
                }
              }
            });
      }
      int stored = 0;
      for (Future<Integer> result : pool.invokeAll(writers)) {
        stored += result.get();
      }
      assertThat(stored).isEqualTo(exchanges.size());
      assertThat(shared.exchangesDone("run-1")).containsExactlyElementsOf(exchanges);
      assertThat(count("store_summary")).isEqualTo(exchanges.size());
      assertThat(count("store_outcome")).isEqualTo(3L * exchanges.size());
      for (String exchange : exchanges) {
        assertThat(shared.history().snapshot(exchange, "run-1").orElseThrow().bundle())
            .isEqualTo(bundle(exchange, day(0), 100 + exchange.length()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A reserve figure a backfill reconstructed on day 10 for the start of {@code day}. */
  static Evidence rebuiltReserves(String exchange, int day, long usd) {
    return Evidence.of(
        exchange,
        new ReserveSnapshot(BigDecimal.valueOf(usd), null, null, true),
        Provenance.builder("defillama")
            .source("https://defillama.example.test/cex/" + exchange, "reserve history")
            .observedAt(day(day).truncatedTo(ChronoUnit.DAYS))
            .retrievedAt(day(10))
            .evidenceClass(EvidenceClass.THIRD_PARTY_REPORT)
            .note("reconstructed by backfill")
            .build());
  }

  static Evidence rebuiltIncident(String exchange, String date) {
    LocalDate day = LocalDate.parse(date);
    return Evidence.of(
        exchange,
        Incident.builder(day, IncidentKind.HACK).lossUsd(BigDecimal.TEN).build(),
        Provenance.builder("defillama")
            .source("https://defillama.example.test/hacks", "hacks")
            .observedAt(day.atStartOfDay(ZoneOffset.UTC).toInstant())
            .retrievedAt(day(10))
            .evidenceClass(EvidenceClass.THIRD_PARTY_REPORT)
            .note("reconstructed by backfill")
            .build());
  }

  @Test
  void aBackfillIsRecordedOnceAndReadBackAsReconstructedPointsWithoutScores() {
    List<Evidence> past =
        List.of(
            rebuiltReserves("kraken", -3, 900),
            rebuiltReserves("kraken", -2, 800),
            rebuiltReserves("kraken", -1, 700),
            rebuiltIncident("kraken", "2026-10-30"));
    try (EvidenceStore store = open()) {
      assertThat(store.recordReconstructed("bf-1", "kraken", past))
          .isEqualTo(new BackfillOutcome(4, 0, 0));
      // again, and again with another id: nothing twice
      assertThat(store.recordReconstructed("bf-1", "kraken", past))
          .isEqualTo(new BackfillOutcome(0, 4, 0));
      assertThat(store.recordReconstructed("bf-2", "kraken", past.subList(0, 2)))
          .isEqualTo(new BackfillOutcome(0, 2, 0));
      store.startRun(plan("run-1", day(0), "kraken"));
      commit(store, "run-1", bundle("kraken", day(0), 1_000));
    }
    try (EvidenceStore store = open()) {
      List<HistoryPoint> points = store.history().points("kraken");
      assertThat(points)
          .extracting(HistoryPoint::runId)
          .containsExactly("bf-1", "bf-1", "bf-1", "run-1");
      assertThat(points)
          .extracting(HistoryPoint::reconstructed)
          .containsExactly(true, true, true, false);
      HistoryPoint first = points.get(0);
      assertThat(first.asOf()).isEqualTo(Instant.parse("2026-10-29T00:00:00Z"));
      assertThat(first.reservesUsd()).isEqualByComparingTo("900");
      assertThat(first.estimate()).isNull();
      assertThat(first.grade()).isNull();
      assertThat(first.gradeLabel()).isEqualTo(HistoryPoint.RECONSTRUCTED_LABEL);
      assertThat(first.pillars()).isEmpty();
      assertThat(points.get(3).reservesUsd()).isNull();
      // the incident's day also has reserves: one point per day
      assertThat(points.get(1).reservesUsd()).isEqualByComparingTo("800");

      List<ReconstructedFact> facts = store.history().reconstructed("kraken", null, null);
      assertThat(facts).hasSize(4);
      assertThat(facts).extracting(f -> f.evidence()).containsAll(past);
      assertThat(facts).allMatch(ReconstructedFact::reconstructed);
      assertThat(facts.get(0).evidence().provenance().retrievedAt()).isEqualTo(day(10));
      // a range, and an exchange without a backfill
      assertThat(store.history().reconstructed("kraken", day(-2).minusSeconds(43_200), day(-2)))
          .hasSize(2);
      assertThat(store.history().points("binance")).isEmpty();
      // nothing reconstructed ever passes for a run
      assertThat(store.runs()).extracting(StoredRun::runId).containsExactly("run-1");
      assertThat(store.history().snapshot("kraken", "bf-1")).isEmpty();
      assertThat(store.history().latestAtOrBefore("kraken", day(-1))).isEmpty();
    }
  }

  @Test
  void anAssessedRunWinsForItsDateBeforeAndAfterTheBackfill() {
    try (EvidenceStore store = open()) {
      store.startRun(plan("run-1", day(-2), "kraken"));
      commit(store, "run-1", bundle("kraken", day(-2), 1_000));
      // day -2 is the run's: left out
      assertThat(
              store.recordReconstructed(
                  "bf-1",
                  "kraken",
                  List.of(rebuiltReserves("kraken", -2, 1), rebuiltReserves("kraken", -1, 2))))
          .isEqualTo(new BackfillOutcome(1, 0, 1));
      // a run stored later for day -1 hides that day's reconstructed point
      store.startRun(plan("run-2", day(-1), "kraken"));
      commit(store, "run-2", bundle("kraken", day(-1), 3));
      assertThat(store.history().points("kraken"))
          .extracting(HistoryPoint::runId)
          .containsExactly("run-1", "run-2");
      assertThat(store.history().reconstructed("kraken", null, null)).isEmpty();
    }
  }

  @Test
  void aBackfillOfAnotherExchangesFactsIsRefusedWhole() throws SQLException {
    try (EvidenceStore store = open()) {
      assertThatThrownBy(
              () ->
                  store.recordReconstructed(
                      "bf-1",
                      "kraken",
                      List.of(rebuiltReserves("kraken", -1, 1), rebuiltReserves("okx", -1, 1))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("okx");
      assertThatThrownBy(() -> store.recordReconstructed(" ", "kraken", List.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(count("store_backfill")).isZero();
  }

  long count(String table) throws SQLException {
    try (Connection connection = DriverManager.getConnection(location.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(location.jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
