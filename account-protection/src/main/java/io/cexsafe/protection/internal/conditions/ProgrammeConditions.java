package io.cexsafe.protection.internal.conditions;

import io.cexsafe.protection.ProtectionProgramme;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A programme's minimum conditions as types, in the programme's order. */
public final class ProgrammeConditions {
  private final List<ProgrammeCondition> conditions;

  private ProgrammeConditions(List<ProgrammeCondition> conditions) {
    this.conditions = List.copyOf(conditions);
  }

  public static ProgrammeConditions of(ProtectionProgramme programme) {
    Objects.requireNonNull(programme, "programme");
    return new ProgrammeConditions(
        programme.minimumConditions().stream().map(ProgrammeConditions::typeOf).toList());
  }

  /**
   * The one place where the programme-file vocabulary ({@code check} names) meets the types that
   * implement them.
   */
  public static ProgrammeCondition typeOf(MinimumCondition condition) {
    Objects.requireNonNull(condition, "condition");
    return switch (condition.check()) {
      case MFA_ENABLED_BEFORE_TRANSACTION -> new MfaEnabledBeforeTransaction(condition);
      case ANTI_PHISHING_CODE_ENABLED_BEFORE_TRANSACTION ->
          new AntiPhishingCodeEnabledBeforeTransaction(condition);
      case WITHDRAWAL_LOCK_ENABLED -> new WithdrawalLockEnabled(condition);
      case DEVICE_NOT_JAILBROKEN -> new DeviceNotJailbroken(condition);
      case POLICE_REPORT_FILED -> new PoliceReportFiled(condition);
      case SECURITY_QUESTIONNAIRE_COMPLETED -> new SecurityQuestionnaireCompleted(condition);
      case SUPPORT_CONTACTED_WITHIN_WORKING_DAYS ->
          new SupportContactedWithinWorkingDays(condition);
      case ACCOUNT_IN_GOOD_STANDING -> new AccountInGoodStanding(condition);
      case LOSS_FROM_TRANSFER_OUT -> new LossFromTransferOut(condition);
    };
  }

  public List<ProgrammeCondition> all() {
    return conditions;
  }

  /** The programme's first condition of this type, if it has one. */
  public <T extends ProgrammeCondition> Optional<T> find(Class<T> type) {
    return conditions.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** The number of the programme's first condition of this type, or null when it has none. */
  public Integer numberOf(Class<? extends ProgrammeCondition> type) {
    return find(type).map(c -> c.condition().number()).orElse(null);
  }
}
