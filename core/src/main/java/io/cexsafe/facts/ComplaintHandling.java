package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.Set;

/**
 * The published complaint and escalation process.
 *
 * @param resolutionWorkingDays committed time to a final answer, or null when none is published
 * @param escalationPath a documented path beyond first-line support (e.g. an ombudsman)
 * @param emergencyPath a documented urgent path for compromised accounts (e.g. lock and report)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("complaint-handling")
public record ComplaintHandling(
    Integer resolutionWorkingDays, Boolean escalationPath, Boolean emergencyPath, String detail)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param resolutionWorkingDays committed time to a final answer, or null when none is published
   * @param escalationPath a documented path beyond first-line support (e.g. an ombudsman)
   * @param emergencyPath a documented urgent path for compromised accounts (e.g. lock and report)
   * @param detail what the exchange says about it, or null
   */
  public ComplaintHandling {
    Checks.nonNegative(resolutionWorkingDays, "resolutionWorkingDays");
    detail = Checks.optionalText(detail);
    if (resolutionWorkingDays == null && escalationPath == null && emergencyPath == null) {
      throw new IllegalArgumentException("complaint handling must state at least one property");
    }
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.SUPPORT);
  }

  @Override
  public String summary() {
    return "complaints"
        + (resolutionWorkingDays == null
            ? ""
            : " answered within " + resolutionWorkingDays + " working days")
        + (Boolean.TRUE.equals(escalationPath) ? ", escalation path" : "")
        + (Boolean.TRUE.equals(emergencyPath) ? ", emergency path" : "");
  }
}
