package io.cexsafe.protection.internal.conditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.ProtectionProgrammes;
import io.cexsafe.protection.internal.TestInputs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProgrammeConditionsTest {
  private static Integer parameterDays(ConditionCheck check) {
    return check.needsDays() ? 21 : null;
  }

  private static Integer parameterWorkingDays(ConditionCheck check) {
    return check.needsWorkingDays() ? 30 : null;
  }

  /** Every concrete condition type reachable from the sealed interface. */
  private static Set<Class<?>> leafTypes(Class<?> type) {
    Set<Class<?>> leaves = new HashSet<>();
    if (!type.isSealed()) {
      leaves.add(type);
      return leaves;
    }
    for (Class<?> sub : type.getPermittedSubclasses()) {
      leaves.addAll(leafTypes(sub));
    }
    return leaves;
  }

  @Test
  void everyCheckHasItsOwnTypeAndEveryTypeItsCheck() {
    List<Class<?>> types = new ArrayList<>();
    for (ConditionCheck check : ConditionCheck.values()) {
      var condition =
          TestInputs.condition(check, parameterDays(check), parameterWorkingDays(check));
      ProgrammeCondition typed = ProgrammeConditions.typeOf(condition);
      assertThat(typed.condition()).isSameAs(condition);
      types.add(typed.getClass());
    }

    assertThat(new HashSet<>(types)).hasSameSizeAs(types);
    assertThat(new HashSet<>(types)).isEqualTo(leafTypes(ProgrammeCondition.class));
  }

  @Test
  void theBundledProgrammeKeepsItsOrder() {
    ProgrammeConditions conditions = ProgrammeConditions.of(ProtectionProgrammes.cryptoComApp());

    assertThat(conditions.all())
        .extracting(c -> c.condition().number())
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(conditions.all().get(0)).isInstanceOf(MfaEnabledBeforeTransaction.class);
    assertThat(Arrays.asList(ConditionCheck.values()))
        .containsExactlyElementsOf(
            conditions.all().stream().map(c -> c.condition().check()).toList());
  }

  @Test
  void findsByTypeAndSaysWhenTheProgrammeLacksOne() {
    var programme =
        TestInputs.programmeWith(
            List.of(TestInputs.bundled(ConditionCheck.WITHDRAWAL_LOCK_ENABLED)));
    ProgrammeConditions conditions = ProgrammeConditions.of(programme);

    assertThat(conditions.numberOf(WithdrawalLockEnabled.class)).isEqualTo(3);
    assertThat(conditions.find(WithdrawalLockEnabled.class)).isPresent();
    assertThat(conditions.numberOf(MfaEnabledBeforeTransaction.class)).isNull();
    assertThat(conditions.find(SupportContactedWithinWorkingDays.class)).isEmpty();
    assertThat(conditions.find(EnabledBeforeTransaction.class)).isEmpty();
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> ProgrammeConditions.typeOf(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ProgrammeConditions.of(null)).isInstanceOf(NullPointerException.class);
  }
}
