package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.scoring.Scorer;
import io.cexsafe.store.EvidenceStore;
import io.cexsafe.store.RunPlan;
import io.cexsafe.store.StoreLocation;
import io.cexsafe.store.StoredRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session's writer thread: order, waiting for it, and what it does with failures. */
class StoreSessionTest {
  private static final Instant AS_OF = Instant.parse("2026-11-01T12:00:00Z");
  private static final Scorer SCORER = Scorer.standard();

  @TempDir Path dir;

  private static EvidenceBundle empty(String exchangeId) {
    return new EvidenceBundle(exchangeId, AS_OF, List.of(), List.of());
  }

  private final PrintWriter err = new PrintWriter(new StringWriter(), true);

  @Test
  void everyExchangeHandedOverIsCommittedBeforeTheRunIsFinished() {
    Path file = dir.resolve("runs.db");
    List<String> ids = IntStream.range(0, 12).mapToObj(i -> "ex-" + i).toList();
    try (StoreSession session = StoreSession.open(file.toString())) {
      session.start(new RunPlan("run-1", AS_OF, ids, Map.of()), err);
      for (String id : ids) {
        session.commit(empty(id), SCORER);
        assertThat(session.scorecard(id)).isNotNull();
      }
      session.finish();
      assertThat(session.failed()).isFalse();
      assertThat(session.report(err, Main.OK)).isEqualTo(Main.OK);
    }
    try (EvidenceStore store = EvidenceStore.open(StoreLocation.sqlite(file))) {
      StoredRun run = store.run("run-1").orElseThrow();
      assertThat(run.finished()).isTrue();
      assertThat(store.exchangesDone("run-1")).containsExactlyElementsOf(ids);
    }
  }

  @Test
  void closingWithoutFinishingStillCommitsWhatWasHandedOverAndLeavesTheRunOpen() {
    Path file = dir.resolve("runs.db");
    try (StoreSession session = StoreSession.open(file.toString())) {
      session.start(new RunPlan("run-1", AS_OF, List.of("a", "b", "c"), Map.of()), err);
      session.commit(empty("a"), SCORER);
      session.commit(empty("b"), SCORER);
      // the command stops here (an exception): close() is all that runs
    }
    try (EvidenceStore store = EvidenceStore.open(StoreLocation.sqlite(file))) {
      assertThat(store.run("run-1").orElseThrow().finished()).isFalse();
      assertThat(store.exchangesDone("run-1")).containsExactly("a", "b");
    }
  }

  @Test
  void aCommitThatFailsForAnotherReasonThanTheStoreIsRethrownByFinish() {
    Path file = dir.resolve("runs.db");
    try (StoreSession session = StoreSession.open(file.toString())) {
      session.start(new RunPlan("run-1", AS_OF, List.of("a", "b"), Map.of()), err);
      session.commit(empty("a"), SCORER);
      // outside the run's plan: the store refuses it as a bad call, which is a bug here
      session.commit(empty("stray"), SCORER);
      session.commit(empty("b"), SCORER);
      assertThatThrownBy(session::finish)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("does not cover exchange stray");
    }
    try (EvidenceStore store = EvidenceStore.open(StoreLocation.sqlite(file))) {
      assertThat(store.run("run-1").orElseThrow().finished()).isFalse();
      assertThat(store.exchangesDone("run-1")).containsExactly("a");
    }
  }

  @Test
  void aStoreThatCouldNotBeOpenedScoresEverythingAndReportsExitFour() {
    // no server listens on port 1: the store cannot be opened, nothing is handed over
    StoreSession session = StoreSession.open("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
    try (session) {
      assertThat(session.failed()).isTrue();
      session.start(new RunPlan("run-1", AS_OF, List.of("a"), Map.of()), err);
      session.commit(empty("a"), SCORER);
      session.finish();
      assertThat(session.scorecard("a")).isNotNull();
      StringWriter text = new StringWriter();
      assertThat(session.report(new PrintWriter(text, true), Main.OK)).isEqualTo(Main.STORE_FAILED);
      assertThat(text.toString()).contains("run run-1 is not completely stored");
    }
  }

  @Test
  void aStoreOpenedWhileChoosingIsWaitedForAndUsedAsAnyOther() {
    Path file = dir.resolve("runs.db");
    try (StoreSession session = StoreSession.openWhileChoosing(file.toString())) {
      session.start(new RunPlan("run-1", AS_OF, List.of("a", "b"), Map.of()), err);
      session.commit(empty("a"), SCORER);
      session.commit(empty("b"), SCORER);
      session.finish();
      assertThat(session.failed()).isFalse();
    }
    try (EvidenceStore store = EvidenceStore.open(StoreLocation.sqlite(file))) {
      assertThat(store.run("run-1").orElseThrow().finished()).isTrue();
      assertThat(store.exchangesDone("run-1")).containsExactly("a", "b");
    }
  }

  @Test
  void aCorruptStoreOpenedWhileChoosingIsBadInputWhenWaitedForAndIsLeftAsItIs()
      throws java.io.IOException {
    Path file = dir.resolve("broken.db");
    java.nio.file.Files.writeString(file, "not a database\n".repeat(100));
    StoreSession session = StoreSession.openWhileChoosing(file.toString());
    assertThatThrownBy(session::awaitOpen)
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("corrupt");
    // thrown once: closing after the command ended with it adds nothing
    session.close();
    assertThat(java.nio.file.Files.readString(file)).isEqualTo("not a database\n".repeat(100));
  }

  @Test
  void aStoreThatCannotBeOpenedWhileChoosingIsAFailureKeptForTheEnd() {
    StoreSession session =
        StoreSession.openWhileChoosing("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
    try (session) {
      assertThat(session.failed()).isTrue();
      session.start(new RunPlan("run-1", AS_OF, List.of("a"), Map.of()), err);
      session.commit(empty("a"), SCORER);
      session.finish();
      assertThat(session.report(err, Main.OK)).isEqualTo(Main.STORE_FAILED);
    }
  }

  @Test
  void anInvalidStoreValueIsRefusedAtOnceEvenInTheBackground() {
    assertThatThrownBy(() -> StoreSession.openWhileChoosing("jdbc:mysql://host/db"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("invalid --store");
  }
}
