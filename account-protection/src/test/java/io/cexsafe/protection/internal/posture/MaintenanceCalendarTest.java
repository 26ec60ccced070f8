package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.TestInputs.parseAccount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.PostureReport.Cadence;
import io.cexsafe.protection.PostureReport.MaintenanceTask;
import io.cexsafe.protection.internal.ChecklistStep;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaintenanceCalendarTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 5, 4);

  private static ObjectNode reviews(ObjectNode account) {
    return (ObjectNode) account.get("lastReviews");
  }

  @Test
  void everyTaskSoonestDueFirst() {
    List<MaintenanceTask> tasks = MaintenanceCalendar.tasks(parseAccount(account()));

    assertThat(tasks)
        .extracting(MaintenanceTask::id)
        .containsExactly(
            "review-devices",
            "scan-security-history",
            "zero-value-tests",
            "audit-api-keys",
            "rotate-password",
            "validate-passkeys");
    assertThat(tasks).noneMatch(MaintenanceTask::overdue);
    assertThat(tasks.get(0).nextDue()).isEqualTo(LocalDate.of(2026, 5, 20));
    assertThat(tasks.get(3).cadence()).isEqualTo(Cadence.QUARTERLY);
    assertThat(tasks.get(3).nextDue()).isEqualTo(LocalDate.of(2026, 6, 1));
  }

  @Test
  void dueTodayIsNotOverdueDueYesterdayIs() {
    assertThat(
            MaintenanceCalendar.task(
                    "t",
                    Cadence.MONTHLY,
                    ChecklistStep.REVIEW_DEVICES,
                    LocalDate.of(2026, 4, 4),
                    TODAY)
                .overdue())
        .isFalse();
    MaintenanceTask late =
        MaintenanceCalendar.task(
            "t", Cadence.MONTHLY, ChecklistStep.REVIEW_DEVICES, LocalDate.of(2026, 4, 3), TODAY);
    assertThat(late.overdue()).isTrue();
    assertThat(late.nextDue()).isEqualTo(LocalDate.of(2026, 5, 3));
    assertThat(late.task()).isEqualTo(ChecklistStep.REVIEW_DEVICES.text());
  }

  @Test
  void aMonthAfterTheLastDayOfJanuaryIsTheLastDayOfFebruary() {
    MaintenanceTask task =
        MaintenanceCalendar.task(
            "t", Cadence.MONTHLY, ChecklistStep.REVIEW_DEVICES, LocalDate.of(2026, 1, 31), TODAY);

    assertThat(task.nextDue()).isEqualTo(LocalDate.of(2026, 2, 28));
  }

  @Test
  void neverDoneIsDueToday() {
    MaintenanceTask task =
        MaintenanceCalendar.task("t", Cadence.QUARTERLY, ChecklistStep.AUDIT_API_KEYS, null, TODAY);

    assertThat(task.lastDone()).isNull();
    assertThat(task.nextDue()).isEqualTo(TODAY);
    assertThat(task.overdue()).isTrue();
  }

  @Test
  void tasksForControlsNotInUseAreLeftOut() {
    ObjectNode account = account();
    account.putObject("withdrawalWhitelist").put("enabled", false).putArray("addresses");
    account.putArray("passkeys");
    account.putArray("apiKeys");
    reviews(account).putNull("devices");

    List<MaintenanceTask> tasks = MaintenanceCalendar.tasks(parseAccount(account));

    assertThat(tasks)
        .extracting(MaintenanceTask::id)
        .containsExactly("review-devices", "scan-security-history", "rotate-password");
    assertThat(tasks.get(0).overdue()).isTrue();
  }
}
