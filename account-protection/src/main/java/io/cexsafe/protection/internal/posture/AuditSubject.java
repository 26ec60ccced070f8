package io.cexsafe.protection.internal.posture;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.ProtectionProgramme;
import io.cexsafe.protection.internal.conditions.ProgrammeConditions;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a posture check looks at: the account's settings and the programme it is audited against.
 *
 * @param account the settings
 * @param programme the programme
 * @param conditions the programme's conditions as types, so findings can name the condition they
 *     put at risk
 */
public record AuditSubject(
    AccountSettings account, ProtectionProgramme programme, ProgrammeConditions conditions) {
  public AuditSubject {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(conditions, "conditions");
  }

  public static AuditSubject of(AccountSettings account, ProtectionProgramme programme) {
    return new AuditSubject(account, programme, ProgrammeConditions.of(programme));
  }

  public LocalDate today() {
    return account.evaluatedOn();
  }
}
