package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.Set;

/**
 * An account security control and how it is offered.
 *
 * @param control which control
 * @param availability mandatory, on by default, optional or not offered
 * @param lockPeriodHours for address whitelists and locks: the waiting period, or null
 * @param visibleInApp the control is reachable in the mobile app's settings; null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("security-control")
public record SecurityControl(
    AccountControl control,
    ControlAvailability availability,
    Integer lockPeriodHours,
    Boolean visibleInApp,
    String detail)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param control which control
   * @param availability mandatory, on by default, optional or not offered
   * @param lockPeriodHours for address whitelists and locks: the waiting period, or null
   * @param visibleInApp the control is reachable in the mobile app's settings; null when unknown
   * @param detail what the exchange says about it, or null
   */
  public SecurityControl {
    Checks.required(control, "control");
    Checks.required(availability, "availability");
    Checks.nonNegative(lockPeriodHours, "lockPeriodHours");
    detail = Checks.optionalText(detail);
  }

  /**
   * A control with nothing known beyond its availability.
   *
   * @param control which control
   * @param availability mandatory, on by default, optional or not offered
   */
  public SecurityControl(AccountControl control, ControlAvailability availability) {
    this(control, availability, null, null, null);
  }

  @Override
  public Set<Pillar> pillars() {
    return visibleInApp == null
        ? Set.of(Pillar.APP_SECURITY)
        : Set.of(Pillar.APP_SECURITY, Pillar.USER_EXPERIENCE);
  }

  @Override
  public String summary() {
    return Checks.words(control)
        + ": "
        + Checks.words(availability)
        + (lockPeriodHours == null ? "" : ", " + lockPeriodHours + " h lock")
        + (detail == null ? "" : " (" + detail + ")");
  }
}
